SELECT id, title, body, created_at, updated_at FROM notes WHERE id = ?1
