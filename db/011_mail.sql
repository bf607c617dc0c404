-- Letters to an appointment's contact (confirmation, change,
-- cancellation, reminder): what was sent, to whom, for which version
-- (sequence) of the booking, and how it went.  One letter per
-- appointment, sequence and kind: nothing is sent twice.  The text is
-- kept as the clerk saw it, so a retry sends exactly that.  Personal
-- data stays here (the database is private); no audit trigger copies it.
CREATE TABLE mail_letter (
  id          INTEGER PRIMARY KEY,
  appt_id     INTEGER NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('booked', 'changed', 'cancelled', 'reminder')),
  sequence    INTEGER NOT NULL CHECK (sequence >= 0),
  to_addr     TEXT NOT NULL CHECK (length(to_addr) BETWEEN 3 AND 254),
  subject     TEXT NOT NULL CHECK (length(subject) <= 1000),
  body        TEXT NOT NULL CHECK (length(body) <= 100000),
  ics         TEXT NOT NULL CHECK (length(ics) <= 100000),
  status      TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  error       TEXT CHECK (error IS NULL OR length(error) <= 1000),
  attempts    INTEGER NOT NULL DEFAULT 0,
  claimed_at  TEXT,     -- when a desk took it for sending (status sending)
  created_at  TEXT NOT NULL,
  sent_at     TEXT,
  UNIQUE (appt_id, sequence, kind)
);
CREATE INDEX mail_letter_status ON mail_letter(status);

-- Text is checked as everywhere else (006_text_triggers): the body and
-- the calendar text are multi-line (the calendar is kept with LF line
-- ends; CRLF is put back when it is sent).
CREATE TRIGGER text_ok_mail_letter_insert BEFORE INSERT ON mail_letter
WHEN NOT mado_text_ok(NEW.kind, 0, NEW.to_addr, 0, NEW.subject, 0, NEW.body, 1, NEW.ics, 1,
                      NEW.status, 0, NEW.error, 0, NEW.created_at, 0, NEW.sent_at, 0,
                      NEW.claimed_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: mail_letter: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_mail_letter_update BEFORE UPDATE ON mail_letter
WHEN NOT mado_text_ok(NEW.kind, 0, NEW.to_addr, 0, NEW.subject, 0, NEW.body, 1, NEW.ics, 1,
                      NEW.status, 0, NEW.error, 0, NEW.created_at, 0, NEW.sent_at, 0,
                      NEW.claimed_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: mail_letter: a value holds a control character, a bidi control or invalid UTF-8');
END;
