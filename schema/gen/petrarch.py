#!/usr/bin/env python3
"""petrarch.py - convert the PETRARCH-2 dictionaries into actorgraph schema files.

Reads the CAMEO verb dictionary and the Phoenix actor dictionaries vendored in
schema/gen/petrarch2/ and writes

  schema/relations-cameo.yaml  trigger lemmas for the relation types of
                               schema/relations.yaml, from the verb blocks and
                               simple verb patterns whose CAMEO code maps onto
                               one of them;
  schema/cameo-actors.yaml     international organizations and armed groups
                               picked in schema/gen/petrarch-actors.txt.

What is dropped and why is decided by the stoplist (petrarch-stoplist.txt),
by the hand-written schema (a word or name it already has wins) and by the
rules below; the summary printed at the end says how much each removed.

Run from the repository root: python3 schema/gen/petrarch.py (or make lexicon).
Python 3 and PyYAML only.
"""

import argparse
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "petrarch2")

HEADER_SOURCE = """\
# Source: the PETRARCH-2 dictionaries (openeventdata/petrarch2, commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf), vendored in schema/gen/petrarch2/.
# The MIT License (MIT). Copyright (c) 2014-2015 Open Event Data (Alliance).
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files, to deal in them without
# restriction, subject to the condition that the copyright notice and this
# permission notice be included in all copies or substantial portions; the
# full text is in schema/gen/petrarch2/LICENSE. Provided "as is", without
# warranty of any kind.
"""

# ---------------------------------------------------------------------------
# CAMEO codes -> relation types (tests/eval/extraction-guide.md)

DIPLOMATIC = {"diplomat", "diplomats", "ambassador", "ambassadors", "embassy", "embassies",
              "envoy", "envoys", "consulate", "diplomatic"}


def relation_of(code, words=()):
    """The relation type a CAMEO code stands for here, or None.  'words' are
    the words a pattern adds to the verb: expelling diplomats and closing
    missions (161, 174 with a diplomatic word) count as sanctions."""
    if not code or not code[:3].isdigit():
        return None
    root = code[:3]
    n = int(root)
    if 40 <= n <= 46:
        return "talks"			# consult, meet, visit, host, mediate (not 036)
    if root in ("051", "052", "064"):
        return "alliance"		# praise, defend verbally, share intelligence
    if root == "054":
        return "recognition"
    if root == "057":
        return "pact"
    if root == "072":
        return "military_aid"
    if root in ("071", "073"):
        return "economic_aid"
    if root == "163":
        return "sanctions"
    if root in ("161", "174") and DIPLOMATIC & set(words):
        return "sanctions"
    if root in ("111", "112", "114"):
        return "criticism"
    if root in ("120", "121", "122", "123", "125", "127"):
        return "criticism"		# rejecting another actor's plan, demand or proposal
    if 130 <= n <= 139:
        return "threat"
    if 180 <= n <= 186 or 190 <= n <= 196 or 200 <= n <= 204:
        return "military_conflict"
    return None


# ---------------------------------------------------------------------------
# Inflection, as src/inflect.c does it, to see which forms a lemma covers.

def _vowel(c):
    return c in "aeiou"


def _plural(w):
    if len(w) >= 2 and w[-1] == "y" and not _vowel(w[-2]):
        return w[:-1] + "ies"
    if w[-1] in "sxzo" or (len(w) >= 2 and w[-1] == "h" and w[-2] in "cs"):
        return w + "es"
    return w + "s"


def inflect(lemma, verb=True):
    """The regular forms of one word, lemma first."""
    if not lemma:
        return [lemma]
    forms = [lemma, _plural(lemma)]
    if not verb:
        return forms
    n = len(lemma)
    if lemma[-1] == "e":
        forms.append(lemma + "d")
        if n >= 2 and lemma[-2] == "i":
            forms.append(lemma[:-2] + "ying")
        elif n >= 2 and lemma[-2] in "eoy":
            forms.append(lemma + "ing")
        else:
            forms.append(lemma[:-1] + "ing")
        return forms
    if n >= 2 and lemma[-1] == "y" and not _vowel(lemma[-2]):
        forms.append(lemma[:-1] + "ied")
    else:
        forms.append(lemma + "ed")
    forms.append(lemma + "ing")
    if n >= 3 and not _vowel(lemma[-1]) and _vowel(lemma[-2]) and not _vowel(lemma[-3]) \
            and lemma[-1] not in "wxy":
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


FUNCTION_WORDS = {"a", "an", "the", "and", "or", "are", "were", "is", "was", "be", "been", "its",
                  "their", "up", "out", "down", "off", "as"}
NOUN_AFTER = {"on", "in", "at", "to", "with", "of", "for", "from", "against", "toward", "towards",
              "into", "by", "about", "over", "between", "among", "-"}


def phrase_forms(phrase, form, irregular):
    """Every text a trigger phrase matches once the loader has inflected it."""
    w = phrase.split()
    if form == "verb":
        h = 0
        heads = inflect(w[0], True) + irregular.get(w[0], [])
    elif form == "noun":
        h = len(w) - 1
        while h > 0 and w[h] in NOUN_AFTER:
            h -= 1
        heads = inflect(w[h], False)     # irregular forms are verbs' only, as in the loader
    else:
        return {phrase}
    return {" ".join(w[:h] + [f] + w[h + 1:]) for f in heads}


# ---------------------------------------------------------------------------
# The verb dictionary

BLOCK_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB_RE = re.compile(r"^(\+?[A-Z0-9][A-Z0-9'_.-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
PATTERN_RE = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#(.*))?$")
WORD_RE = re.compile(r"^[A-Z][A-Z'-]*$")


def primary(code):
    """'042:043' -> '042'; '---', '' and ':110' -> None"""
    code = code.split(":")[0].strip()
    return code if code and code != "---" else None


def parse_cameo(path):
    """The verb blocks: [{name, code, verbs: [(lemma, [forms], code)], patterns: [...]}],
    the irregular forms {first word: set(forms)} and the synonym sets {name: [words]}."""
    blocks, irregular, synsets = [], {}, {}
    in_verbs, synset = False, None
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("####### VERB PATTERNS"):
                in_verbs = True
                continue
            if not in_verbs:
                if line.startswith("&"):
                    synset = synsets.setdefault(line.split()[0][1:].rstrip("_"), [])
                elif line.startswith("+") and synset is not None:
                    synset.append(line[1:].split("#")[0].strip().rstrip("_").replace("_", " ").lower())
                continue
            if not line.strip() or line.startswith("#") or line.startswith("~"):
                continue
            m = BLOCK_RE.match(line)
            if m:
                blocks.append({"name": m.group(1), "code": primary(m.group(2)),
                               "verbs": [], "patterns": []})
                continue
            if not blocks:
                continue
            block = blocks[-1]
            if line.startswith("-"):
                m = PATTERN_RE.match(line)
                if m:
                    block["patterns"].append({"text": m.group(1), "code": primary(m.group(2)),
                                              "comment": (m.group(3) or "").strip()})
                continue
            m = VERB_RE.match(line.strip())
            if not m:
                continue
            word = m.group(1)
            if "+" in word[1:]:
                continue			# "WIRE_+TAP": the inflected word is not the first
            lemma = word.lstrip("+").replace("_", " ").lower().strip()
            rest = lemma.split()[1:]
            forms = []
            if m.group(2):
                for form in m.group(2)[1:-1].split():
                    fw = form.lstrip("+").replace("_", " ").lower().split()
                    if fw and fw[1:] == rest and not fw[0].startswith("+"):
                        forms.append(fw[0])
            code = primary(m.group(3)[1:-1]) if m.group(3) else block["code"]
            block["verbs"].append((lemma, forms, code))
            if forms:
                irregular.setdefault(lemma.split()[0], set()).update(forms)
    return blocks, irregular, synsets


def pattern_parts(text, synsets):
    """A simple pattern split into (object, prepositional words): 'object' is
    the head nouns of an object noun phrase of one word or one synonym set
    ("SANCTIONS", "&PROPOSAL"), else None and the pattern's words, as they
    follow the verb, are in the second part ("(AGAINST)", "{DIPLOMATIC TIES}").
    None when the pattern has a subject or a wildcard ($ + % ^)."""
    if not text.startswith("*"):
        return None
    post = text[1:].strip()
    m = re.match(r"^(&[A-Z_]+|[A-Z][A-Z'-]*)$", post)
    if m:
        if post.startswith("&"):
            heads = [w for w in synsets.get(post[1:], []) if " " not in w]
            return (heads, []) if heads else None
        return [post.lower()], []
    words = post.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split()
    if not words or any(not WORD_RE.match(w) for w in words):
        return None
    return None, [w.lower() for w in words]


def pattern_verbs(comment, lemmas):
    """The verbs of its block a pattern was written for: those its comment names,
    or all of them when it names none."""
    named = [c.strip().lower().replace("_", " ") for c in re.split(r"[,;]", comment) if c.strip()]
    if not named:
        return list(lemmas)
    return [l for l in lemmas if l in named or l.split()[0] in named]


def read_stoplist(path):
    stop = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            text, _, reason = line.partition("#")
            text = " ".join(text.split()).lower()
            if not text:
                continue
            if not reason.strip():
                sys.exit("%s:%d: stoplisted '%s' has no '# reason'" % (path, n, text))
            stop[text] = reason.strip()
    return stop


def ours(path):
    """Whether a schema file is one this generator wrote (it never reads its own output)."""
    with open(path, encoding="utf-8") as f:
        return "GENERATED by schema/gen/petrarch.py" in f.readline()


def hand_triggers(schema_dir, skip):
    """{matched text: set(relation)} of the hand-written triggers (relations.yaml
    and any other relations-*.yaml but the one we write), and {relation: the
    content words of its triggers}, the words that name a relation of that type."""
    texts, irregular, keywords, nouns, undirected = {}, {}, {}, {}, set()
    paths = [os.path.join(schema_dir, "relations.yaml")]
    paths += sorted(os.path.join(schema_dir, p) for p in os.listdir(schema_dir)
                    if p.startswith("relations-") and p.endswith(".yaml"))
    docs = []
    for p in paths:
        if os.path.exists(p) and os.path.abspath(p) != os.path.abspath(skip) and not ours(p):
            with open(p, encoding="utf-8") as f:
                docs.append(yaml.safe_load(f) or {})
    for d in docs:
        for lemma, forms in (d.get("irregular") or {}).items():
            irregular.setdefault(lemma, []).extend([forms] if isinstance(forms, str) else forms)
    for d in docs:
        trig = [(r["id"], t) for r in d.get("relations") or [] for t in r.get("triggers") or []]
        undirected.update(r["id"] for r in d.get("relations") or [] if r.get("directed") is False)
        trig += [(t["relation"], t) for t in d.get("triggers") or []]
        for rel, t in trig:
            words = t["words"] if isinstance(t["words"], list) else [t["words"]]
            for w in words:
                phrase = " ".join(str(w).lower().split())
                content = [x for x in phrase.split() if x not in NOUN_AFTER | FUNCTION_WORDS]
                for text in phrase_forms(phrase, t["form"], irregular):
                    texts.setdefault(text, set()).add(rel)
                    if t["form"] == "noun" and not t.get("reverse"):
                        w = text.split()
                        h = len(w) - 1
                        while h > 0 and w[h] in NOUN_AFTER:
                            h -= 1
                        nouns.setdefault(rel, set()).add(w[h])
                if content and (t["form"] == "noun" or (t["form"] == "verb" and len(content) > 1)):
                    keywords.setdefault(rel, set()).update(inflect(content[-1], False))
            for o in t.get("objects") or []:
                keywords.setdefault(rel, set()).update(inflect(str(o).lower(), False))
    for rel in keywords:
        keywords[rel] -= NOUN_AFTER | FUNCTION_WORDS
    keywords.setdefault("sanctions", set()).update(DIPLOMATIC)	# expelling diplomats
    # only undirected types lose the objects their nouns name (build_triggers)
    nouns = {rel: heads for rel, heads in nouns.items() if rel in undirected}
    return texts, keywords, irregular, nouns


# What a rejection (CAMEO 12x) must be aimed at to be criticism: another
# actor's plan, demand or proposal (extraction guide), not a permit or a bail.
REJECTED = {"proposal", "proposals", "proposition", "propositions", "plan", "plans", "demand",
            "demands", "request", "requests", "offer", "offers", "appeal", "appeals", "call",
            "calls", "initiative", "initiatives", "ultimatum", "ultimatums", "suggestion",
            "suggestions"}


def build_triggers(blocks, irregular, synsets, stop, hand, keywords, nouns):
    """The triggers {relation: set(lemma phrase)} and {relation: {verb: set(object)}},
    the irregular forms they need, and what each rule dropped."""
    irr = {k: sorted(v) for k, v in irregular.items()}
    cand = {}			# phrase -> set(relation)
    objs = {}			# (verb, relation) -> set(object)
    meaning = {}		# verb lemma -> set(relation or None) over its blocks
    dropped = {"stoplist": [], "hand-written": [], "hand-written noun": [], "ambiguous": [],
               "malformed": []}
    keywords = {r: set(k) for r, k in keywords.items()}
    keywords.setdefault("criticism", set()).update(REJECTED)

    for b in blocks:
        for lemma, _, code in b["verbs"]:
            meaning.setdefault(lemma, set()).add(relation_of(code))
    for b in blocks:
        lemmas = [v[0] for v in b["verbs"]]
        for lemma, _, code in b["verbs"]:
            rel = relation_of(code)
            if rel:
                cand.setdefault(lemma, set()).add(rel)
        for p in b["patterns"]:
            parts = pattern_parts(p["text"], synsets)
            if parts is None:
                continue
            heads, words = parts
            rel = relation_of(p["code"], heads or words)
            if not rel:
                continue
            if heads:		# the head of the verb's object, anywhere in the next words
                heads = set(heads) - {"diplomatic"}
                heads |= {_plural(h) for h in heads if not re.search("(s|ed|ing)$", h)}
                if not heads & keywords.get(rel, set()):
                    continue	# an event about an event ("condemn the bombing")
            elif not (set(words) <= NOUN_AFTER or set(words) & keywords.get(rel, set())):
                continue
            for lemma in pattern_verbs(p["comment"], lemmas):
                if meaning.get(lemma) == {rel}:
                    continue		# the verb alone already says it
                if heads:
                    objs.setdefault((lemma, rel), set()).update(heads & keywords[rel])
                else:
                    cand.setdefault(lemma + " " + " ".join(words), set()).add(rel)

    def keep(phrase, rels, bare):
        head = phrase.split()[0]
        if any(len(w) < 2 or not re.match(r"^[a-z][a-z'-]*$", w) for w in phrase.split()) \
                or re.search(r" (and|or)( |$)", phrase):	# "killed and": a conjoined pattern
            dropped["malformed"].append(phrase)
        elif len(rels) > 1 or (bare and len(meaning.get(phrase, rels)) > 1):
            dropped["ambiguous"].append(phrase)	# two CAMEO senses: the dictionary cannot tell
        elif phrase in stop or head + " *" in stop:
            dropped["stoplist"].append(phrase)
        elif phrase_forms(phrase, "verb", irr) & set(hand):
            dropped["hand-written"].append(phrase)
        else:
            return True
        return False

    out, objout = {}, {}
    for phrase in sorted(cand):
        if keep(phrase, cand[phrase], " " not in phrase):
            out.setdefault(next(iter(cand[phrase])), set()).add(phrase)
    for (verb, rel) in sorted(objs):
        # "hold talks": the hand-written noun of an undirected type already relates
        # everyone who takes part, with its own argument patterns (venues, "between"),
        # where the verb would take the nearest actor after it ("talks in Hanoi").
        # A directed type keeps them: "imposed sanctions that kept Iran from ..."
        # needs the verb for its source.
        objs[(verb, rel)] -= nouns.get(rel, set())
        if not objs[(verb, rel)]:
            dropped["hand-written noun"].append(verb)
            continue
        if keep(verb, {rel}, False) and verb not in out.get(rel, ()):
            objout.setdefault(rel, {})[verb] = objs[(verb, rel)]
    need = {}
    used = [ph for phrases in out.values() for ph in phrases] + [v for d in objout.values() for v in d]
    for ph in used:
        head = ph.split()[0]
        extra = [f for f in irr.get(head, []) if f not in inflect(head)]
        if extra:
            need[head] = extra
    return out, objout, need, dropped


# ---------------------------------------------------------------------------
# YAML output, written by hand so that it stays in the project's layout

def scalar(s):
    s = str(s)
    plain = re.match(r"^[A-Za-z0-9][A-Za-z0-9 .,'&()/+-]*$", s) and not s.endswith(":") \
        and ": " not in s and " #" not in s
    try:
        same = yaml.safe_load(s) == s
    except yaml.YAMLError:
        same = False
    if plain and same and "," not in s:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items, indent, width=100):
    """A flow sequence wrapped to 'width' columns, continuation lines at 'indent'."""
    lines, cur = [], "["
    for i, it in enumerate(items):
        tok = scalar(it) + ("," if i < len(items) - 1 else "]")
        if len(cur) + len(tok) + 1 > width - indent and cur != "[":
            lines.append(cur.rstrip())
            cur = " " * 1
        cur += tok + " "
    lines.append(cur.rstrip())
    return ("\n" + " " * indent).join(lines) if lines else "[]"


RELATION_ORDER = ["talks", "alliance", "pact", "military_aid", "economic_aid", "sanctions",
                  "criticism", "threat", "military_conflict", "military_presence", "exercises",
                  "recognition", "affiliation"]


def write_relations(path, triggers, objtriggers, irregular):
    out = ["# relations-cameo.yaml - GENERATED by schema/gen/petrarch.py (make lexicon): do not",
           "# edit; change schema/gen/petrarch-stoplist.txt or the generator instead.",
           "# Trigger lemmas for the relation types of relations.yaml, taken from the CAMEO",
           "# verb dictionary of PETRARCH-2 (CAMEO.2.0.txt): the verbs of each block whose",
           "# CAMEO code maps onto a type, and simple patterns that add words right after",
           "# the verb. A verb's first word is inflected by the loader; 'irregular' holds",
           "# the source's irregular forms of the verbs used here.",
           "#"]
    out += HEADER_SOURCE.rstrip("\n").split("\n")
    out += ["", "triggers:"]
    ids = set()
    for rel in RELATION_ORDER:
        if rel not in triggers:
            continue
        out += ["  - id: %s.cameo" % rel,
                "    relation: %s" % rel,
                "    form: verb",
                "    words: " + flow(sorted(triggers[rel]), 12)]
    for rel in RELATION_ORDER:
        groups = {}		# verbs that take the same objects are one trigger
        for verb, objects in (objtriggers.get(rel) or {}).items():
            groups.setdefault(tuple(sorted(objects)), []).append(verb)
        for objects, verbs in sorted(groups.items(), key=lambda g: (g[0][0], g[0])):
            tid = "%s.cameo-%s" % (rel, objects[0])
            n, i = tid, 2
            while n in ids:
                n, i = "%s-%d" % (tid, i), i + 1
            ids.add(n)
            out += ["  - id: %s" % n,
                    "    relation: %s" % rel,
                    "    form: verb",
                    "    objects: " + flow(list(objects), 14),
                    "    words: " + flow(sorted(verbs), 12)]
    out += ["", "irregular:"]
    if not irregular:
        out[-1] += " {}"
    for lemma in sorted(irregular):
        out.append("  %s: %s" % (scalar(lemma), flow(irregular[lemma], 4)))
    write(path, "\n".join(out) + "\n")


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------
# The actor dictionaries

ORG_CODES = ("IGO", "NGO")				# intergovernmental and non-governmental
GROUP_CODES = ("REB", "INS", "UAF", "IMG", "SEP", "TER")	# armed non-state groups
SKIP_CODES = ("BUS", "MNC", "COP", "MED", "EDU")	# companies, police, media, schools
PARTICLES = {"e", "i", "ul", "al", "ad", "ud", "el", "of", "the", "and", "for", "in", "on", "de",
             "du", "la", "le", "des", "del", "fi", "li", "wa", "bin", "ibn", "ash", "an", "as", "at",
             "without", "to", "against"}


def parse_actors(path):
    """[(primary, [aliases], [codes])] in file order; names as in the source."""
    records = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            body = line.split("#")[0].split(";")[0].rstrip()
            if not body.strip():
                continue
            codes = re.findall(r"\[([^\]\s]*)", body)
            name = re.sub(r"\[[^\]]*\]", "", body).strip()
            if line[0] in " \t":
                if records and not name:
                    records[-1][2].extend(codes)
                continue
            if name.startswith("+"):
                if records:
                    records[-1][1].append(name[1:].strip())
                    records[-1][2].extend(codes)
                continue
            records.append((name, [], codes))
    return records


def kind_of(codes):
    codes = [c for c in codes if c and c != "---"]
    if not codes or any(any(k in c for k in SKIP_CODES) for c in codes):
        return None
    if any(any(k in c for k in GROUP_CODES) for c in codes):
        return "group"
    if all(c.startswith(ORG_CODES) for c in codes):
        return "organization"
    return None


def natural(name):
    """A source name ("LASHKAR-E-TAIBA_(LET)_") in natural case, without its
    parenthesised acronym, and that acronym: ("Lashkar-e-Taiba", "LET")."""
    acr = None
    m = re.search(r"\(([A-Z0-9/.-]{2,6})\)", name)
    if m:
        acr = m.group(1)
    name = re.sub(r"\([^)]*\)?", " ", name).replace("_", " ")
    if re.match(r"^[A-Z]{2,4}$", name.strip()):
        return name.strip(), acr		# "AQAP": an acronym
    words = []
    for i, w in enumerate(name.split()):
        parts = []
        for j, part in enumerate(w.split("-")):
            low = part.lower()
            if (i or j) and low in PARTICLES:
                parts.append(low)
            elif re.search(r"\.", part) or not re.search(r"[AEIOUY]", part):
                parts.append(part)			# U.N., DHKP: as written
            else:
                parts.append(low[:1].upper() + low[1:])
        words.append("-".join(parts))
    text = " ".join(words).replace("'S ", "'s ")
    text = re.sub(r"'S$", "'s", text)
    return text, acr


def key(name):
    """The matcher's key of a name, coarsened: case and punctuation ignored."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def slug(label):
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", label.lower())).strip("_")


def existing_names(schema_dir, skip):
    """Keys of every id and name of the other actor files of the schema."""
    taken = set()
    for p in sorted(os.listdir(schema_dir)):
        full = os.path.join(schema_dir, p)
        if not p.endswith(".yaml") or p.startswith("relations") or \
                os.path.abspath(full) == os.path.abspath(skip) or ours(full):
            continue
        with open(full, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for a in doc.get("actors") or []:
            taken.add(key(str(a.get("id", ""))))
            for k in ("label", "names", "adjectives", "seats", "surname"):
                v = a.get(k) or []
                for n in [v] if isinstance(v, str) else v:
                    taken.add(key(str(n)))
    return taken


def read_picks(path):
    """The reviewed entries to take {source primary name: label} and the
    source aliases to drop, from petrarch-actors.txt."""
    picks, drop = {}, set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            if line.startswith("-"):
                drop.add(key(natural(line[1:].strip())[0]))
                continue
            src, _, label = line.partition("=")
            picks[src.strip()] = label.strip() or None
    return picks, drop


def common_words(blocks, synsets):
    """Ordinary English words: those the verb dictionary uses."""
    words = set()
    for b in blocks:
        for lemma, forms, _ in b["verbs"]:
            words.update(lemma.split())
            words.update(forms)
        for p in b["patterns"]:
            words.update(re.findall(r"[a-z]+", p["text"].lower()))
    for members in synsets.values():
        for m in members:
            words.update(m.split())
    return words


def build_actors(paths, picks, drop, taken, common):
    """[(id, label, kind, [names])] and the counts of what was dropped."""
    records = [r for p in paths for r in parse_actors(p)]
    dropped = {"taken": [], "ambiguous": [], "generic": []}
    owners = {}			# key -> set(primary) over the picked records
    picked = [r for r in records if r[0] in picks]
    for primary, aliases, codes in picked:
        for n in [primary] + aliases:
            owners.setdefault(key(natural(n)[0]), set()).add(primary)
    out, seen = [], set()
    for primary, aliases, codes in picked:
        kind = kind_of(codes)
        if kind is None or primary in seen:
            continue
        seen.add(primary)
        label = picks[primary] or natural(primary)[0]
        aid = slug(label)
        if key(label) in taken or key(aid) in taken:
            dropped["taken"].append(label)
            continue
        names, keys = [], {key(label)}
        for n in [primary] + aliases:
            if key(natural(n)[0]) in drop:
                continue
            text, acr = natural(n)
            cands = [text] + ([acr] if acr else [])
            for c in cands:
                k = key(c)
                toks = k.split()
                if not k or k in keys:
                    continue
                if k in taken:
                    dropped["taken"].append(c)
                elif len(owners.get(key(natural(n)[0]), ())) > 1:
                    dropped["ambiguous"].append(c)
                elif c.isupper() and len(k.replace(" ", "")) <= 2:
                    dropped["generic"].append(c)	# two letters: too many meanings
                elif len(toks) == 1 and toks[0] in common and not c.isupper():
                    dropped["generic"].append(c)	# an ordinary word
                elif all(t in common for t in toks) and len(toks) <= 2 and not c.isupper():
                    dropped["generic"].append(c)	# "Red Line", "Popular Resistance"
                else:
                    names.append(c)
                keys.add(k)
        taken.update(keys)
        out.append((aid, label, kind, names))
    return out, dropped


def write_actors(path, actors):
    out = ["# cameo-actors.yaml - GENERATED by schema/gen/petrarch.py (make lexicon): do not",
           "# edit; change schema/gen/petrarch-actors.txt (the reviewed picks) instead.",
           "# International organizations and armed non-state groups from the Phoenix actor",
           "# dictionaries of PETRARCH-2 (Phoenix.International.actors.txt and",
           "# Phoenix.MilNonState.actors.txt), with their aliases; names that another",
           "# schema file already gives are left to it.",
           "#"]
    out += HEADER_SOURCE.rstrip("\n").split("\n")
    out += ["", "actors:"]
    for aid, label, kind, names in actors:
        line = "  - {id: %s, label: %s, kind: %s" % (aid, scalar(label), kind)
        if names:
            line += ",\n     names: " + flow(names, 13, 96) + "}"
        else:
            line += "}"
        out.append(line)
    write(path, "\n".join(out) + "\n")


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cameo", default=os.path.join(SRC, "CAMEO.2.0.txt"))
    ap.add_argument("--actors", nargs="+", default=[os.path.join(SRC, "Phoenix.International.actors.txt"),
                                                   os.path.join(SRC, "Phoenix.MilNonState.actors.txt")])
    ap.add_argument("--stoplist", default=os.path.join(HERE, "petrarch-stoplist.txt"))
    ap.add_argument("--picks", default=os.path.join(HERE, "petrarch-actors.txt"))
    ap.add_argument("--schema", default="schema", help="the schema folder whose other files win")
    ap.add_argument("--relations-out", default=None, help="default SCHEMA/relations-cameo.yaml")
    ap.add_argument("--actors-out", default=None, help="default SCHEMA/cameo-actors.yaml")
    ap.add_argument("-v", "--verbose", action="store_true", help="list what was dropped")
    a = ap.parse_args()
    rel_out = a.relations_out or os.path.join(a.schema, "relations-cameo.yaml")
    act_out = a.actors_out or os.path.join(a.schema, "cameo-actors.yaml")

    blocks, irregular, synsets = parse_cameo(a.cameo)
    stop = read_stoplist(a.stoplist)
    hand, keywords, hand_irr, nouns = hand_triggers(a.schema, rel_out)
    triggers, objtriggers, need, dropped = build_triggers(blocks, irregular, synsets, stop, hand,
                                                          keywords, nouns)
    # a lemma's irregular forms may be given once: the hand-written list wins
    need = {k: v for k, v in need.items() if k not in hand_irr}
    write_relations(rel_out, triggers, objtriggers, need)
    print("%s: %d verb blocks -> %d trigger lemmas, %d verbs with objects" %
          (rel_out, len(blocks), sum(len(v) for v in triggers.values()),
           sum(len(v) for v in objtriggers.values())))
    for rel in RELATION_ORDER:
        if rel in triggers or rel in objtriggers:
            print("  %-18s %4d  %4d with objects" % (rel, len(triggers.get(rel, ())),
                                                    len(objtriggers.get(rel, ()))))
    for why, items in dropped.items():
        print("  dropped (%s): %d" % (why, len(items)))
        if a.verbose and items:
            print("    " + ", ".join(items))

    picks, drop = read_picks(a.picks)
    actors, adropped = build_actors(a.actors, picks, drop, existing_names(a.schema, act_out),
                                    common_words(blocks, synsets))
    write_actors(act_out, actors)
    print("%s: %d picked entries -> %d organizations, %d groups, %d names" %
          (act_out, len(picks), sum(1 for x in actors if x[2] == "organization"),
           sum(1 for x in actors if x[2] == "group"), sum(len(x[3]) + 1 for x in actors)))
    for why, items in adropped.items():
        print("  dropped (%s): %d" % (why, len(items)))
        if a.verbose and items:
            print("    " + ", ".join(items))


if __name__ == "__main__":
    main()
