#!/usr/bin/env python3
"""gen-corpus.py - the benchmark corpora of tests/bench.sh, in three shapes.

usage: gen-corpus.py [--nlp DIR] (--mb MB | --docs N) [--dates N]
                     [--shapes text,jsonl,folder] OUT ARTICLE...

Documents are the ARTICLEs (the evaluation articles, news no one here
wrote) and, with --nlp, articles of 100 sentences of the npm package
nlp-corpus (DIR is its builds/ folder: 100 JSON arrays of 1,000 English
sentences each). One round is every nlp-corpus sentence once, shuffled with
the round's number as seed and cut into articles of 100 sentences in
paragraphs of up to 5 (see paragraphs()), plus every ARTICLE once, in a
shuffled order; rounds follow each other until the text reaches MB (10^6
bytes) or N documents. Each round's articles differ from the last (another
shuffle; a line "Copy R." after an ARTICLE), so that no document is a copy
of another that actorgraph would read once.

Writes OUT.txt (one text file: one document), OUT.jsonl (JSON lines, one
article each: {"id", "text"}, and "date" with --dates N: the documents in
turn on N consecutive days from 2020-01-01) and OUT/ (a folder: one .txt file
per document, one subfolder per round), as --shapes says, and prints a JSON
object: documents, sentences (nlp-corpus sentences, and an ARTICLE's split
after . ! ? before a capital or a quote), and each shape's bytes.
"""
import argparse
import datetime
import glob
import json
import os
import random
import re
import sys

PARAGRAPH, ARTICLE = 5, 100	# sentences per paragraph (line), per nlp-corpus article
SENTENCE_END = re.compile(r'[.!?]["\u201d\u2019)]*\s+(?=["\u201c\u2018(]?[A-Z])')
ENDED = re.compile(r'[.!?]["\u201d\u2019)]*$')


def paragraphs(body):
    """Lines of up to PARAGRAPH sentences. A third of nlp-corpus's
    "sentences" are fragments with no final stop (titles, list items, text
    cut off): one ends its line, since run into the next sentence it would
    make a name no text holds ("Academy Awards The"), a new one each round."""
    lines, line = [], []
    for s in body:
        line.append(s)
        if len(line) == PARAGRAPH or not ENDED.search(s):
            lines.append(" ".join(line))
            line = []
    return lines + ([" ".join(line)] if line else [])


def nlp_sentences(folder):
    """nlp-corpus's sentences, each on one line, in file order."""
    out = []
    files = sorted(glob.glob(os.path.join(folder, "doc-*.json")),
                   key=lambda f: int(re.search(r"(\d+)\.json$", f).group(1)))
    for f in files:
        with open(f, encoding="utf-8") as fp:
            for s in json.load(fp):
                s = " ".join(s.split())	# a few hold line breaks and tabs
                if s:
                    out.append(s)
    if not out:
        sys.exit("gen-corpus.py: no sentences in %s/doc-*.json" % folder)
    return out


def rounds(sentences, articles):
    """Endless (name, text, sentence count) documents, round after round."""
    r = 0
    while True:
        rng = random.Random(r)
        docs = []
        if sentences:
            s = sentences[:]
            rng.shuffle(s)
            for a in range(0, len(s), ARTICLE):
                body = s[a:a + ARTICLE]
                docs.append(("r%03d-n%04d" % (r, a // ARTICLE), "\n".join(paragraphs(body)) + "\n", len(body)))
        for name, text, n in articles:
            docs.append(("r%03d-%s" % (r, name), "%sCopy %d.\n" % (text, r), n + 1))
        rng.shuffle(docs)
        for d in docs:
            yield r, d
        r += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nlp", help="nlp-corpus's builds/ folder")
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="stop when the text reaches MB x 10^6 bytes")
    size.add_argument("--docs", type=int, help="stop after N documents")
    ap.add_argument("--dates", type=int, help="date the JSON lines on N days")
    ap.add_argument("--shapes", default="text,jsonl,folder")
    ap.add_argument("out")
    ap.add_argument("articles", nargs="+")
    a = ap.parse_args()
    shapes = set(a.shapes.split(","))
    if not shapes <= {"text", "jsonl", "folder"}:
        sys.exit("gen-corpus.py: --shapes takes text, jsonl, folder")

    articles = []
    for f in a.articles:
        with open(f, encoding="utf-8") as fp:
            text = fp.read()
        if not text.endswith("\n"):
            text += "\n"
        n = sum(len(SENTENCE_END.split(line.strip())) for line in text.splitlines() if line.strip())
        articles.append((os.path.splitext(os.path.basename(f))[0], text, n))
    sentences = nlp_sentences(a.nlp) if a.nlp else []

    txt = open(a.out + ".txt", "w", encoding="utf-8") if "text" in shapes else None
    jsl = open(a.out + ".jsonl", "w", encoding="utf-8") if "jsonl" in shapes else None
    day0 = datetime.date(2020, 1, 1)
    done = {"documents": 0, "sentences": 0, "text_bytes": 0, "jsonl_bytes": 0, "folder_bytes": 0}
    made = set()
    for r, (name, text, n) in rounds(sentences, articles):
        raw = text.encode("utf-8")
        if txt:
            txt.write(text)
        if jsl:
            line = {"id": name}
            if a.dates:
                line["date"] = (day0 + datetime.timedelta(days=done["documents"] % a.dates)).isoformat()
            line["text"] = text
            line = json.dumps(line, ensure_ascii=False) + "\n"
            jsl.write(line)
            done["jsonl_bytes"] += len(line.encode("utf-8"))
        if "folder" in shapes:
            sub = os.path.join(a.out, "r%03d" % r)
            if sub not in made:
                os.makedirs(sub, exist_ok=True)
                made.add(sub)
            with open(os.path.join(sub, name + ".txt"), "wb") as fp:
                fp.write(raw)
            done["folder_bytes"] += len(raw)
        done["text_bytes"] += len(raw)
        done["documents"] += 1
        done["sentences"] += n
        if (a.mb and done["text_bytes"] >= a.mb * 1e6) or (a.docs and done["documents"] >= a.docs):
            break
    for fp in (txt, jsl):
        if fp:
            fp.close()
    json.dump(done, sys.stdout)
    print()


if __name__ == "__main__":
    main()
