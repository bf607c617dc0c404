-- madoguchi schema, version 6: one search index for inquiries that
-- serves terms of any length from one character, with the same kana and
-- width folding as organization search (kana_fold(): ぼらんてぃあ and
-- ﾎﾞﾗﾝﾃｨｱ find ボランティア), and that finds an inquiry by the name or
-- reading of its organization.
--
--   inquiry_search.doc: the folded search text of one inquiry: its
--     summary, its organization's name and reading, its notes, one per
--     line (mado_fold(), src/util/kana.h).  The triggers below keep it in
--     step with every change of those.
--   inquiry_gram: an external-content FTS5 index over the docs whose
--     tokens are each character and each pair of neighbouring characters
--     (mado_grams(), kana_grams() in src/util/kana.h), without positions
--     (detail=none): a one- or two-character term is one token, a longer
--     one the AND of its pairs, checked against doc with instr().  The
--     index holds rowids only; inquiry_search_grams gives it the tokens
--     when it is rebuilt.  Deletes give FTS5 the tokens of the stored
--     old doc, so the index always matches what was indexed.
-- The trigram indexes of version 2 stay (other tools may read them); the
-- program searches through this one.

CREATE TABLE inquiry_search (
  id   INTEGER PRIMARY KEY,
  doc  TEXT NOT NULL
);

-- The doc of every inquiry, computed from the live rows.
CREATE VIEW inquiry_search_src AS
  SELECT i.id AS id,
         mado_fold(i.summary) || char(10) || coalesce(mado_fold(o.name), '') || char(10) ||
         coalesce(mado_fold(o.kana), '') ||
         coalesce((SELECT char(10) || group_concat(mado_fold(n.text), char(10))
                   FROM inquiry_note n WHERE n.inquiry_id = i.id), '') AS doc
  FROM inquiry i LEFT JOIN organization o ON o.id = i.org_id;

CREATE VIEW inquiry_search_grams AS
  SELECT id, mado_grams(doc) AS g FROM inquiry_search;

CREATE VIRTUAL TABLE inquiry_gram USING fts5(
  g, content='inquiry_search_grams', content_rowid='id', tokenize='ascii', detail='none'
);

-- Index what the database already holds.
INSERT INTO inquiry_search (id, doc) SELECT id, doc FROM inquiry_search_src;
INSERT INTO inquiry_gram (inquiry_gram) VALUES ('rebuild');

CREATE TRIGGER inquiry_search_gram_insert AFTER INSERT ON inquiry_search BEGIN
  INSERT INTO inquiry_gram (rowid, g) VALUES (NEW.id, mado_grams(NEW.doc));
END;
CREATE TRIGGER inquiry_search_gram_update AFTER UPDATE OF doc ON inquiry_search
WHEN OLD.doc IS NOT NEW.doc BEGIN
  INSERT INTO inquiry_gram (inquiry_gram, rowid, g) VALUES ('delete', OLD.id, mado_grams(OLD.doc));
  INSERT INTO inquiry_gram (rowid, g) VALUES (NEW.id, mado_grams(NEW.doc));
END;
CREATE TRIGGER inquiry_search_gram_delete AFTER DELETE ON inquiry_search BEGIN
  INSERT INTO inquiry_gram (inquiry_gram, rowid, g) VALUES ('delete', OLD.id, mado_grams(OLD.doc));
END;

-- What changes a doc: the inquiry's summary or organization, its notes,
-- the organization's name or reading.
CREATE TRIGGER inquiry_search_inquiry_insert AFTER INSERT ON inquiry BEGIN
  INSERT INTO inquiry_search (id, doc) SELECT id, doc FROM inquiry_search_src WHERE id = NEW.id
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;
END;
CREATE TRIGGER inquiry_search_inquiry_update AFTER UPDATE OF summary, org_id ON inquiry BEGIN
  INSERT INTO inquiry_search (id, doc) SELECT id, doc FROM inquiry_search_src WHERE id = NEW.id
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;
END;
CREATE TRIGGER inquiry_search_inquiry_delete AFTER DELETE ON inquiry BEGIN
  DELETE FROM inquiry_search WHERE id = OLD.id;
END;
CREATE TRIGGER inquiry_search_note_insert AFTER INSERT ON inquiry_note BEGIN
  INSERT INTO inquiry_search (id, doc) SELECT id, doc FROM inquiry_search_src WHERE id = NEW.inquiry_id
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;
END;
CREATE TRIGGER inquiry_search_note_update AFTER UPDATE OF text, inquiry_id ON inquiry_note BEGIN
  INSERT INTO inquiry_search (id, doc) SELECT id, doc FROM inquiry_search_src
    WHERE id IN (OLD.inquiry_id, NEW.inquiry_id)
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;
END;
CREATE TRIGGER inquiry_search_note_delete AFTER DELETE ON inquiry_note BEGIN
  INSERT INTO inquiry_search (id, doc) SELECT id, doc FROM inquiry_search_src WHERE id = OLD.inquiry_id
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;
END;
CREATE TRIGGER inquiry_search_org_update AFTER UPDATE OF name, kana ON organization
WHEN OLD.name IS NOT NEW.name OR OLD.kana IS NOT NEW.kana BEGIN
  INSERT INTO inquiry_search (id, doc) SELECT s.id, s.doc FROM inquiry_search_src s
    WHERE s.id IN (SELECT id FROM inquiry WHERE org_id = NEW.id)
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;
END;
