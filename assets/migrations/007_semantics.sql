-- innotrack schema, version 6: what an indicator's figures mean.
--   nature: 'stock', a level at the period's end (高企数, 专利拥有量), or
--     'flow', an amount over the period, sent as the year to date (1-9月
--     合同成交额).  Percents, ratios and ranks (kind) are levels: stock.
--   rollup: how the city's figure follows from its counties' when the city
--     has none of its own: 'sum', 'ratio' (of the numerator and
--     denominator indicators, each named by its code or name, both
--     known), or 'none'.
--   min_value, max_value: the plausible range (NULL: no bound); whole:
--     figures are whole numbers.
-- Existing indicators get what their kind implies; a pack's indicators.csv
-- imported again sets the rest.
ALTER TABLE indicator ADD COLUMN nature TEXT NOT NULL DEFAULT 'stock'
  CHECK (nature IN ('stock','flow'));
ALTER TABLE indicator ADD COLUMN rollup TEXT NOT NULL DEFAULT 'none'
  CHECK (rollup IN ('sum','ratio','none'));
ALTER TABLE indicator ADD COLUMN numerator TEXT;
ALTER TABLE indicator ADD COLUMN denominator TEXT;
ALTER TABLE indicator ADD COLUMN min_value REAL;
ALTER TABLE indicator ADD COLUMN max_value REAL;
ALTER TABLE indicator ADD COLUMN whole INTEGER NOT NULL DEFAULT 0 CHECK (whole IN (0,1));
UPDATE indicator SET min_value = 0 WHERE kind IN ('count','amount','percent','ratio');
UPDATE indicator SET max_value = 100 WHERE kind = 'percent';
UPDATE indicator SET min_value = 1, whole = 1 WHERE kind = 'rank';
-- counts and amounts add up from the counties, unless per head
UPDATE indicator SET rollup = 'sum' WHERE kind IN ('count','amount')
  AND name NOT LIKE '%万人%' AND name NOT LIKE '%每%';
-- counts of firms, people, projects; not a figure per 10,000 people
UPDATE indicator SET whole = 1 WHERE kind = 'count' AND unit IN ('家','个','项','人','件','次')
  AND name NOT LIKE '%万人%';

-- A register (a kind of record: 'enterprises', 'talents', ...) marked as
-- holding every record of a region from a day on (complete = 1), or no
-- longer (0): only then do its counts stand for the region's official
-- figure.  Set by importing a full list for the region, or by a clerk.
CREATE TABLE register_complete (
  id         INTEGER PRIMARY KEY,
  register   TEXT NOT NULL,
  region_id  INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
  as_of      TEXT NOT NULL,                       -- YYYY-MM-DD
  complete   INTEGER NOT NULL CHECK (complete IN (0,1)),
  batch_id   INTEGER REFERENCES import_batch(id),
  marked_by  TEXT, marked_at TEXT,
  UNIQUE (register, region_id, as_of)
) STRICT;
