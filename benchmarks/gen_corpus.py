#!/usr/bin/env python3
"""Generates a large corpus for scale benchmarks by repeating real ones.

Each output article is a copy of an input article (cycled in a shuffled
order) with a fresh id, a date drawn uniformly over 30 years (1996-2025) and
topics drawn afresh from the pool of all input topics (as many as the
original had). Translation links are dropped: copies are not translations.
The text is unchanged, so term statistics stay realistic while the index
grows; the output is for scale figures only, never for relevance.

Deterministic for a given seed and input list. Standard library only.

  benchmarks/gen_corpus.py --count 1000000 --out /work/bench-data/1m.jsonl \
      /work/shared/data/{reuters21578,zelensky-addresses,kremlin-ru-2025,\
wikinews-fr-winer,wikinews-ru-nerel}/docs.jsonl
"""
import argparse
import datetime
import json
import random
import sys

EPOCH = datetime.date(1996, 1, 1)
DAYS = (datetime.date(2025, 12, 31) - EPOCH).days


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, required=True, help="articles to write")
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--out", required=True, help="output JSON Lines file ('-': stdout)")
    ap.add_argument("inputs", nargs="+", help="input JSON Lines corpora")
    args = ap.parse_args()

    docs = []
    topics = set()
    for path in args.inputs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs.append(d)
                    topics.update(t for t in d.get("topics") or [] if t)
    if not docs:
        sys.exit("gen_corpus: no input articles")
    pool = sorted(topics)
    rng = random.Random(args.seed)
    order = list(range(len(docs)))
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    written = 0
    while written < args.count:
        rng.shuffle(order)
        for i in order:
            if written == args.count:
                break
            src = docs[i]
            d = dict(src)
            d["id"] = "gen-%07d" % written
            day = EPOCH + datetime.timedelta(days=rng.randrange(DAYS + 1))
            d["date"] = day.isoformat()
            n = len(src.get("topics") or [])
            d["topics"] = rng.sample(pool, min(n, len(pool)))
            d.pop("translations", None)
            d.pop("translation_group", None)
            d["source_id"] = src.get("id")
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            written += 1
    if out is not sys.stdout:
        out.close()
    print("gen_corpus: wrote %d articles from %d inputs" % (written, len(docs)), file=sys.stderr)


if __name__ == "__main__":
    main()
