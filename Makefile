# actorgraph - see README.md. 'make demo' builds the example graph, 'make test' runs every test.
PKG_CONFIG ?= pkg-config
PREFIX  ?= /usr/local
PKGS     = igraph libcgraph libgvc yaml-0.1 libxml-2.0 jansson
# Debian packages the build, the tests and the demo need; 'make deps' installs the missing ones.
DEBS     = build-essential pkg-config libigraph-dev libgraphviz-dev graphviz libyaml-dev \
           libxml2-dev libxml2-utils libjansson-dev libcmocka-dev fonts-dejavu-core \
           python3 python3-yaml python3-networkx python3-igraph bc time
VERSION  = 0.1.0
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wno-unused-parameter
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm -pthread
AG_CFLAGS  = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) $(PKG_CFLAGS) \
             -DVERSION='"$(VERSION)"' -DSCHEMA_DIR='"$(PREFIX)/share/actorgraph/schema"' -MMD -MP

MODULES = diag util idset trie conf inflect schema text jsonl corpus actors relations cache chunks parallel events graph paths analysis graphml gexf diff jsonio tables dot recipe html
LIB_OBJS = $(MODULES:%=src/%.o) src/viewer_assets.o
TESTS    = $(MODULES:%=tests/test_%)
DEPFILES = $(LIB_OBJS:.o=.d) src/main.d $(TESTS:=.d)

.PHONY: all deps demo test unit cli gen test-html test-cluster asan fuzz fuzz-deps golden eval bench gazetteer lexicon install clean clean-build

all: actorgraph

# A stamp, so that 'make' asks dpkg only once per clone; 'make deps' always asks.
.deps-stamp:
	@$(MAKE) --no-print-directory deps
	@touch $@

deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

src/%.o: src/%.c | .deps-stamp
	$(CC) $(AG_CFLAGS) -c -o $@ $<

# The HTML view's scripts and style, compiled in (see src/viewer.h).
VIEWER_FILES = viewer_css=src/viewer/viewer.css viewer_graphology=src/viewer/vendor/graphology/graphology.umd.min.js \
               viewer_library=src/viewer/vendor/graphology-library/graphology-library.min.js \
               viewer_sigma=src/viewer/vendor/sigma/sigma.min.js viewer_js=src/viewer/viewer.js

src/viewer_assets.c: src/viewer/embed.sh $(foreach f,$(VIEWER_FILES),$(lastword $(subst =, ,$(f))))
	sh src/viewer/embed.sh $(VIEWER_FILES) >$@.tmp && mv $@.tmp $@

libactorgraph.a: $(LIB_OBJS)
	$(AR) rcs $@ $^

actorgraph: src/main.o libactorgraph.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

tests/test_%: tests/test_%.c libactorgraph.a
	$(CC) $(AG_CFLAGS) -Isrc -o $@ $< libactorgraph.a $(PKG_LIBS) -lcmocka

demo: actorgraph
	./actorgraph build graphs/korea

unit: $(TESTS)
	@for t in $(TESTS); do ./$$t || exit 1; done

cli: actorgraph tests/clients/node_modules
	@sh tests/cli.sh
	@sh tests/escape.sh

# graphology, graphology-graphml and graphology-gexf from npm, for tests/cli.sh
tests/clients/node_modules: tests/clients/package-lock.json
	@command -v npm >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && $$sudo apt-get install -y -qq nodejs npm; }
	cd tests/clients && npm ci --no-audit --no-fund --silent
	@touch $@

# the PETRARCH-2 converter on its fixture, and the generated schema files up to date
gen:
	@sh tests/gen.sh

# The page of --format html in headless Chromium (Debian's, installed here
# rather than by 'make deps': only this test needs it).
test-html: actorgraph
	@command -v chromium >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		$$sudo apt-get install -y -qq --no-install-recommends chromium; }
	@sh tests/html.sh

test: unit cli gen test-html

# A sharded build on a Dask cluster (a scheduler and two workers on
# 127.0.0.1) equals one build, byte for byte; too heavy for 'make test'.
CLUSTER_DEBS = python3-distributed python3-dask
test-cluster: actorgraph
	@$(MAKE) --no-print-directory deps DEBS='$(CLUSTER_DEBS)'
	@sh tests/cluster.sh

# The whole suite under AddressSanitizer and UBSan; any report fails it.
asan:
	$(MAKE) clean-build
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	$(MAKE) test CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		LDFLAGS='-fsanitize=address,undefined'
	$(MAKE) clean-build	# no sanitizer objects left behind for a plain build
	$(MAKE) all

# libFuzzer (clang and its runtime), each target for FUZZ_SECONDS: the
# extraction stages from the articles, the YAML loaders of schemas and
# recipes, the JSON-lines reader and the kept graphs of chunks from their
# seeds in tests/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = extract schema recipe jsonl dates writers undump
FUZZ_CFLAGS  = -std=c11 -D_DEFAULT_SOURCE -g -O1 -Isrc $(PKG_CFLAGS) -MMD -MP
FUZZ_OBJS    = $(MODULES:%=tests/out/fuzz/%.o) tests/out/fuzz/viewer_assets.o

fuzz: $(FUZZ_TARGETS:%=tests/fuzz_%)
	mkdir -p tests/out/fuzz-corpus && cp tests/data/articles/*.txt tests/out/fuzz-corpus/
	./tests/fuzz_extract -max_total_time=$(FUZZ_SECONDS) -max_len=4096 tests/out/fuzz-corpus
	for t in schema recipe jsonl dates writers undump; do mkdir -p tests/out/fuzz-$$t && ./tests/fuzz_$$t \
		-max_total_time=$(FUZZ_SECONDS) -max_len=4096 tests/out/fuzz-$$t tests/fuzz/$$t || exit 1; done

fuzz-deps:
	@dpkg-query -W -f='$${Status}\n' libclang-rt-14-dev clang 2>/dev/null | grep -c 'ok installed' | \
		grep -q 2 || { sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; $$sudo apt-get update -qq && \
		$$sudo apt-get install -y -qq clang libclang-rt-14-dev; }

tests/out/fuzz/%.o: src/%.c | fuzz-deps .deps-stamp
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

tests/fuzz_%: tests/fuzz_%.c $(FUZZ_OBJS)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJS) $(PKG_LIBS)

golden: actorgraph
	@UPDATE_GOLDEN=1 sh tests/cli.sh

eval: actorgraph
	@sh tests/eval.sh

# The npm package nlp-corpus (100,000 English sentences) for the corpus of
# 'make bench', kept in tests/out/bench-deps.
BENCH_NLP = tests/out/bench-deps/node_modules/nlp-corpus/package.json
$(BENCH_NLP):
	@command -v npm >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && $$sudo apt-get install -y -qq nodejs npm; }
	npm install --prefix tests/out/bench-deps --no-audit --no-fund --silent nlp-corpus@4.4.0

bench: actorgraph $(BENCH_NLP)
	@sh tests/bench.sh

# Regenerate schema/countries.yaml and schema/leaders.yaml (needs Node.js and npm).
gazetteer:
	cd schema/gen && npm ci --no-audit --no-fund && node generate.mjs

# Regenerate schema/relations-cameo.yaml and schema/cameo-actors.yaml from the
# PETRARCH-2 dictionaries in schema/gen/petrarch2/ (Python 3 and PyYAML).
lexicon:
	python3 schema/gen/petrarch.py

install: actorgraph
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/actorgraph/schema
	install -m 755 actorgraph $(DESTDIR)$(PREFIX)/bin/
	install -m 644 schema/*.yaml schema/README.md schema/gen/LICENSE.world-countries \
		$(DESTDIR)$(PREFIX)/share/actorgraph/schema/
	install -m 644 schema/gen/petrarch2/LICENSE $(DESTDIR)$(PREFIX)/share/actorgraph/schema/LICENSE.petrarch2

# what the compiler made; clean also removes the tests' outputs, with the
# benchmark's inputs and packages (which take minutes to make again)
clean-build:
	rm -f actorgraph libactorgraph.a src/*.o src/*.d src/viewer_assets.c $(TESTS) tests/*.d $(FUZZ_TARGETS:%=tests/fuzz_%)

clean: clean-build
	rm -rf tests/out

-include $(DEPFILES) $(FUZZ_OBJS:.o=.d)
