-- A document is shown page by page, each page drawn beside its text, with the lines the
-- OCR read outlined on it. That needs each page's size, and a protected PDF's password
-- to draw its pages again. The password is kept here, in the encrypted store, beside
-- the text it unlocked, which is already here.
CREATE TABLE page_sizes (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    -- As shown (rotation applied): pixels for a picture, points for a PDF page.
    width REAL NOT NULL,
    height REAL NOT NULL,
    PRIMARY KEY (source_id, page)
) STRICT, WITHOUT ROWID;

ALTER TABLE sources ADD COLUMN document_password TEXT;

-- A region's box is now in its page's unit. Documents read before this held boxes on
-- the scan's own picture, which cannot be placed on the page: they are dropped (the
-- text stays).
UPDATE regions SET x = NULL, y = NULL, width = NULL, height = NULL
WHERE source_id IN (SELECT id FROM sources WHERE kind = 'document');
