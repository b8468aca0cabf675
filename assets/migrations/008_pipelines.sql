-- innotrack schema, version 6: the enterprise and talent pipelines.
--
-- A move along the ladder is an event: the firm went from one rung to
-- another on a day, for a reason, by a login (or by an import batch,
-- dated by the file's period).  The rung a firm stood on at a date is the
-- one its latest move up to that date entered; left_on is not used.
ALTER TABLE enterprise_stage ADD COLUMN from_tier TEXT;
ALTER TABLE enterprise_stage ADD COLUMN login TEXT;
ALTER TABLE enterprise_stage ADD COLUMN batch_id INTEGER REFERENCES import_batch(id);
CREATE INDEX enterprise_stage_on ON enterprise_stage(enterprise_id, entered_on);

-- Whom to call about a firm (a certificate about to lapse).
ALTER TABLE enterprise ADD COLUMN contact TEXT;
ALTER TABLE enterprise ADD COLUMN phone TEXT;

-- The period a batch's file reports on (its last day), which dates the
-- moves an import makes.
ALTER TABLE import_batch ADD COLUMN period_end TEXT;

-- An import that puts a firm on another rung records the move, dated by
-- the file's period.  Only a newer batch moves it: undoing a batch gives
-- the row an older batch id back, which is no move.  A firm a file adds
-- has no move: when it came onto its rung is not known, and it stands
-- there at any date until its first move.
CREATE TRIGGER enterprise_tier_import AFTER UPDATE OF tier ON enterprise
WHEN old.tier IS NOT new.tier AND new.batch_id > coalesce(old.batch_id, 0)
BEGIN
  INSERT INTO enterprise_stage(enterprise_id, from_tier, tier, entered_on, login, batch_id)
  SELECT new.id, old.tier, new.tier, coalesce(b.period_end, substr(b.started_at, 1, 10)),
         b.login, b.id
  FROM import_batch b WHERE b.id = new.batch_id;
END;
-- A clerk who corrects the tier in the record's form moves the firm too:
-- the move is recorded on the day of the save, without a reason.  A move
-- made as such (core/pipe.c) writes its row first, which this sees.
CREATE TRIGGER enterprise_tier_edit AFTER UPDATE OF tier ON enterprise
WHEN old.tier IS NOT new.tier AND new.batch_id IS old.batch_id AND new.version > old.version
 AND NOT EXISTS (SELECT 1 FROM enterprise_stage s WHERE s.enterprise_id = new.id
                 AND s.id = (SELECT max(id) FROM enterprise_stage WHERE enterprise_id = new.id)
                 AND s.tier = new.tier AND s.from_tier IS old.tier AND s.batch_id IS NULL)
BEGIN
  INSERT INTO enterprise_stage(enterprise_id, from_tier, tier, entered_on, login)
  VALUES (new.id, old.tier, new.tier, substr(coalesce(new.updated_at, datetime('now')), 1, 10),
          new.updated_by);
END;
CREATE TRIGGER import_batch_undo_moves AFTER UPDATE OF undone_at ON import_batch
WHEN new.undone_at IS NOT NULL
BEGIN
  DELETE FROM enterprise_stage WHERE batch_id = new.id;
END;

-- Yearly figures of a firm become a register of their own (imported,
-- edited, with row versions), with the headcount beside revenue and R&D.
CREATE TABLE enterprise_year_new (
  id            INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  revenue_cents INTEGER,                          -- 营业收入
  rnd_cents     INTEGER,                          -- 研发经费支出
  employees     INTEGER,                          -- 从业人员
  has_rnd_inst  INTEGER,
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT, updated_at TEXT,
  UNIQUE (enterprise_id, year)
) STRICT;
INSERT INTO enterprise_year_new(enterprise_id, year, revenue_cents, rnd_cents, has_rnd_inst,
                                batch_id, version)
  SELECT enterprise_id, year, revenue_cents, rnd_cents, has_rnd_inst, batch_id, version
  FROM enterprise_year;
DROP TABLE enterprise_year;
ALTER TABLE enterprise_year_new RENAME TO enterprise_year;

-- What makes a firm a candidate for the gazelle reserve pool: the pack's
-- figures (gazelle_rules.csv, or `innotrack import gazelle-rules`), not
-- the program's.  Revenue grown by at least min_growth_pct a year on
-- average over `years` years, revenue in the last of them at least
-- min_revenue_yuan, R&D at least min_rnd_pct of it, at least
-- min_employees people.  A database made before packs had the file gets
-- these.
CREATE TABLE gazelle_rule (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE
             CHECK (key IN ('years','min_growth_pct','min_revenue_yuan','min_rnd_pct',
                            'min_employees')),
  value      REAL NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  batch_id   INTEGER REFERENCES import_batch(id),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT, updated_at TEXT
) STRICT;
INSERT INTO gazelle_rule(key, value) VALUES
  ('years', 3), ('min_growth_pct', 20), ('min_revenue_yuan', 5000000), ('min_rnd_pct', 3),
  ('min_employees', 0);

-- Talents: a closed list of categories, and 'abandoned' beside 'left'.
-- SQLite changes a CHECK only by building the table anew; dropping the
-- old table would delete talent_stage rows through their foreign key
-- (ON DELETE CASCADE), so they are kept aside and put back.
CREATE TEMP TABLE talent_stage_keep AS SELECT * FROM talent_stage;
ALTER TABLE talent_stage ADD COLUMN login TEXT;
CREATE TABLE talent_new (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  id_no         TEXT,                             -- ID or passport, TEXT always
  category      TEXT NOT NULL
                CHECK (category IN ('academician','high_level','discipline_leader','young',
                                    'overseas','foreign_expert','tech_vp','commissioner',
                                    'tech_broker','rural','help_team','other')),
  mode          TEXT NOT NULL DEFAULT 'fulltime' CHECK (mode IN ('fulltime','flexible')),
  is_foreign    INTEGER NOT NULL DEFAULT 0,
  institute_id  INTEGER REFERENCES institute(id),
  enterprise_id INTEGER REFERENCES enterprise(id),
  host          TEXT NOT NULL DEFAULT '',
  region_id     INTEGER REFERENCES region(id),
  stage         TEXT NOT NULL DEFAULT 'contact'
                CHECK (stage IN ('contact','negotiating','signed','on_duty','left','abandoned')),
  introduced_on TEXT,
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT, updated_at TEXT,
  UNIQUE (name, id_no)
) STRICT;
INSERT INTO talent_new(id, name, id_no, category, mode, is_foreign, institute_id, enterprise_id,
                       host, region_id, stage, introduced_on, batch_id, version, updated_by,
                       updated_at)
  SELECT id, name, id_no,
         CASE WHEN category IN ('academician','high_level','discipline_leader','young','overseas',
                                'foreign_expert','tech_vp','commissioner','tech_broker','rural',
                                'help_team','other') THEN category
              WHEN category LIKE '%院士%' THEN 'academician'
              WHEN category LIKE '%外国专家%' OR category LIKE '%外籍专家%' THEN 'foreign_expert'
              WHEN category LIKE '%海外%' THEN 'overseas'
              WHEN category LIKE '%带头人%' THEN 'discipline_leader'
              WHEN category LIKE '%青年%' THEN 'young'
              WHEN category LIKE '%高层次%' OR category LIKE '%领军%' THEN 'high_level'
              WHEN category LIKE '%科技副总%' THEN 'tech_vp'
              WHEN category LIKE '%特派员%' THEN 'commissioner'
              WHEN category LIKE '%经纪人%' THEN 'tech_broker'
              WHEN category LIKE '%乡土%' THEN 'rural'
              WHEN category LIKE '%帮扶%' THEN 'help_team'
              ELSE 'other' END,
         mode, is_foreign, institute_id, enterprise_id, host, region_id, stage, introduced_on,
         batch_id, version, updated_by, updated_at
  FROM talent;
DROP TABLE talent;
ALTER TABLE talent_new RENAME TO talent;
CREATE INDEX talent_region ON talent(region_id, category);
INSERT INTO talent_stage(id, talent_id, stage, on_date, note)
  SELECT id, talent_id, stage, on_date, note FROM temp.talent_stage_keep;
DROP TABLE temp.talent_stage_keep;
CREATE INDEX talent_stage_of ON talent_stage(talent_id, stage, on_date);
