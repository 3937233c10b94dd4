#!/bin/sh
# html.sh - the page of --format html in headless Chromium (Debian's
# chromium; software WebGL): it loads with no error, renders every actor
# and relation, filters by relation and date, shows an edge's evidence and
# documents for #edge=ID and an actor's relations for #node=ID, finds an
# actor by label or id (#find=QUERY, as the search box does), shows the
# conflicts' double line beside their names (with no error from the
# program that draws it) and names the communities that share a colour
# once, keeps a label that holds "</script>" and U+2028 as data, and draws
# the graph: a screenshot of the expected size holds the actors' colours.
set -u
cd "$(dirname "$0")/.." || exit 2
AG=${AG:-./actorgraph}
OUT=tests/out/html
PY=/usr/bin/python3
ART=tests/data/articles/fp-trump-kim.txt
passed=0 failed=0
rm -rf "$OUT" && mkdir -p "$OUT"

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

# chrome ARGS... URL: headless, its own profile, its log appended to $OUT/chrome.log
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --use-angle=swiftshader \
		--enable-unsafe-swiftshader --hide-scrollbars --window-size=1200,800 \
		--user-data-dir="$OUT/profile" --enable-logging=stderr --v=0 \
		--virtual-time-budget=15000 "$@" 2>>"$OUT/chrome.log"
}

# check NAME PAGE FRAGMENT PYTHON: dump the DOM of PAGE#FRAGMENT, then run
# PYTHON with 'dom' (the page's elements), 'g' (its graph's JSON) and
# 'common' (no error, ready, every actor and relation there) in scope
check() {
	name=$1 page=$2 frag=$3 code=$4
	chrome --dump-dom "file://$PWD/$page#$frag" >"$OUT/$name.dom"
	if "$PY" - "$OUT/$name.dom" "${page%.html}.json" "$code" >"$OUT/$name.err" 2>&1 <<'PY'
import json, sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    """Elements by id and by class: their attributes and text."""
    void = {"input", "meta", "br", "hr", "img", "link", "wbr"}
    def __init__(self):
        super().__init__()
        self.ids, self.classes, self.open, self.body = {}, {}, [], {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        e = {"tag": tag, "attrs": a, "text": ""}
        if tag == "body":
            self.body = a
        if "id" in a:
            self.ids[a["id"]] = e
        for c in (a.get("class") or "").split():
            self.classes.setdefault(c, []).append(e)
        if tag not in self.void:
            self.open.append(e)
    def handle_endtag(self, tag):
        if self.open and self.open[-1]["tag"] == tag:
            self.open.pop()
    def handle_data(self, data):
        for e in self.open:
            e["text"] += data

dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
g = json.load(open(sys.argv[2], encoding="utf-8"))
body = dom.body
def common():
    assert body.get("data-ready") == "1", "never rendered"
    assert "data-errors" not in body, "errors: " + dom.ids["errors"]["text"]
    assert body.get("data-nodes") == str(len(g["nodes"])), f"nodes {body.get('data-nodes')}"
    assert body.get("data-edges") == str(len(g["edges"])), f"edges {body.get('data-edges')}"
exec(sys.argv[3])
PY
	then
		ok "$name"
	else
		bad "$name" "$(tail -3 "$OUT/$name.err")"
	fi
}

# The Korea article, undated, and a feed of three dated documents, one of
# them named with the '|' and '\' that the documents attribute escapes
"$PY" - "$ART" "$OUT/feed.jsonl" <<'PY'
import json, sys
docs = [{"id": "fp-trump-kim", "date": "2024-11-13", "text": open(sys.argv[1], encoding="utf-8").read()},
        {"id": "a|b\\c", "date": "2024-12-01", "text": "Donald Trump met with Kim Jong Un. Russia invaded Ukraine."},
        {"id": "later", "date": "2025-01-10", "text": "China criticized the United States."}]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.writelines(json.dumps(d) + "\n" for d in docs)
PY
# and a schema whose label would close the page's script and run its own
mkdir -p "$OUT/schema"
cp tests/data/schema/escape/relations.yaml "$OUT/schema/"
printf '%s\n' 'actors:' \
	'  - {id: evil, label: "</script><script>document.title = \"pwned\"</SCRIPT><!--\u2028\u2029 Co", kind: organization, names: [Evil Co]}' \
	'  - {id: BBB, label: Bland, kind: state}' >"$OUT/schema/actors.yaml"
echo "Evil Co met with Bland." >"$OUT/evil.txt"
if "$AG" build -q --format html,json --out "$OUT" --name korea "$ART" 2>"$OUT/build.err" &&
	"$AG" build -q --format html,json --out "$OUT" --name feed "$OUT/feed.jsonl" 2>>"$OUT/build.err" &&
	"$AG" build -q --schema "$OUT/schema" --format html,json --out "$OUT" --name evil "$OUT/evil.txt" \
		2>>"$OUT/build.err" &&
	"$AG" build -q --analyses kcore --format html,json --out "$OUT" --name lean "$ART" 2>>"$OUT/build.err"; then
	ok build
else
	bad build "$(cat "$OUT/build.err")"
fi

check loads "$OUT/korea.html" "" '
common()
assert body["data-visible-nodes"] == body["data-nodes"] and body["data-visible-edges"] == body["data-edges"]
assert "dates" not in dom.ids, "a date slider for an undated graph"
counts = "%d actors, %d relations" % (len(g["nodes"]), len(g["edges"]))
assert dom.ids["summary"]["text"] == counts, dom.ids["summary"]["text"]
conflict = {e["relation"] for e in g["edges"] if e["sign"] < 0}
assert conflict and len(dom.classes.get("double", [])) == len(conflict), "a double line for each type of conflict"
communities = {n["community"]: n["color"] for n in g["nodes"]}
shared = [c for c in communities if list(communities.values()).count(communities[c]) > 1]
others = dom.classes["others"][0]["text"]
assert others.startswith("%d other communities" % len(shared)), others
'
check dated "$OUT/feed.html" "" '
common()
assert "date-from" in dom.ids and "date-to" in dom.ids, "no date slider"
counts = "%d actors, %d relations, 2024-11-13 to 2025-01-10" % (len(g["nodes"]), len(g["edges"]))
assert dom.ids["summary"]["text"] == counts, dom.ids["summary"]["text"]
'
# edges whose first_seen..last_seen meets 2024-12-01..2024-12-31; actors with one of them, or none
check date-filter "$OUT/feed.html" "from=2024-12-01&to=2024-12-31" '
common()
shown = [e for e in g["edges"] if e["first_seen"] <= "2024-12-31" and e["last_seen"] >= "2024-12-01"]
ends = {x for e in shown for x in (e["source"], e["target"])}
linked = {x for e in g["edges"] for x in (e["source"], e["target"])}
want = len([n for n in g["nodes"] if n["id"] in ends or n["id"] not in linked])
assert 0 < len(shown) < len(g["edges"]), "the range should keep some edges"
assert body["data-visible-edges"] == str(len(shown)), (body["data-visible-edges"], len(shown))
assert body["data-visible-nodes"] == str(want), (body["data-visible-nodes"], want)
'
check relation-filter "$OUT/feed.html" "relations=talks,pact" '
common()
want = len([e for e in g["edges"] if e["relation"] in ("talks", "pact")])
assert body["data-visible-edges"] == str(want), (body["data-visible-edges"], want)
'
# an edge stated by two documents: its evidence, its dates and both names, one with '|' and '\'
edge=$("$PY" -c '
import json, sys, urllib.parse
g = json.load(open(sys.argv[1], encoding="utf-8"))
e = next(e for e in g["edges"] if e["doc_count"] == 2 and "a\\|b" in e["documents"])
print(urllib.parse.quote(e["id"], safe=""))' "$OUT/feed.json")
check edge-evidence "$OUT/feed.html" "edge=$edge" '
import urllib.parse
common()
want = urllib.parse.unquote("'"$edge"'")
e = next(e for e in g["edges"] if e["id"] == want)
side = dom.ids["side"]
assert side["attrs"].get("data-edge") == want, side["attrs"]
assert dom.classes["first-evidence"][0]["text"] == e["first_evidence"]
assert dom.classes["last-evidence"][0]["text"] == e["last_evidence"]
docs = [li["text"] for li in dom.classes["document"]]
assert sorted(docs) == ["a|b\\c", "fp-trump-kim"], docs
for text in (e["first_seen"], e["last_seen"], e["relation"], str(e["doc_count"])):
    assert text in side["text"], f"{text!r} not in the panel"
'
check node-relations "$OUT/korea.html" "node=kim_jong_un" '
common()
side = dom.ids["side"]
assert side["attrs"].get("data-node") == "kim_jong_un"
n = len([e for e in g["edges"] if "kim_jong_un" in (e["source"], e["target"])])
assert len(dom.classes["relation"]) == n, (len(dom.classes["relation"]), n)
'
# a graph built with some analyses left out: neither offered nor shown
check analyses-left-out "$OUT/lean.html" "node=kim_jong_un" '
common()
options = [e["text"] for e in dom.classes.get("size-option", [])] or dom.ids["size-by"]["text"]
assert "kcore" in options and "betweenness" not in options and "closeness" not in options, options
side = dom.ids["side"]["text"]
assert "kcore" in side and "pagerank" in side and "betweenness" not in side and "undefined" not in side, side
'
# the search box's query in the fragment: by label in any case, by id, or part of a label
for q in "KIM%20JONG%20UN:kim_jong_un" "PRK:PRK" "vladimir:vladimir_putin" "nobody:"; do
	check "find-${q%%:*}" "$OUT/korea.html" "find=${q%%:*}" '
common()
want = "'"${q#*:}"'"
assert dom.ids["side"]["attrs"].get("data-node", "") == want, dom.ids["side"]["attrs"]
assert dom.ids["search-note"]["text"] == ("" if want else "not found"), dom.ids["search-note"]["text"]
'
done

# the label stays data: shown as it is, its script never run
check hostile-label "$OUT/evil.html" "node=evil" '
common()
label = next(n["label"] for n in g["nodes"] if n["id"] == "evil")
assert label.startswith("</script><script>") and "\u2028" in label, repr(label)
assert dom.ids["side"]["attrs"].get("data-node") == "evil"
assert dom.ids["side"]["text"].startswith(label), dom.ids["side"]["text"][:80]
assert "pwned" not in open(sys.argv[1], encoding="utf-8").read().split("<body")[0], "the label ran"
'

# The screenshot: 1200x800, and in the graph's box (from the DOM) the
# colours of the actors cover many pixels: sigma drew them
chrome --screenshot="$OUT/korea.png" "file://$PWD/$OUT/korea.html" >/dev/null
if "$PY" - "$OUT/korea.png" "$OUT/loads.dom" "$OUT/korea.json" >"$OUT/png.err" 2>&1 <<'PY'
import json, re, struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
assert (w, h) == (1200, 800), f"{w}x{h}"
assert depth == 8 and ctype in (2, 6), f"depth {depth}, colour type {ctype}"
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
x0, y0, bw, bh = map(int, re.search(r'data-graph-box="([0-9,]+)"', open(sys.argv[2]).read()).group(1).split(","))
rows, prev, i = [], bytearray(stride), 0
for y in range(h):   # undo the PNG filters
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
pixels = [rows[y][x * bpp:x * bpp + 3] for y in range(y0, min(h, y0 + bh)) for x in range(x0, min(w, x0 + bw))]
colours = {bytes.fromhex(n["color"][1:]) for n in json.load(open(sys.argv[3]))["nodes"]}
drawn = sum(p in colours for p in pixels)
assert len(set(pixels)) > 20, f"{len(set(pixels))} colours in the graph's box"
assert drawn > 2000, f"{drawn} pixels of the actors' colours in the graph's box"
PY
then
	ok screenshot
else
	bad screenshot "$(tail -3 "$OUT/png.err")"
fi

# no uncaught error in any page, as the browser logged it
if grep -i "uncaught" "$OUT/chrome.log" >"$OUT/uncaught.txt"; then
	bad no-uncaught-error "$(head -3 "$OUT/uncaught.txt")"
else
	ok no-uncaught-error
fi

echo "html: $passed passed, $failed failed"
[ "$failed" = 0 ]
