#include "util/kana.h"

#include <stdlib.h>

#include "tap.h"

static void fold_is(const char *in, const char *want, const char *name)
{
	char *got = kana_fold(in);

	is_str(got, want, "fold %s", name);
	free(got);
}

static bool same_key(const char *a, const char *b)
{
	char *ka = kana_fold(a), *kb = kana_fold(b);
	bool same = strcmp(ka, kb) == 0;

	if (!same)
		diag("'%s' -> '%s' but '%s' -> '%s'", a, ka, b, kb);
	free(ka);
	free(kb);
	return same;
}

static int cmp_qsort(const void *a, const void *b)
{
	return kana_compare(*(const char *const *)a, *(const char *const *)b);
}

static void test_fold(void)
{
	const char *care24[] = {
		"ｹｱ24ﾅﾘﾀ", "ケア24ナリタ", "けあ２４なりた", "ケア２４ﾅﾘﾀ",
	};

	for (size_t i = 0; i < sizeof care24 / sizeof care24[0]; i++)
		ok(same_key(care24[i], "けあ24なりた"), "%s folds like けあ24なりた",
		   care24[i]);
	fold_is("ｹｱ24ﾅﾘﾀ", "けあ24なりた", "half-width katakana");

	fold_is("ｶﾞ", "が", "ｶﾞ");
	fold_is("ﾊﾟ", "ぱ", "ﾊﾟ");
	fold_is("ｳﾞ", "ゔ", "ｳﾞ");
	fold_is("ヴ", "ゔ", "ヴ");
	fold_is("ｶﾞｷﾞｸﾞｹﾞｺﾞ ｻﾞｼﾞｽﾞｾﾞｿﾞ ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ", "がぎぐげご ざじずぜぞ だぢづでど",
		"half-width voiced rows");
	fold_is("ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "ばびぶべぼぱぴぷぺぽ", "half-width は row");
	fold_is("ｧｨｩｪｫｬｭｮｯｰｦﾝ", "ぁぃぅぇぉゃゅょっーをん", "half-width small kana");
	fold_is("｡｢ｺｰﾋｰ｣､･", "。「こーひー」、・", "half-width punctuation");
	fold_is("ｱﾞ", "あ\u3099", "ﾞ after a kana with no voiced form");
	fold_is("Aﾞ", "a\u309B", "lone ﾞ");
	fold_is("ﾟ", "\u309C", "lone ﾟ at start");

	fold_is("か\u3099き\u3099", "がぎ", "combining dakuten");
	fold_is("ハ\u309Aヒ\u309A", "ぱぴ", "combining handakuten on katakana");
	fold_is("う\u3099", "ゔ", "う + dakuten");
	fold_is("ゝ\u3099", "ゞ", "ゝ + dakuten");
	fold_is("か゛", "が", "spacing ゛ after か");
	fold_is("か\u309A", "か\u309A", "handakuten where none composes");
	fold_is("が\u3099", "が\u3099", "second dakuten stays");

	fold_is("ァアヵヶヽヾ", "ぁあゕゖゝゞ", "katakana to hiragana");
	fold_is("カタカナ・ヲン", "かたかな・をん", "katakana words");
	ok(same_key("ヷヸヹヺ", "ﾜﾞヰ゛ヱ\u3099ｦﾞ"), "ヷヸヹヺ fold like ワ+ﾞ etc.");
	fold_is("ヷ", "わ\u3099", "ヷ");

	fold_is("ＡＢＣ１２３", "abc123", "full-width ASCII");
	ok(same_key("ＡＢＣ１２３", "abc123"), "ＡＢＣ１２３ == abc123");
	fold_is("Ｔｏｋｙｏ\u3000Ｓｔａｔｉｏｎ！", "tokyo station!", "U+3000 and ！");
	fold_is("Hello World", "hello world", "ASCII lower case");
	fold_is("ー", "ー", "long vowel mark stays");
	fold_is("成田・東京都庁", "成田・東京都庁", "kanji unchanged");
	fold_is("", "", "empty string");
	fold_is(NULL, "", "NULL");

	char *r = kana_reading_hiragana("ｹｱ２４ナリタ ABC");
	is_str(r, "けあ２４なりた ABC", "reading_hiragana touches only kana");
	free(r);

	r = kana_fold_n("ｶﾞｷﾞ", 3);
	is_str(r, "か", "fold_n stops at n bytes");
	free(r);
}

static void test_invalid(void)
{
	static const char *bad[] = {
		"\xff", "\xc3", "\xe3\x81", "か\xffﾞ", "\xed\xa0\x80", "\xc0\xaf",
		"\xf4\x90\x80\x80", "ｶ\xe3\x82", "\x80\x80\x80ア\xfe",
	};
	static const char *want[] = {
		"", "", "", "が", "", "", "", "か", "あ",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		fold_is(bad[i], want[i], "invalid bytes dropped");
	ok(kana_compare("\xff\xfe", "\xc3") == 0, "invalid-only strings compare equal");
	ok(kana_compare("\xffあ", "い") < 0, "invalid bytes ignored in compare");

	/* Every 2- and 3-byte pattern from a small alphabet: no crash, and
	 * folding is idempotent. */
	static const unsigned char alpha[] = {
		0x00, 0x41, 0x80, 0x82, 0x99, 0x9e, 0xbe, 0xc3, 0xe3, 0xef,
		0xf0, 0xff, 0x81, 0xbd,
	};
	size_t na = sizeof alpha, bad_idem = 0;
	char buf[4];

	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < na; j++)
			for (size_t k = 0; k < na; k++) {
				buf[0] = (char)alpha[i];
				buf[1] = (char)alpha[j];
				buf[2] = (char)alpha[k];
				buf[3] = '\0';
				char *f = kana_fold(buf), *g = kana_fold(f);
				if (strcmp(f, g))
					bad_idem++;
				(void)kana_compare(buf, f);
				free(f);
				free(g);
			}
	is_int(bad_idem, 0, "fold idempotent on byte soup");

	static const char *samples[] = {
		"ｶﾞﾞ", "ﾜﾞｦﾞ", "ヷﾞ", "あ゛゛", "ﾞﾞﾟ", "か\u3099\u3099", "ゝ゛ヽﾞ",
	};
	bad_idem = 0;
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		char *f = kana_fold(samples[i]), *g = kana_fold(f);
		if (strcmp(f, g)) {
			diag("not idempotent: '%s' -> '%s' -> '%s'", samples[i], f, g);
			bad_idem++;
		}
		free(f);
		free(g);
	}
	is_int(bad_idem, 0, "fold idempotent on mark sequences");
}

/* Readings in the wanted order. */
static const char *sorted[] = {
	"", "123", "ABC", "abcd", "あ", "ああ", "あい", "い", "う", "ゔ",
	"か", "が", "かー", "かき", "がき", "き", "さ", "つ", "っ", "づ",
	"は", "ば", "ぱ", "はは", "ばは", "ぱは", "ひ", "や", "ゆ", "よ",
	"ら", "わ", "を", "ん", "ー", "東京", "漢字",	/* kanji by code point */
};

static void test_compare(void)
{
	enum { N = sizeof sorted / sizeof sorted[0] };
	const char *shuffled[N];
	size_t bad = 0;

	for (size_t i = 0; i < N; i++)
		shuffled[i] = sorted[(i * 7 + 3) % N];
	qsort(shuffled, N, sizeof shuffled[0], cmp_qsort);
	for (size_t i = 0; i < N; i++)
		if (strcmp(shuffled[i], sorted[i])) {
			diag("position %zu: got '%s', expected '%s'", i, shuffled[i], sorted[i]);
			bad++;
		}
	is_int(bad, 0, "qsort with kana_compare gives gojūon order");

	bad = 0;
	for (size_t i = 0; i < N; i++)
		for (size_t j = 0; j < N; j++) {
			int c = kana_compare(sorted[i], sorted[j]);
			int want = (i > j) - (i < j);
			if ((c > 0) - (c < 0) != want) {
				diag("kana_compare('%s', '%s') = %d", sorted[i], sorted[j], c);
				bad++;
			}
		}
	is_int(bad, 0, "kana_compare consistent on all %d pairs", N * N);

	ok(kana_compare("か", "が") < 0, "か < が");
	ok(kana_compare("が", "き") < 0, "が < き");
	ok(kana_compare("つ", "っ") < 0, "つ < っ");
	ok(kana_compare("きつて", "きって") < 0, "きつて < きって");
	ok(kana_compare("きって", "きづて") < 0, "きって < きづて");
	ok(kana_compare("ABC", "あ") < 0, "ASCII before kana");
	ok(kana_compare("9", "あ") < 0, "digits before kana");
	ok(kana_compare("ん", "漢字") < 0, "kanji after kana");
	is_int(kana_compare("ｶﾀｶﾅ", "かたかな"), 0, "ｶﾀｶﾅ == かたかな");
	is_int(kana_compare("ＡＢＣ", "abc"), 0, "ＡＢＣ == abc");
	ok(kana_compare("けあ24なりた", "けあ24にし") < 0, "けあ24なりた < けあ24にし");
	ok(kana_compare("かーど", "かあど") > 0 && kana_compare("かーど", "かいど") < 0,
	   "かーど sorts as かあど, after it");
	ok(kana_compare("きゃー", "きやあ") > 0 && kana_compare("きゃー", "きやい") < 0,
	   "ー after ゃ counts as あ");
	ok(kana_compare("さゝき", "ささき") > 0 && kana_compare("さゝき", "ささく") < 0,
	   "ゝ repeats the kana before it");
	ok(kana_compare("ヷ", "わ") > 0 && kana_compare("ヷ", "を") < 0, "ヷ between わ and を");
}

static void test_contains(void)
{
	char *hay = kana_fold("ケア２４ナリタ（成田東）");
	char *n1 = kana_fold("ﾅﾘﾀ"), *n2 = kana_fold("なりた"), *n3 = kana_fold("ナリダ");
	char *n4 = kana_fold("成田"), *n5 = kana_fold("ケア24");

	ok(kana_contains(hay, n1), "ﾅﾘﾀ found");
	ok(kana_contains(hay, n2), "なりた found");
	ok(!kana_contains(hay, n3), "ナリダ not found");
	ok(kana_contains(hay, n4), "成田 found");
	ok(kana_contains(hay, n5), "ケア24 found");
	ok(kana_contains(hay, ""), "empty needle matches");
	ok(!kana_contains(NULL, n1) && !kana_contains(hay, NULL), "NULL never matches");
	free(hay);
	free(n1);
	free(n2);
	free(n3);
	free(n4);
	free(n5);
}

static int sign(int c)
{
	return (c > 0) - (c < 0);
}

static int cmp_key_qsort(const void *a, const void *b)
{
	char *ka = kana_sort_key(*(const char *const *)a);
	char *kb = kana_sort_key(*(const char *const *)b);
	int c = strcmp(ka, kb);

	free(ka);
	free(kb);
	return c;
}

/* A reading of up to 6 characters drawn from kana of every kind, the
 * marks, half-width forms, ASCII and kanji (a fixed pseudo-random
 * sequence, the same every run). */
static void random_reading(unsigned *seed, char *buf, size_t size)
{
	static const char *const parts[] = {
		"あ", "ぁ", "か", "が", "き", "つ", "っ", "づ", "は", "ば", "ぱ", "ゃ",
		"や", "わ", "ゐ", "を", "ん", "ゔ", "ー", "ゝ", "ゞ", "ヽ", "ヾ", "ア",
		"カ", "ガ", "ヴ", "ヷ", "ｶ", "ﾞ", "ﾟ", "ﾊ", "ｰ", "゛", "゜", "\u3099",
		"\u309A", "A", "a", "Z", "1", " ", "-", "Ａ", "東", "京", "々", "〆",
	};
	size_t nparts = sizeof parts / sizeof parts[0];
	*seed = *seed * 1103515245u + 12345u;
	int len = (int)((*seed >> 16) % 7);

	buf[0] = '\0';
	for (int i = 0; i < len; i++) {
		*seed = *seed * 1103515245u + 12345u;
		const char *p = parts[(*seed >> 16) % nparts];
		if (strlen(buf) + strlen(p) < size)
			strcat(buf, p);
	}
}

static void test_sort_key(void)
{
	enum { N = sizeof sorted / sizeof sorted[0], R = 400 };
	const char *shuffled[N];
	static char rnd[R][64];
	unsigned seed = 20261125;
	size_t bad = 0;

	for (size_t i = 0; i < N; i++)
		shuffled[i] = sorted[(i * 7 + 3) % N];
	qsort(shuffled, N, sizeof shuffled[0], cmp_key_qsort);
	for (size_t i = 0; i < N; i++)
		if (strcmp(shuffled[i], sorted[i])) {
			diag("position %zu: got '%s', expected '%s'", i, shuffled[i], sorted[i]);
			bad++;
		}
	is_int(bad, 0, "sorting by kana_sort_key gives the gojūon order of the list");

	bad = 0;
	for (size_t i = 0; i < N; i++)
		for (size_t j = 0; j < N; j++) {
			char *a = kana_sort_key(sorted[i]), *b = kana_sort_key(sorted[j]);
			if (sign(strcmp(a, b)) != sign(kana_compare(sorted[i], sorted[j]))) {
				diag("key order of '%s', '%s' differs", sorted[i], sorted[j]);
				bad++;
			}
			free(a);
			free(b);
		}
	is_int(bad, 0, "key order equals kana_compare on all pairs of the list");

	for (int i = 0; i < R; i++)
		random_reading(&seed, rnd[i], sizeof rnd[i]);
	bad = 0;
	for (int i = 0; i < R; i++) {
		char *a = kana_sort_key(rnd[i]);
		for (int j = 0; j < R; j++) {
			char *b = kana_sort_key(rnd[j]);
			if (sign(strcmp(a, b)) != sign(kana_compare(rnd[i], rnd[j]))) {
				if (bad < 5)
					diag("key order of '%s', '%s' differs", rnd[i], rnd[j]);
				bad++;
			}
			free(b);
		}
		free(a);
	}
	is_int(bad, 0, "key order equals kana_compare on %d random pairs", R * R);

	char *k = kana_sort_key("ｶﾀｶﾅ"), *k2 = kana_sort_key("かたかな"), *k3 = kana_sort_key(NULL);
	is_str(k, k2, "ｶﾀｶﾅ and かたかな have one key");
	ok((unsigned char)k[0] != 0xFF && (unsigned char)k3[0] != 0xFF, "no key starts with 0xFF");
	free(k);
	free(k2);
	free(k3);
}

int main(void)
{
	test_fold();
	test_invalid();
	test_compare();
	test_contains();
	test_sort_key();
	return done_testing();
}
