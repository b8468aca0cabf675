-- innotrack schema: cooperation registers completed and the task tables
-- made assessable.  Institutes say their country; a partnership a
-- document planned (003 附件2) keeps that document and has no date
-- until it is signed; the units taking part in a matchmaking event are
-- rows of their own (many per event); a task says whether its document
-- has a totals row; a target may lie outside the totals (a city
-- departments' row), name who answers for it, and hold a sub-target
-- inside the cell ("含省级以上重点实验室1个"); an entered actual may hold
-- the sub-target's figure; weights and caps for the yearly assessment.
ALTER TABLE institute ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE partnership ADD COLUMN plan_doc_id INTEGER REFERENCES policy_doc(id);

CREATE TABLE event_party (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  institute_id  INTEGER REFERENCES institute(id),
  enterprise_id INTEGER REFERENCES enterprise(id),
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT, updated_at TEXT,
  CHECK ((institute_id IS NULL) <> (enterprise_id IS NULL)),
  UNIQUE (event_id, institute_id, enterprise_id)
) STRICT;
CREATE INDEX event_party_institute ON event_party(institute_id);
CREATE INDEX event_party_enterprise ON event_party(enterprise_id);
-- the one institute an event named before becomes its first party
INSERT INTO event_party (event_id, institute_id)
  SELECT id, institute_id FROM event WHERE institute_id IS NOT NULL;

ALTER TABLE task ADD COLUMN totals INTEGER NOT NULL DEFAULT 0;

ALTER TABLE task_target ADD COLUMN outside_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_target ADD COLUMN responsible TEXT NOT NULL DEFAULT '';
ALTER TABLE task_target ADD COLUMN sub_name TEXT NOT NULL DEFAULT '';
ALTER TABLE task_target ADD COLUMN sub_value REAL;
ALTER TABLE task_target ADD COLUMN sub_counter TEXT;

ALTER TABLE task_actual ADD COLUMN sub_value REAL;
ALTER TABLE task_actual ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE task_weight (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  weight     REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  cap_pct    REAL NOT NULL DEFAULT 100 CHECK (cap_pct > 0),
  note       TEXT NOT NULL DEFAULT '',
  batch_id   INTEGER REFERENCES import_batch(id),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT, updated_at TEXT,
  UNIQUE (task_id, year)
) STRICT;

CREATE INDEX partnership_institute ON partnership(institute_id);
CREATE INDEX platform_institute ON platform(institute_id);
CREATE INDEX project_institute ON project(institute_id);
CREATE INDEX achievement_institute ON achievement(institute_id);
CREATE INDEX talent_institute ON talent(institute_id);
CREATE INDEX task_actual_region ON task_actual(region_id, task_id);

-- An event's own institute (its form's, a file's 合作院所) is always among
-- its parties; one row per party.
CREATE UNIQUE INDEX event_party_one_institute ON event_party(event_id, institute_id)
  WHERE institute_id IS NOT NULL;
CREATE UNIQUE INDEX event_party_one_enterprise ON event_party(event_id, enterprise_id)
  WHERE enterprise_id IS NOT NULL;
CREATE TRIGGER event_institute_party AFTER INSERT ON event WHEN NEW.institute_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO event_party (event_id, institute_id) VALUES (NEW.id, NEW.institute_id);
END;
CREATE TRIGGER event_institute_party_changed AFTER UPDATE OF institute_id ON event
  WHEN NEW.institute_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO event_party (event_id, institute_id) VALUES (NEW.id, NEW.institute_id);
END;

-- The document that named a county or township innovative (004).
ALTER TABLE region_designation ADD COLUMN doc_id INTEGER REFERENCES policy_doc(id);
