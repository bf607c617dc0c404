-- A desk server its staff share (issue 20).  A staff record can name the
-- operating-system account of its person, so the header and the audit
-- log show the person's name; the desk's own settings that no account
-- may change for itself (the desk lead group) live in the database.
ALTER TABLE staff ADD COLUMN account TEXT
  CHECK (account IS NULL OR (length(account) BETWEEN 1 AND 32
         AND account NOT GLOB '*[^A-Za-z0-9_.-]*'));
CREATE UNIQUE INDEX staff_account ON staff(account) WHERE account IS NOT NULL;

CREATE TABLE desk_setting (
  key   TEXT PRIMARY KEY CHECK (key IN ('lead_group')),
  value TEXT NOT NULL CHECK (length(value) <= 32 AND value NOT GLOB '*[^a-z0-9_-]*')
);
CREATE TRIGGER audit_desk_setting_insert AFTER INSERT ON desk_setting BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'desk_setting', NEW.rowid, 'insert', json_object('key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER audit_desk_setting_update AFTER UPDATE ON desk_setting BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'desk_setting', NEW.rowid, 'update', json_object('key', OLD.key, 'value', OLD.value), json_object('key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER audit_desk_setting_delete AFTER DELETE ON desk_setting BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'desk_setting', OLD.rowid, 'delete', json_object('key', OLD.key, 'value', OLD.value));
END;
-- who linked an account to a staff record is audited like any change
CREATE TRIGGER audit_staff_account AFTER UPDATE OF account ON staff BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'staff', NEW.id, 'update', json_object('account', OLD.account), json_object('account', NEW.account));
END;
