#!/bin/sh
# gen.sh - tests of schema/gen/petrarch.py: a small fixture dictionary
# (tests/data/petrarch/) converted and compared with tests/golden/petrarch-*.yaml,
# what must not come out checked apart, and the generated schema files checked
# to be what the generator makes of the vendored dictionaries.
# UPDATE_GOLDEN=1 rewrites the golden files.
set -u
cd "$(dirname "$0")/.." || exit 2
out=tests/out/gen
fix=tests/data/petrarch
rm -rf "$out" && mkdir -p "$out/real"
fail=0
bad() { echo "gen.sh: FAIL: $*"; fail=1; }

python3 schema/gen/petrarch.py --cameo $fix/CAMEO.fixture.txt \
	--actors $fix/International.fixture.txt $fix/MilNonState.fixture.txt \
	--stoplist $fix/stoplist.txt --picks $fix/picks.txt --schema $fix/schema \
	--relations-out $out/relations-cameo.yaml --actors-out $out/cameo-actors.yaml \
	>$out/summary.txt || bad "the generator failed on the fixture"

for f in relations-cameo cameo-actors; do
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp $out/$f.yaml tests/golden/petrarch-$f.yaml
	else
		diff -u tests/golden/petrarch-$f.yaml $out/$f.yaml || bad "$f.yaml differs from its golden file"
	fi
done

# what must not come out, whatever the golden files say
rel=$out/relations-cameo.yaml act=$out/cameo-actors.yaml
has() { grep -Eq "$2" "$1"; }
has $rel '[[ ,]mull[],]' && bad "an unmapped code (010) gave a trigger"
has $rel '[[ ,]lecture[],]' && bad "a stoplisted verb is a trigger"
has $rel '[[ ,]denounce[],]' && bad "a hand-written trigger is repeated"
has $rel 'bank' && bad "a pattern with a subject gave a trigger"
has $rel 'permit|curfew' && bad "a pattern of an unmapped code gave objects"
has $rel '[[ ,]rail against[],]' || bad "the pattern '* (AGAINST) [112]' gave no 'rail against'"
has $rel 'chide: \[chid, chidden\]' || bad "irregular forms missing or regular ones listed"
has $rel 'condemn:' && bad "an irregular lemma of the hand-written schema is given twice"
has $act 'World Court[],]' && bad "an alias another schema file has is kept"
has $act 'Hafiz|HAFIZ' && bad "a dropped alias is kept"
has $act 'HM' && bad "a two-letter acronym is kept"
grep -qi 'acme' "$act" && bad "a company is kept"
has $act 'names: \[LET, Army of the Pure, Lashkar-e-Toiba\]' || bad "aliases not converted"

# the schema files are the generator's output of the vendored dictionaries
python3 schema/gen/petrarch.py --relations-out $out/real/relations-cameo.yaml \
	--actors-out $out/real/cameo-actors.yaml >/dev/null || bad "the generator failed"
for f in relations-cameo cameo-actors; do
	cmp -s schema/$f.yaml $out/real/$f.yaml || bad "schema/$f.yaml is stale: run 'make lexicon'"
done

[ $fail = 0 ] && echo "gen.sh: all tests passed"
exit $fail
