SELECT id FROM notes WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2
