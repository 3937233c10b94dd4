#!/bin/sh
# eval.sh - score actorgraph on every evaluation set under tests/eval/:
# one graph per document (build --per-document), then score.py against the
# hand-written gold relations. Prints precision, recall and F1 and the misses.
set -u
cd "$(dirname "$0")/.." || exit 2
status=0
for set in tests/eval/*/; do
	set=${set%/}
	name=$(basename "$set")
	out=tests/out/eval/$name
	rm -rf "$out" && mkdir -p "$out"
	# the dev set's fp-trump-kim article lives with the other fixtures
	inputs=$(ls "$set"/*.txt 2>/dev/null)
	[ -f "$set/fp-trump-kim.gold.yaml" ] && inputs="$inputs tests/data/articles/fp-trump-kim.txt"
	[ -n "$inputs" ] || continue
	# shellcheck disable=SC2086
	./actorgraph build -q --per-document --format graphml --out "$out" $inputs || status=1
	echo "== $name ($(ls "$set"/*.gold.yaml | wc -l) documents)"
	python3 tests/eval/score.py --gold-dir "$set" --pred-dir "$out" --verbose || status=1
done
exit $status
