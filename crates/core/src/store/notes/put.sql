-- A note as written here or as a peer shares it: new, or its title and body replaced.
-- Nothing changes (and nothing is reported) when they are already what is written.
INSERT INTO notes (id, title, body, created_at, updated_at)
VALUES (:id, :title, :body, :now, :now)
ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body,
                               updated_at = excluded.updated_at
WHERE notes.title != excluded.title OR notes.body != excluded.body
