#ifndef MADO_KANA_H
#define MADO_KANA_H
/* Search keys and gojūon order for Japanese readings.  Pure code-point
 * arithmetic on UTF-8 (decoded with text_utf8_decode()): no locale, no
 * global state, the same output for the same input, so the db layer may
 * register kana_fold() and kana_compare() as deterministic SQL functions.
 * Knows kana and full-width ASCII only; kanji are never given readings. */

#include <stdbool.h>
#include <stddef.h>

/* The search key of s, as a new string (free() it).  NULL gives "".
 *  - half-width katakana U+FF61-FF9F become full-width, and a following
 *    half-width ﾞ/ﾟ combines with the kana (ｶﾞ -> ガ, ﾊﾟ -> パ, ｳﾞ -> ヴ);
 *  - katakana become hiragana: ァ-ヶ -> ぁ-ゖ, ヴ -> ゔ, ヽヾ -> ゝゞ, and
 *    ヷヸヹヺ -> わゐゑを + U+3099 (what ﾜﾞ etc. also give);
 *  - a voiced/semi-voiced mark after a kana (combining U+3099/U+309A,
 *    spacing ゛゜, half-width ﾞﾟ) is composed into the kana (か+゙ -> が,
 *    う+゙ -> ゔ, ゝ+゙ -> ゞ); after a kana with no precomposed form it
 *    becomes the combining mark; a lone half-width ﾞﾟ becomes ゛゜;
 *  - full-width ASCII U+FF01-FF5E become ASCII, U+3000 a space;
 *  - ASCII letters become lower case;
 *  - the long vowel mark ー, kanji and everything else stay unchanged;
 *  - invalid UTF-8 bytes are dropped.
 * Idempotent: kana_fold(kana_fold(s)) equals kana_fold(s). */
char *kana_fold(const char *s);
/* Same for the first n bytes of s, which need not end in NUL (for SQL
 * functions that get a length); a NUL among them ends the key. */
char *kana_fold_n(const char *s, size_t n);

/* Only the kana part of kana_fold(): half-width and full-width katakana
 * to hiragana with the marks composed, everything else (ASCII case,
 * full-width digits, U+3000) kept as is, invalid bytes dropped.  For
 * showing a reading; search with kana_fold(). */
char *kana_reading_hiragana(const char *s);

/* Compare two readings in dictionary (gojūon) order; returns <0, 0, >0.
 * Both are folded with kana_fold() first, so ｶﾀｶﾅ, カタカナ and かたかな
 * compare equal; 0 means the folded keys are identical.  Order:
 *  1. character by character on the primary key, a shorter prefix
 *     first.  Each character falls in one of three groups, in this
 *     order: everything that is neither kana nor kanji (ASCII, digits,
 *     punctuation, other scripts; by code point), then kana, then kanji
 *     (CJK ideographs and 々〆〇; by code point).  Kana sort by their
 *     plain letter in あいうえお order, あ … ん (わ ゐ ゑ を ん at the end):
 *     small, voiced and semi-voiced kana count as their plain letter;
 *     ー counts as the vowel of the kana before it (かー as かあ), ゝゞ as
 *     the kana before them; with no kana before them (and ー after ん)
 *     they sort after ん;
 *  2. if all primary keys are equal, character by character on the
 *     variant: plain < small < voiced < semi-voiced < ー < ゝ < ゞ, so
 *     か < が < かき < がき < き and つ < っ < づ, はは < ばは < ぱは;
 *  3. if still equal, bytewise on the folded keys. */
int kana_compare(const char *a, const char *b);

/* A sort key of s, as a new string (free() it): comparing two keys
 * with strcmp() (or memcmp() and then length, as SQLite compares BLOBs)
 * orders them as kana_compare() orders their readings, and two keys
 * are equal exactly when kana_compare() gives 0.  Bytes 0x01-0x81
 * and the folded key; no NUL inside, never 0xFF first, so a database
 * may store it as a BLOB and index it with no collation of ours. */
char *kana_sort_key(const char *s);

/* Whether needle_key occurs in haystack_key.  A plain substring test:
 * callers fold both with kana_fold() first.  An empty needle matches;
 * NULL never does. */
bool kana_contains(const char *haystack_key, const char *needle_key);

/* The search grams of key (a kana_fold() key), as a new string (free()
 * it): one ASCII token per character ("u" and its code point in hex)
 * and one per pair of neighbouring characters ("w", the two code points
 * in hex with an "x" between), separated by blanks.  Blanks and line
 * ends separate words: they make no token and no pair spans them.  The
 * database indexes these tokens with FTS5 (db/010_search_grams.sql), so
 * a one- or two-character term is one token and a longer one the pairs
 * it is made of.  Empty for an empty key; NULL gives "". */
char *kana_grams(const char *key);

/* The FTS5 query of one search word (a kana_fold() key): its token when
 * it has one or two characters, else all its pairs (implicit AND).
 * Appended to sb after a blank when sb is not empty; returns how many
 * characters the word has (0: nothing added). */
struct strbuf;
size_t kana_gram_query(struct strbuf *sb, const char *key);

#endif
