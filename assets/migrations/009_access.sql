-- innotrack schema, version 6: who may change what, and an audit that
-- stays as written.
--
-- app_user gets the four roles of a shared ledger: an admin (grants and
-- revokes, writes everything), a city clerk (writes everything), a county
-- clerk (writes only the records of one region and the regions below it;
-- reads all) and a viewer.  A county clerk, and only a county clerk, has a
-- region.  The id lets the audit name a user's row like any other.  A
-- login not listed reads only.  core/access.c checks every write against
-- this table; core/choice.c (CH_ROLE) holds the role names.
CREATE TABLE app_user_v6 (
  id           INTEGER PRIMARY KEY,
  login        TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  role         TEXT NOT NULL CHECK (role IN ('admin','city','county','viewer')),
  region_id    INTEGER REFERENCES region(id),
  version      INTEGER NOT NULL DEFAULT 1,
  updated_by   TEXT, updated_at TEXT,
  CHECK ((role = 'county') = (region_id IS NOT NULL))
) STRICT;
INSERT INTO app_user_v6(login, display_name, role, region_id, version)
  SELECT login, display_name,
         CASE WHEN role = 'clerk' AND region_id IS NOT NULL THEN 'county'
              WHEN role = 'clerk' THEN 'city'
              ELSE role END,
         CASE WHEN role = 'clerk' THEN region_id END, version
    FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_v6 RENAME TO app_user;

-- The audit is written once and never changed: not by the program (which
-- only ever inserts), not by anyone with the sqlite3 shell.
CREATE TRIGGER audit_never_updated BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit is never changed');
END;
CREATE TRIGGER audit_never_deleted BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit is never deleted');
END;
CREATE INDEX audit_login ON audit(login, at);
CREATE INDEX audit_at ON audit(at);
