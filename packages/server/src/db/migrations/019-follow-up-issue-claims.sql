-- Issue found -> complaint (decision 012): the complaints module registers the case in its own
-- transaction, so the record keeps the claim that started it. The claim's moment is the complaint's
-- received_at: a retry after a failed link finds that case (same customer, same moment, same person,
-- linked to no record) and links it instead of registering a second one.
ALTER TABLE follow_up_records ADD COLUMN issue_claimed_at timestamptz;
ALTER TABLE follow_up_records ADD COLUMN issue_claimed_by uuid REFERENCES users(id);
