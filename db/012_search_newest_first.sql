-- madoguchi schema, version 12: the inquiry search index of version 6
-- (db/010_search_grams.sql) keyed newest first.  The inquiry screen
-- asks on every keystroke for the newest hits of a search and how many
-- there are, up to 1,000.  FTS5 skips through its lists only when it
-- reads them in rising rowid order; read backwards (ORDER BY rowid DESC)
-- it reads whole lists, so a word of three characters or more (the AND
-- of its pairs) cost 1-2 ms at ten years, found or not.  Here the index
-- holds each inquiry under minus its id: rising rowids are newest first,
-- and the newest hits come from the fast direction.
--   inquiry_gram: the same tokens and options; rowid = -inquiry_search.id.
--   inquiry_search_grams: its content view, giving that rowid as id.
-- inquiry_search (the folded docs) and the triggers that keep it stay
-- as they are; only the three that feed the index change.

DROP TRIGGER inquiry_search_gram_insert;
DROP TRIGGER inquiry_search_gram_update;
DROP TRIGGER inquiry_search_gram_delete;
DROP TABLE inquiry_gram;
DROP VIEW inquiry_search_grams;

CREATE VIEW inquiry_search_grams AS
  SELECT -id AS id, mado_grams(doc) AS g FROM inquiry_search;

CREATE VIRTUAL TABLE inquiry_gram USING fts5(
  g, content='inquiry_search_grams', content_rowid='id', tokenize='ascii', detail='none'
);
INSERT INTO inquiry_gram (inquiry_gram) VALUES ('rebuild');

CREATE TRIGGER inquiry_search_gram_insert AFTER INSERT ON inquiry_search BEGIN
  INSERT INTO inquiry_gram (rowid, g) VALUES (-NEW.id, mado_grams(NEW.doc));
END;
CREATE TRIGGER inquiry_search_gram_update AFTER UPDATE OF doc ON inquiry_search
WHEN OLD.doc IS NOT NEW.doc BEGIN
  INSERT INTO inquiry_gram (inquiry_gram, rowid, g) VALUES ('delete', -OLD.id, mado_grams(OLD.doc));
  INSERT INTO inquiry_gram (rowid, g) VALUES (-NEW.id, mado_grams(NEW.doc));
END;
CREATE TRIGGER inquiry_search_gram_delete AFTER DELETE ON inquiry_search BEGIN
  INSERT INTO inquiry_gram (inquiry_gram, rowid, g) VALUES ('delete', -OLD.id, mado_grams(OLD.doc));
END;
