-- madoguchi schema, version 5: imported calendars in full.
--   program_event.end_date, end_date_min: an event that ends on a later
--     day than it starts (date): its last day, and the minute it ends
--     on that day (1..1440; NULL for an all-day event).  end_min stays
--     NULL for such an event: it holds a same-day end only.
--   src_uid: the UID of the VEVENT (series) in the partner's file an
--     imported row came from; one series gives one row per occurrence,
--     each with uid = src_uid plus the occurrence's start.
--   src_seq, src_stamp: that VEVENT's SEQUENCE and LAST-MODIFIED (else
--     DTSTAMP) as YYYYMMDDTHHMMSSZ, so that an older copy of an event
--     never overwrites a newer one.

ALTER TABLE program_event ADD COLUMN end_date TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date);
ALTER TABLE program_event ADD COLUMN end_date_min INTEGER CHECK (end_date_min IS NULL OR end_date_min BETWEEN 1 AND 1440);
ALTER TABLE program_event ADD COLUMN src_uid TEXT;
ALTER TABLE program_event ADD COLUMN src_seq INTEGER;
ALTER TABLE program_event ADD COLUMN src_stamp TEXT;
ALTER TABLE staff_block ADD COLUMN src_uid TEXT;
ALTER TABLE staff_block ADD COLUMN src_seq INTEGER;
ALTER TABLE staff_block ADD COLUMN src_stamp TEXT;

CREATE INDEX program_event_src ON program_event(src_uid) WHERE src_uid IS NOT NULL;
CREATE INDEX staff_block_src ON staff_block(src_uid) WHERE src_uid IS NOT NULL;
CREATE INDEX program_event_span ON program_event(end_date, date) WHERE end_date IS NOT NULL;
-- a program's events (program list counts them): 20,000 imported events
-- must not be scanned once per program
CREATE INDEX program_event_program ON program_event(program_id);
