-- madoguchi schema, version 4: stored search and sort keys of
-- organizations and staff, so that a keystroke of organization search
-- reads keys instead of folding 5,000 names and readings, and lists come
-- in あいうえお order from a plain index.
--   name_key, kana_key: kana_fold() of name and reading (src/util/kana.h);
--     search is a substring test (instr) on them.
--   sort_key: kana_sort_key() of the reading, a BLOB whose plain bytewise
--     order is kana_compare()'s order; X'FF' (after every key) for an
--     empty reading, which sorts last.
-- The program writes them with every insert and update of a name or
-- reading (db_org.c, db_admin.c); this migration fills them once with the
-- program's SQL functions mado_fold() and mado_sortkey().  No index uses
-- a function or collation of ours, so any sqlite3 can still check the
-- file (PRAGMA integrity_check).

ALTER TABLE organization ADD COLUMN name_key TEXT;
ALTER TABLE organization ADD COLUMN kana_key TEXT;
ALTER TABLE organization ADD COLUMN sort_key BLOB;
ALTER TABLE staff ADD COLUMN sort_key BLOB;

-- The keys are derived from name and reading, which the audit already
-- records: audit updates of the recorded columns only (the same bodies as
-- in version 1), so filling the keys writes no audit rows.
DROP TRIGGER audit_organization_update;
CREATE TRIGGER audit_organization_update AFTER UPDATE OF id, name, kana, type, municipality, phone, email, address, note, created_at, updated_at ON organization BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'organization', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'kana', OLD.kana, 'type', OLD.type, 'municipality', OLD.municipality, 'phone', OLD.phone, 'email', OLD.email, 'address', OLD.address, 'note', OLD.note), json_object('id', NEW.id, 'name', NEW.name, 'kana', NEW.kana, 'type', NEW.type, 'municipality', NEW.municipality, 'phone', NEW.phone, 'email', NEW.email, 'address', NEW.address, 'note', NEW.note));
END;
DROP TRIGGER audit_staff_update;
CREATE TRIGGER audit_staff_update AFTER UPDATE OF id, name, kana, desk, active ON staff BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'staff', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'kana', OLD.kana, 'desk', OLD.desk, 'active', OLD.active), json_object('id', NEW.id, 'name', NEW.name, 'kana', NEW.kana, 'desk', NEW.desk, 'active', NEW.active));
END;

UPDATE organization SET name_key = mado_fold(name), kana_key = mado_fold(kana),
  sort_key = CASE WHEN kana = '' THEN X'FF' ELSE mado_sortkey(kana) END;
UPDATE staff SET
  sort_key = CASE WHEN kana = '' THEN X'FF' ELSE mado_sortkey(kana) END;

-- Lists and search walk this index in reading order; it holds the
-- search keys too, so a search reads a row only to show it.
CREATE INDEX organization_sort ON organization(sort_key, name, name_key, kana_key);
