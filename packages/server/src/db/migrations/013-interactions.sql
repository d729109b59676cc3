-- Calls, visits, chats and emails (SPEC §3), the telephony integration's calls, the users' extensions.

-- The PBX extension that rings for a user (screen pop) and that click-to-call rings first.
ALTER TABLE users ADD COLUMN extension text;
CREATE UNIQUE INDEX users_extension_key ON users (extension) WHERE extension IS NOT NULL;

-- One row per call the PBX reports (ringing -> answered -> ended) or the agent dials (dialing).
CREATE TABLE telephony_calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id text NOT NULL UNIQUE, -- the PBX's id of the call; every event of the call carries it
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  state text NOT NULL CHECK (state IN ('dialing', 'ringing', 'answered', 'ended')),
  caller text NOT NULL DEFAULT '',
  called text NOT NULL DEFAULT '',
  phone text, -- the other party, normalised (shared/telephony.ts normaliseCallerNumber)
  extension text,
  agent_id uuid REFERENCES users(id),
  customer_id uuid REFERENCES customers(id),
  started_at timestamptz NOT NULL,
  answered_at timestamptz,
  ended_at timestamptz,
  duration_seconds integer CHECK (duration_seconds >= 0),
  recording_ref text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- the agent's current call (the pop after a reconnect)
CREATE INDEX telephony_calls_agent_idx ON telephony_calls (agent_id, started_at DESC);

CREATE TABLE interactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid REFERENCES customers(id), -- null: a call from a number no customer has (yet)
  channel text NOT NULL CHECK (channel IN ('phone', 'visit', 'chat', 'email')),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  agent_id uuid REFERENCES users(id),
  started_at timestamptz NOT NULL,
  duration_seconds integer NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
  summary text NOT NULL DEFAULT '',
  outcome text NOT NULL DEFAULT 'pending'
    CHECK (outcome IN ('pending', 'resolved', 'inquiry', 'booking', 'complaint', 'callback', 'no_answer', 'other')),
  recording_ref text,
  phone text, -- a call's other party, normalised; masked on the way out like the customer's numbers
  -- a call's interaction is written once however often the PBX repeats `ended`
  call_id text UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX interactions_customer_idx ON interactions (customer_id, started_at DESC, id DESC);
CREATE INDEX interactions_started_idx ON interactions (started_at DESC, id DESC);
CREATE INDEX interactions_agent_idx ON interactions (agent_id, started_at DESC, id DESC);
