#!/bin/sh
# cli.sh - golden tests of the command line: output, messages and exit status.
# Each case runs ./actorgraph, then diffs stdout, stderr and the files it
# wrote against tests/golden/. UPDATE_GOLDEN=1 (make golden) rewrites them.
set -u
cd "$(dirname "$0")/.." || exit 2
AG=./actorgraph
OUT=tests/out/cli
GOLD=tests/golden
ART=tests/data/articles/fp-trump-kim.txt
passed=0 failed=0
rm -rf "$OUT" && mkdir -p "$OUT"

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

# same NAME FILE: FILE must equal tests/golden/NAME (or become it)
same() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$2" "$GOLD/$1"
	elif ! diff -u "$GOLD/$1" "$2" >"$OUT/$1.diff" 2>&1; then
		cat "$OUT/$1.diff"
		return 1
	fi
}

# child_of PID: the process PID forked (its drawing), waited for up to 10 s
child_of() {
	tries=0 found=
	while [ -z "$found" ] && [ $tries -lt 1000 ]; do
		found=$(awk -v p="$1" '$4 == p { print $1 }' /proc/[0-9]*/stat 2>/dev/null)
		[ -n "$found" ] || sleep 0.01
		tries=$((tries + 1))
	done
	echo "$found"
}

# case NAME STATUS ARGS...: run, then compare status, stdout and stderr
case_() {
	name=$1 want=$2
	shift 2
	"$AG" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err.raw" </dev/null
	got=$?
	sed -E 's/; [0-9]+\.[0-9] s$/; N s/' "$OUT/$name.err.raw" >"$OUT/$name.err"	# a build's time
	if [ "$got" != "$want" ]; then
		bad "$name" "exit status $got, expected $want"; cat "$OUT/$name.err"; return
	fi
	if same "$name.out" "$OUT/$name.out" && same "$name.err" "$OUT/$name.err"; then
		ok "$name"
	else
		bad "$name" "output differs from $GOLD"
	fi
}

# usage, help and errors
case_ help 0 --help
# each command's help: its synopsis, description and only the options it takes
case_ help-build 0 build --help
case_ help-extract 0 extract --help
case_ help-stats 0 stats -h
case_ version 0 --version
case_ no-command 2
case_ unknown-command 2 draw x.txt
case_ unknown-option 2 build --colour x.txt
case_ unknown-format 2 build --format gif "$ART"
case_ unknown-level 2 build --level country "$ART"
case_ no-input 2 build
# a strict command line: a relation type the schema lacks, an option of
# another command, an empty format list are usage errors, and nothing is written
case_ relation-unknown 2 build -q --relation talks,sanction --out "$OUT/strict" "$ART"
case_ relation-empty 2 build -q --relation , --out "$OUT/strict" "$ART"
case_ option-not-for-build 2 build --edge PRK,pact,RUS --out "$OUT/strict" "$ART"
case_ option-not-for-extract 2 extract --top 3 "$ART"
case_ option-not-for-stats 2 stats --schema schema x.graphml
case_ format-empty 2 build --format "" --out "$OUT/strict" "$ART"
case_ format-no-name 2 build --format , --out "$OUT/strict" "$ART"
if [ ! -e "$OUT/strict" ]; then ok strict-writes-nothing; else bad strict-writes-nothing "$(ls "$OUT/strict")"; fi
case_ missing-input 1 build -q --out "$OUT" nosuch.txt
case_ check 0 check --schema tests/data/schema/ok
case_ check-bad-schema 1 check --schema tests/data/schema/unknown-key
case_ build-bad-schema 1 build --schema tests/data/schema/dangling-role "$ART"
case_ bad-recipe 1 build tests/data/recipe/bad-date

# extraction of the bundled article, as JSON lines and as TSV
case_ extract 0 extract "$ART"
case_ extract-tsv 0 extract --format tsv "$ART"
case_ extract-bad-format 2 extract --format xml "$ART"
# the TSV as Python's csv module reads it: the documented columns, one row per event
if /usr/bin/python3 - "$OUT/extract-tsv.out" "$OUT/extract.out" >"$OUT/tsv.out" 2>&1 <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
events = [json.loads(line) for line in open(sys.argv[2])]
assert rows[0] == ["document", "date", "sentence", "source", "source_kind", "target", "target_kind", "relation",
                   "cameo", "cameo_root", "goldstein", "hypothetical", "rule"], rows[0]
assert len(rows) - 1 == len(events) > 0
for row, e in zip(rows[1:], events):
    r = dict(zip(rows[0], row))
    assert len(row) == 13, row
    assert (r["document"], r["sentence"], r["source"], r["target_kind"], r["relation"], r["rule"]) == \
        (e["doc"], str(e["sentence"]), e["source"]["id"], e["target"]["kind"], e["relation"], e["rule"])
    assert r["cameo"] == (e["cameo"] or "") and r["cameo"].startswith(r["cameo_root"])
    assert (float(r["goldstein"]) if r["goldstein"] else None) == e["goldstein"]
    assert r["hypothetical"] == ("true" if e["modality"] == "hypothetical" else "false")
assert {r[10] for r in rows[1:]} >= {"", "-4.0", "3.5"}
PY
then ok extract-tsv-columns; else bad extract-tsv-columns "$(cat "$OUT/tsv.out")"; fi

# explain: the evidence behind one edge, by id or label, either order for undirected types
case_ explain 0 explain --edge "RUS,pact,North Korea" "$ART"
case_ explain-nothing 1 explain --edge "PRK,sanctions,RUS" "$ART"
case_ explain-bad-edge 2 explain --edge "PRK,pact" "$ART"

# a build: golden GraphML and DOT, both accepted by their reference tools
case_ build 0 build --out "$OUT" --name korea "$ART"
for f in korea.graphml korea.dot; do
	if same "$f" "$OUT/$f"; then ok "$f"; else bad "$f" "differs from $GOLD"; fi
done
if XML_CATALOG_FILES=tests/vendor/graphml/catalog.xml xmllint --nonet --noout \
	--schema tests/vendor/graphml/graphml.xsd "$OUT/korea.graphml" 2>"$OUT/xmllint.err"; then
	ok graphml-validates
else
	bad graphml-validates "$(cat "$OUT/xmllint.err")"
fi
if dot -Tsvg "$OUT/korea.dot" >/dev/null 2>"$OUT/dot.err" && [ ! -s "$OUT/dot.err" ]; then
	ok dot-accepts-dot
else
	bad dot-accepts-dot "$(cat "$OUT/dot.err")"
fi
if grep -q '<svg' "$OUT/korea.svg" && grep -q '>Kim Jong Un</text>' "$OUT/korea.svg"; then
	ok svg-rendered
else
	bad svg-rendered "no diagram in $OUT/korea.svg"
fi
# networkx and igraph (Debian's python3, which has them) load the GraphML
if /usr/bin/python3 - "$OUT/korea.graphml" >"$OUT/readers.out" 2>&1 <<'PY'
import sys, networkx, igraph
g = networkx.read_graphml(sys.argv[1])
h = igraph.Graph.Read_GraphML(sys.argv[1])
assert g.number_of_nodes() == h.vcount() > 0 and g.number_of_edges() == h.ecount() > 0
assert g.nodes["PRK"]["label"] == "North Korea"
assert all(isinstance(d["asserted"], int) and isinstance(d["doc_count"], int) for _, _, d in g.edges(data=True))
assert g.edges["PRK", "RUS", "PRK:pact:RUS"]["documents"] == h.es.find(id="PRK:pact:RUS")["documents"] == "fp-trump-kim"
PY
then ok graphml-loads-in-networkx-and-igraph; else bad graphml-loads-in-networkx-and-igraph "$(cat "$OUT/readers.out")"; fi

# every format carries the same graph: GraphML and GEXF as graphology reads
# them (sigma.js's library), JSON and CSV
case_ formats 0 build -q --format graphml,gexf,json,graphology,csv --out "$OUT/formats" --name k "$ART"
if node tests/clients/load.mjs "$OUT/formats" k >"$OUT/load.out" 2>&1; then
	ok formats-agree-in-graphology-json-csv
else
	bad formats-agree-in-graphology-json-csv "$(cat "$OUT/load.out")"
fi
# the JSON loads in one call in networkx (Debian's, and any other python3's)
for py in /usr/bin/python3 python3; do
	if $py -W error::FutureWarning - "$OUT/formats/k.json" "$OUT/formats/k.graphml" >"$OUT/node-link.out" 2>&1 <<'PY'
import json, sys, networkx
g = networkx.node_link_graph(json.load(open(sys.argv[1])))
h = networkx.read_graphml(sys.argv[2])
assert g.is_multigraph() and g.number_of_nodes() == h.number_of_nodes() > 0
assert g.number_of_edges() == h.number_of_edges() > 0
assert g.edges["PRK", "RUS", "PRK:pact:RUS"]["documents"] == "fp-trump-kim"
assert g.nodes["PRK"]["label"] == "North Korea"
PY
	then ok "json-loads-in-networkx ($($py -c 'import networkx; print(networkx.__version__)'))"
	else bad json-loads-in-networkx "$(cat "$OUT/node-link.out")"; fi
done
if xmllint --nonet --noout --relaxng tests/vendor/gexf/gexf.rng "$OUT/formats/k.gexf" 2>"$OUT/gexf.err"; then
	ok gexf-validates
else
	bad gexf-validates "$(cat "$OUT/gexf.err")"
fi

# provenance: each edge names its documents and its first and last sentence,
# in every format, and keeps its id in another corpus that shares it
P="$OUT/provenance"
mkdir -p "$P"
printf '%s\n' '{"id": "night2", "date": "2024-05-02", "text": "Russia imposed new sanctions on Iran. Egypt met with Sudan."}' \
	'{"id": "night1", "date": "2024-05-01", "text": "Russia imposed sanctions on Iran."}' >"$P/a.jsonl"
printf '%s\n' '{"id": "other", "text": "China condemned Japan. Russia imposed sanctions on Iran."}' >"$P/b.jsonl"
"$AG" build -q --format graphml,gexf,json,csv --out "$P/one" --name p "$P/a.jsonl"
"$AG" build -q --format json --out "$P/two" --name p "$P/b.jsonl"
if /usr/bin/python3 - "$P" >"$P/check.out" 2>&1 <<'PY'
import csv, json, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
want = {"id": "RUS:sanctions:IRN", "documents": "night1|night2", "doc_count": "2",
        "first_evidence": "Russia imposed sanctions on Iran.", "last_evidence": "Russia imposed new sanctions on Iran."}
G = "{http://graphml.graphdrawing.org/xmlns}"
for e in ET.parse(f"{d}/one/p.graphml").iter(G + "edge"):
    if e.get("id") == want["id"]:
        got = {k.get("key")[2:]: k.text or "" for k in e.iter(G + "data")}
        assert all(got[k] == v for k, v in want.items() if k != "id"), got
        break
else:
    raise AssertionError("no GraphML edge " + want["id"])
X = "{http://gexf.net/1.3}"
e = [e for e in ET.parse(f"{d}/one/p.gexf").iter(X + "edge") if e.get("id") == want["id"]][0]
got = {a.get("for"): a.get("value") for a in e.iter(X + "attvalue")}
assert all(got[k] == v for k, v in want.items() if k != "id"), got
e = [e for e in json.load(open(f"{d}/one/p.json"))["edges"] if e["id"] == want["id"]][0]
assert all(str(e[k]) == v for k, v in want.items()), e
e = [e for e in csv.DictReader(open(f"{d}/one/p.edges.csv", newline="")) if e["id"] == want["id"]][0]
assert all(e[k] == v for k, v in want.items()), e
# the same edge at another place in another corpus: the same id
one = [e["id"] for e in json.load(open(f"{d}/one/p.json"))["edges"]]
two = [e["id"] for e in json.load(open(f"{d}/two/p.json"))["edges"]]
assert one.index(want["id"]) == 0 and two.index(want["id"]) == 1, (one, two)
PY
then ok provenance-in-every-format; else bad provenance-in-every-format "$(cat "$P/check.out")"; fi

# stats of a built graph, as a table and as JSON; a file that is no graph of ours
case_ stats 0 stats "$OUT/korea.graphml"
case_ stats-json 0 stats --format json "$OUT/korea.graphml"
# the analyses left out are neither run nor shown, though the GraphML has them
case_ stats-analyses 0 stats --analyses closeness,balance "$OUT/korea.graphml"
case_ stats-analyses-json 0 stats --format json --analyses none "$OUT/korea.graphml"
case_ stats-not-graphml 1 stats "$ART"

# diff of two builds, before and after a change of documents (one left out, three
# added): as text and JSON; nothing changed; a file that is no graph of ours is named
E=tests/eval/dev
"$AG" build -q --format graphml --out "$OUT/diff/old" $E/cnn-xi-putin.txt $E/jt-freedom-edge.txt "$ART"
"$AG" build -q --format graphml --out "$OUT/diff/new" "$ART" $E/jt-freedom-edge.txt $E/ds-sudan-backers.txt \
	$E/dawn-pak-afghan-truce.txt $E/fnn-us-china-geneva.txt
case_ diff 0 diff "$OUT/diff/old/graph.graphml" "$OUT/diff/new/graph.graphml"
case_ diff-json 0 diff --format json "$OUT/diff/old/graph.graphml" "$OUT/diff/new/graph.graphml"
case_ diff-same 0 diff "$OUT/diff/new/graph.graphml" "$OUT/diff/new/graph.graphml"
case_ diff-not-graphml 1 diff "$OUT/diff/old/graph.graphml" "$ART"
case_ diff-one-file 2 diff "$OUT/diff/old/graph.graphml"

# the same input gives byte-identical files
"$AG" build -q --out "$OUT/again" --name korea "$ART"
if cmp -s "$OUT/korea.graphml" "$OUT/again/korea.graphml" && cmp -s "$OUT/korea.svg" "$OUT/again/korea.svg"; then
	ok deterministic
else
	bad deterministic "a second build differs"
fi

# the same documents in another order give byte-identical files
set -- tests/eval/dev/*.txt tests/eval/dev2/*.txt
"$AG" build -q --format graphml,gexf,json,csv,dot,html --out "$OUT/order1" --name g "$@"
"$AG" build -q --format graphml,gexf,json,csv,dot,html --out "$OUT/order2" --name g $(printf '%s\n' "$@" | sort -r)
if diff -r -x '.*.lock' "$OUT/order1" "$OUT/order2" >"$OUT/order.diff" 2>&1; then
	ok order-independent
else
	bad order-independent "$(head -20 "$OUT/order.diff")"
fi

# any number of worker processes gives the same files and the same events
"$AG" build -q -j 1 --format graphml,gexf,json,csv,dot,html --out "$OUT/jobs1" --name g "$@"
"$AG" build -q -j 3 --format graphml,gexf,json,csv,dot,html --out "$OUT/jobs3" --name g "$@"
"$AG" build -q -j 1 --per-document --format graphml --out "$OUT/jobs1/each" "$@"
"$AG" build -q -j 2 --per-document --format graphml --out "$OUT/jobs3/each" "$@"
"$AG" extract -j 1 "$@" >"$OUT/jobs1/events.jsonl"
"$AG" extract -j 3 "$@" >"$OUT/jobs3/events.jsonl"
if [ "$(ls "$OUT/jobs3/each" | wc -l)" = $# ] && [ -s "$OUT/jobs3/events.jsonl" ] &&
	diff -r -x '.*.lock' "$OUT/jobs1" "$OUT/jobs3" >"$OUT/jobs.diff" 2>&1 &&
	diff -r -x '.*.lock' -x each -x events.jsonl "$OUT/order1" "$OUT/jobs3" >/dev/null; then
	ok jobs-same-output
else
	bad jobs-same-output "$(head -20 "$OUT/jobs.diff")"
fi

# a sharded run equals the single run: the inputs split into shards, each
# extracted as records in parallel, the records in shard order built (the
# last shard from stdin)
printf '%s\n' "$@" >"$OUT/shards.list" && split -n l/3 -d "$OUT/shards.list" "$OUT/shard."
ls "$OUT"/shard.0? | xargs -P 2 -I {} sh -c '"$1" extract --format records $(cat "$2") >"$2.jsonl"' sh "$AG" {}
cat "$OUT"/shard.00.jsonl "$OUT"/shard.01.jsonl >"$OUT/shards.jsonl"
"$AG" build -q --records --format graphml,gexf,json,csv,dot,html --out "$OUT/sharded" --name g \
	"$OUT/shards.jsonl" - <"$OUT/shard.02.jsonl"
if [ "$(cat "$OUT"/shard.0?.jsonl | wc -l)" = $# ] &&
	diff -r -x '.*.lock' "$OUT/order1" "$OUT/sharded" >"$OUT/sharded.diff" 2>&1; then
	ok sharded-same-output
else
	bad sharded-same-output "$(head -20 "$OUT/sharded.diff")"
fi
# a bad line of records is a document left out (status 3), a document given
# twice counts once: the graph is that of the two good documents
mkdir -p "$OUT/records"
set -- tests/eval/dev/cnn-xi-putin.txt tests/eval/dev/cee-kosovo-serbia.txt
{
	"$AG" extract --format records "$@"
	printf '{"format": 2, "doc": "x"\n\n[1, 2]\n'
	printf '{"format": 1, "doc": "y", "path": "y.txt", "record": "date\\t\\n"}\n'
	printf '{"format": 2, "doc": "z", "path": "z.txt", "record": "event\\tnope\\n"}\n'
	"$AG" extract --format records "$1"
} >"$OUT/records/bad.jsonl"
case_ records-bad 3 build --records --format json --out "$OUT/records" "$OUT/records/bad.jsonl"
"$AG" build -q --format json --out "$OUT/records/texts" "$@"
if cmp -s "$OUT/records/graph.json" "$OUT/records/texts/graph.json"; then
	ok records-bad-left-out
else
	bad records-bad-left-out "the graph differs from that of the texts"
fi
case_ records-none 1 build --records --out "$OUT/records" nosuch.jsonl
case_ records-option 2 build --records --verbose --out "$OUT/records" "$OUT/records/bad.jsonl"
case_ extract-records 0 extract --format records "$ART"

# above 5,000 actors betweenness and closeness are estimated, on a cycle
# (where ARPACK gives up) eigenvector centrality too, and the GraphML and
# stats say so; a small graph's say nothing of it
mkdir -p "$OUT/large"
awk 'BEGIN {
	printf "{\"format\": 2, \"doc\": \"ring\", \"path\": \"ring.txt\", \"record\": \"date\\t\\n"
	for (i = 0; i < 6000; i++) printf "actor\\t1\\tp%d\\tPerson %d\\n", i, i
	for (i = 0; i < 6000; i++) printf "event\\ttalks\\tp%d\\tp%d\\tring\\tr\\t0\\t0\\ts\\n", i, (i + 1) % 6000
	print "\"}"
}' >"$OUT/large/ring.jsonl"
"$AG" build -q --records --format graphml --out "$OUT/large" "$OUT/large/ring.jsonl"
if [ "$(grep -c '<data key="v_estimated">betweenness closeness eigenvector</data>' "$OUT/large/graph.graphml")" = 6000 ] &&
	"$AG" stats "$OUT/large/graph.graphml" | grep -q '^estimated, not exact: betweenness closeness eigenvector$' &&
	! grep -q 'estimated' "$OUT/order1/g.graphml" && ! "$AG" stats "$OUT/order1/g.graphml" | grep -q estimated; then
	ok large-graph-estimated
else
	bad large-graph-estimated "no v_estimated on each node of the large graph or in its stats, or one in a small graph's"
fi
# a negative weight (a GraphML written elsewhere) is refused, named, before
# any search follows it
sed '0,/<data key="e_weight">0.500000</s//<data key="e_weight">-1</' "$OUT/large/graph.graphml" >"$OUT/large/negative.graphml"
if ! "$AG" stats --analyses closeness "$OUT/large/negative.graphml" >/dev/null 2>"$OUT/large/negative.err" &&
	grep -q '^actorgraph: the relation of p[0-9]* and p[0-9]* has weight -1: weights must be numbers of 0 or more$' "$OUT/large/negative.err" &&
	! "$AG" stats --analyses betweenness "$OUT/large/negative.graphml" >/dev/null 2>&1; then
	ok large-graph-negative-weight
else
	bad large-graph-negative-weight "$(cat "$OUT/large/negative.err")"
fi

# edges are routed around nodes up to 100 of them, drawn straight above
for n in 90 110; do
	awk -v n=$n 'BEGIN {
		printf "{\"format\": 2, \"doc\": \"d\", \"path\": \"d.txt\", \"record\": \"date\\t\\n"
		for (i = 0; i < 60; i++) printf "actor\\t1\\tp%d\\tPerson %d\\n", i, i
		for (k = 0; k < n; k++) printf "event\\ttalks\\tp%d\\tp%d\\td\\tr\\t0\\t0\\ts\\n", k % 60, (k * 7 + 1 + int(k / 60)) % 60
		print "\"}"
	}' >"$OUT/large/edges$n.jsonl"
	"$AG" build -q --records --format dot --out "$OUT/large" --name "edges$n" "$OUT/large/edges$n.jsonl"
done
if grep -q 'splines=true' "$OUT/large/edges90.dot" && grep -q 'splines=false' "$OUT/large/edges110.dot" &&
	[ "$(grep -c -- '->' "$OUT/large/edges110.dot")" -gt 100 ]; then
	ok routed-up-to-100-edges
else
	bad routed-up-to-100-edges "splines not true at 90 edges and false at 110"
fi

# a document's events depend on it alone, not on the names others introduced
printf '"No," said Lars Eklund.\n' >"$OUT/intro.txt"
printf 'Lars Eklund criticized Russia.\n' >"$OUT/later.txt"
"$AG" extract "$OUT/later.txt" >"$OUT/later-alone.out"
"$AG" extract "$OUT/intro.txt" "$OUT/later.txt" | grep '"doc":"later"' >"$OUT/later-after.out"
if cmp -s "$OUT/later-alone.out" "$OUT/later-after.out"; then
	ok documents-independent
else
	bad documents-independent "$(cat "$OUT/later-after.out")"
fi

# a rebuild takes unchanged documents from the cache, extracts the changed
# one only, and writes the same files as a build without a cache (the
# documents and evidence sentences of each edge included)
mkdir -p "$OUT/cached/in" && cp tests/eval/dev/*.txt "$OUT/cached/in/"
cached() { "$AG" build --format graphml,json,csv --cache "$OUT/cached/cache" --out "$OUT/cached/$1" "$OUT/cached/in" 2>&1 | grep 'from the cache'; }
cached first >"$OUT/cached.1"
cached second >"$OUT/cached.2"
printf 'Russia met China.\n' >>"$OUT/cached/in/cnn-xi-putin.txt"
cached third >"$OUT/cached.3"
"$AG" build -q --format graphml,json,csv --out "$OUT/cached/plain" "$OUT/cached/in"
if grep -q ': 0 from the cache, 10 extracted' "$OUT/cached.1" && grep -q ': 10 from the cache, 0 extracted' "$OUT/cached.2" &&
	grep -q ': 9 from the cache, 1 extracted' "$OUT/cached.3" && diff -r -x '.*.lock' "$OUT/cached/third" "$OUT/cached/plain" >/dev/null &&
	! diff -r -x '.*.lock' "$OUT/cached/second" "$OUT/cached/third" >/dev/null; then
	ok cache
else
	bad cache "$(cat "$OUT/cached.1" "$OUT/cached.2" "$OUT/cached.3")"
fi

# a rebuild of many documents takes each chunk of them that did not change
# whole from the cache: a changed document's chunk is made again of its
# documents' entries; with those gone, nothing is extracted; a damaged
# chunk's entry is ignored (its documents, whose entries are gone, read
# again); the files written are those of a build without a cache each time
C="$OUT/chunks"
mkdir -p "$C"
python3 tests/gen-corpus.py --docs 700 --shapes folder "$C/in" tests/eval/dev/*.txt >/dev/null
chunked() { "$AG" build --format graphml,json --cache "$C/cache" --out "$C/$1" "$C/in" 2>&1 | grep 'from the cache'; }
chunked first >"$C/log"
"$AG" build -q --format graphml,json --out "$C/plain1" "$C/in"
printf 'Russia met China.\n' >>"$(find "$C/in" -name '*.txt' | sort | sed -n 350p)"
chunked changed >>"$C/log"
grep -L -r '^outside	' "$C/cache" | grep -v -e '/index$' -e '/pruned$' | xargs rm	# the documents' entries
chunked again >>"$C/log"
for e in $(grep -l -r '^outside	' "$C/cache"); do printf 'x' >>"$e"; done
chunked damaged >>"$C/log"
"$AG" build -q --format graphml,json --out "$C/plain2" "$C/in"
if [ "$(sed 's/;.*//' "$C/log")" = "actorgraph: 700 documents: 0 from the cache, 700 extracted
actorgraph: 700 documents: 699 from the cache, 1 extracted
actorgraph: 700 documents: 700 from the cache, 0 extracted
actorgraph: 700 documents: 0 from the cache, 700 extracted" ] &&
	diff -r -x '.*.lock' "$C/first" "$C/plain1" >/dev/null && ! diff -r -x '.*.lock' "$C/first" "$C/changed" >/dev/null &&
	diff -r -x '.*.lock' "$C/changed" "$C/plain2" >/dev/null && diff -r -x '.*.lock' "$C/again" "$C/plain2" >/dev/null &&
	diff -r -x '.*.lock' "$C/damaged" "$C/plain2" >/dev/null; then
	ok cache-chunks
else
	bad cache-chunks "$(cat "$C/log")"
fi

# extract --compact writes a sentence's text once: the same events, a fraction of the bytes
awk 'BEGIN { for (i = 0; i < 6000; i++) printf "Russia met China and Iran threatened Israel, "; print "" }' >"$OUT/dense.txt"
"$AG" extract "$OUT/dense.txt" >"$OUT/dense.full" 2>/dev/null
"$AG" extract --compact "$OUT/dense.txt" >"$OUT/dense.compact" 2>/dev/null
if python3 - "$OUT/dense.full" "$OUT/dense.compact" <<'PY'
import json, sys
full = [json.loads(l) for l in open(sys.argv[1])]
compact = [json.loads(l) for l in open(sys.argv[2])]
texts = sum("text" in e for e in compact)
for e in full + compact:
    e.pop("text", None)
assert full == compact and len(full) > 100 and texts < len(full) / 4, (len(full), texts)
assert len(open(sys.argv[2]).read()) * 4 < len(open(sys.argv[1]).read())
PY
then
	ok extract-compact
else
	bad extract-compact "events differ, or the compact form is not compact"
fi

# a document given twice, by name or by text and date, counts once, with a warning
mkdir -p "$OUT/twice/in" && cp tests/eval/dev/*.txt "$OUT/twice/in/"
cp tests/eval/dev/cnn-xi-putin.txt "$OUT/twice/in/zz-copy.txt"
printf '{"id": "jt-freedom-edge", "text": "Russia invaded Ukraine."}\n' >"$OUT/twice/in/zz-feed.jsonl"
"$AG" build -j 2 --format graphml,json --out "$OUT/twice/both" "$OUT/twice/in" 2>"$OUT/twice.err"
rm "$OUT/twice/in/zz-copy.txt" "$OUT/twice/in/zz-feed.jsonl"
"$AG" build -q --format graphml,json --out "$OUT/twice/once" "$OUT/twice/in"
if grep -q "zz-copy.txt: the same text as an earlier document: counted once" "$OUT/twice.err" &&
	grep -q "zz-feed.jsonl:1: named 'jt-freedom-edge' as an earlier document is: counted once" "$OUT/twice.err" &&
	grep -q "2 given twice" "$OUT/twice.err" && diff -r -x '.*.lock' "$OUT/twice/both" "$OUT/twice/once" >/dev/null; then
	ok given-twice
else
	bad given-twice "$(cat "$OUT/twice.err")"
fi

# on a terminal, a progress line with documents, throughput and what is left; none elsewhere
if command -v script >/dev/null; then
	script -qec "$AG build -j 1 --no-cache --format graphml --out $OUT/progress tests/eval/dev" /dev/null >"$OUT/progress.tty"
	"$AG" build -j 1 --format graphml --out "$OUT/progress" tests/eval/dev 2>"$OUT/progress.err"
	if grep -q 'actorgraph: 10/10 documents, [0-9.]* MB/s, 0 from the cache' "$OUT/progress.tty" &&
		! grep -q 'MB/s' "$OUT/progress.err" && grep -q '^actorgraph: 10 documents extracted; ' "$OUT/progress.err"; then
		ok progress-on-a-terminal
	else
		bad progress-on-a-terminal "$(cat "$OUT/progress.tty" "$OUT/progress.err")"
	fi
fi

# a recipe's window leaves out documents dated outside it, its decay halves a
# mention's weight every half-life before the window's end; several recipes
# build in one run, a failing one reported and the others built
R="$OUT/window"
mkdir -p "$R/a/feeds" "$R/b"
printf '%s\n' '{"id": "old", "date": "2024-01-01", "text": "Russia imposed sanctions on Iran. It was January."}' \
	'{"id": "new", "date": "2024-11-01", "text": "Russia imposed sanctions on Iran."}' \
	'{"id": "undated", "text": "Egypt met with Sudan."}' >"$R/a/feeds/one.jsonl"
printf 'inputs: [feeds/*.jsonl]\nsince: 2024-02-01\nuntil: 2024-12-31\ndecay: 30d\nformats: [json]\n' >"$R/a/graph.yaml"
printf 'inputs: [feeds/*.jsonl]\nwindow: 30d\n' >"$R/b/graph.yaml"
"$AG" build "$R/a" "$R/b" >"$R/out" 2>"$R/err"
status=$?
if [ $status = 1 ] && grep -q "3 extracted, 1 outside the window" "$R/err" &&
	grep -q "b/graph.yaml:2:1: unknown key 'window'" "$R/err" && grep -q "b not built" "$R/err" &&
	python3 - "$R/a/a.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
w = {e["id"]: e["weight"] for e in g["edges"]}
assert abs(w["RUS:sanctions:IRN"] - 0.5 ** (60 / 30)) < 1e-6, w   # 2024-11-01 is 60 days before 2024-12-31
assert w["EGY:talks:SDN"] == 1.0, w                                  # undated: no decay, kept
assert g["edges"][0]["doc_count"] >= 1
PY
then
	ok recipe-window-decay-several
else
	bad recipe-window-decay-several "status $status: $(cat "$R/err")"
fi

# a recipe's by, clusters and spells do what build's options of those names do
R="$OUT/views"
mkdir -p "$R/recipe"
printf '%s\n' '{"id": "a", "date": "2024-01-01", "text": "Russia imposed sanctions on Iran. Iran, Iran and Iran."}' \
	'{"id": "b", "date": "2024-02-01", "text": "Egypt met with Sudan. China met with Japan."}' >"$R/feed.jsonl"
printf 'inputs: [../feed.jsonl]\nformats: [dot, gexf]\ntop: 3\nby: mentions\nclusters: true\nspells: accumulate\n' \
	>"$R/recipe/graph.yaml"
"$AG" build -q "$R/recipe" 2>"$R/err"
"$AG" build -q --format dot,gexf --top 3 --by mentions --clusters --spells accumulate --name recipe \
	--no-cache --out "$R/flags" "$R/feed.jsonl" 2>>"$R/err"
"$AG" build -q --format dot,gexf --top 3 --name recipe --no-cache --out "$R/plain" "$R/feed.jsonl" 2>>"$R/err"
if cmp -s "$R/recipe/recipe.dot" "$R/flags/recipe.dot" && cmp -s "$R/recipe/recipe.gexf" "$R/flags/recipe.gexf" &&
	! cmp -s "$R/recipe/recipe.gexf" "$R/plain/recipe.gexf" && ! cmp -s "$R/recipe/recipe.dot" "$R/plain/recipe.dot"; then
	ok recipe-by-clusters-spells
else
	bad recipe-by-clusters-spells "the recipe's drawing differs from build's options: $(cat "$R/err")"
fi

# analyses: a recipe's, or --analyses, leaves the others' attributes out of
# every format (the rest of the graph as with all of them); --by needs its own
R="$OUT/analyses"
mkdir -p "$R/recipe" "$R/bad"
printf 'inputs: [../../views/feed.jsonl]\nformats: [graphml, gexf, json, csv]\nanalyses: [closeness, kcore]\n' \
	>"$R/recipe/graph.yaml"
printf 'inputs: [../../views/feed.jsonl]\nanalyses:\n  - closeness\n  - centrality\n' >"$R/bad/graph.yaml"
"$AG" build -q "$R/recipe" 2>"$R/err"
"$AG" build -q --analyses closeness,kcore --format graphml,gexf,json,csv --name recipe --no-cache \
	--out "$R/flags" "$OUT/views/feed.jsonl" 2>>"$R/err"
"$AG" build -q --format graphml --no-cache --out "$R/all" "$OUT/views/feed.jsonl" 2>>"$R/err"
"$AG" build -q --analyses none --format graphml --no-cache --out "$R/none" "$OUT/views/feed.jsonl" 2>>"$R/err"
"$AG" build -q "$R/bad" 2>"$R/bad.err"
bad_status=$?
"$AG" build -q --analyses none --by betweenness --no-cache --out "$R/by" "$OUT/views/feed.jsonl" 2>"$R/by.err"
by_status=$?
"$AG" build -q --analyses pagerank --no-cache --out "$R/by" "$OUT/views/feed.jsonl" 2>"$R/unknown.err"
unknown_status=$?
keys() { grep -o 'key id="v_[a-z]*"' "$1" | tr '\n' ' '; }
if cmp -s "$R/recipe/recipe.graphml" "$R/flags/recipe.graphml" && cmp -s "$R/recipe/recipe.json" "$R/flags/recipe.json" &&
	[ "$(keys "$R/recipe/recipe.graphml")" = 'key id="v_label" key id="v_kind" key id="v_mentions" key id="v_degree" key id="v_strength" key id="v_closeness" key id="v_pagerank" key id="v_kcore" key id="v_community" key id="v_color" key id="v_size" ' ] &&
	[ "$(keys "$R/none/graph.graphml")" = 'key id="v_label" key id="v_kind" key id="v_mentions" key id="v_degree" key id="v_strength" key id="v_pagerank" key id="v_community" key id="v_color" key id="v_size" ' ] &&
	grep -q 'v_betweenness' "$R/all/graph.graphml" && grep -q 'v_foes' "$R/all/graph.graphml" &&
	! grep -q 'betweenness' "$R/recipe/recipe.gexf" "$R/recipe/recipe.json" "$R/recipe/recipe.nodes.csv" &&
	grep -q 'closeness' "$R/recipe/recipe.gexf" && grep -q '"closeness"' "$R/recipe/recipe.json" &&
	head -n 1 "$R/recipe/recipe.nodes.csv" | grep -q ',closeness,' &&
	xmllint --nonet --noout --relaxng tests/vendor/gexf/gexf.rng "$R/recipe/recipe.gexf" 2>/dev/null &&
	[ ! -s "$R/err" ] &&
	[ $bad_status = 1 ] && grep -q "bad/graph.yaml:4:5: .*analysis.*'centrality'" "$R/bad.err" &&
	[ $by_status = 2 ] && grep -q -- "--by betweenness needs that analysis" "$R/by.err" && [ ! -e "$R/by" ] &&
	[ $unknown_status = 2 ] && grep -q -- "--analyses needs" "$R/unknown.err"; then
	ok analyses-left-out
else
	bad analyses-left-out "$(cat "$R/err" "$R/bad.err" "$R/by.err" "$R/unknown.err"; keys "$R/recipe/recipe.graphml")"
fi

# --verbose: a line per document; --quiet: nothing but errors
"$AG" build -v --format graphml --out "$OUT/verbose" tests/eval/dev 2>"$OUT/verbose.err"
"$AG" build -q --format graphml --out "$OUT/verbose" tests/eval/dev 2>"$OUT/quiet.err"
if [ "$(grep -c ': [0-9]* bytes, extracted$' "$OUT/verbose.err")" = 10 ] && [ ! -s "$OUT/quiet.err" ]; then
	ok verbose-and-quiet
else
	bad verbose-and-quiet "$(cat "$OUT/verbose.err" "$OUT/quiet.err")"
fi

# GEXF: laid out for Gephi; spells per day, or accumulating from the first mention on
printf '%s\n' '{"id": "a", "date": "2024-01-05", "text": "Russia imposed sanctions on Iran."}' \
	'{"id": "b", "date": "2024-03-07", "text": "Russia imposed sanctions on Iran again."}' >"$OUT/spells.jsonl"
"$AG" build -q --format gexf --out "$OUT/spells/day" "$OUT/spells.jsonl"
"$AG" build -q --format gexf --spells accumulate --out "$OUT/spells/acc" "$OUT/spells.jsonl"
if grep -q '<spell start="2024-01-05" end="2024-01-05"/>' "$OUT/spells/day/graph.gexf" &&
	grep -q '<spell start="2024-03-07" end="2024-03-07"/>' "$OUT/spells/day/graph.gexf" &&
	grep -q '<spell start="2024-01-05"/>' "$OUT/spells/acc/graph.gexf" && ! grep -q 'spell start="2024-03-07"' "$OUT/spells/acc/graph.gexf" &&
	[ "$(grep -c '<viz:position x=' "$OUT/spells/acc/graph.gexf")" = 2 ] &&
	xmllint --nonet --noout --relaxng tests/vendor/gexf/gexf.rng "$OUT/spells/acc/graph.gexf" 2>/dev/null; then
	ok gexf-positions-and-spells
else
	bad gexf-positions-and-spells "$(cat "$OUT/spells/acc/graph.gexf")"
fi

# a diagram of many actors is a summary: the 80 ranked highest (--by), its size
# capped, a title saying so, a legend that names the communities by an actor
sed -n 's/^    label: "\(.*\)"$/\1/p' schema/countries.yaml | awk '
	{ name[n++] = $0 }
	END { for (i = 0; i < n; i++) printf "%s imposed sanctions on %s. %s met with %s.\n", name[i], name[(i + 1) % n], name[i], name[(i + 7) % n] }' \
	>"$OUT/many.txt"
"$AG" build -q --format svg,dot --by degree --out "$OUT/summary" "$OUT/many.txt"
if python3 - "$OUT/summary/graph.svg" "$OUT/summary/graph.dot" <<'PY'
import re, sys
svg, dot = open(sys.argv[1]).read(), open(sys.argv[2]).read()
w, h = (float(x) for x in re.search(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups())
assert w <= 30 * 72 + 1 and h <= 30 * 72 + 1, (w, h)          # size="30,30", in points
m = re.search(r"(\d+) of (\d+) actors drawn: those of highest degree", svg)
assert m and int(m.group(1)) == 80 and int(m.group(2)) > 150, m
assert dot.count("fillcolor=") >= 80
assert "community of " in svg
sizes = [float(x) for x in re.findall(r'font-size="([0-9.]+)"', svg)]
assert min(sizes) >= 8, min(sizes)
PY
then
	ok summary-diagram
else
	bad summary-diagram "$(head -c 600 "$OUT/summary/graph.svg")"
fi

# an empty graph does not replace one written before, unless --allow-empty
printf 'Nothing happened today.\n' >"$OUT/nothing.txt"
"$AG" build -q --format graphml,json --out "$OUT/empty" "$ART"
cp "$OUT/empty/graph.graphml" "$OUT/empty.before"
"$AG" build -q --format graphml,json --out "$OUT/empty" "$OUT/nothing.txt" 2>"$OUT/empty.err"
status=$?
if [ $status = 1 ] && cmp -s "$OUT/empty/graph.graphml" "$OUT/empty.before" &&
	grep -q "the graph is empty (no document named an actor): '$OUT/empty/graph.graphml'" "$OUT/empty.err" &&
	"$AG" build -q --allow-empty --format graphml,json --out "$OUT/empty" "$OUT/nothing.txt" &&
	! grep -q '<node ' "$OUT/empty/graph.graphml"; then
	ok empty-graph-kept-out
else
	bad empty-graph-kept-out "status $status: $(cat "$OUT/empty.err")"
fi

# names that reach the file system stay in the output folder
printf '{"id": "../../escaped", "text": "Russia invaded Ukraine."}\n{"id": ".hidden", "text": "Russia met China."}\n' \
	>"$OUT/paths.jsonl"
"$AG" build -q --per-document --format graphml --out "$OUT/paths/out" "$OUT/paths.jsonl"
mkdir -p "$OUT/paths/recipe" && printf 'name: ../up\ninputs: [../../paths.jsonl]\n' >"$OUT/paths/recipe/graph.yaml"
"$AG" build "$OUT/paths/recipe" 2>"$OUT/paths.err"
if [ "$(ls -A "$OUT/paths/out")" = "$(printf '.graph.lock\n___.._escaped.graphml\n_hidden.graphml')" ] && [ ! -e "$OUT/escaped.graphml" ] &&
	grep -q "graph.yaml:1:7: expected a file name" "$OUT/paths.err" && [ ! -e "$OUT/paths/up.graphml" ]; then
	ok paths-stay-inside
else
	bad paths-stay-inside "$(ls -A "$OUT/paths/out"; cat "$OUT/paths.err")"
fi

# a full standard output is an error with a message, for every command
full=0
for cmd in "check" "stats $OUT/korea.graphml" "extract $ART"; do
	# shellcheck disable=SC2086
	"$AG" $cmd >/dev/full 2>"$OUT/full.err"
	[ $? = 1 ] && grep -q 'cannot write' "$OUT/full.err" || full=1
done
if [ $full = 0 ]; then ok full-stdout; else bad full-stdout "$(cat "$OUT/full.err")"; fi

# a state-level graph has no persons left
"$AG" build -q --level state --format graphml --out "$OUT/state" "$ART"
if [ -f "$OUT/state/graph.graphml" ] && ! grep -q '<data key="v_kind">person</data>' "$OUT/state/graph.graphml" &&
	grep -q 'source="PRK" target="RUS"' "$OUT/state/graph.graphml"; then
	ok level-state
else
	bad level-state "persons left, or no relation between states"
fi

# one graph per document, named after it; stdin reads as 'stdin'
mkdir -p "$OUT/docs/sub" && cp "$ART" "$OUT/docs/sub/" && printf 'Egypt met with Sudan.\n' >"$OUT/docs/b.txt"
printf 'ignored: not .txt\n' >"$OUT/docs/notes.md"
case_ per-document 0 build -q --per-document --format graphml --out "$OUT/per" "$OUT/docs"
if [ -f "$OUT/per/fp-trump-kim.graphml" ] && [ -f "$OUT/per/b.graphml" ] && [ "$(ls "$OUT/per" | wc -l)" = 2 ]; then
	ok per-document-names
else
	bad per-document-names "$(ls "$OUT/per")"
fi
mkdir -p "$OUT/twins/a" "$OUT/twins/b" && printf 'x\n' >"$OUT/twins/a/x.txt" && printf 'y\n' >"$OUT/twins/b/x.txt"
case_ per-document-twins 1 build -q --per-document --out "$OUT/twins" "$OUT/twins"
printf 'Russia invaded Ukraine.\n' | "$AG" extract - >"$OUT/stdin.out" 2>&1
if grep -q '"doc":"stdin".*"relation":"military_conflict"' "$OUT/stdin.out"; then ok stdin; else bad stdin "$(cat "$OUT/stdin.out")"; fi

# JSON lines of articles, with their dates: the GEXF gets a timeline
case_ jsonl 0 extract tests/data/corpus/feed.jsonl
case_ jsonl-bad 1 extract tests/data/corpus-bad.jsonl
"$AG" build -q --format gexf --out "$OUT/jsonl" tests/data/corpus
if grep -q 'mode="dynamic"' "$OUT/jsonl/graph.gexf" && grep -q '<spell start="2024-05-01"' "$OUT/jsonl/graph.gexf"; then
	ok jsonl-dates-in-gexf
else
	bad jsonl-dates-in-gexf "no spells in $OUT/jsonl/graph.gexf"
fi

# bad bytes are reported with their position, and the rest is read
printf 'Russia invaded \377Ukraine.\n' >"$OUT/bad-utf8.txt"
case_ invalid-utf8 0 extract "$OUT/bad-utf8.txt"

# a failed build leaves the earlier output as it was
cp "$OUT/korea.graphml" "$OUT/keep.graphml"
"$AG" build -q --out "$OUT" --name korea "$ART" nosuch.txt 2>/dev/null
if [ $? = 1 ] && cmp -s "$OUT/korea.graphml" "$OUT/keep.graphml" && ! ls "$OUT" | grep -q tmp; then
	ok failed-build-keeps-output
else
	bad failed-build-keeps-output "output changed or a temporary file was left"
fi

# diagrams and their faults: bad folders, long names, big and crashing graphs, Graphviz
# failing or stalling, a full disk
case_ out-empty 2 build --out "" "$ART"

# a name of 20,000 characters: its label is cut, and dot reads the DOT
awk 'BEGIN { printf "\"No,\" said A"; for (i = 0; i < 19999; i++) printf "b"; print " Cole." }' >"$OUT/long-name.txt"
"$AG" build -q --format dot --out "$OUT/long-name" "$OUT/long-name.txt"
if dot -Tsvg "$OUT/long-name/graph.dot" >/dev/null 2>"$OUT/long-name.err" &&
	grep -q "label=Abbbb*$(printf '\342\200\246')," "$OUT/long-name/graph.dot"; then
	ok long-name-dot-parses
else
	bad long-name-dot-parses "$(head -c 300 "$OUT/long-name.err")"
fi

# Graphviz draws in a child process: a drawing that fails or runs past
# --render-timeout is reported, and the other formats are still written (status 3)
case_ render-timeout 3 build -q --render-timeout 0.001 --format svg,graphml --out "$OUT/slow" "$ART"
if [ -f "$OUT/slow/graph.graphml" ] && [ "$(ls "$OUT/slow")" = graph.graphml ]; then
	ok render-timeout-writes-the-rest
else
	bad render-timeout-writes-the-rest "$(ls "$OUT/slow")"
fi
# N actors in no relation, one a line ("No," said Badan Kedson.)
unrelated() {
	awk -v n="$1" 'BEGIN { split("Ba Ke Lo Mi Nu Ra Si To Vu Ze", a, " ");
		split("dan mer lin sol tav rik pon gel mus far", b, " ");
		for (i = 0; i < n; i++)
			printf "\"No,\" said %s%s %s%sson.\n", a[i % 10 + 1], b[int(i / 10) % 10 + 1],
				a[int(i / 100) % 10 + 1], b[int(i / 1000) % 10 + 1] }'
}
# a crash of the child (as "free(): invalid size" aborts it) costs the drawing only
unrelated 300 >"$OUT/unrelated-300.txt"
"$AG" build -q --format svg,graphml --out "$OUT/crash" "$OUT/unrelated-300.txt" 2>"$OUT/crash.err" &
pid=$!
child=$(child_of $pid)
[ -n "$child" ] && kill -ABRT $child
wait $pid
status=$?
if [ $status = 3 ] && [ "$(ls "$OUT/crash")" = graph.graphml ] &&
	[ "$(cat "$OUT/crash.err")" = "actorgraph: cannot draw '$OUT/crash/graph.svg': Graphviz crashed (Aborted)" ]; then
	ok render-crash-writes-the-rest
else
	bad render-crash-writes-the-rest "status $status, child '$child': $(cat "$OUT/crash.err"; ls "$OUT/crash")"
fi
# a build killed (kill -9) while it writes, here while it draws the SVG after
# the GraphML, leaves the previous outputs whole and as they were
K="$OUT/killed"
"$AG" build -q --format graphml,svg --out "$K" "$ART"
cp "$K/graph.graphml" "$OUT/killed.graphml" && cp "$K/graph.svg" "$OUT/killed.svg"
"$AG" build -q --format graphml,svg --out "$K" "$OUT/unrelated-300.txt" 2>/dev/null &
pid=$!
child=$(child_of $pid)
kill -KILL $pid
[ -n "$child" ] && kill -KILL $child
{ wait $pid; } 2>/dev/null	# the shell's "Killed"
if [ -n "$child" ] && cmp -s "$K/graph.graphml" "$OUT/killed.graphml" && cmp -s "$K/graph.svg" "$OUT/killed.svg" &&
	xmllint --noout "$K/graph.graphml"; then
	ok killed-build-keeps-outputs
else
	bad killed-build-keeps-outputs "child '$child': the outputs changed"
fi
# one build at a time writes NAME's files in a folder: a second one fails at
# once and names the first (which reads its document from a pipe that stays
# open: 3 s, as a loaded machine and a sanitized build took seconds to reach
# the lock); the lock file of a build that ended is taken over
L="$OUT/lock"
mkdir -p "$L"
(sleep 3; cat "$ART") | "$AG" build -q --format graphml --out "$L" - &
first=$! tries=0
while [ "$(cat "$L/.graph.lock" 2>/dev/null)" != "$first" ] && [ $tries -lt 3000 ]; do
	sleep 0.01
	tries=$((tries + 1))
done
"$AG" build -q --format graphml --out "$L" "$ART" 2>"$L/second.err"
second=$?
wait $first
status=$?
"$AG" build -q --format graphml --out "$L" "$ART"
third=$?
if [ $second = 1 ] && [ $status = 0 ] && [ $third = 0 ] && [ "$(cat "$L/.graph.lock")" != "$first" ] &&
	[ "$(cat "$L/second.err")" = "actorgraph: '$L/.graph.lock' is held by process $first, another build writing there: try again when it ends" ]; then
	ok second-build-locked-out
else
	bad second-build-locked-out "statuses $status $second $third: $(cat "$L/second.err")"
fi
# two builds of other documents at once into one folder, five times: the
# GraphML and the SVG there are always those of one build
C="$OUT/race"
"$AG" build -q --format graphml,svg --out "$C/a" "$ART"
"$AG" build -q --format graphml,svg --out "$C/b" tests/eval/dev/cnn-xi-putin.txt
mixed=
for i in 1 2 3 4 5; do
	"$AG" build -q --format graphml,svg --out "$C/both" "$ART" 2>/dev/null &
	"$AG" build -q --format graphml,svg --out "$C/both" tests/eval/dev/cnn-xi-putin.txt 2>/dev/null
	wait $!
	from=
	for b in a b; do
		cmp -s "$C/$b/graph.graphml" "$C/both/graph.graphml" && cmp -s "$C/$b/graph.svg" "$C/both/graph.svg" && from=$b
	done
	[ -n "$from" ] || mixed="$mixed $i"
done
if [ -z "$mixed" ]; then ok outputs-of-one-build; else bad outputs-of-one-build "mixed outputs in tries$mixed"; fi
# 3,000 actors in no relation (46 to 93 s to draw before): the diagram has the 80 of
# highest PageRank and says so, the GraphML all of them
unrelated 3000 >"$OUT/unrelated-3000.txt"
"$AG" build -q --format graphml,dot,svg --out "$OUT/many" "$OUT/unrelated-3000.txt" 2>"$OUT/many.err"
status=$?
if [ $status = 0 ] && [ "$(grep -c 'tooltip="person' "$OUT/many/graph.dot")" = 80 ] &&
	grep -q '80 of 3000 actors drawn' "$OUT/many/graph.dot" && grep -q '</svg>' "$OUT/many/graph.svg" &&
	[ "$(grep -c '<node ' "$OUT/many/graph.graphml")" = 3000 ]; then
	ok many-actors-drawing-bounded
else
	bad many-actors-drawing-bounded "status $status: $(cat "$OUT/many.err")"
fi
# dense articles that crashed Graphviz 2.42 in makeMultiSpline (59 sentences "X imposed
# sanctions on Y." over 15 states, from a fixed pseudo-random sequence): drawn whole
sanctions() {
	awk -v seed="$1" 'BEGIN {
		split("Russia,China,Iran,France,Germany,Japan,India,Brazil,Canada,Mexico,Egypt,Turkey,Israel,Poland,Spain", s, ",")
		x = seed
		for (i = 0; i < 59; i++) {
			x = (x * 1103515245 + 12345) % 2147483648; a = int(x / 65536) % 15 + 1
			do { x = (x * 1103515245 + 12345) % 2147483648; b = int(x / 65536) % 15 + 1 } while (b == a)
			printf "%s imposed sanctions on %s.\n", s[a], s[b]
		}
	}'
}
mkdir -p "$OUT/sanctions"
for seed in 25 62 64 65 94; do sanctions $seed >"$OUT/sanctions/s$seed.txt"; done
"$AG" build -q --per-document --format svg --out "$OUT/sanctions-drawn" "$OUT/sanctions" 2>"$OUT/sanctions.err"
status=$?
if [ $status = 0 ] && [ "$(ls "$OUT/sanctions-drawn" | grep -c '\.svg$')" = 5 ] &&
	[ "$(ls "$OUT/sanctions-drawn" | wc -l)" = 5 ] && grep -q '</svg>' "$OUT/sanctions-drawn/s25.svg"; then
	ok dense-articles-drawn
else
	bad dense-articles-drawn "status $status: $(cat "$OUT/sanctions.err")"
fi
# a full disk while writing an SVG: named, no temporary file left, and no file of
# the set replaced (a file size limit stands for it: outputs are new temporary
# files, so none can be /dev/full). 20 blocks lets the DOT (8.2 kB) through and
# stops the SVG (23.5 kB), whether a block is 512 bytes (dash) or 1024 (bash).
(trap '' XFSZ; ulimit -f 20; exec "$AG" build -q --format dot,svg --out "$OUT/full" "$ART") 2>"$OUT/full.err"
status=$?
if [ $status = 1 ] && [ "$(ls "$OUT/full")" = "" ] &&
	[ "$(cat "$OUT/full.err")" = "actorgraph: cannot write '$OUT/full/graph.svg': File too large" ]; then
	ok full-disk-svg
else
	bad full-disk-svg "status $status: $(cat "$OUT/full.err"; ls "$OUT/full")"
fi

# a recipe writes its outputs beside itself
mkdir -p "$OUT/recipe"
printf 'name: r\ninputs:\n  - {path: ../../../data/articles/fp-trump-kim.txt, date: 2024-11-13}\nformats: [graphml]\n' \
	>"$OUT/recipe/graph.yaml"
"$AG" build -q "$OUT/recipe"
if grep -q '<data key="e_first_seen">2024-11-13</data>' "$OUT/recipe/r.graphml" 2>/dev/null; then
	ok recipe
else
	bad recipe "no dated r.graphml"
fi

# a recipe's build keeps the GraphML it replaces in .previous/, for diff graphs/NAME
R="$OUT/rdiff"
mkdir -p "$R" && cp "$ART" "$R/a.txt" && cp tests/eval/dev/cnn-xi-putin.txt "$R/b.txt"
printf 'inputs: [a.txt]\nformats: [graphml, dot]\n' >"$R/graph.yaml"
"$AG" build -q "$R"
case_ diff-recipe-first 1 diff "$R"
cp "$R/rdiff.graphml" "$OUT/rdiff-first.graphml"
printf 'inputs: [a.txt, b.txt]\nformats: [graphml, dot]\n' >"$R/graph.yaml"
"$AG" build -q "$R"
case_ diff-recipe 0 diff "$R/"
if cmp -s "$R/.previous/rdiff.graphml" "$OUT/rdiff-first.graphml" && [ "$(ls -A "$R/.previous")" = rdiff.graphml ]; then
	ok recipe-keeps-previous
else
	bad recipe-keeps-previous "$(ls -A "$R/.previous")"
fi

# Hostile input and faults (issue 12): each is made here, nothing is kept.
# Documents that cannot be read are reported with file:line and left out, the
# rest is built, and the exit status says so (3). The failures are chosen to
# hold as root too, who reads a file without read permission: a bad JSON
# line, and a FIFO named like a text in a folder (reading it would block).
# Links: a loop to the parent, a second link to a file and a dangling link
# are skipped with a warning, and each file is read once.
H="$OUT/hostile"
mkdir -p "$H/docs/sub" && printf 'exec timeout 20 ./actorgraph "$@"\n' >"$H/ag" && chmod +x "$H/ag"
AG=$H/ag	# each of these hung, or ran for minutes
cp "$ART" "$H/docs/" && mkfifo "$H/docs/fifo.txt"
printf '{"id": "ok", "text": "Egypt met with Sudan."}\n{"text": "x"\n' >"$H/docs/feed.jsonl"
ln -s .. "$H/docs/sub/up" && ln -s fp-trump-kim.txt "$H/docs/z-again.txt" && ln -s nowhere.txt "$H/docs/dangling.txt"
case_ partial-build 3 build -q --format graphml --out "$H/out" "$H/docs"
if grep -q '<node id="EGY">' "$H/out/graph.graphml" && grep -q '<node id="PRK">' "$H/out/graph.graphml"; then
	ok partial-build-graph
else
	bad partial-build-graph "no graph of the documents that could be read"
fi
"$AG" extract "$H/docs" >"$H/extract.out" 2>/dev/null
got=$?
"$AG" extract "$ART" >"$H/extract-art.out"
if [ $got = 3 ] && grep -q '"doc":"ok"' "$H/extract.out" &&
	[ "$(grep -c '"doc":"fp-trump-kim"' "$H/extract.out")" = "$(wc -l <"$H/extract-art.out")" ]; then
	ok partial-extract
else
	bad partial-extract "exit status $got, or events missing or read twice"
fi
if [ "$(id -u)" != 0 ]; then	# root reads it anyway
	printf 'x\n' >"$H/closed.txt" && chmod 000 "$H/closed.txt"
	"$AG" build -q --format graphml --out "$H/closed" "$ART" "$H/closed.txt" 2>"$H/closed.err"
	if [ $? = 3 ] && grep -q "cannot open '$H/closed.txt': Permission denied (document left out)" "$H/closed.err"; then
		ok unreadable-file
	else
		bad unreadable-file "$(cat "$H/closed.err")"
	fi
fi
# when no document can be read, nothing is written
"$AG" build -q --out "$H/none" tests/data/corpus-bad.jsonl 2>/dev/null
if [ $? = 1 ] && [ ! -e "$H/none/graph.graphml" ]; then ok nothing-read-nothing-written; else bad nothing-read-nothing-written "a graph of nothing"; fi
# a schema with an alias bomb is refused at once
mkdir -p "$H/bomb" && cp tests/data/schema/ok/relations.yaml "$H/bomb/"
p=a; { echo 'a: &a [x, x, x, x, x, x, x, x, x, x]'
  for l in b c d e f g h i; do echo "$l: &$l [$(printf "*$p, %.0s" 1 2 3 4 5 6 7 8 9)*$p]"; p=$l; done
  echo 'actors: *i'; } >"$H/bomb/actors.yaml"
case_ schema-alias-bomb 1 check --schema "$H/bomb"
# a run of 20,000 capitalised words, named as an organization, then again:
# the name lookup walked the run from each of its words (minutes); sentences
# are not cut here, so that the lookup alone is timed
awk 'BEGIN { for (k = 0; k < 2; k++) { printf "The"; for (i = 0; i < 20000; i++) printf " Word";
	print (k ? "" : " Institute") " met Russia." } }' >"$H/run.txt"
case_ name-run 0 build -q --limit sentence=1000000 --format graphml --out "$H/run" "$H/run.txt"
# limits: past the document limit a document is read in pieces (at a line
# break, else at the end of a sentence, else at a space), past the others
# cut with a warning that names it
printf 'Russia invaded Ukraine.\nChina sanctioned Japan and Egypt met with Sudan.\n' >"$H/limits.txt"
case_ limit-document 0 extract --limit document=30 "$H/limits.txt"
case_ limit-line-sentence 0 extract --limit line=40,sentence=4 "$H/limits.txt"
# paragraphs in pieces of their own give the events the whole document gives,
# at the same lines, sentences and offsets, and build from the cache alike
printf 'Russia invaded Ukraine.\n\nChina sanctioned Japan.\n\nEgypt met with Sudan.\n' >"$H/paragraphs.txt"
"$AG" extract "$H/paragraphs.txt" >"$OUT/whole.jsonl" 2>&1
"$AG" extract --limit document=30 "$H/paragraphs.txt" >"$OUT/pieces.jsonl" 2>&1
"$AG" build -q --limit document=30 --cache "$OUT/pieces-cache" --out "$OUT/pieces" "$H/paragraphs.txt"
"$AG" build --limit document=30 --cache "$OUT/pieces-cache" --out "$OUT/pieces-again" "$H/paragraphs.txt" \
	2>"$OUT/pieces-again.err"
if [ "$(wc -l <"$OUT/whole.jsonl")" = 3 ] && cmp -s "$OUT/whole.jsonl" "$OUT/pieces.jsonl" &&
	grep -q '1 from the cache, 0 extracted' "$OUT/pieces-again.err" &&
	cmp -s "$OUT/pieces/graph.graphml" "$OUT/pieces-again/graph.graphml"; then
	ok pieces-as-whole
else
	bad pieces-as-whole "a document in pieces differs from the whole, or from its cache entry"
fi
# a document whose results outgrow --limit held= goes through a temporary
# file (in TMPDIR, left empty), and gives what it gives held whole, at both
# levels (folding persons needs the ties of the whole document)
cat tests/eval/dev/*.txt >"$H/long.txt"
mkdir -p "$OUT/held-tmp"
held_same=yes
for level in actor state; do
	"$AG" extract --limit document=2000 "$H/long.txt" >"$OUT/held-whole.jsonl" 2>&1
	TMPDIR="$OUT/held-tmp" "$AG" extract --limit document=2000,held=500 "$H/long.txt" >"$OUT/held-spilled.jsonl" 2>&1
	"$AG" build -q -j 1 --level $level --limit document=2000 --format graphml,csv --out "$OUT/held-whole-$level" \
		"$H/long.txt" "$H/paragraphs.txt"
	TMPDIR="$OUT/held-tmp" "$AG" build -q -j 2 --level $level --limit document=2000,held=500 --format graphml,csv \
		--out "$OUT/held-spilled-$level" "$H/long.txt" "$H/paragraphs.txt"
	for f in graph.graphml graph.edges.csv graph.nodes.csv; do
		cmp -s "$OUT/held-whole-$level/$f" "$OUT/held-spilled-$level/$f" || held_same="no: $level $f"
	done
	[ "$(wc -l <"$OUT/held-whole.jsonl")" -gt 50 ] && cmp -s "$OUT/held-whole.jsonl" "$OUT/held-spilled.jsonl" ||
		held_same="no: extract"
done
if [ "$held_same" = yes ] && [ -z "$(ls -A "$OUT/held-tmp")" ]; then
	ok held-in-a-file
else
	bad held-in-a-file "held whole and through a file differ ($held_same), or a file is left: $(ls -A "$OUT/held-tmp")"
fi
# an article's own date line dates its events, in each of its pieces
printf 'November 13, 2024\n\nRussia invaded Ukraine.\n\nChina sanctioned Japan.\n' >"$H/dated.txt"
"$AG" extract --limit document=30 "$H/dated.txt" >"$OUT/dated.jsonl" 2>&1
if [ "$(grep -c '"date":"2024-11-13"' "$OUT/dated.jsonl")" = 2 ] && [ "$(wc -l <"$OUT/dated.jsonl")" = 2 ]; then
	ok own-date-in-pieces
else
	bad own-date-in-pieces "$(cat "$OUT/dated.jsonl")"
fi
AG=./actorgraph

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
