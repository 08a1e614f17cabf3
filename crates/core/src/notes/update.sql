UPDATE notes SET title = :title, body = :body, updated_at = :now
WHERE id = :id
