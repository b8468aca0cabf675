-- innotrack schema, version 4: an import that adds rows records them as one
-- run of ids (row_id .. row_last) in a single audit row, instead of one
-- audit row per added row (a million-row import wrote a million).  A row
-- added by a batch needs no image: it is as the batch left it while its
-- batch_id is the batch's and its version is 1 plus the audit rows written
-- for it since (core/batch.c).  row_last is NULL for an audit row of one row.
ALTER TABLE audit ADD COLUMN row_last INTEGER;
