#!/usr/bin/env python3
"""Draws a benchmark query set from a corpus, fixed by a seed.

Queries are taken from the corpus itself so that most of them match: one to
three words from an article in each language present, exact phrases, prefix
queries, a word with a topic or a date-range filter, and the empty query with
facets. One JSON object per line:

  {"kind": "words", "lang": "fr", "q": "gouvernement", "words": ["gouvernement"]}
  {"kind": "phrase", "lang": "en", "q": "\\"oil prices\\"", "words": ["oil", "prices"]}
  {"kind": "prefix", "lang": "uk", "q": "оборо*", "words": ["оборо"]}
  {"kind": "topic", "lang": "en", "q": "crude", "words": ["crude"], "topic": "crude"}
  {"kind": "date", "lang": "ru", "q": "москва", "words": ["москва"],
   "date_from": "2016-01-01", "date_to": "2017-12-31"}
  {"kind": "facets", "lang": "", "q": "", "words": []}

`q` is in the common query syntax (quotes: phrase; trailing *: prefix); each
engine's adapter turns `words`, `kind` and the filters into its own syntax.
Standard library only; the committed sets are produced by run_gen_queries.sh.
"""
import argparse
import json
import random
import re

WORD = re.compile(r"[^\W\d_]{4,}(?:['’][^\W\d_]+)?")
MIX = [("words", 30), ("words2", 17), ("words3", 8), ("phrase", 15), ("prefix", 10),
       ("topic", 8), ("date", 8), ("facets", 4)]


def words_of(text):
    return [w.lower() for w in WORD.findall(text or "") if "'" not in w and "’" not in w]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--years", default="", help="date range of filters, e.g. 1996-2025 "
                    "(default: the corpus' own dates)")
    ap.add_argument("--topics", default="corpus", choices=["corpus", "pool"],
                    help="pool: any topic of the corpus (for generated corpora whose "
                    "topics were reshuffled)")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()

    by_lang = {}
    with_topics = []
    pool = set()
    years = []
    for path in args.inputs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                lang = d.get("lang") or ""
                if lang not in ("en", "fr", "ru", "uk"):
                    continue
                body = words_of(d.get("title", "") + " " + (d.get("body") or ""))
                if len(body) < 3:
                    continue
                by_lang.setdefault(lang, []).append(body)
                ts = [t for t in d.get("topics") or [] if t]
                pool.update(ts)
                if ts:
                    with_topics.append((lang, body, ts))
                if d.get("date"):
                    years.append(int(d["date"][:4]))
    rng = random.Random(args.seed)
    langs = sorted(by_lang)
    lo, hi = (map(int, args.years.split("-")) if args.years else (min(years), max(years)))
    pool = sorted(pool)
    kinds = [k for k, w in MIX for _ in range(w)]
    for _ in range(args.count):
        kind = rng.choice(kinds)
        lang = rng.choice(langs)
        doc = rng.choice(by_lang[lang])
        q = {"kind": kind, "lang": lang}
        if kind.startswith("words") or kind == "phrase":
            n = {"words": 1, "words2": 2, "words3": 3, "phrase": rng.choice([2, 3])}[kind]
            if kind == "phrase":
                at = rng.randrange(len(doc) - n + 1)
                words = doc[at:at + n]
            else:
                words = rng.sample(doc, min(n, len(doc)))
            q["kind"] = "phrase" if kind == "phrase" else "words"
            q["q"] = ('"%s"' % " ".join(words)) if kind == "phrase" else " ".join(words)
            q["words"] = words
        elif kind == "prefix":
            w = rng.choice([w for w in doc if len(w) >= 6] or doc)
            stem = w[:rng.choice([4, 5])]
            q.update(q=stem + "*", words=[stem])
        elif kind == "topic" and with_topics:
            lang, body, ts = rng.choice(with_topics)
            w = rng.choice(body)
            t = rng.choice(pool if args.topics == "pool" else ts)
            q.update(lang=lang, q=w, words=[w], topic=t)
        elif kind == "date" or kind == "topic":
            w = rng.choice(doc)
            y = rng.randint(lo, hi)
            span = rng.choice([0, 1, 4])
            q.update(kind="date", q=w, words=[w], date_from="%04d-01-01" % y,
                     date_to="%04d-12-31" % min(hi, y + span))
        else:
            q.update(lang="", q="", words=[])
        print(json.dumps(q, ensure_ascii=False))


if __name__ == "__main__":
    main()
