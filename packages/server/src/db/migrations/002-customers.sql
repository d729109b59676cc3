-- The customer archive (客户档案): customers, field history, timeline, categories, exports, imports.

CREATE TABLE customer_categories (
  kind text NOT NULL CHECK (kind IN ('class', 'tier')),
  code text NOT NULL,
  label_zh text NOT NULL,
  label_en text NOT NULL,
  description text,
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (kind, code)
);

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  title text CHECK (title IN ('mr', 'ms')),
  gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
  mobile text COLLATE "C", -- 11 digits; "C" so that one btree serves the prefix and the order
  other_phones text[] NOT NULL DEFAULT '{}',
  wechat text,
  email text,
  id_number text,
  -- YYYY-MM-DD; for a lunar birthday the lunar year, month and day (二月三十 is no solar date, so text)
  birthday text CHECK (birthday ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  birthday_lunar boolean NOT NULL DEFAULT false,
  birthday_lunar_leap boolean NOT NULL DEFAULT false,
  birthday_md text, -- 'MM-DD' of birthday, set by the application, for the birthday lists
  region text,
  address text,
  source text,
  company text,
  owner_id uuid REFERENCES users(id),
  class_code text,
  tier_code text,
  tags text[] NOT NULL DEFAULT '{}',
  notes text,
  consent_marketing boolean NOT NULL DEFAULT false,
  consent_sensitive boolean NOT NULL DEFAULT false,
  lifecycle text NOT NULL DEFAULT 'prospect'
    CHECK (lifecycle IN ('prospect', 'active', 'dormant', 'lost', 'closed')),
  merged_into uuid REFERENCES customers(id),
  last_contact_at timestamptz,
  -- pinyin is ASCII: in the "C" collation one btree serves both the prefix (LIKE 'zhan%') and the order
  name_pinyin text COLLATE "C" NOT NULL DEFAULT '',
  name_initials text COLLATE "C" NOT NULL DEFAULT '',
  search_keys text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
-- One live customer per mobile; a merged customer frees its number.
CREATE UNIQUE INDEX customers_mobile_key ON customers (mobile) WHERE merged_into IS NULL AND mobile IS NOT NULL;
CREATE INDEX customers_search_keys_idx ON customers USING gin (search_keys);
CREATE INDEX customers_pinyin_idx ON customers (name_pinyin, id);
CREATE INDEX customers_initials_idx ON customers (name_initials, name_pinyin, id);
-- churn-risk list: longest silence first
CREATE INDEX customers_silence_idx ON customers ((coalesce(last_contact_at, created_at)), id) WHERE merged_into IS NULL;
CREATE INDEX customers_owner_idx ON customers (owner_id, created_at DESC, id DESC);
CREATE INDEX customers_created_idx ON customers (created_at DESC, id DESC);
CREATE INDEX customers_birthday_idx ON customers (birthday_md) WHERE birthday IS NOT NULL;
CREATE INDEX customers_tags_idx ON customers USING gin (tags);

-- Field-by-field history of edits: who, when, old -> new.
CREATE TABLE customer_history (
  id bigserial PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb
);
CREATE INDEX customer_history_customer_idx ON customer_history (customer_id, at DESC, id DESC);

-- The customer's timeline: every area adds its events here (calls, complaints, bookings, cards…).
CREATE TABLE timeline_events (
  id bigserial PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  actor_id uuid,
  actor_name text,
  data jsonb NOT NULL DEFAULT '{}',
  ref_type text,
  ref_id text
);
CREATE INDEX timeline_events_customer_idx ON timeline_events (customer_id, at DESC, id DESC);

-- Export of customer data needs the manager's approval first (SPEC §1).
CREATE TABLE customer_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL,
  filter jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'downloaded')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_note text,
  downloaded_at timestamptz,
  row_count integer
);
CREATE INDEX customer_exports_status_idx ON customer_exports (status, requested_at DESC);

CREATE TABLE customer_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  file_name text NOT NULL,
  status text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'running', 'done', 'failed')),
  headers jsonb NOT NULL,
  rows jsonb NOT NULL,
  mapping jsonb,
  mode text,
  total integer NOT NULL,
  processed integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  report jsonb,
  finished_at timestamptz
);
