-- innotrack schema, version 2: imports.  Regions and targets can now come
-- from an import batch too, like the other registers.
ALTER TABLE region ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE target ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
CREATE INDEX import_batch_sha ON import_batch(sha256);
