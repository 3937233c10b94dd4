#!/bin/sh
# bench.sh - speed and memory of actorgraph on this machine, the figures issue
# 10 asks for, in one run ('make bench' installs nlp-corpus from npm first):
#
#  - extract and build throughput (MB/s, sentences/s) with the whole schema on
#    100 MB of text no one here wrote, as JSON lines: the 100,000 English
#    sentences of the npm package nlp-corpus, shuffled into articles and
#    repeated, with the evaluation articles (tests/gen-corpus.py); against the
#    floor of 'grep -F -o -f' of the schema's names on the same file, on one
#    core; and -j 2 against -j 1;
#  - the peak memory (RSS) of a build of 10 MB, 100 MB and BENCH_MAX_MB, as one
#    text file, as JSON lines and as a folder;
#  - a build of 8,000 documents over 2,000 dates against one of them on one date;
#  - the rebuild of a recipe of 10,000 documents with one changed, against its
#    first build (issue 9);
#  - stats on synthetic graphs (tests/gen-graph.py) of 10,000 actors and
#    100,000 edges and of 100,000 and 1,000,000, and a build --records of each
#    (aggregation, analysis, GraphML);
#  - schema loading, and run-on paragraphs (work per byte must stay bounded).
#
# It prints a table (each measure, its value, the issue's target and whether
# the value meets it) and writes it with the machine's description to
# tests/out/bench/bench.json. MB is 10^6 bytes throughout; a peak RSS is GNU
# time's %M: the largest of the process and its workers.
#
# Environment:
#   BENCH_MAX_MB   the largest input of the memory runs, in MB (default 1024);
#                  the inputs are made once and kept in tests/out/bench-data
#                  (three times this size on disk; make clean removes them)
#   BENCH_RUNS     timed runs of each throughput and ratio figure; the fastest
#                  counts, since the machine may be shared (default 3)
#   BENCH_TIMEOUT  seconds allowed to each step on a synthetic graph (300)
#   BENCH_MEM_MB   address space allowed to each memory run, in MB (4096): a
#                  text file is one document, read whole, and the machine is
#                  shared; a run stopped there reports its RSS as a lower bound
set -u
cd "$(dirname "$0")/.." || exit 2
max_mb=${BENCH_MAX_MB:-1024} runs=${BENCH_RUNS:-3} limit=${BENCH_TIMEOUT:-300} mem_mb=${BENCH_MEM_MB:-4096}
out=tests/out/bench data=tests/out/bench-data nlp=tests/out/bench-deps/node_modules/nlp-corpus
articles="tests/data/articles/*.txt tests/eval/dev/*.txt tests/eval/dev2/*.txt"
ag=./actorgraph
failed=0

say() { echo "bench: $*" >&2; }
for need in "$ag" /usr/bin/time "$nlp/builds/doc-0.json"; do
	[ -e "$need" ] || { say "$need is missing: run 'make bench'"; exit 2; }
done
rm -rf "$out" && mkdir -p "$out" "$data" || exit 1

# calc DIGITS EXPR: EXPR (awk) with DIGITS decimals
calc() { awk "BEGIN { printf \"%.$1f\", $2 }"; }

# meta FILE KEY: a number that tests/gen-corpus.py printed of what it made
meta() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

# row KEY MEASURE VALUE UNIT [TARGET [NOTE]]: a line of the table. A VALUE
# after '>' is a lower bound (a timeout, the memory cap); TARGET is the
# issue's, as "<= 1.3" or ">= 20"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" "${6:-}" >>"$out/rows.tsv"; }

# timed OUT CMD...: run CMD with its stdout to OUT (its stderr in $out/err)
# under GNU time; sets secs (wall clock), kib (peak RSS) and status
timed() {
	timed_out=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out/time" "$@" >"$timed_out" 2>"$out/err"
	status=$?
	set -- $(tail -n 1 "$out/time")	# after "Command exited with non-zero status N"
	secs=$1 kib=$2
}

# least A B: the smaller of two numbers, or B when A is empty
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }

# fastest N OUT CMD...: timed N times; secs the fastest run, kib the largest,
# status the first failure's (which ends the runs)
fastest() {
	fastest_n=$1 fastest_i=0 fastest_s= fastest_k=0
	shift
	while [ $fastest_i -lt "$fastest_n" ]; do
		timed "$@"
		[ "$status" = 0 ] || return
		fastest_s=$(least "$fastest_s" "$secs")
		[ "$kib" -gt "$fastest_k" ] && fastest_k=$kib
		fastest_i=$((fastest_i + 1))
	done
	secs=$fastest_s kib=$fastest_k
}

# failure KEY MEASURE: a row for a step that failed, with its first message
failure() {
	row "$1" "$2" failed "" "" "status $status: $(head -n 1 "$out/err")"
	failed=1
}

mb() { calc 1 "$1 * 1024 / 1e6"; }	# KiB -> MB
commas() { echo "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta'; }

# --- the machine -------------------------------------------------------------
{
	printf 'date\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
	printf 'cores\t%s\n' "$(nproc)"
	printf 'ram_gb\t%s\n' "$(awk '/^MemTotal:/ { printf "%.1f", $2 * 1024 / 1e9 }' /proc/meminfo)"
	printf 'os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")"
	printf 'kernel\t%s\n' "$(uname -r)"
	printf 'actorgraph\t%s (%s)\n' "$($ag --version)" "$(git describe --always --dirty 2>/dev/null || echo unknown)"
	printf 'load_start\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
	printf 'settings\tBENCH_MAX_MB=%s BENCH_RUNS=%s BENCH_TIMEOUT=%s BENCH_MEM_MB=%s\n' \
		"$max_mb" "$runs" "$limit" "$mem_mb"
} >"$out/machine.tsv"
start=$(date +%s)

# --- inputs, made once ---------------------------------------------------------
# make_once KEY CMD...: run CMD, which writes $data/KEY.* or $data/KEY/, and
# keep its stdout as $data/KEY.meta; unless it ran already with these
# generators, articles and nlp-corpus
sources=$(cat tests/gen-corpus.py tests/gen-graph.py schema/relations.yaml $articles "$nlp/package.json" | cksum)
make_once() {
	key=$1
	shift
	[ "$(cat "$data/$key.stamp" 2>/dev/null)" = "$sources" ] && return
	say "making $data/$key"
	rm -rf "${data:?}/$key" "$data/$key".*
	"$@" >"$data/$key.meta" || { say "could not make $data/$key"; exit 1; }
	echo "$sources" >"$data/$key.stamp"
}
sizes="10 100"
[ "$max_mb" -gt 100 ] && sizes="$sizes $max_mb"
for size in $sizes; do
	make_once "nlp-$size" python3 tests/gen-corpus.py --nlp "$nlp/builds" --mb "$size" "$data/nlp-$size" $articles
done
for days in 1 2000; do
	make_once "dates-$days" python3 tests/gen-corpus.py --docs 8000 --dates "$days" --shapes jsonl \
		"$data/dates-$days" $articles
done
for spec in 10000,100000 100000,1000000; do
	make_once "graph-$spec" sh -c 'python3 tests/gen-graph.py "$1" "$2" 1 >"$3.graphml" &&
		python3 tests/gen-graph.py --records "$1" "$2" 1 >"$3.records"' sh \
		"${spec%,*}" "${spec#*,}" "$data/graph-$spec"
done

# --- throughput: extract and build against grep, -j 1 and -j 2 ----------------
corpus=$data/nlp-100.jsonl
bytes=$(meta "$data/nlp-100.meta" jsonl_bytes)
sentences=$(meta "$data/nlp-100.meta" sentences)
{
	echo "corpus: $corpus, $(calc 1 "$bytes / 1e6") MB, $(meta "$data/nlp-100.meta" documents) documents"
	echo "(nlp-corpus articles of 100 sentences and the $(echo $articles | wc -w) evaluation articles, repeated),"
	echo "$sentences sentences; each speed figure the fastest of $runs runs"
} >"$out/corpus.txt"
rate() { calc 1 "$bytes / $secs / 1e6"; }
per_sentence() { calc 0 "$sentences / $secs"; }

# The floor: every name of every actor of the schema found in the text, as
# the gazetteer lists them (labels, names, adjectives, seats, surnames used
# alone). grep writes to a file: given /dev/null, GNU grep stops at the first
# match.
python3 - schema >"$out/names.txt" <<'EOF' || exit 1
import glob, os, sys, yaml
names = set()
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.yaml"))):
    if os.path.basename(f).startswith("relations"):
        continue
    for a in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("actors") or []:
        for k in ("label", "names", "adjectives", "seats"):
            v = a.get(k) or []
            names.update([v] if isinstance(v, str) else v)
        if a.get("surname_alone"):
            names.add(a.get("surname") or a["label"].split()[-1])
print("\n".join(sorted(names)))
EOF
nnames=$(wc -l <"$out/names.txt")
say "grep, extract -j 1 and -j 2 on $corpus, in turns"
# In turns, not each N times over: this machine's speed drifts by a third
# within minutes, and a ratio must compare runs of one moment. A step that
# fails is not run again (its messages kept in err.STEP).
g= x1= x2= k1=0 gs=0 s1=0 s2=0
for k in $(seq "$runs"); do
	if [ "$gs" = 0 ]; then
		timed "$out/grep.out" env LC_ALL=C grep -F -o -f "$out/names.txt" "$corpus"
		gs=$status
		if [ "$gs" = 0 ]; then g=$(least "$g" "$secs"); else cp "$out/err" "$out/err.grep"; fi
	fi
	if [ "$s1" = 0 ]; then
		timed "$out/events.jsonl" $ag extract -j 1 "$corpus"
		s1=$status
		if [ "$s1" = 0 ]; then x1=$(least "$x1" "$secs") k1=$((kib > k1 ? kib : k1)); else cp "$out/err" "$out/err.j1"; fi
	fi
	if [ "$s2" = 0 ]; then
		timed "$out/events2.jsonl" $ag extract -j 2 "$corpus"
		s2=$status
		if [ "$s2" = 0 ]; then x2=$(least "$x2" "$secs"); else cp "$out/err" "$out/err.j2"; fi
	fi
done
grep_rate=
if [ "$gs" = 0 ]; then
	secs=$g grep_rate=$(rate)
	row grep "grep -F -o -f of the schema's $nnames names (the floor)" "$grep_rate" MB/s "" \
		"$(wc -l <"$out/grep.out") matches"
else
	status=$gs && cp "$out/err.grep" "$out/err" && failure grep "grep -F -o -f"
fi
if [ "$s1" = 0 ]; then
	secs=$x1
	row extract_j1 "extract -j 1" "$(rate)" MB/s "" "$(wc -l <"$out/events.jsonl") events, peak RSS $(mb "$k1") MB"
	row extract_j1_sentences "extract -j 1" "$(per_sentence)" sentences/s
	[ -n "$grep_rate" ] && row extract_vs_grep "extract -j 1 / grep" "$(calc 3 "$bytes / $x1 / 1e6 / $grep_rate")" ratio ">= 0.25"
else
	status=$s1 && cp "$out/err.j1" "$out/err" && failure extract_j1 "extract -j 1"
fi
if [ "$s2" = 0 ]; then
	secs=$x2
	row extract_j2 "extract -j 2" "$(rate)" MB/s
	[ "$s1" = 0 ] && row extract_speedup "extract -j 2 / -j 1 (speed-up)" "$(calc 2 "$x1 / $x2")" ratio ">= 1.7"
else
	status=$s2 && cp "$out/err.j2" "$out/err" && failure extract_j2 "extract -j 2"
fi

for j in 1 2; do
	fastest "$runs" "$out/build.out" $ag build -q -j $j --format graphml --out "$out/build" "$corpus"
	if [ "$status" = 0 ]; then
		row "build_j$j" "build -j $j (GraphML)" "$(rate)" MB/s "" \
			"$(grep -c '<node ' "$out/build/graph.graphml") actors, $(grep -c '<edge ' "$out/build/graph.graphml") relations"
		row "build_j${j}_sentences" "build -j $j (GraphML)" "$(per_sentence)" sentences/s
	else
		failure "build_j$j" "build -j $j"
	fi
done

# --- peak memory by input size and shape ---------------------------------------
# A build of each size as one text file (one document, read in pieces of
# --limit document's default), as JSON lines and as a folder of files, with
# the default number of jobs.
cap=$((mem_mb * 1000000 / 1024))
for shape in text jsonl folder; do
	case $shape in
	text) ext=.txt what="one file" ;;
	jsonl) ext=.jsonl what="JSON lines" ;;
	folder) ext= what="a folder" ;;
	esac
	first= last= bound=
	for size in $sizes; do
		last_size=$size
		say "peak RSS, build of $size MB as $what"
		in=$data/nlp-$size$ext
		timed "$out/mem.out" sh -c 'ulimit -v "$1" && shift && exec "$@"' sh "$cap" \
			$ag build -q --format graphml --out "$out/mem" "$in"
		bytes_in=$(meta "$data/nlp-$size.meta" "${shape}_bytes")
		if [ "$status" = 0 ]; then
			row "rss_${shape}_$size" "peak RSS, build of $size MB as $what" "$(mb "$kib")" MB "" \
				"$secs s, $(calc 1 "$bytes_in / $secs / 1e6") MB/s"
		elif grep -q 'out of memory' "$out/err"; then
			bound=">"
			row "rss_${shape}_$size" "peak RSS, build of $size MB as $what" ">$(mb "$kib")" MB "" \
				"out of memory at BENCH_MEM_MB=$mem_mb after $secs s"
		else
			failure "rss_${shape}_$size" "peak RSS, build of $size MB as $what"
			continue
		fi
		[ -z "$first" ] && first=$kib
		last=$kib
	done
	[ -n "$first" ] && row "rss_${shape}_growth" "peak RSS, $last_size MB / 10 MB, $what" \
		"$bound$(calc 2 "$last / $first")" ratio "<= 1.2"
done
rm -rf "$out/mem"

# --- dates: 8,000 documents on one date, and over 2,000 -------------------------
# The evaluation articles, dated in the JSON lines; GEXF for its timeline.
for days in 1 2000; do
	say "build of 8,000 documents over $days dates"
	fastest "$runs" "$out/dates.out" $ag build -q --format graphml,gexf --out "$out/dates" "$data/dates-$days.jsonl"
	if [ "$status" = 0 ]; then
		eval "dates_$days=\$secs"
		row "dates_$days" "build of 8,000 documents over $(commas $days) date$([ $days = 1 ] || echo s) (GraphML, GEXF)" \
			"$secs" s "" "peak RSS $(mb "$kib") MB"
	else
		failure "dates_$days" "build over $days dates"
	fi
done
[ -n "${dates_1:-}" ] && [ -n "${dates_2000:-}" ] &&
	row dates_ratio "build over 2,000 dates / over 1 date" "$(calc 2 "$dates_2000 / $dates_1")" ratio "<= 1.3"

# --- the nightly rebuild of a recipe (issue 9) -------------------------------------
# 10,000 distinct documents, built with an empty cache, then again after one
# changed (another each run)
say "recipe of 10,000 documents: first build and rebuilds"
mkdir -p "$out/nightly"
python3 tests/gen-corpus.py --docs 10000 --shapes folder "$out/nightly/in" $articles >/dev/null || exit 1
printf 'inputs:\n  - in\nformats: [graphml]\n' >"$out/nightly/graph.yaml"
timed "$out/nightly.out" $ag build -q "$out/nightly"
if [ "$status" = 0 ]; then
	first=$secs
	row rebuild_first "recipe of 10,000 documents, first build" "$secs" s
	changed=$(find "$out/nightly/in" -name '*.txt' | sort | sed -n 5000p)
	best=
	for k in $(seq "$runs"); do
		echo "Russia met China again (change $k)." >>"$changed"
		timed "$out/nightly.out" $ag build "$out/nightly"
		[ "$status" = 0 ] || break
		best=$(least "$best" "$secs")
	done
	if [ "$status" = 0 ]; then
		row rebuild "recipe of 10,000 documents, rebuild with one changed" "$best" s "" \
			"$(sed -n 's/^actorgraph: \([0-9]* documents[^;]*\);.*/\1/p' "$out/err")"
		row rebuild_ratio "first build / rebuild with one changed" "$(calc 1 "$first / $best")" ratio ">= 20"
	else
		failure rebuild "rebuild with one changed"
	fi
else
	failure rebuild_first "recipe of 10,000 documents, first build"
fi
rm -rf "$out/nightly"

# --- synthetic graphs: stats, and a build from records -----------------------------
# Given BENCH_TIMEOUT seconds each; the 1,000,000-edge graph has the issue's
# targets: under 60 s and 2 GB.
for spec in 10000,100000 100000,1000000; do
	actors=${spec%,*} edges=${spec#*,}
	name="$(commas "$actors") actors, $(commas "$edges") edges"
	t_target= m_target=
	[ "$edges" = 1000000 ] && t_target="< 60" m_target="< 2000"
	for step in stats build; do
		say "$step on the graph of $name"
		if [ $step = stats ]; then
			timed "$out/stats.txt" timeout "$limit" $ag stats "$data/graph-$spec.graphml"
		else
			timed "$out/graph.out" timeout "$limit" $ag build -q --records --format graphml \
				--out "$out/graph" "$data/graph-$spec.records"
		fi
		what="$step, $name$([ $step = build ] && echo " (records to GraphML)")"
		if [ "$status" = 124 ]; then
			row "${step}_$edges" "$what" ">$limit" s "$t_target" "timeout (BENCH_TIMEOUT)"
			row "${step}_${edges}_rss" "$what, peak RSS" ">$(mb "$kib")" MB "$m_target" "when stopped"
		elif [ "$status" = 0 ]; then
			row "${step}_$edges" "$what" "$secs" s "$t_target"
			row "${step}_${edges}_rss" "$what, peak RSS" "$(mb "$kib")" MB "$m_target"
		else
			failure "${step}_$edges" "$what"
		fi
	done
done
rm -rf "$out/graph"

# --- schema load, run-on paragraphs ------------------------------------------------
say "schema load, run-on paragraphs"
timed "$out/check.out" sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do "$1" check || exit 1; done' sh $ag
if [ "$status" = 0 ]; then
	row schema_load "schema load (check, with the process start; mean of 20)" "$(calc 1 "$secs * 50")" ms
else
	failure schema_load "schema load"
fi
# paragraphs of 1.5 MB with no full stop, of names, and of pronouns and
# descriptions that look back: no slower per byte than articles
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Russia met with Japan and the Center for Strategic Studies said Lars Eklund, "; print "" }' >"$out/runon.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Russia said it met Japan and the country, both sides and the alliance, he said, "; print "" }' >"$out/runon-coref.txt"
for f in runon runon-coref; do
	fastest "$runs" /dev/null $ag extract -j 1 "$out/$f.txt"
	if [ "$status" = 0 ]; then
		row "$f" "extract, a $(calc 1 "$(wc -c <"$out/$f.txt") / 1e6") MB paragraph of $([ $f = runon ] && echo names || echo names and pronouns)" \
			"$(calc 1 "$(wc -c <"$out/$f.txt") / $secs / 1e6")" MB/s "" "$secs s"
	else
		failure "$f" "run-on paragraph"
	fi
done

# --- the table ------------------------------------------------------------------------
printf 'load_end\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.tsv"
printf 'bench_seconds\t%s\n' "$(($(date +%s) - start))" >>"$out/machine.tsv"
python3 - "$out" <<'EOF' || exit 1
import json, os, sys
out = sys.argv[1]
machine = dict(l.rstrip("\n").split("\t", 1) for l in open(os.path.join(out, "machine.tsv")))
rows = []
for line in open(os.path.join(out, "rows.tsv")):
    key, measure, value, unit, target, note = line.rstrip("\n").split("\t")
    bound = value.startswith(">")
    try:
        v = float(value.lstrip(">"))
    except ValueError:
        v = None
    met = None
    if v is not None and target:
        op, t = target.split()
        t = float(t)
        ok = {"<": v < t, "<=": v <= t, ">=": v >= t, ">": v > t}[op]
        # a lower bound settles a '>=' target met, and a '<' target missed
        met = ok if not bound or (op[0] == ">") == ok else None
    rows.append({"key": key, "measure": measure, "value": v, "lower_bound": bound, "unit": unit,
                 "target": target or None, "met": met, "note": note or None, "shown": value})
with open(os.path.join(out, "bench.json"), "w") as f:
    json.dump({"machine": machine, "corpus": open(os.path.join(out, "corpus.txt")).read().replace("\n", " ").strip(),
               "results": [{k: r[k] for k in r if k != "shown"} for r in rows]}, f, indent=1)
    f.write("\n")
print("actorgraph bench, %s: %s (%s), %s on %s, %s cores, %s GB RAM; %s" % (
    machine["date"], machine["actorgraph"], machine["settings"], machine["os"], machine["cpu"],
    machine["cores"], machine["ram_gb"], "load average %s at the start, %s at the end; %s s in all" % (
        machine["load_start"], machine["load_end"], machine["bench_seconds"])))
print(open(os.path.join(out, "corpus.txt")).read())
head = ("measure", "value", "unit", "target", "met", "note")
cells = [[r["measure"], r["shown"], r["unit"], r["target"] or "",
          {True: "yes", False: "NO", None: ""}[r["met"]] if r["target"] else "", r["note"] or ""] for r in rows]
w = [max(len(c[i]) for c in cells + [head]) for i in range(5)]
for c in [head] + cells:
    print("  ".join([c[0].ljust(w[0]), c[1].rjust(w[1]), c[2].ljust(w[2]), c[3].ljust(w[3]), c[4].ljust(w[4]), c[5]]).rstrip())
EOF
exit $failed
