#!/usr/bin/env python3
"""gen-graph.py - a synthetic graph of N_ACTORS actors and N_EDGES edges.

usage: gen-graph.py [--schema DIR] [--records] N_ACTORS N_EDGES SEED > FILE

Writes the graph as GraphML with the attributes 'actorgraph stats' reads
(node label and kind, edge relation, weight, directed and sign), or with
--records as the records 'actorgraph build --records' builds a graph from:

    actorgraph build --records --format graphml --out OUT FILE

gives the same actors and edges, aggregated, analysed and written as a real
build does after extraction. The records are those of 'extract --format
records' (src/cache.c writes and replays their lines; format 2): documents
of 20 events, dated over 2024, each introducing the actors it names ("Actor
17", a person or an organization), counting their mentions, and stating its
events with a one-line sentence.

Endpoints are drawn by rank with probability proportional to rank^-0.7, so
that degrees follow a power law (a few actors in thousands of relations,
most in a handful) as in graphs of the news; every actor is the source of
one edge at least, so none is left out. Relation types are the schema's
(relations.yaml), an undirected type counted once per pair as build counts
it. A fifth more events mention an edge again (its weight), and one in ten
is hypothetical (half a mention). The same arguments give the same file.
"""
import argparse
import bisect
import datetime
import itertools
import json
import os
import random
import sys
from xml.sax.saxutils import escape

import yaml

RECORD_FORMAT = 2	# CACHE_FORMAT in src/cache.h: build --records reads its own only
EXPONENT = 0.7		# P(rank r) ~ r^-EXPONENT: degree tail ~ k^-(1 + 1/EXPONENT)
PER_DOCUMENT = 20	# events per document
AGAIN, HYPOTHETICAL = 0.2, 0.1
KINDS = {1: "person", 2: "organization"}
SIGNS = {"positive": 1, "negative": -1, "neutral": 0}


def relation_types(schema):
    """(id, directed, sign) of each relation type of the schema."""
    with open(os.path.join(schema, "relations.yaml"), encoding="utf-8") as fp:
        rels = yaml.safe_load(fp)["relations"]
    return [(r["id"], r.get("directed", True), SIGNS[r.get("sign", "positive")]) for r in rels]


def graph(n, m, types, rng):
    """The edges (source, type index, target) and the events (edge index,
    asserted) that state them, in the order of the documents."""
    cum = list(itertools.accumulate((r + 1) ** -EXPONENT for r in range(n)))
    rank = list(range(n))
    rng.shuffle(rank)	# ids say nothing of degree

    def draw():
        return rank[min(bisect.bisect(cum, rng.random() * cum[-1]), n - 1)]

    edges, seen = [], set()

    def add(s, t):
        k = rng.randrange(len(types))
        key = (s, k, t) if types[k][1] or s < t else (t, k, s)
        if s != t and key not in seen:
            seen.add(key)
            edges.append((s, k, t))

    for s in range(n):	# every actor in one edge at least
        while len(edges) <= s:
            add(s, draw())
    while len(edges) < m:
        add(draw(), draw())
    events = [(e, rng.random() >= HYPOTHETICAL) for e in range(m)]
    events += [(rng.randrange(m), rng.random() >= HYPOTHETICAL) for _ in range(int(m * AGAIN))]
    rng.shuffle(events)
    return edges, events


def kind(i):
    return 1 + (i % 5 >= 3)	# persons and organizations, 3 to 2


def write_graphml(out, n, types, edges, events):
    weight = [0.0] * len(edges)
    for e, asserted in events:
        weight[e] += 1.0 if asserted else 0.5
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="v_label" for="node" attr.name="label" attr.type="string"/>\n'
              '  <key id="v_kind" for="node" attr.name="kind" attr.type="string"/>\n'
              '  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>\n'
              '  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>\n'
              '  <key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>\n'
              '  <key id="e_sign" for="edge" attr.name="sign" attr.type="int"/>\n'
              '  <graph id="G" edgedefault="directed">\n')
    for i in range(n):
        out.write('    <node id="actor_%d"><data key="v_label">Actor %d</data>'
                  '<data key="v_kind">%s</data></node>\n' % (i, i, KINDS[kind(i)]))
    for (s, k, t), w in zip(edges, weight):
        rel, directed, sign = types[k]
        out.write('    <edge source="actor_%d" target="actor_%d"><data key="e_relation">%s</data>'
                  '<data key="e_weight">%g</data><data key="e_directed">%s</data>'
                  '<data key="e_sign">%d</data></edge>\n'
                  % (s, t, escape(rel), w, "true" if directed else "false", sign))
    out.write("  </graph>\n</graphml>\n")


def write_records(out, types, edges, events, rng):
    day0 = datetime.date(2024, 1, 1)
    for d, start in enumerate(range(0, len(events), PER_DOCUMENT)):
        chunk = [(edges[e], asserted) for e, asserted in events[start:start + PER_DOCUMENT]]
        named = {}
        for (s, _, t), _ in chunk:
            named[s] = named.get(s, 0) + 1
            named[t] = named.get(t, 0) + 1
        lines = ["date\t%s" % (day0 + datetime.timedelta(days=rng.randrange(366))).isoformat()]
        lines += ["actor\t%d\tactor_%d\tActor %d" % (kind(i), i, i) for i in named]
        lines += ["mention\tactor_%d\t%d" % (i, c) for i, c in named.items()]
        for j, ((s, k, t), asserted) in enumerate(chunk):
            rel = types[k][0]
            lines.append("event\t%s\tactor_%d\tactor_%d\t%s\t%s.synthetic/subject-object\t%d\t0\t"
                         "Actor %d and Actor %d: %s." % (rel, s, t, "a" if asserted else "h", rel, j, s, t, rel))
        out.write(json.dumps({"format": RECORD_FORMAT, "doc": "synthetic-%07d" % d, "path": "synthetic",
                              "record": "\n".join(lines) + "\n"}) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--schema", default=os.path.join(here, "..", "schema"))
    ap.add_argument("--records", action="store_true", help="records for build --records, not GraphML")
    ap.add_argument("actors", type=int)
    ap.add_argument("edges", type=int)
    ap.add_argument("seed", type=int)
    a = ap.parse_args()
    n, m = a.actors, a.edges
    types = relation_types(a.schema)
    if n < 2 or m < n or m > n * (n - 1) * len(types) // 2:
        sys.exit("gen-graph.py: needs 2 <= N_ACTORS <= N_EDGES, and room for N_EDGES distinct edges")
    rng = random.Random(a.seed)
    edges, events = graph(n, m, types, rng)
    if a.records:
        write_records(sys.stdout, types, edges, events, rng)
    else:
        write_graphml(sys.stdout, n, types, edges, events)


if __name__ == "__main__":
    main()
