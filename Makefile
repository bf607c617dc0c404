# madoguchi: the consultation desk of the Tokyo Hometown Project.
# GNU make. `make` builds, `make run` opens the desk on a demo database,
# `make check` runs every test under ASan/UBSan.

PKGS = ncursesw formw menuw panelw sqlite3 libical pangocairo

CFLAGS ?= -O2 -g
CFLAGS += -std=c17 -Wall -Wextra -Wshadow -Wstrict-prototypes
CPPFLAGS += -D_GNU_SOURCE -Isrc -I$(O)/gen
ifneq ($(DEVELOPER),)
CFLAGS += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += $(PKG_CFLAGS)
LDLIBS += $(PKG_LIBS) -lm
ifneq ($(SANITIZE),)
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
endif

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/madoguchi
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
CPPFLAGS += -DMADO_DATADIR='"$(DATADIR)"' -DMADO_LOCALEDIR='"$(LOCALEDIR)"'

# Build output; `make check` uses its own tree so the sanitizer build
# never mixes with the normal one.
O ?= build
SAN_O ?= $(O)/san

SRCS := $(sort $(wildcard src/*.c src/*/*.c))
LIB_SRCS := $(filter-out src/main.c,$(SRCS))
OBJS := $(SRCS:%.c=$(O)/%.o)
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.o)
MIGRATIONS := $(sort $(wildcard db/[0-9][0-9][0-9]_*.sql))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(UNIT_SRCS:%.c=$(O)/%)
PO_FILES := $(wildcard po/*.po)
MO_FILES := $(PO_FILES:po/%.po=$(O)/locale/%/LC_MESSAGES/madoguchi.mo)
BIN := $(O)/madoguchi

# `make V=1` shows the whole compiler lines.
ifeq ($(V),)
Q_CC = @echo "  CC      $<";
Q_LD = @echo "  LD      $@";
endif

DEMO_DB ?= $(O)/demo.db

.PHONY: all run check test-run bench install uninstall clean deps deps-check check-layers po-check

all: $(BIN) $(MO_FILES)

$(BIN): $(OBJS)
	$(Q_LD)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(O)/%.o: %.c $(O)/gen/migrations.h $(O)/gen/demo.h
	@mkdir -p $(dir $@)
	$(Q_CC)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The numbered migrations are compiled into the program as strings.
$(O)/gen/migrations.h: $(MIGRATIONS) tools/embed-sql.sh
	@mkdir -p $(dir $@)
	sh tools/embed-sql.sh migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

$(O)/gen/demo.h: db/demo.sql tools/embed-sql.sh
	@mkdir -p $(dir $@)
	sh tools/embed-sql.sh demo_sql db/demo.sql > $@.tmp && mv $@.tmp $@

$(O)/tests/unit/%: tests/unit/%.c tests/unit/tap.h $(LIB_OBJS)
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
	MADOGUCHI_DB=$(DEMO_DB) MADOGUCHI_LOCALEDIR=$(O)/locale $(BIN)

# Every test, under AddressSanitizer and UndefinedBehaviorSanitizer.
check: deps-check
	@$(MAKE) --no-print-directory O=$(SAN_O) SANITIZE=address,undefined test-run

test-run: $(BIN) $(UNIT_BINS) $(MO_FILES) check-layers
	MADOGUCHI_BIN=$(abspath $(BIN)) MADOGUCHI_BUILD=$(abspath $(O)) \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  prove -j2 --exec env $(UNIT_BINS) $(sort $(wildcard tests/cli/*.sh tests/ui/*.sh))

# Every user-visible string has a Japanese translation (tools/check-po.sh);
# refresh po/ with tools/update-po.sh first.
po-check:
	@sh tools/check-po.sh

# Only src/ui includes curses, only src/db sqlite3, only src/export libical.
check-layers:
	@sh tools/check-layers.sh

bench: all
	@if [ -x tests/bench/run.sh ]; then sh tests/bench/run.sh $(BIN); else echo "no benchmark yet"; fi

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/forms $(DESTDIR)$(DATADIR)/db
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/madoguchi
	install -m 644 man/madoguchi.1 $(DESTDIR)$(MANDIR)/man1/madoguchi.1
	if [ -f man/ja/madoguchi.1 ]; then install -d $(DESTDIR)$(MANDIR)/ja/man1 && install -m 644 man/ja/madoguchi.1 $(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1; fi
	for f in forms/*.form; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/forms/ || :; done
	install -m 644 $(MIGRATIONS) $(DESTDIR)$(DATADIR)/db/
	for mo in $(MO_FILES); do l=$${mo#$(O)/locale/}; install -d $(DESTDIR)$(LOCALEDIR)/$$(dirname $$l); install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/madoguchi $(DESTDIR)$(MANDIR)/man1/madoguchi.1 $(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/madoguchi.mo
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(O)

-include $(OBJS:.o=.d)
