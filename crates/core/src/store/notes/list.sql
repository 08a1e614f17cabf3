SELECT id, title, substr(body, 1, 400), updated_at FROM notes
ORDER BY updated_at DESC, id DESC
