#!/usr/bin/env python3
"""Writes the dependency network of Debian 12 (bookworm) main, amd64, as
an edge list: one arc per package and each package its Depends or
Pre-Depends names (the first of alternatives, versions and architecture
qualifiers dropped; virtual packages are nodes too). A real network of
tens of thousands of nodes with a heavy-tailed in-degree (libc6 and a few
libraries are depended on by most packages), for .ci/bench/kernels.

Input: the Packages index apt keeps after `apt-get update` (read with
`apt-get indextargets` and `/usr/lib/apt/apt-helper cat-file`).
Usage: make_debian_deps.py PACKAGES_TEXT OUT.tsv.gz [LABEL]
"""
import gzip
import re
import sys

src, out = sys.argv[1], sys.argv[2]
edges = set()
pkg = None
for line in open(src, encoding="utf-8", errors="replace"):
    if line.startswith("Package: "):
        pkg = line.split()[1]
    elif pkg and (line.startswith("Depends: ") or line.startswith("Pre-Depends: ")):
        for group in line.split(":", 1)[1].split(","):
            name = re.split(r"[\s(|:]", group.strip(), maxsplit=1)[0]
            if name and name != pkg:
                edges.add((pkg, name))
    elif line.strip() == "":
        pkg = None
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(f"# Debian 12 {sys.argv[3] if len(sys.argv) > 3 else 'bookworm main'} amd64: package -> Depends/Pre-Depends (first alternative)\n".encode())
    for u, v in sorted(edges):
        f.write(f"{u}\t{v}\n".encode())
