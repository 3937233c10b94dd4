#!/bin/sh
# cluster.sh - a sharded build on a real engine (make test-cluster): a Dask
# scheduler and two workers on 127.0.0.1 (Debian's python3-distributed),
# one task per shard running 'actorgraph extract --format records'
# (tests/cluster.py), the records gathered in shard order and reduced by
# 'actorgraph build --records'; the files must equal those of one build of
# the whole corpus, byte for byte. The cluster is stopped however this ends.
set -u
cd "$(dirname "$0")/.." || exit 2
AG=$(pwd)/actorgraph
OUT=$(pwd)/tests/out/cluster
PY=/usr/bin/python3	# Debian's, which has the packages
SHARDS=4
FORMATS=graphml,gexf,json,csv,dot
pids=

stop() {
	for pid in $pids; do
		kill "$pid" 2>/dev/null
	done
	for pid in $pids; do
		wait "$pid" 2>/dev/null
	done
	pids=
}
trap stop EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL cluster: $1"
	for log in "$OUT"/*.log; do
		echo "--- $log" && tail -20 "$log"
	done
	exit 1
}

rm -rf "$OUT" && mkdir -p "$OUT"
dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$OUT/scheduler.json" \
	>"$OUT/scheduler.log" 2>&1 &
pids="$pids $!"
for i in $(seq 300); do
	[ -s "$OUT/scheduler.json" ] && break
	sleep 0.1
done
[ -s "$OUT/scheduler.json" ] || fail "the scheduler did not start"
for w in 1 2; do
	dask-worker --scheduler-file "$OUT/scheduler.json" --host 127.0.0.1 --nthreads 1 --no-nanny \
		--no-dashboard --name "w$w" --local-directory "$OUT/w$w" >"$OUT/w$w.log" 2>&1 &
	pids="$pids $!"
done

# the map step on the cluster, one task per shard of the two evaluation sets
set -- tests/eval/dev/*.txt tests/eval/dev2/*.txt
printf '%s\n' "$@" >"$OUT/docs" && split -n l/$SHARDS -d "$OUT/docs" "$OUT/shard."
"$PY" tests/cluster.py "$OUT/scheduler.json" "$AG" "$OUT/records.jsonl" "$OUT"/shard.0? ||
	fail "the map step failed on the cluster"
stop

# the reduce step, and one build of the whole corpus
"$AG" build -q --records --format "$FORMATS" --out "$OUT/sharded" --name g "$OUT/records.jsonl" ||
	fail "build --records failed"
"$AG" build -q --format "$FORMATS" --out "$OUT/single" --name g "$@" || fail "build failed"
if [ "$(wc -l <"$OUT/records.jsonl")" = $# ] &&
	diff -r -x '.*.lock' "$OUT/single" "$OUT/sharded" >"$OUT/diff" 2>&1; then
	echo "ok   cluster: $# documents in $SHARDS shards on 2 Dask workers give the files of one build"
else
	fail "the sharded build differs from the single one: $(head -20 "$OUT/diff")"
fi
