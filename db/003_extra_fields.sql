-- madoguchi schema: the values of fields a site adds to a form
-- ($XDG_CONFIG_HOME/madoguchi/forms/NAME.form), one row per record and
-- field.  The program knows nothing of these fields but their name and
-- the form that defines them; values are checked in C like all text.

CREATE TABLE extra_field (
  tbl     TEXT NOT NULL CHECK (tbl IN ('appointment','organization','inquiry')),
  row_id  INTEGER NOT NULL,
  key     TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*' AND length(key) <= 32),
  value   TEXT NOT NULL CHECK (length(value) >= 1 AND value NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(value) <= 4000),
  PRIMARY KEY (tbl, row_id, key)
);

-- A record's extra values go with it.
CREATE TRIGGER extra_field_appointment_gone AFTER DELETE ON appointment BEGIN
  DELETE FROM extra_field WHERE tbl = 'appointment' AND row_id = OLD.id;
END;
CREATE TRIGGER extra_field_organization_gone AFTER DELETE ON organization BEGIN
  DELETE FROM extra_field WHERE tbl = 'organization' AND row_id = OLD.id;
END;
CREATE TRIGGER extra_field_inquiry_gone AFTER DELETE ON inquiry BEGIN
  DELETE FROM extra_field WHERE tbl = 'inquiry' AND row_id = OLD.id;
END;

CREATE TRIGGER audit_extra_field_insert AFTER INSERT ON extra_field BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'extra_field', NEW.row_id, 'insert', json_object('tbl', NEW.tbl, 'row_id', NEW.row_id, 'key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER audit_extra_field_update AFTER UPDATE ON extra_field BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'extra_field', NEW.row_id, 'update', json_object('tbl', OLD.tbl, 'row_id', OLD.row_id, 'key', OLD.key, 'value', OLD.value), json_object('tbl', NEW.tbl, 'row_id', NEW.row_id, 'key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER audit_extra_field_delete AFTER DELETE ON extra_field BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'extra_field', OLD.row_id, 'delete', json_object('tbl', OLD.tbl, 'row_id', OLD.row_id, 'key', OLD.key, 'value', OLD.value));
END;
