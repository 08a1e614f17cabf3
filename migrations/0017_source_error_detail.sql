-- Why a source could not be read, as the window words it in the learner's language
-- (`satchel_types::ErrorDetail` as JSON); the code and English message stay beside it.
ALTER TABLE sources ADD COLUMN error_detail TEXT;
