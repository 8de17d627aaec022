#!/usr/bin/env python3
"""Writes a mix of real queries drawn from a corpus, one URL path per line.

Usage: make_queries.py CORPUS.jsonl... > queries.txt
Fixed seed: the same corpus gives the same queries.
"""
import json
import random
import re
import sys
import urllib.parse

rng = random.Random(20261128)
titles, topics = [], set()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            titles.append(doc.get("title") or "")
            topics.update(doc.get("topics") or [])
words = [w for t in titles for w in re.findall(r"\w{4,}", t)]
topics = sorted(topics)

paths = []
for _ in range(2000):
    kind = rng.random()
    if kind < 0.45:
        title_words = re.findall(r"\w{4,}", rng.choice(titles)) or [rng.choice(words)]
        k = min(len(title_words), rng.randint(1, 3))
        params = {"q": " ".join(rng.sample(title_words, k))}
    elif kind < 0.6:
        title = rng.choice(titles).split()
        start = rng.randrange(max(1, len(title) - 2))
        params = {"q": '"' + " ".join(title[start:start + 2]) + '"'}
    elif kind < 0.7:
        params = {"q": rng.choice(words)[:3] + "*"}
    elif kind < 0.8 and topics:
        params = {"q": rng.choice(words), "topic": rng.choice(topics)}
    elif kind < 0.9:
        params = {"q": rng.choice(words), "from": "2022-03-01", "to": "2022-04-15", "sort": "date"}
    elif kind < 0.95:
        params = {"q": ""}
    else:
        paths.append("/api/v1/suggest?" + urllib.parse.urlencode({"q": rng.choice(words)[:3]}))
        continue
    paths.append("/api/v1/search?" + urllib.parse.urlencode(params))
print("\n".join(paths))
