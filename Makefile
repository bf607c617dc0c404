# madoguchi: the consultation desk of the Tokyo Hometown Project.
# GNU make. `make` builds, `make run` opens the desk on a demo database,
# `make check` runs every test under ASan/UBSan.

PKGS = ncursesw formw menuw panelw sqlite3 libical icu-i18n icu-uc
# Only the PDF renderer links cairo and pango: it is a plugin of its own
# (madoguchi-pdf.so, src/export/print_pdf.c) that the program loads with
# dlopen() when it prints a PDF, so no other command loads them.
PDF_PKGS = pangocairo

# A user's CFLAGS (make CFLAGS=-O0) replace the optimization, never the
# language level, the warnings or the include paths: `override`, as tig.
CFLAGS ?= -O2 -g
override CFLAGS += -std=c17 -Wall -Wextra -Wshadow -Wstrict-prototypes
override CPPFLAGS += -D_GNU_SOURCE -Isrc -I$(O)/gen
ifneq ($(DEVELOPER),)
override CFLAGS += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
PDF_CFLAGS := $(shell pkg-config --cflags $(PDF_PKGS) 2>/dev/null)
PDF_LIBS := $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null)
override CPPFLAGS += $(PKG_CFLAGS)
override LDLIBS += $(PKG_LIBS) -ldl -lm
ifneq ($(SANITIZE),)
override CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
override LDFLAGS += -fsanitize=$(SANITIZE)
endif

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/madoguchi
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
PKGLIBDIR ?= $(PREFIX)/lib/madoguchi
override CPPFLAGS += -DMADO_DATADIR='"$(DATADIR)"' -DMADO_LOCALEDIR='"$(LOCALEDIR)"' \
	-DMADO_PKGLIBDIR='"$(PKGLIBDIR)"'

# Build output; `make check` uses its own tree so the sanitizer build
# never mixes with the normal one.
O ?= build
SAN_O ?= $(O)/san

PDF_SRC := src/export/print_pdf.c
SRCS := $(filter-out $(PDF_SRC),$(sort $(wildcard src/*.c src/*/*.c)))
LIB_SRCS := $(filter-out src/main.c,$(SRCS))
OBJS := $(SRCS:%.c=$(O)/%.o)
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.o)
MIGRATIONS := $(sort $(wildcard db/[0-9][0-9][0-9]_*.sql))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(UNIT_SRCS:%.c=$(O)/%)
# The benchmark's programs: built by every check too, so a change that
# breaks them is seen there, not on the next `make bench`.
BENCH_BINS := $(O)/tests/bench/gen $(O)/tests/bench/bench
PO_FILES := $(wildcard po/*.po)
MO_FILES := $(PO_FILES:po/%.po=$(O)/locale/%/LC_MESSAGES/madoguchi.mo)
BIN := $(O)/madoguchi
PDF_SO := $(O)/madoguchi-pdf.so
# Fuzz harnesses (see `fuzz` below).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 30
FUZZ_O := $(O)/fuzz
FUZZ_TARGETS := text config cli dbopen $(if $(wildcard src/core/formdef.c),formdef) \
	$(if $(wildcard src/export/ical_import.c),ical_import)
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_LIB_OBJS := $(LIB_SRCS:%.c=$(FUZZ_O)/obj/%.o)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_O)/fuzz_%)
REPLAY_BINS := $(FUZZ_TARGETS:%=$(O)/tests/fuzz/replay_%)
FUZZ_COMMON := tests/fuzz/fuzz_util.c tests/fuzz/fuzz.h

# `make V=1` shows the whole compiler lines.
ifeq ($(V),)
Q_CC = @echo "  CC      $<";
Q_LD = @echo "  LD      $@";
endif

DEMO_DB ?= $(O)/demo.db

.PHONY: all run check test-run bench install uninstall clean deps deps-check check-layers po-check \
	fuzz stress valgrind-check

all: $(BIN) $(PDF_SO) $(MO_FILES)

$(BIN): $(OBJS)
	$(Q_LD)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The PDF renderer: position-independent, beside the program.
$(O)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(Q_CC)$(CC) $(CPPFLAGS) $(PDF_CFLAGS) $(CFLAGS) -fPIC -MMD -MP -c -o $@ $<

$(PDF_SO): $(O)/pic/src/export/print_pdf.o
	$(Q_LD)$(CC) $(LDFLAGS) -shared -o $@ $^ $(PDF_LIBS)

$(O)/%.o: %.c $(O)/gen/migrations.h $(O)/gen/demo.h $(O)/gen/forms.h $(O)/gen/mail_templates.h
	@mkdir -p $(dir $@)
	$(Q_CC)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The numbered migrations are compiled into the program as strings.
$(O)/gen/migrations.h: $(MIGRATIONS) tools/embed-sql.sh
	@mkdir -p $(dir $@)
	sh tools/embed-sql.sh migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

# The forms are built in too, used when no forms/ directory is found.
FORMS := $(sort $(wildcard forms/*.form))
$(O)/gen/forms.h: $(FORMS) tools/embed-sql.sh
	@mkdir -p $(dir $@)
	for f in $(FORMS); do n=$${f#forms/}; sh tools/embed-sql.sh form_$${n%.form} $$f || exit 1; done > $@.tmp && mv $@.tmp $@

# The shipped letter templates (mail/KIND.LANG.txt) are built in too.
MAIL_TPLS := $(sort $(wildcard mail/*.txt))
$(O)/gen/mail_templates.h: $(MAIL_TPLS) tools/embed-sql.sh
	@mkdir -p $(dir $@)
	for f in $(MAIL_TPLS); do n=$${f#mail/}; n=$${n%.txt}; sh tools/embed-sql.sh mail_$$(echo $$n | tr . _) $$f || exit 1; done > $@.tmp && mv $@.tmp $@

$(O)/gen/demo.h: db/demo.sql tools/embed-sql.sh
	@mkdir -p $(dir $@)
	sh tools/embed-sql.sh demo_sql db/demo.sql > $@.tmp && mv $@.tmp $@

$(O)/tests/unit/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(Q_LD)$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS)

$(O)/locale/%/LC_MESSAGES/madoguchi.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt -c -o $@ $<

deps:
	@sh tools/deps.sh build

deps-check:
	@sh tools/deps.sh check

run: deps
	@$(MAKE) --no-print-directory all
	@test -f $(DEMO_DB) || MADOGUCHI_DB=$(DEMO_DB) $(BIN) demo
	MADOGUCHI_DB=$(DEMO_DB) MADOGUCHI_LOCALEDIR=$(O)/locale MADOGUCHI_SRC=$(CURDIR) $(BIN)

# Every test, under AddressSanitizer and UndefinedBehaviorSanitizer.
# (The plain build is made too: one test runs a few commands under
# valgrind, which cannot run a sanitized program.)
# Also: every user-visible string has its Japanese translation (po-check).
check: deps-check po-check
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory O=$(SAN_O) SANITIZE=address,undefined \
	  MADOGUCHI_PLAIN_BIN=$(abspath $(BIN)) test-run

test-run: $(BIN) $(PDF_SO) $(UNIT_BINS) $(MO_FILES) $(REPLAY_BINS) $(BENCH_BINS) check-layers
	MADOGUCHI_BIN=$(abspath $(BIN)) MADOGUCHI_BUILD=$(abspath $(O)) \
	  MADOGUCHI_PLAIN_BIN=$(MADOGUCHI_PLAIN_BIN) \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  prove -j2 --exec env $(UNIT_BINS) $(sort $(wildcard tests/cli/*.sh tests/ui/*.sh))

# Every user-visible string has a Japanese translation (tools/check-po.sh);
# refresh po/ with tools/update-po.sh first.
po-check:
	@sh tools/check-po.sh

# Only src/ui includes curses, only src/db sqlite3, only src/export libical;
# nothing in src/ui, src/cli or src/export writes or starts a transaction
# (one door: core).
check-layers:
	@sh tools/check-layers.sh

# Fuzzing with libFuzzer (clang): `make fuzz` runs each harness of
# tests/fuzz/ for FUZZ_SECONDS on a copy of its seed corpus
# (tests/fuzz/corpus/TARGET/); a crash stops it and says how to keep the
# input as a regression test (tests/fuzz/crashes/TARGET/).  The same
# harnesses, linked with tests/fuzz/replay.c instead of libFuzzer,
# replay the corpora and the crashes in `make check` (tests/cli/0807).

# (the instrumented objects are kept between runs)
.SECONDARY: $(FUZZ_LIB_OBJS)

fuzz: $(FUZZ_BINS)
	@sh tests/fuzz/run.sh $(FUZZ_O) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

$(FUZZ_O)/obj/%.o: %.c $(O)/gen/migrations.h $(O)/gen/demo.h $(O)/gen/forms.h $(O)/gen/mail_templates.h
	@mkdir -p $(dir $@)
	$(Q_CC)$(FUZZ_CC) $(CPPFLAGS) -std=c17 -g -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<
-include $(FUZZ_LIB_OBJS:.o=.d)

$(FUZZ_O)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) $(FUZZ_LIB_OBJS)
	$(Q_LD)$(FUZZ_CC) $(CPPFLAGS) -Itests/fuzz -std=c17 -g -O1 $(FUZZ_SAN) -fsanitize=fuzzer \
	  -o $@ $< tests/fuzz/fuzz_util.c $(FUZZ_LIB_OBJS) $(LDLIBS)

$(O)/tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_COMMON) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(Q_LD)$(CC) $(CPPFLAGS) -Itests/fuzz $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c \
	  tests/fuzz/fuzz_util.c $(LIB_OBJS) $(LDLIBS)

# The long runs of the concurrency and crash tests, with figures for the
# README (STRESS_OPS operations per desk, STRESS_WORKERS desks,
# STRESS_KILLS kills).
STRESS_OPS ?= 2500
STRESS_WORKERS ?= 4
STRESS_KILLS ?= 300
stress: all
	@sh tests/robust/stress.sh $(abspath $(BIN)) $(STRESS_WORKERS) $(STRESS_OPS) $(STRESS_KILLS)

# The whole test suite with the program and the unit tests under
# valgrind (memcheck); the plain build, since valgrind cannot run a
# sanitized program.  Slow: the sizes of the load tests are cut down.
valgrind-check: $(BIN) $(PDF_SO) $(UNIT_BINS) $(MO_FILES) $(REPLAY_BINS) $(O)/tests/bench/gen
	@sh tests/robust/valgrind.sh $(abspath $(BIN)) $(abspath $(O)) $(UNIT_BINS)

# The benchmark (tests/bench/): generator and driver linked like unit
# tests; run.sh builds the ten-year database (cached) and prints a table.
bench: all $(BENCH_BINS)
	@sh tests/bench/run.sh $(BIN)

$(O)/tests/bench/%: tests/bench/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(Q_LD)$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/forms $(DESTDIR)$(DATADIR)/db $(DESTDIR)$(DATADIR)/mail
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/madoguchi
	install -d $(DESTDIR)$(PKGLIBDIR)
	install -m 644 $(PDF_SO) $(DESTDIR)$(PKGLIBDIR)/madoguchi-pdf.so
	install -m 644 man/madoguchi.1 $(DESTDIR)$(MANDIR)/man1/madoguchi.1
	if [ -f man/ja/madoguchi.1 ]; then install -d $(DESTDIR)$(MANDIR)/ja/man1 && install -m 644 man/ja/madoguchi.1 $(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1; fi
	for f in forms/*.form; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/forms/ || :; done
	install -m 644 $(MIGRATIONS) $(DESTDIR)$(DATADIR)/db/
	install -m 644 $(MAIL_TPLS) $(DESTDIR)$(DATADIR)/mail/
	for mo in $(MO_FILES); do l=$${mo#$(O)/locale/}; install -d $(DESTDIR)$(LOCALEDIR)/$$(dirname $$l); install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/madoguchi $(DESTDIR)$(MANDIR)/man1/madoguchi.1 $(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/madoguchi.mo
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(PKGLIBDIR)

clean:
	rm -rf $(O)

-include $(OBJS:.o=.d) $(O)/pic/src/export/print_pdf.d
