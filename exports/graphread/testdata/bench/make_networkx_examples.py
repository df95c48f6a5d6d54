#!/usr/bin/env python3
"""Writes the bench corpus files that come from networkx's example data
(networkx/networkx, examples/, as released in networkx 3.6.1's source
archive), as gzip-compressed edge lists our reader and the peers read:

- wormnet-v3-benchmark.tsv.gz: examples/algorithms/WormNet.v3.benchmark.txt
  gzip-compressed byte for byte (tab-separated gene pairs with WormNet's
  log-likelihood score as a third column; undirected, as networkx's
  read_edgelist and its betweenness example read it).
- roget-thesaurus.tsv.gz: examples/graph/roget_dat.txt.gz (Knuth's
  Stanford GraphBase roget.dat as networkx ships it), one arc per
  cross-reference from a category to the one it names, categories by
  number. The SGB format lists a category's references after a colon and
  continues long lines with a backslash; networkx's plot_roget.py reads
  it the same way.
- sgb-words.tsv.gz: examples/graph/words_dat.txt.gz, the SGB's 5,757
  five-letter words, an undirected edge between two words that differ
  in exactly one letter (Knuth's rule, as networkx's plot_words.py
  builds it).

Usage: make_networkx_examples.py NETWORKX_SOURCE_DIR OUT_DIR
(NETWORKX_SOURCE_DIR: the unpacked networkx-3.6.1.tar.gz). gzip with
mtime 0, so a rerun writes the same bytes.
"""
import gzip
import os
import sys

src, out = sys.argv[1], sys.argv[2]
ex = os.path.join(src, "examples")


def write(name, header, lines):
    with gzip.GzipFile(os.path.join(out, name), "wb", mtime=0) as f:
        f.write(header.encode())
        for line in lines:
            f.write(line.encode())


with open(os.path.join(ex, "algorithms", "WormNet.v3.benchmark.txt"), "rb") as f:
    raw = f.read()
with gzip.GzipFile(os.path.join(out, "wormnet-v3-benchmark.tsv.gz"), "wb", mtime=0) as f:
    f.write(raw)

arcs = []
pending = ""
with gzip.open(os.path.join(ex, "graph", "roget_dat.txt.gz"), "rt", encoding="ascii") as f:
    for line in f:
        if line.startswith("*"):
            continue
        line = pending + line.rstrip("\n")
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        pending = ""
        head, tails = line.split(":", 1)
        num = head[: len(head) - len(head.lstrip("0123456789"))]
        arcs.extend(f"{num}\t{t}\n" for t in tails.split())
write("roget-thesaurus.tsv.gz",
      "# Roget's Thesaurus (1879) cross-references, SGB roget.dat via networkx examples/graph/roget_dat.txt.gz: category -> category it refers to\n",
      arcs)

words = set()
with gzip.open(os.path.join(ex, "graph", "words_dat.txt.gz"), "rt", encoding="ascii") as f:
    for line in f:
        if not line.startswith("*"):
            words.add(line[:5])
letters = "abcdefghijklmnopqrstuvwxyz"
edges = []
for w in sorted(words):
    for i, c in enumerate(w):
        for cc in letters[letters.index(c) + 1:]:
            x = w[:i] + cc + w[i + 1:]
            if x in words:
                edges.append(f"{w}\t{x}\n")
write("sgb-words.tsv.gz",
      "# SGB words via networkx examples/graph/words_dat.txt.gz: five-letter words, an edge where two differ in one letter\n",
      edges)
