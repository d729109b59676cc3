-- Business calendar (工作日历). China's holidays and adjusted workdays ship in
-- packages/shared/src/calendar/china-holidays.ts; these tables hold only what the manager changed:
-- next year's State Council notice (out in November), a local holiday, a cancelled day.
-- The working week, lunch break and time zone live in settings under the key 'calendar'.

CREATE TABLE calendar_days (
  date date PRIMARY KEY,
  -- normal cancels a shipped holiday or adjusted workday of that date
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday', 'normal')),
  name text NOT NULL DEFAULT '',
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Years the manager declared complete beyond the shipped ones: a year in neither is reported missing
-- (the SLA still runs on the working week alone there, and the screens warn).
CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  marked_by uuid REFERENCES users(id),
  marked_at timestamptz NOT NULL DEFAULT now()
);
