-- What each follow-up task costs to write (issue 5: the monthly rule makes 1,000,000 tasks in under 60 s on
-- PostgreSQL; decision 013, docs/benchmarks.md). The monthly rule inserts its tasks in customer id order
-- (rules.customers.ts), so with the changes below every btree it touches is written near its right end or
-- in one sweep, instead of at a random page per task.

-- 1. Time-ordered task ids (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, then random bits).
--    Still a uuid (the API's id format, cursors and every reference are unchanged); new ids land at the
--    end of the primary key and of the agent's-day and open-due indexes, whose last column is the id.
--    Computed in SQL so that it is the same on PGlite and PostgreSQL 15 (uuidv7() is built in from 18 on).
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1), -- version nibble 0100 (v4) -> 0111 (v7); the variant bits stay those of gen_random_uuid()
    'hex')::uuid
$$;
ALTER TABLE follow_up_tasks ALTER COLUMN id SET DEFAULT uuid_v7();

-- 2. (rule, created_at) had no reader: the rules page counts open tasks per rule over the open ones, the
--    KPIs by rule go through the attempts of the period.
DROP INDEX follow_up_tasks_rule_created;

-- 3. The ref index only where the reference is something other than the customer: a customer's tasks
--    are found by follow_up_tasks_customer (customer_id), and the rules that call every customer
--    (monthly, weekly, birthdays, festivals) no longer write a second entry naming the same customer.
DROP INDEX follow_up_tasks_ref;
CREATE INDEX follow_up_tasks_ref ON follow_up_tasks (ref_type, ref_id) WHERE ref_type IS NOT NULL AND ref_type <> 'customer';

-- 4. The dedupe key and the ref id are identifiers, never sorted for people: byte order ("C") instead of
--    the database's locale, so every unique check of ON CONFLICT (dedupe_key) compares with memcmp.
ALTER TABLE follow_up_tasks ALTER COLUMN dedupe_key TYPE text COLLATE "C", ALTER COLUMN ref_id TYPE text COLLATE "C";
