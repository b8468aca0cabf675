-- innotrack schema, version 10: a talent's stage changed by an import is
-- a move, as a firm's tier is (008): dated by the file's period, by the
-- batch's login, and taken back when the batch is undone.  Only a newer
-- batch moves it (undoing gives the row an older batch id back, which is
-- no move); a talent a file adds has no move.  The record's form records
-- its own moves (core/pipe.c: pipe_form_move), after the talent rules.
ALTER TABLE talent_stage ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
CREATE TRIGGER talent_stage_import AFTER UPDATE OF stage ON talent
WHEN old.stage IS NOT new.stage AND new.batch_id > coalesce(old.batch_id, 0)
BEGIN
  INSERT INTO talent_stage(talent_id, stage, on_date, login, batch_id)
  SELECT new.id, new.stage, coalesce(b.period_end, substr(b.started_at, 1, 10)), b.login, b.id
  FROM import_batch b WHERE b.id = new.batch_id;
END;
CREATE TRIGGER import_batch_undo_talent_moves AFTER UPDATE OF undone_at ON import_batch
WHEN new.undone_at IS NOT NULL
BEGIN
  DELETE FROM talent_stage WHERE batch_id = new.id;
END;
