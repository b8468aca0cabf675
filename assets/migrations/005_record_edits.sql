-- innotrack schema, version 5: every register a clerk can edit in the
-- program says who changed a row last and when, like the others, so that
-- the record editor treats every kind alike; documents, indicators and
-- tasks can come from an import batch (data packs load through the
-- importer) and be undone with it.
ALTER TABLE policy_doc ADD COLUMN updated_by TEXT;
ALTER TABLE policy_doc ADD COLUMN updated_at TEXT;
ALTER TABLE policy_doc ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE task ADD COLUMN updated_by TEXT;
ALTER TABLE task ADD COLUMN updated_at TEXT;
ALTER TABLE task ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE indicator ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
ALTER TABLE region_designation ADD COLUMN updated_by TEXT;
ALTER TABLE region_designation ADD COLUMN updated_at TEXT;
ALTER TABLE region_designation ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
