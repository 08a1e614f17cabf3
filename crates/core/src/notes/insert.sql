INSERT INTO notes (id, title, body, created_at, updated_at)
VALUES (:id, :title, :body, :now, :now)
