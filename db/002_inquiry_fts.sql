-- madoguchi schema, version 2: full-text search over inquiries.
-- Two external-content FTS5 indexes with the trigram tokenizer (substring
-- search that works for Japanese, which has no spaces between words):
-- one over inquiry summaries, one over inquiry notes.  They hold only the
-- index; the text stays in inquiry and inquiry_note, and the triggers
-- below keep the index in step with every insert, update and delete.
-- Queries of three characters or more use the index; shorter ones are
-- answered by the program with a scan (trigram cannot index them).
-- Also: booking an appointment from an inquiry links the inquiry back.

CREATE VIRTUAL TABLE inquiry_fts USING fts5(
  summary, content='inquiry', content_rowid='id', tokenize='trigram'
);
CREATE VIRTUAL TABLE inquiry_note_fts USING fts5(
  text, content='inquiry_note', content_rowid='id', tokenize='trigram'
);

CREATE TRIGGER inquiry_fts_insert AFTER INSERT ON inquiry BEGIN
  INSERT INTO inquiry_fts (rowid, summary) VALUES (NEW.id, NEW.summary);
END;
CREATE TRIGGER inquiry_fts_delete AFTER DELETE ON inquiry BEGIN
  INSERT INTO inquiry_fts (inquiry_fts, rowid, summary) VALUES ('delete', OLD.id, OLD.summary);
END;
CREATE TRIGGER inquiry_fts_update AFTER UPDATE OF summary ON inquiry BEGIN
  INSERT INTO inquiry_fts (inquiry_fts, rowid, summary) VALUES ('delete', OLD.id, OLD.summary);
  INSERT INTO inquiry_fts (rowid, summary) VALUES (NEW.id, NEW.summary);
END;

CREATE TRIGGER inquiry_note_fts_insert AFTER INSERT ON inquiry_note BEGIN
  INSERT INTO inquiry_note_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER inquiry_note_fts_delete AFTER DELETE ON inquiry_note BEGIN
  INSERT INTO inquiry_note_fts (inquiry_note_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;
CREATE TRIGGER inquiry_note_fts_update AFTER UPDATE OF text ON inquiry_note BEGIN
  INSERT INTO inquiry_note_fts (inquiry_note_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
  INSERT INTO inquiry_note_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;

-- Index what a version-1 database already holds.
INSERT INTO inquiry_fts (inquiry_fts) VALUES ('rebuild');
INSERT INTO inquiry_note_fts (inquiry_note_fts) VALUES ('rebuild');

-- An appointment booked from an inquiry (appointment.inquiry_id) is the
-- inquiry's linked appointment (inquiry.appt_id), in the same write.
CREATE TRIGGER appointment_links_inquiry AFTER INSERT ON appointment
WHEN NEW.inquiry_id IS NOT NULL
BEGIN
  UPDATE inquiry SET appt_id = NEW.id, updated_at = mado_now() WHERE id = NEW.inquiry_id;
END;

-- Lists of one program's applications, and application deadlines.
CREATE INDEX application_program ON application(program_id, status);
CREATE INDEX application_inquiry ON application(inquiry_id);
CREATE INDEX appointment_inquiry ON appointment(inquiry_id);
CREATE INDEX program_event_reg ON program_event(reg_deadline);
CREATE INDEX program_deadline ON program(deadline);
