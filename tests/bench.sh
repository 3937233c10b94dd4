#!/bin/sh
# bench.sh - speed and memory of actorgraph on this machine: extraction
# throughput, a whole build, and schema loading. Figures go in README.md.
set -u
cd "$(dirname "$0")/.." || exit 2
dir=tests/out/bench
rm -rf "$dir" && mkdir -p "$dir/corpus"
# a corpus of 2,000 documents made of the evaluation articles
i=0
while [ $i -lt 2000 ]; do
	for f in tests/data/articles/*.txt tests/eval/*/*.txt; do
		cp "$f" "$dir/corpus/$i-$(basename "$f")"
		i=$((i + 1))
		[ $i -ge 2000 ] && break
	done
done
bytes=$(cat "$dir"/corpus/*.txt | wc -c)
now() { date +%s.%N; }
rate() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.2f s, %.1f MB/s", t, b / t / 1e6 }'; }

t0=$(now); ./actorgraph extract "$dir/corpus" >"$dir/events.jsonl"; t1=$(now)
echo "extract: $(ls "$dir/corpus" | wc -l) documents, $bytes bytes, $(wc -l <"$dir/events.jsonl") events: $(rate "$(echo "$t1 - $t0" | bc)")"
t0=$(now); ./actorgraph build -q --format graphml,dot --out "$dir" "$dir/corpus"; t1=$(now)
echo "build (one graph, GraphML and DOT): $(rate "$(echo "$t1 - $t0" | bc)")"
t0=$(now); ./actorgraph build -q --per-document --format graphml --out "$dir/per" "$dir/corpus"; t1=$(now)
echo "build --per-document (2,000 GraphML files): $(rate "$(echo "$t1 - $t0" | bc)")"
# run-on paragraphs of 1.5 MB with no full stop, of names and of pronouns and
# descriptions that look back: no slower per byte
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Russia met with Japan and the Center for Strategic Studies said Lars Eklund, "; print "" }' >"$dir/runon.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Russia said it met Japan and the country, both sides and the alliance, he said, "; print "" }' >"$dir/runon-coref.txt"
for f in runon runon-coref; do
	t0=$(now); ./actorgraph extract "$dir/$f.txt" >/dev/null; t1=$(now)
	awk -v b="$(wc -c <"$dir/$f.txt")" -v t="$(echo "$t1 - $t0" | bc)" -v f="$f" \
		'BEGIN { printf "%s paragraph of %d bytes: %.2f s\n", f, b, t }'
done
t0=$(now); n=0; while [ $n -lt 20 ]; do ./actorgraph check >/dev/null; n=$((n + 1)); done; t1=$(now)
awk -v t="$(echo "$t1 - $t0" | bc)" 'BEGIN { printf "schema load (check, whole process, mean of 20): %.1f ms\n", t * 50 }'

# a nightly rebuild: a recipe of 10,000 distinct documents, built with an
# empty cache, then again after one document changed
mkdir -p "$dir/nightly/in"
i=0
while [ $i -lt 10000 ]; do
	for f in tests/data/articles/*.txt tests/eval/*/*.txt; do
		{ cat "$f"; echo "Document $i."; } >"$dir/nightly/in/$i.txt"
		i=$((i + 1))
		[ $i -ge 10000 ] && break
	done
done
printf 'inputs:\n  - in\nformats: [graphml]\n' >"$dir/nightly/graph.yaml"
t0=$(now); ./actorgraph build -q "$dir/nightly"; t1=$(now)
echo "Russia met China." >>"$dir/nightly/in/5000.txt"
t2=$(now); ./actorgraph build "$dir/nightly" 2>"$dir/nightly.err"; t3=$(now)
awk -v a="$(echo "$t1 - $t0" | bc)" -v b="$(echo "$t3 - $t2" | bc)" -v s="$(grep 'from the cache' "$dir/nightly.err")" \
	'BEGIN { printf "recipe of 10,000 documents: first build %.2f s, rebuild with one changed %.2f s (%.0fx; %s)\n", a, b, a / b, substr(s, 13) }'

if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "peak memory of a build of the corpus: %M KiB" \
		./actorgraph build -q --format graphml --out "$dir" "$dir/corpus"
fi
