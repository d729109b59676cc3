-- When a run of an import was claimed. A run is one transaction, so a process that died in the middle
-- left nothing half-imported; a run claimed long ago and never finished may be claimed again.
ALTER TABLE customer_imports ADD COLUMN claimed_at timestamptz;
