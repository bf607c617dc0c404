-- madoguchi schema 5: every TEXT column is checked as the program checks
-- text (src/util/text.c text_check): valid UTF-8, no C0 or C1 control
-- character, no DEL, no bidi control; newline and tab only in notes and
-- summaries.  Another program that writes through SQLite is refused
-- like the desk would refuse it.
--
-- Triggers, not CHECK constraints: SQLite cannot add a CHECK to a table
-- without rebuilding it, and a CHECK that calls a function of ours would
-- make PRAGMA integrity_check fail ("unknown function") in every other
-- tool (the sqlite3 shell, restore's check of a copy).  A trigger is not
-- evaluated by integrity_check.  One call per row: mado_text_ok(value,
-- kind, ...) with kind 0 one line, 1 multi-line; NULL passes.
--
-- Not the audit table: only our audit triggers write it, as json_object()
-- of values the table's own text trigger has just checked (JSON escapes
-- control characters), and a check there cost as much again on every
-- write (import of 78,000 events: +8% CPU with it, +4% without).

CREATE TRIGGER text_ok_setting_insert BEFORE INSERT ON setting
WHEN NOT mado_text_ok(NEW.key, 0, NEW.value, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: setting: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_setting_update BEFORE UPDATE ON setting
WHEN NOT mado_text_ok(NEW.key, 0, NEW.value, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: setting: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_municipality_insert BEFORE INSERT ON municipality
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.kind, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: municipality: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_municipality_update BEFORE UPDATE ON municipality
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.kind, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: municipality: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_organization_insert BEFORE INSERT ON organization
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.type, 0, NEW.municipality, 0, NEW.phone, 0, NEW.email, 0, NEW.address, 0, NEW.note, 1, NEW.created_at, 0, NEW.updated_at, 0, NEW.name_key, 0, NEW.kana_key, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: organization: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_organization_update BEFORE UPDATE ON organization
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.type, 0, NEW.municipality, 0, NEW.phone, 0, NEW.email, 0, NEW.address, 0, NEW.note, 1, NEW.created_at, 0, NEW.updated_at, 0, NEW.name_key, 0, NEW.kana_key, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: organization: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_contact_insert BEFORE INSERT ON contact
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.role, 0, NEW.phone, 0, NEW.email, 0, NEW.note, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: contact: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_contact_update BEFORE UPDATE ON contact
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.role, 0, NEW.phone, 0, NEW.email, 0, NEW.note, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: contact: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_staff_insert BEFORE INSERT ON staff
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.desk, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: staff: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_staff_update BEFORE UPDATE ON staff
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kana, 0, NEW.desk, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: staff: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_appointment_insert BEFORE INSERT ON appointment
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.date, 0, NEW.channel, 0, NEW.booked_via, 0, NEW.room, 0, NEW.status, 0, NEW.note, 1, NEW.override_reason, 0, NEW.created_at, 0, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: appointment: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_appointment_update BEFORE UPDATE ON appointment
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.date, 0, NEW.channel, 0, NEW.booked_via, 0, NEW.room, 0, NEW.status, 0, NEW.note, 1, NEW.override_reason, 0, NEW.created_at, 0, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: appointment: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_appointment_topic_insert BEFORE INSERT ON appointment_topic
WHEN NOT mado_text_ok(NEW.topic, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: appointment_topic: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_appointment_topic_update BEFORE UPDATE ON appointment_topic
WHEN NOT mado_text_ok(NEW.topic, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: appointment_topic: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_inquiry_insert BEFORE INSERT ON inquiry
WHEN NOT mado_text_ok(NEW.received_at, 0, NEW.channel, 0, NEW.topic, 0, NEW.summary, 1, NEW.status, 0, NEW.due_date, 0, NEW.referred_to, 0, NEW.created_at, 0, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: inquiry: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_inquiry_update BEFORE UPDATE ON inquiry
WHEN NOT mado_text_ok(NEW.received_at, 0, NEW.channel, 0, NEW.topic, 0, NEW.summary, 1, NEW.status, 0, NEW.due_date, 0, NEW.referred_to, 0, NEW.created_at, 0, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: inquiry: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_inquiry_note_insert BEFORE INSERT ON inquiry_note
WHEN NOT mado_text_ok(NEW.at, 0, NEW.text, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: inquiry_note: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_inquiry_note_update BEFORE UPDATE ON inquiry_note
WHEN NOT mado_text_ok(NEW.at, 0, NEW.text, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: inquiry_note: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_insert BEFORE INSERT ON program
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kind, 0, NEW.desk_from, 0, NEW.desk_to, 0, NEW.deadline, 0, NEW.note, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: program: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_update BEFORE UPDATE ON program
WHEN NOT mado_text_ok(NEW.name, 0, NEW.kind, 0, NEW.desk_from, 0, NEW.desk_to, 0, NEW.deadline, 0, NEW.note, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: program: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_event_insert BEFORE INSERT ON program_event
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.title, 0, NEW.date, 0, NEW.place, 0, NEW.reg_deadline, 0, NEW.note, 1, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: program_event: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_event_update BEFORE UPDATE ON program_event
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.title, 0, NEW.date, 0, NEW.place, 0, NEW.reg_deadline, 0, NEW.note, 1, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: program_event: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_item_insert BEFORE INSERT ON program_item
WHEN NOT mado_text_ok(NEW.item, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: program_item: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_program_item_update BEFORE UPDATE ON program_item
WHEN NOT mado_text_ok(NEW.item, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: program_item: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_application_insert BEFORE INSERT ON application
WHEN NOT mado_text_ok(NEW.received, 0, NEW.status, 0, NEW.note, 1, NEW.created_at, 0, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: application: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_application_update BEFORE UPDATE ON application
WHEN NOT mado_text_ok(NEW.received, 0, NEW.status, 0, NEW.note, 1, NEW.created_at, 0, NEW.updated_at, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: application: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_application_item_insert BEFORE INSERT ON application_item
WHEN NOT mado_text_ok(NEW.item, 0, NEW.done_on, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: application_item: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_application_item_update BEFORE UPDATE ON application_item
WHEN NOT mado_text_ok(NEW.item, 0, NEW.done_on, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: application_item: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_staff_block_insert BEFORE INSERT ON staff_block
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.date, 0, NEW.title, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: staff_block: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_staff_block_update BEFORE UPDATE ON staff_block
WHEN NOT mado_text_ok(NEW.uid, 0, NEW.date, 0, NEW.title, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: staff_block: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_closed_day_insert BEFORE INSERT ON closed_day
WHEN NOT mado_text_ok(NEW.date, 0, NEW.reason, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: closed_day: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_closed_day_update BEFORE UPDATE ON closed_day
WHEN NOT mado_text_ok(NEW.date, 0, NEW.reason, 0)
BEGIN
  SELECT RAISE(ABORT, 'text: closed_day: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_extra_field_insert BEFORE INSERT ON extra_field
WHEN NOT mado_text_ok(NEW.tbl, 0, NEW.key, 0, NEW.value, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: extra_field: a value holds a control character, a bidi control or invalid UTF-8');
END;

CREATE TRIGGER text_ok_extra_field_update BEFORE UPDATE ON extra_field
WHEN NOT mado_text_ok(NEW.tbl, 0, NEW.key, 0, NEW.value, 1)
BEGIN
  SELECT RAISE(ABORT, 'text: extra_field: a value holds a control character, a bidi control or invalid UTF-8');
END;
