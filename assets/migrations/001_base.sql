-- innotrack schema, version 1: the whole data model of DESIGN.md.
-- Every editable register carries `version` (bumped on each change, so an
-- edit never silently overwrites another clerk's) and who changed it last.
-- Amounts are REAL in the indicator's own unit (亿元, %, 家); money held per
-- enterprise is INTEGER cents.  Dates are TEXT 'YYYY-MM-DD'.

CREATE TABLE region (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('province','city','county','county_city',
                                            'district','park','township')),
  parent_id   INTEGER REFERENCES region(id),
  aliases     TEXT NOT NULL DEFAULT '',          -- '|' separated
  sort        INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  updated_by  TEXT, updated_at TEXT,
  UNIQUE (parent_id, name)
) STRICT;

-- 创新型县/乡 and similar titles, with level and date (004).
CREATE TABLE region_designation (
  id            INTEGER PRIMARY KEY,
  region_id     INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  designation   TEXT NOT NULL,                    -- innovative_county | innovative_township
  level         TEXT NOT NULL CHECK (level IN ('national','provincial','municipal')),
  designated_on TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (region_id, designation, level)
) STRICT;

CREATE TABLE policy_doc (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,                -- short key used by packs
  number     TEXT,                                -- 景科字〔2022〕49号; NULL when unnumbered
  short_name TEXT NOT NULL,                       -- how a table cites it
  title      TEXT NOT NULL,
  issuer     TEXT NOT NULL,
  issued_on  TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE indicator (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE,
  unit       TEXT NOT NULL DEFAULT '',
  category   TEXT NOT NULL DEFAULT '',
  direction  TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher','lower')),
  kind       TEXT NOT NULL DEFAULT 'count'
             CHECK (kind IN ('count','amount','percent','ratio','rank')),
  counter    TEXT,                                -- NULL: entered/imported; else a core counter
  aliases    TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  sort       INTEGER NOT NULL DEFAULT 0,
  version    INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT, updated_at TEXT
) STRICT;

-- Several documents may set the same cell; the latest issued is in force
-- unless a clerk picked another (target_choice).
CREATE TABLE target (
  id             INTEGER PRIMARY KEY,
  indicator_id   INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  region_id      INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  year           INTEGER NOT NULL,
  comparator     TEXT NOT NULL DEFAULT '=' CHECK (comparator IN ('=','>=','<=','~')),
  value          REAL NOT NULL,
  baseline_year  INTEGER,
  baseline       REAL,
  doc_id         INTEGER NOT NULL REFERENCES policy_doc(id),
  note           TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 1,
  updated_by     TEXT, updated_at TEXT,
  UNIQUE (indicator_id, region_id, year, doc_id)
) STRICT;

CREATE TABLE target_choice (
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  region_id    INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  target_id    INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
  chosen_by    TEXT, chosen_at TEXT,
  PRIMARY KEY (indicator_id, region_id, year)
) STRICT;

-- period is '2025' or '2025Q3'; period_end its last day, kept for ordering.
CREATE TABLE observation (
  id           INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  region_id    INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  period       TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  value        REAL,
  batch_id     INTEGER REFERENCES import_batch(id),
  note         TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1,
  updated_by   TEXT, updated_at TEXT,
  UNIQUE (indicator_id, region_id, period)
) STRICT;
CREATE INDEX observation_latest ON observation(indicator_id, region_id, period_end);

CREATE TABLE enterprise (
  id               INTEGER PRIMARY KEY,
  uscc             TEXT NOT NULL UNIQUE,          -- GB 32100-2015, 18 characters
  name             TEXT NOT NULL,
  region_id        INTEGER REFERENCES region(id),
  industry         TEXT NOT NULL DEFAULT '',
  tier             TEXT NOT NULL DEFAULT 'none'
                   CHECK (tier IN ('none','tech_sme','high_tech','gazelle','unicorn')),
  reserve_gazelle  INTEGER NOT NULL DEFAULT 0,
  reserve_unicorn  INTEGER NOT NULL DEFAULT 0,
  leading          INTEGER NOT NULL DEFAULT 0,   -- 高科技领军企业
  little_giant     INTEGER NOT NULL DEFAULT 0,   -- 专精特新"小巨人"
  tsme_reg_no      TEXT,                          -- 科技型中小企业入库编号
  hte_cert_no      TEXT,                          -- 高新技术企业证书编号
  hte_cert_date    TEXT,                          -- issued; valid three years
  has_rnd_inst     INTEGER NOT NULL DEFAULT 0,
  note             TEXT NOT NULL DEFAULT '',
  batch_id         INTEGER REFERENCES import_batch(id),
  version          INTEGER NOT NULL DEFAULT 1,
  updated_by       TEXT, updated_at TEXT
) STRICT;
CREATE INDEX enterprise_region ON enterprise(region_id);
CREATE INDEX enterprise_cert ON enterprise(hte_cert_date);

CREATE TABLE enterprise_year (
  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  revenue_cents INTEGER,                          -- 营业收入
  rnd_cents     INTEGER,                          -- 研发经费支出
  has_rnd_inst  INTEGER,
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (enterprise_id, year)
) STRICT;

CREATE TABLE enterprise_stage (
  id            INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
  tier          TEXT NOT NULL,
  entered_on    TEXT NOT NULL,
  left_on       TEXT,
  note          TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE institute (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL DEFAULT 'institute'
            CHECK (kind IN ('university','institute','academy','other')),
  location  TEXT NOT NULL DEFAULT '',
  aliases   TEXT NOT NULL DEFAULT '',
  fields    TEXT NOT NULL DEFAULT '',
  batch_id  INTEGER REFERENCES import_batch(id),
  version   INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT, updated_at TEXT
) STRICT;

CREATE TABLE talent (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  id_no         TEXT,                             -- ID or passport, TEXT always
  category      TEXT NOT NULL,                    -- 院士团队, 外国专家, 科技特派员, ...
  mode          TEXT NOT NULL DEFAULT 'fulltime' CHECK (mode IN ('fulltime','flexible')),
  is_foreign    INTEGER NOT NULL DEFAULT 0,
  institute_id  INTEGER REFERENCES institute(id),
  enterprise_id INTEGER REFERENCES enterprise(id),
  host          TEXT NOT NULL DEFAULT '',
  region_id     INTEGER REFERENCES region(id),
  stage         TEXT NOT NULL DEFAULT 'contact'
                CHECK (stage IN ('contact','negotiating','signed','on_duty','left')),
  introduced_on TEXT,
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT, updated_at TEXT,
  UNIQUE (name, id_no)
) STRICT;

CREATE TABLE talent_stage (
  id        INTEGER PRIMARY KEY,
  talent_id INTEGER NOT NULL REFERENCES talent(id) ON DELETE CASCADE,
  stage     TEXT NOT NULL,
  on_date   TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE partnership (
  id           INTEGER PRIMARY KEY,
  region_id    INTEGER NOT NULL REFERENCES region(id),
  institute_id INTEGER NOT NULL REFERENCES institute(id),
  long_term    INTEGER NOT NULL DEFAULT 0,       -- 长期合作单位
  since        TEXT,
  agreement    TEXT NOT NULL DEFAULT '',
  batch_id     INTEGER REFERENCES import_batch(id),
  version      INTEGER NOT NULL DEFAULT 1,
  updated_by   TEXT, updated_at TEXT,
  UNIQUE (region_id, institute_id)
) STRICT;

CREATE TABLE platform (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,                    -- 重点实验室, 技术创新中心, ...
  level         TEXT NOT NULL CHECK (level IN ('national','provincial','municipal')),
  region_id     INTEGER REFERENCES region(id),
  institute_id  INTEGER REFERENCES institute(id),
  enterprise_id INTEGER REFERENCES enterprise(id),
  approved_on   TEXT,
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT, updated_at TEXT
) STRICT;

CREATE TABLE event (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT '',          -- 技术交流, 项目路演, 科技论坛, 校企交流会
  held_on      TEXT NOT NULL,
  region_id    INTEGER REFERENCES region(id),
  institute_id INTEGER REFERENCES institute(id),
  participants INTEGER,
  batch_id     INTEGER REFERENCES import_batch(id),
  version      INTEGER NOT NULL DEFAULT 1,
  updated_by   TEXT, updated_at TEXT,
  UNIQUE (title, held_on)
) STRICT;

CREATE TABLE project (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL UNIQUE,
  mode          TEXT NOT NULL DEFAULT '',         -- 揭榜挂帅, 赛马制, 首席科学家负责制, 直接委托, 合同研发
  region_id     INTEGER REFERENCES region(id),
  institute_id  INTEGER REFERENCES institute(id),
  enterprise_id INTEGER REFERENCES enterprise(id),
  amount_cents  INTEGER,
  started_on    TEXT,
  is_major      INTEGER NOT NULL DEFAULT 0,       -- 重大成果产业化项目
  status        TEXT NOT NULL DEFAULT '',
  batch_id      INTEGER REFERENCES import_batch(id),
  version       INTEGER NOT NULL DEFAULT 1,
  updated_by    TEXT, updated_at TEXT
) STRICT;

-- 003 附件1, field for field.
CREATE TABLE achievement (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,                  -- 成果名称
  institute_id    INTEGER REFERENCES institute(id), -- 大院大所名称
  lab             TEXT NOT NULL DEFAULT '',       -- 成果所在院/系/实验室
  lead            TEXT NOT NULL DEFAULT '',       -- 研发负责人
  lead_title      TEXT NOT NULL DEFAULT '',       -- 职务职称
  phone           TEXT NOT NULL DEFAULT '',       -- 联系电话
  field           TEXT NOT NULL DEFAULT '其他'
                  CHECK (field IN ('电子信息','能源环保','装备制造','生物技术与新医药',
                                   '新材料','现代农业','民生用品','其他')),
  stage           TEXT NOT NULL DEFAULT '其他'
                  CHECK (stage IN ('研制','试生产','小批量生产','批量生产','其他')),
  summary         TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 500),
  fit             TEXT NOT NULL DEFAULT '' CHECK (length(fit) <= 300),
  promotion_plan  TEXT NOT NULL DEFAULT '' CHECK (length(promotion_plan) <= 200),
  region_id       INTEGER REFERENCES region(id),  -- 填报区镇
  filed_by        TEXT NOT NULL DEFAULT '',       -- 填报人及联系电话
  filed_on        TEXT,                           -- 填报时间
  batch_id        INTEGER REFERENCES import_batch(id),
  version         INTEGER NOT NULL DEFAULT 1,
  updated_by      TEXT, updated_at TEXT,
  UNIQUE (name, institute_id)
) STRICT;

-- A county/park duty; counter names the core query that counts it, if any.
CREATE TABLE task (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL UNIQUE,
  unit      TEXT NOT NULL DEFAULT '',
  category  TEXT NOT NULL DEFAULT '',
  doc_id    INTEGER REFERENCES policy_doc(id),
  counter   TEXT,
  note      TEXT NOT NULL DEFAULT '',
  sort      INTEGER NOT NULL DEFAULT 0,
  version   INTEGER NOT NULL DEFAULT 1
) STRICT;

-- year_from = year_to for a yearly target; a span (2016-2020) otherwise.
CREATE TABLE task_target (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  region_id  INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  year_from  INTEGER NOT NULL,
  year_to    INTEGER NOT NULL CHECK (year_to >= year_from),
  comparator TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('=','>=','<=','~')),
  value      REAL NOT NULL,
  doc_id     INTEGER REFERENCES policy_doc(id),
  note       TEXT NOT NULL DEFAULT '',
  batch_id   INTEGER REFERENCES import_batch(id),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT, updated_at TEXT,
  UNIQUE (task_id, region_id, year_from, year_to)
) STRICT;

-- Actuals of tasks that no register can count.
CREATE TABLE task_actual (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  region_id  INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  period     TEXT NOT NULL,
  period_end TEXT NOT NULL,
  value      REAL,
  batch_id   INTEGER REFERENCES import_batch(id),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT, updated_at TEXT,
  UNIQUE (task_id, region_id, period)
) STRICT;

CREATE TABLE import_batch (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  file_size      INTEGER NOT NULL,
  sha256         TEXT NOT NULL,
  encoding       TEXT NOT NULL,
  rows_new       INTEGER NOT NULL DEFAULT 0,
  rows_changed   INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  warnings       INTEGER NOT NULL DEFAULT 0,
  login          TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  undone_at      TEXT,
  undone_by      TEXT
) STRICT;

-- Messages about a batch's rows (warnings of an applied batch).
CREATE TABLE import_reject (
  id       INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  line     INTEGER,
  col      TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('error','warning')),
  message  TEXT NOT NULL
) STRICT;

-- Who did what.  before/after are JSON objects of the row; batch_id ties
-- an import's changes together so that it can be undone.
CREATE TABLE audit (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  login    TEXT NOT NULL,
  tbl      TEXT NOT NULL,
  row_id   INTEGER NOT NULL,
  action   TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
  before   TEXT,
  after    TEXT,
  batch_id INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX audit_row ON audit(tbl, row_id);
CREATE INDEX audit_batch ON audit(batch_id);

-- What a login may change: role and, for county clerks, a region scope.
CREATE TABLE app_user (
  login        TEXT PRIMARY KEY,
  display_name TEXT NOT NULL DEFAULT '',
  role         TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('admin','clerk','viewer')),
  region_id    INTEGER REFERENCES region(id),    -- NULL: every region
  version      INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Facts about this database (which pack it came from).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
