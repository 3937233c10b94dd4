#!/bin/sh
# escape.sh - hostile characters and dates through every format: every byte
# value and the code points outputs cannot hold (controls, U+FFFE, U+FFFF) in
# names a text introduces, in JSON lines (as \u escapes, ids too) and in
# schema labels; each output is parsed back by its readers: xmllint with the
# GraphML XSD and the GEXF RelaxNG, dot, Python's json and csv. Impossible
# dates are refused where they enter, or ignored in an article's own date line.
set -u
cd "$(dirname "$0")/.." || exit 2
AG=${AG:-./actorgraph}
OUT=tests/out/escape
PY=/usr/bin/python3
passed=0 failed=0
rm -rf "$OUT" && mkdir -p "$OUT/schema"

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

# The inputs. Each hostile character C gets names of its own (tag: two
# letters), with C between two words of a name and inside a word. The labels
# that show C reached the writers, as a space, go to want-labels.
"$PY" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
points = [*range(1, 0x20), *range(0x7f, 0xa0), 0xfffe, 0xffff, 0xfdd0, 0x1fffe, 0x10ffff,
          0x2028, 0x2029, 0xfeff]
tag = lambda i: chr(97 + i // 26 % 26) + chr(97 + i % 26)
def lines(c, t):
    return [f'"No," said Lars{c}Ek{t}.', f'Per Ek{t}{c}son, the envoy, met with China{c}.']
want = []
with open(f"{out}/bytes.txt", "wb") as f:
    for b in range(256):
        for line in lines("\0", tag(b)):
            f.write(line.encode().replace(b"\0", bytes([b])) + b"\n")
        if b in (0x0b, 0x0c, 0x0d):
            want.append(f"Lars Ek{tag(b)}")
    for i, cp in enumerate(points):
        f.write("\n".join(lines(chr(cp), tag(300 + i))).encode() + b"\n")
with open(f"{out}/feed.jsonl", "w") as f:
    for i, cp in enumerate(points):
        c = chr(cp)
        doc = {"id": f"doc{c}{tag(i)}", "date": f"2024-02-{i % 29 + 1:02}", "text": " ".join(lines(c, tag(400 + i)))}
        f.write(json.dumps(doc) + "\n")
        if cp in (0x85, 0x9f, 0xfffe, 0xffff, 0x1fffe):
            want += [f"Per Ek{tag(300 + i)} son", f"Per Ek{tag(400 + i)} son"]
with open(f"{out}/want-labels", "w") as f:
    f.write("\n".join(want) + "\n")
# a schema whose labels and CAMEO code hold them, as YAML escapes
with open(f"{out}/schema/relations.yaml", "w") as f:
    f.write('relations:\n  - {id: talks, directed: false, cameo: "04\\x01\\uFFFF\\x85", color: "#0072b2",\n'
            '     triggers: [{id: talks.meet, form: verb, words: [met, met with]}]}\n')
with open(f"{out}/schema/actors.yaml", "w") as f, open(f"{out}/schema.txt", "w") as t:
    f.write("actors:\n")
    for i, cp in enumerate(points):
        esc = f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"
        f.write(f'  - {{id: S{tag(i)}, label: "Land{esc}{tag(i)}", kind: state, names: [Land {tag(i)}]}}\n')
        t.write(f"Land {tag(i)} met with Land {tag(i + 1)}.\n")
PY

# run NAME ARGS...: a build that must succeed
run() {
	name=$1
	shift
	if "$AG" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; then ok "$name"; else bad "$name" "$(cat "$OUT/$name.err")"; fi
}

# parses NAME: each file of build NAME parsed back by its readers
parses() {
	d=$OUT/$1
	if XML_CATALOG_FILES=tests/vendor/graphml/catalog.xml xmllint --nonet --noout \
		--schema tests/vendor/graphml/graphml.xsd "$d/g.graphml" 2>"$d/graphml.err"; then
		ok "$1-graphml-validates"
	else
		bad "$1-graphml-validates" "$(head -5 "$d/graphml.err")"
	fi
	if xmllint --nonet --noout --relaxng tests/vendor/gexf/gexf.rng "$d/g.gexf" 2>"$d/gexf.err"; then
		ok "$1-gexf-validates"
	else
		bad "$1-gexf-validates" "$(head -5 "$d/gexf.err")"
	fi
	if dot -Tsvg "$d/g.dot" >/dev/null 2>"$d/dot.err" && [ ! -s "$d/dot.err" ]; then
		ok "$1-dot-accepts-dot"
	else
		bad "$1-dot-accepts-dot" "$(head -5 "$d/dot.err")"
	fi
	# JSON and CSV read back, with the same labels as the GraphML, none
	# holding a character that utf8_clean replaces
	if "$PY" - "$d" >"$d/py.err" 2>&1 <<'PY'
import csv, json, re, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
unclean = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0001ffff]")
g = json.load(open(f"{d}/g.json", encoding="utf-8"))
labels = {n["id"]: n["label"] for n in g["nodes"]}
for kind in ("nodes", "edges"):
    with open(f"{d}/g.{kind}.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    assert all(len(r) == len(rows[0]) for r in rows), f"{kind}.csv: rows of unequal length"
    assert len(rows) - 1 == len(g[kind]), f"{kind}.csv: {len(rows) - 1} rows, JSON {len(g[kind])}"
    if kind == "nodes":
        col = rows[0].index("label")
        assert {r[0]: r[col] for r in rows[1:]} == labels, "CSV and JSON labels differ"
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
xml = {n.get("id"): n.find("g:data[@key='v_label']", ns).text
       for n in ET.parse(f"{d}/g.graphml").getroot().iter("{%s}node" % ns["g"])}
assert xml == labels, "GraphML and JSON labels differ"
for text in [*labels, *labels.values(), *(e["cameo"] for e in g["edges"])]:
    assert not unclean.search(text), f"unclean: {text!r}"
PY
	then
		ok "$1-json-and-csv-parse"
	else
		bad "$1-json-and-csv-parse" "$(tail -3 "$d/py.err")"
	fi
}

# Every byte and code point in names a text introduces, and in JSON lines
run text build -q --format graphml,gexf,json,csv,dot --out "$OUT/text" --name g "$OUT/bytes.txt" "$OUT/feed.jsonl"
parses text
# the hostile characters reached the labels, as spaces
if "$PY" - "$OUT/text/g.json" "$OUT/want-labels" >"$OUT/want.err" 2>&1 <<'PY'
import json, sys
labels = {n["label"] for n in json.load(open(sys.argv[1], encoding="utf-8"))["nodes"]}
want = set(open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1])
sys.exit(f"missing: {sorted(want - labels)}" if want - labels else 0)
PY
then ok text-labels-cleaned; else bad text-labels-cleaned "$(cat "$OUT/want.err")"; fi

# extract: events (document ids from the JSON lines too) as JSON lines
if "$AG" extract "$OUT/bytes.txt" "$OUT/feed.jsonl" >"$OUT/events.jsonl" 2>"$OUT/extract.err" &&
	"$PY" -c '
import json, re, sys
docs = [json.loads(line)["doc"] for line in open(sys.argv[1], encoding="utf-8")]
assert any(d.startswith("doc ") for d in docs) and not any(re.search("[\x00-\x08\x0b-\x1f]", d) for d in docs)
' "$OUT/events.jsonl" 2>>"$OUT/extract.err"; then
	ok events-parse
else
	bad events-parse "$(tail -3 "$OUT/extract.err")"
fi
# the same events as TSV: 13 fields a row, tabs and line breaks in a field made spaces
if "$AG" extract --format tsv "$OUT/bytes.txt" "$OUT/feed.jsonl" >"$OUT/events.tsv" 2>>"$OUT/extract.err" &&
	"$PY" -c '
import csv, json, re, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
docs = [json.loads(line)["doc"] for line in open(sys.argv[2], encoding="utf-8")]
assert all(len(r) == 13 for r in rows) and len(rows) == len(docs) + 1
assert [r[0] for r in rows[1:]] == [re.sub("[\t\n\r]", " ", d) for d in docs]
' "$OUT/events.tsv" "$OUT/events.jsonl" 2>>"$OUT/extract.err"; then
	ok events-tsv-parse
else
	bad events-tsv-parse "$(tail -3 "$OUT/extract.err")"
fi

# Schema labels and a CAMEO code with the same characters
run schema build -q --schema "$OUT/schema" --format graphml,gexf,json,csv,dot --out "$OUT/schema" --name g \
	"$OUT/schema.txt"
parses schema

# Dates: a JSON line of a day the calendar lacks is left out, with its place; a leap day is
# a spell of the GEXF; an article's impossible date line is ignored
printf '{"id": "a", "date": "2024-02-29", "text": "Egypt met with Sudan."}\n{"id": "b", "date": "2024-02-30", "text": "Egypt met with Chad."}\n' \
	>"$OUT/dates.jsonl"
"$AG" build -q --format gexf --out "$OUT/dates" "$OUT/dates.jsonl" 2>"$OUT/dates.err"
if [ $? = 3 ] && [ -e "$OUT/dates/graph.gexf" ] && grep -qx \
	"actorgraph: $OUT/dates.jsonl:2:22: expected a date YYYY-MM-DD, found '2024-02-30' (no such day) (document left out)" \
	"$OUT/dates.err"; then
	ok jsonl-impossible-date
else
	bad jsonl-impossible-date "$(cat "$OUT/dates.err")"
fi
mkdir -p "$OUT/recipe"
printf 'inputs:\n  - {path: ../dates.jsonl, date: 2023-02-29}\n' >"$OUT/recipe/graph.yaml"
"$AG" build -q "$OUT/recipe" 2>"$OUT/recipe.err"
if [ $? = 1 ] && [ "$(cat "$OUT/recipe.err")" = \
	"actorgraph: $OUT/recipe/graph.yaml:2:34: expected a date YYYY-MM-DD, found '2023-02-29' (no such day)" ]; then
	ok recipe-impossible-date
else
	bad recipe-impossible-date "$(cat "$OUT/recipe.err")"
fi
head -1 "$OUT/dates.jsonl" >"$OUT/leap.jsonl"
printf 'Published: February 30, 2024\nEgypt met with Chad.\n' >"$OUT/own-date.txt"
run dates-valid build -q --format gexf --out "$OUT/leap" "$OUT/leap.jsonl" "$OUT/own-date.txt"
if xmllint --nonet --noout --relaxng tests/vendor/gexf/gexf.rng "$OUT/leap/graph.gexf" 2>"$OUT/leap.err" &&
	grep -q '<spell start="2024-02-29"' "$OUT/leap/graph.gexf" && ! grep -q '2024-02-30' "$OUT/leap/graph.gexf"; then
	ok leap-day-gexf-validates
else
	bad leap-day-gexf-validates "$(head -5 "$OUT/leap.err")"
fi

echo "escape: $passed passed, $failed failed"
[ "$failed" = 0 ]
