-- 月度客诉原因分析 (seed 001 客诉专员 职责三: "每月就客诉原因分析"): the complaint officer's analysis of
-- one month, which the manager reads beside the month's figures. One row per month; each save names
-- the version it was written on, so a stale save is refused instead of overwriting a colleague's text
-- (every save's text is also in the audit log).
CREATE TABLE complaint_root_causes (
  month text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  analysis text NOT NULL CHECK (length(analysis) <= 20000),
  updated_by uuid REFERENCES users(id),
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
