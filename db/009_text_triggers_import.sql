-- The columns an import keeps about its source (db/008: src_uid,
-- src_stamp, end_date) are checked as the program checks text, like
-- every other TEXT column (db/006): the triggers of program_event and
-- staff_block are made again with them.
DROP TRIGGER text_ok_program_event_insert;
DROP TRIGGER text_ok_program_event_update;
DROP TRIGGER text_ok_staff_block_insert;
DROP TRIGGER text_ok_staff_block_update;

CREATE TRIGGER text_ok_program_event_insert BEFORE INSERT ON program_event
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.title, 0, NEW.date, 0, NEW.place, 0, NEW.reg_deadline, 0, NEW.note, 1, NEW.updated_at, 0, NEW.end_date, 0, NEW.src_uid, 0, NEW.src_stamp, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: program_event: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_event_update BEFORE UPDATE ON program_event
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.title, 0, NEW.date, 0, NEW.place, 0, NEW.reg_deadline, 0, NEW.note, 1, NEW.updated_at, 0, NEW.end_date, 0, NEW.src_uid, 0, NEW.src_stamp, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: program_event: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_staff_block_insert BEFORE INSERT ON staff_block
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.date, 0, NEW.title, 0, NEW.src_uid, 0, NEW.src_stamp, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: staff_block: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_staff_block_update BEFORE UPDATE ON staff_block
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.date, 0, NEW.title, 0, NEW.src_uid, 0, NEW.src_stamp, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: staff_block: a value holds a control character, a bidi control or invalid UTF-8');
END;
