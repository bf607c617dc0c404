-- What an override was given for: the refusals it covers, as keys
-- (past, closed, hours, staff#ID, room#ID, block#ID) separated by
-- blanks.  A later change of the booking keeps its override only for
-- these; any other refusal needs a new reason.  Overrides made before
-- this column cover nothing they are not asked again for.
ALTER TABLE appointment ADD COLUMN override_covers TEXT
  CHECK (override_covers IS NULL OR (length(override_covers) <= 500
         AND override_covers NOT GLOB '*[^a-z0-9# ]*'));
