-- innotrack schema, version 2: indexes for the register screens, so that
-- sorting a register of a million enterprises by any column reads the
-- first screenful from an index instead of sorting every row (see
-- core/dataset.c: each sortable column's `order` expression matches one
-- of these exactly).  uscc has its UNIQUE index, region_id and
-- hte_cert_date theirs from version 1.
CREATE INDEX enterprise_name ON enterprise(name);
CREATE INDEX enterprise_industry ON enterprise(industry);
CREATE INDEX enterprise_tier_rank ON enterprise(
  CASE tier WHEN 'none' THEN 0 WHEN 'tech_sme' THEN 1 WHEN 'high_tech' THEN 2
            WHEN 'gazelle' THEN 3 WHEN 'unicorn' THEN 4 END);
CREATE INDEX enterprise_updated ON enterprise(updated_at);
