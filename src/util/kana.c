#include "util/kana.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/text.h"

enum {
	KANA_FOLD_ASCII = 1,	/* full-width ASCII, U+3000, lower case */
};

#define DAKUTEN		0x3099u	/* combining voiced mark */
#define HANDAKUTEN	0x309Au	/* combining semi-voiced mark */
#define DAKUTEN_SP	0x309Bu	/* ゛ */
#define HANDAKUTEN_SP	0x309Cu	/* ゜ */
#define CHOONPU		0x30FCu	/* ー */

/* Half-width U+FF61..U+FF9F to full width; ﾞﾟ to the spacing marks. */
static const unsigned short halfwidth[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB,			/* ｡｢｣､･ */
	0x30F2,							/* ｦ */
	0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,			/* ｧｨｩｪｫ */
	0x30E3, 0x30E5, 0x30E7, 0x30C3,				/* ｬｭｮｯ */
	0x30FC,							/* ｰ */
	0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,			/* ｱ-ｵ */
	0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,			/* ｶ-ｺ */
	0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,			/* ｻ-ｿ */
	0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,			/* ﾀ-ﾄ */
	0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,			/* ﾅ-ﾉ */
	0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,			/* ﾊ-ﾎ */
	0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2,			/* ﾏ-ﾓ */
	0x30E4, 0x30E6, 0x30E8,					/* ﾔﾕﾖ */
	0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED,			/* ﾗ-ﾛ */
	0x30EF, 0x30F3,						/* ﾜﾝ */
	DAKUTEN_SP, HANDAKUTEN_SP,				/* ﾞﾟ */
};
_Static_assert(sizeof halfwidth / sizeof halfwidth[0] == 0xFF9F - 0xFF61 + 1,
	       "half-width table covers U+FF61..U+FF9F");

static bool is_hiragana_letter(unsigned c)
{
	return c >= 0x3041 && c <= 0x3096;
}

static bool is_voiced_mark(unsigned c)
{
	return c == DAKUTEN || c == DAKUTEN_SP;
}

static bool is_semivoiced_mark(unsigned c)
{
	return c == HANDAKUTEN || c == HANDAKUTEN_SP;
}

/* The hiragana h with a voiced (semi = false) or semi-voiced mark, or 0. */
static unsigned compose(unsigned h, bool semi)
{
	bool ha_row = h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0;

	if (semi)
		return ha_row ? h + 2 : 0;
	if (ha_row)
		return h + 1;
	if (h >= 0x304B && h <= 0x3061 && h % 2 == 1)	/* か..ち */
		return h + 1;
	if (h == 0x3064 || h == 0x3066 || h == 0x3068)	/* つてと */
		return h + 1;
	if (h == 0x3046)				/* う */
		return 0x3094;
	if (h == 0x309D)				/* ゝ */
		return 0x309E;
	return 0;
}

/* Map one code point; returns how many code points went to out[0..1]. */
static int fold_cp(unsigned c, unsigned flags, unsigned out[2])
{
	if (c >= 0xFF61 && c <= 0xFF9F)
		c = halfwidth[c - 0xFF61];
	if (flags & KANA_FOLD_ASCII) {
		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFEE0;
		else if (c == 0x3000)
			c = ' ';
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
	}
	if (c >= 0x30A1 && c <= 0x30F6) {		/* ァ..ヶ */
		c -= 0x60;
	} else if (c >= 0x30F7 && c <= 0x30FA) {	/* ヷヸヹヺ */
		static const unsigned short wa[] = { 0x308F, 0x3090, 0x3091, 0x3092 };
		out[0] = wa[c - 0x30F7];
		out[1] = DAKUTEN;
		return 2;
	} else if (c == 0x30FD || c == 0x30FE) {	/* ヽヾ */
		c -= 0x60;
	}
	out[0] = c;
	return 1;
}

static void put_utf8(struct strbuf *sb, unsigned c)
{
	char b[4];
	size_t n;

	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	strbuf_add(sb, b, n);
}

/* Append c, composing a voiced mark with the kana in *prev (emitted last). */
static void emit(struct strbuf *sb, unsigned *prev, unsigned c)
{
	bool voiced = is_voiced_mark(c), semi = is_semivoiced_mark(c);

	if (voiced || semi) {
		unsigned k = compose(*prev, semi);

		if (k) {
			sb->len -= 3;	/* every hiragana is 3 bytes */
			put_utf8(sb, k);
			*prev = k;
			return;
		}
		if (is_hiragana_letter(*prev))
			c = semi ? HANDAKUTEN : DAKUTEN;
	}
	put_utf8(sb, c);
	*prev = c;
}

static char *fold(const char *s, size_t n, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned prev = 0;
	size_t i = 0;

	while (i < n) {
		unsigned c, out[2];
		size_t l = text_utf8_decode(s + i, n - i, &c);

		if (!l) {
			i++;
			continue;
		}
		i += l;
		int m = fold_cp(c, flags, out);
		for (int j = 0; j < m; j++)
			emit(&sb, &prev, out[j]);
	}
	if (!sb.buf)
		return xstrdup("");
	return sb.buf;
}

char *kana_fold_n(const char *s, size_t n)
{
	if (!s)
		return xstrdup("");
	return fold(s, n, KANA_FOLD_ASCII);
}

char *kana_fold(const char *s)
{
	return kana_fold_n(s, s ? strlen(s) : 0);
}

char *kana_reading_hiragana(const char *s)
{
	if (!s)
		return xstrdup("");
	return fold(s, strlen(s), 0);
}

bool kana_contains(const char *haystack_key, const char *needle_key)
{
	if (!haystack_key || !needle_key)
		return false;
	return strstr(haystack_key, needle_key) != NULL;
}

/* Collation. */

enum kana_group {
	GROUP_OTHER,
	GROUP_KANA,
	GROUP_KANJI,
};

enum kana_variant {
	VAR_PLAIN,
	VAR_SMALL,
	VAR_VOICED,
	VAR_SEMI,
	VAR_LONG,	/* ー */
	VAR_ITER,	/* ゝ */
	VAR_ITER_V,	/* ゞ */
};

/* Letters あ=0 … ん=47 in gojūon order; 48 for ー ゝ ゞ with no kana
 * before them. */
#define LETTER_N	47
#define LETTER_MARK	48

/* U+3041..U+3096: { letter, variant }. */
#define P VAR_PLAIN
#define S VAR_SMALL
#define V VAR_VOICED
#define H VAR_SEMI
static const unsigned char hiragana[][2] = {
	{0, S}, {0, P}, {1, S}, {1, P}, {2, S}, {2, P},		/* ぁあぃいぅう */
	{3, S}, {3, P}, {4, S}, {4, P},				/* ぇえぉお */
	{5, P}, {5, V}, {6, P}, {6, V}, {7, P}, {7, V},		/* かがきぎくぐ */
	{8, P}, {8, V}, {9, P}, {9, V},				/* けげこご */
	{10, P}, {10, V}, {11, P}, {11, V}, {12, P}, {12, V},	/* さざしじすず */
	{13, P}, {13, V}, {14, P}, {14, V},			/* せぜそぞ */
	{15, P}, {15, V}, {16, P}, {16, V},			/* ただちぢ */
	{17, S}, {17, P}, {17, V},				/* っつづ */
	{18, P}, {18, V}, {19, P}, {19, V},			/* てでとど */
	{20, P}, {21, P}, {22, P}, {23, P}, {24, P},		/* なにぬねの */
	{25, P}, {25, V}, {25, H}, {26, P}, {26, V}, {26, H},	/* はばぱひびぴ */
	{27, P}, {27, V}, {27, H}, {28, P}, {28, V}, {28, H},	/* ふぶぷへべぺ */
	{29, P}, {29, V}, {29, H},				/* ほぼぽ */
	{30, P}, {31, P}, {32, P}, {33, P}, {34, P},		/* まみむめも */
	{35, S}, {35, P}, {36, S}, {36, P}, {37, S}, {37, P},	/* ゃやゅゆょよ */
	{38, P}, {39, P}, {40, P}, {41, P}, {42, P},		/* らりるれろ */
	{43, S}, {43, P}, {44, P}, {45, P}, {46, P}, {47, P},	/* ゎわゐゑをん */
	{2, V}, {5, S}, {8, S},					/* ゔゕゖ */
};
#undef P
#undef S
#undef V
#undef H
_Static_assert(sizeof hiragana / sizeof hiragana[0] == 0x3096 - 0x3041 + 1,
	       "hiragana table covers U+3041..U+3096");

/* The vowel (あいうえお = 0..4) of a letter, or -1 for ん and marks. */
static int letter_vowel(unsigned letter)
{
	static const signed char yawa[] = {
		0, 2, 4,		/* やゆよ */
		0, 1, 2, 3, 4,		/* らりるれろ */
		0, 1, 3, 4,		/* わゐゑを */
	};

	if (letter < 35)
		return (int)(letter % 5);
	if (letter < LETTER_N)
		return yawa[letter - 35];
	return -1;
}

struct kana_elem {
	unsigned char group, variant;
	unsigned primary;
};

static bool is_kanji(unsigned c)
{
	return (c >= 0x3005 && c <= 0x3007) ||
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* Collation elements of the folded key k (valid UTF-8); returns the
 * count, *out gets a new array. */
static size_t collate(const char *k, struct kana_elem **out)
{
	size_t n = strlen(k), i = 0, len = 0;
	struct kana_elem *e = xmalloc((n + 1) * sizeof *e);

	while (i < n) {
		unsigned c;
		size_t l = text_utf8_decode(k + i, n - i, &c);
		struct kana_elem *last = len ? &e[len - 1] : NULL;
		bool after_kana = last && last->group == GROUP_KANA &&
				  last->primary != LETTER_MARK;

		if (!l) {	/* not from kana_fold(); skip */
			i++;
			continue;
		}
		i += l;
		if ((c == DAKUTEN || c == HANDAKUTEN) && after_kana) {
			last->variant = c == DAKUTEN ? VAR_VOICED : VAR_SEMI;
			continue;
		}
		struct kana_elem *x = &e[len++];
		if (is_hiragana_letter(c)) {
			x->group = GROUP_KANA;
			x->primary = hiragana[c - 0x3041][0];
			x->variant = hiragana[c - 0x3041][1];
		} else if (c == CHOONPU || c == 0x309D || c == 0x309E) {
			x->group = GROUP_KANA;
			x->primary = LETTER_MARK;
			x->variant = c == CHOONPU ? VAR_LONG :
				     c == 0x309D ? VAR_ITER : VAR_ITER_V;
			if (after_kana && c != CHOONPU) {
				x->primary = last->primary;
			} else if (after_kana) {
				int v = letter_vowel(last->primary);
				if (v >= 0)
					x->primary = (unsigned)v;
			}
		} else {
			x->group = is_kanji(c) ? GROUP_KANJI : GROUP_OTHER;
			x->primary = c;
			x->variant = VAR_PLAIN;
		}
	}
	*out = e;
	return len;
}

static int cmp_unsigned(unsigned a, unsigned b)
{
	return (a > b) - (a < b);
}

int kana_compare(const char *a, const char *b)
{
	char *ka = kana_fold(a), *kb = kana_fold(b);
	struct kana_elem *ea, *eb;
	size_t na = collate(ka, &ea), nb = collate(kb, &eb);
	size_t n = na < nb ? na : nb;
	int r = 0;

	for (size_t i = 0; i < n && !r; i++) {
		r = cmp_unsigned(ea[i].group, eb[i].group);
		if (!r)
			r = cmp_unsigned(ea[i].primary, eb[i].primary);
	}
	if (!r)
		r = (na > nb) - (na < nb);	/* a prefix sorts first */
	for (size_t i = 0; i < n && !r; i++)
		r = cmp_unsigned(ea[i].variant, eb[i].variant);
	if (!r) {
		int s = strcmp(ka, kb);
		r = (s > 0) - (s < 0);
	}
	free(ea);
	free(eb);
	free(ka);
	free(kb);
	return r;
}

/* Three bytes, none zero, that sort as v (0 <= v < 2^21) does. */
static void put_u21(struct strbuf *b, unsigned v)
{
	char c[3] = {
		(char)(((v >> 14) & 0x7F) + 1),
		(char)(((v >> 7) & 0x7F) + 1),
		(char)((v & 0x7F) + 1),
	};

	strbuf_add(b, c, 3);
}

char *kana_sort_key(const char *s)
{
	char *k = kana_fold(s);
	struct kana_elem *e;
	size_t n = collate(k, &e);
	struct strbuf b = STRBUF_INIT;

	/* level 1: group (2..4) and primary of each element, four bytes
	 * each; 0x01 ends the level, so a prefix sorts first */
	for (size_t i = 0; i < n; i++) {
		char g = (char)(e[i].group + 2);
		strbuf_add(&b, &g, 1);
		put_u21(&b, e[i].primary);
	}
	strbuf_adds(&b, "\x01");
	/* level 2: the variants (2..8), the same count on both sides when
	 * level 1 is equal */
	for (size_t i = 0; i < n; i++) {
		char v = (char)(e[i].variant + 2);
		strbuf_add(&b, &v, 1);
	}
	strbuf_adds(&b, "\x01");
	/* level 3: the folded key itself */
	strbuf_adds(&b, k);
	free(e);
	free(k);
	return b.buf;	/* never NULL: the level ends were added */
}

/* Search grams. */

static bool gram_blank(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

static void put_gram(struct strbuf *sb, unsigned a, unsigned b, bool pair)
{
	if (sb->len)
		strbuf_adds(sb, " ");
	if (pair)
		strbuf_addf(sb, "w%xx%x", a, b);
	else
		strbuf_addf(sb, "u%x", a);
}

char *kana_grams(const char *key)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = key ? strlen(key) : 0, i = 0;
	unsigned prev = 0;	/* 0: a word starts */

	while (i < n) {
		unsigned c;
		size_t l = text_utf8_decode(key + i, n - i, &c);

		if (!l) {
			i++;
			continue;
		}
		i += l;
		if (gram_blank(c) || !c) {
			prev = 0;
			continue;
		}
		put_gram(&sb, c, 0, false);
		if (prev)
			put_gram(&sb, prev, c, true);
		prev = c;
	}
	if (!sb.buf)
		return xstrdup("");
	return sb.buf;
}

size_t kana_gram_query(struct strbuf *sb, const char *key)
{
	unsigned cp[2] = { 0, 0 };
	size_t n = key ? strlen(key) : 0, i = 0, chars = 0;

	while (i < n) {
		unsigned c;
		size_t l = text_utf8_decode(key + i, n - i, &c);

		if (!l) {
			i++;
			continue;
		}
		i += l;
		if (gram_blank(c) || !c)
			continue;
		if (chars >= 1)
			put_gram(sb, cp[1], c, true);
		else
			cp[0] = c;
		cp[1] = c;
		chars++;
	}
	if (chars == 1)
		put_gram(sb, cp[0], 0, false);
	return chars;
}
