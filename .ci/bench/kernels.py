"""Driver of .ci/bench/kernels: times each kernel in-process on our side
(`leverage analyze --graph`, which reports each algorithm's wall time)
and on python-igraph (one thread) and NetworKit (2 threads), one run of
every kernel per side per round, the sides alternating (odd rounds ours
first, even rounds the peers first), and prints the medians over the
rounds as a markdown table with our time over the faster peer's.

Both sides see the same simple graph: the same file, read with the
manifest's direction (directed: arcs as written; undirected: each edge
both ways), unweighted, self-loops dropped, repeated pairs merged; the
script checks that both sides count the same nodes and arcs. Community
detection runs on the undirected view on every side (weight of u-v: the
number of arcs between them, as our Louvain and Leiden weigh it), and
each side's modularity is printed beside its time. Every side builds that
undirected view before timing its community methods: the peers' igraph and
NetworKit graphs are made untimed in Peers, and our `analyze` builds the
view once for Louvain and Leiden and reports it as its own step
("undirected view", left out of both times, as reading the file is).

Our Louvain and Leiden run once (--community-runs 1), seeded, as each
peer runs once; `analyze` itself keeps the best of several seeded runs on
small graphs (network.LouvainRestarts below network.LouvainRestartEdges
arcs). Should the JSON list more than one seed, the time shown is the
total divided by their number, marked, with the best run's modularity.

Usage: python kernels.py LEVERAGE_BINARY WORKDIR [--rounds N] [--only S] [--small]
"""
import argparse
import gzip
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import warnings

import igraph as ig
import networkit as nk
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "exports", "graphread", "testdata", "bench")
KERNELS = ["pagerank", "hits", "betweenness", "betweenness-k100", "closeness",
           "core", "components", "louvain", "leiden-3", "leiden"]
# Leiden is timed twice on every side: bounded to 3 iterations (NetworKit's
# default; igraph n_iterations=3; ours --leiden-iterations 3) and until it
# stops improving (igraph n_iterations=-1; NetworKit up to 50 iterations,
# stopping early once nothing changes; ours --leiden-iterations 0, at most
# 50). Each iteration is a whole Leiden run from the last one's partition.
LEIDEN_BOUND = 3
# The step analyze --graph reports for building the undirected view the
# community methods share (cmd/leverage's communityViewStep).
VIEW = "undirected view"
SAMPLES = 100
# Exact betweenness and closeness are O(n·m); past this product (EXACT_MAX
# in the environment to change it) a round takes minutes per side on a
# shared 2-core machine, so such graphs get betweenness from SAMPLES
# sampled sources instead (ours and NetworKit's estimate; igraph has
# none) and no closeness.
BIG = float(os.environ.get("EXACT_MAX", "1e9"))


def holme_kim(workdir, n, m):
    """A seeded Holme-Kim graph (heavy-tailed degrees, clustering), each
    edge one arc of random direction or, with probability 0.3, both."""
    path = os.path.join(workdir, f"holmekim-{n}-{m}.csv")
    if not os.path.exists(path):
        g = nx.powerlaw_cluster_graph(n, m, 0.3, seed=7)
        rng = random.Random(7)
        with open(path, "w") as out:
            out.write("source,target\n")
            for u, v in g.edges():
                if rng.random() < 0.5:
                    u, v = v, u
                out.write(f"v{u},v{v}\n")
                if rng.random() < 0.3:
                    out.write(f"v{v},v{u}\n")
    return {"file": path, "label": f"Holme-Kim {n // 1000}k, m={m} (synthetic)", "reading": "directed"}


def corpus():
    """The real networks of the bench corpus, from its manifest."""
    out = []
    for line in open(os.path.join(BENCH, "MANIFEST.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        out.append({"file": os.path.join(BENCH, c[0]), "label": c[1].split(" (")[0].split(",")[0], "reading": c[2]})
    return out


def read_edges(path, directed):
    """The file's simple graph: node names sorted, arcs (directed) or
    edges (undirected) as index pairs, self-loops dropped, repeats merged."""
    opener = gzip.open if path.endswith(".gz") else open
    pairs = set()
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "%")) or line.startswith("source,"):
                continue
            p = line.replace(",", " ").split()
            if len(p) < 2 or p[0] == p[1]:
                continue
            pairs.add((p[0], p[1]) if directed or p[0] < p[1] else (p[1], p[0]))
    names = sorted({x for e in pairs for x in e})
    idx = {x: i for i, x in enumerate(names)}
    return len(names), sorted((idx[u], idx[v]) for u, v in pairs)


class Peers:
    """A graph loaded into igraph and NetworKit, every structure a kernel
    needs built before any timing."""

    def __init__(self, n, edges, directed):
        self.directed, self.n = directed, n
        self.g = ig.Graph(n=n, edges=edges, directed=directed)
        self.G = nk.Graph(n, weighted=False, directed=directed)
        for u, v in edges:
            self.G.addEdge(u, v)
        # Undirected view: weight = arcs between the pair (1 or 2).
        w = {}
        for u, v in edges:
            k = (min(u, v), max(u, v))
            w[k] = w.get(k, 0) + 1
        pairs = sorted(w)
        self.u = ig.Graph(n=n, edges=pairs, directed=False)
        self.u.es["weight"] = [float(w[p]) for p in pairs]
        self.U = nk.Graph(n, weighted=True, directed=False)
        self.U0 = nk.Graph(n, weighted=False, directed=False)
        for p in pairs:
            self.U.addEdge(p[0], p[1], float(w[p]))
            self.U0.addEdge(p[0], p[1])
        # Our closeness is networkx's: distances *to* a node (incoming);
        # NetworKit measures outgoing ones, so it gets the transpose.
        self.GR = nk.graphtools.transpose(self.G) if directed else self.G
        self.arcs = len(edges) * (1 if directed else 2)

    def run(self, big, rnd):
        """One run of every kernel on both peers: {side kernel: seconds},
        and the modularity of each community result."""
        out, q = {}, {}
        d, mode = self.directed, ("in" if self.directed else "all")

        def t(key, fn):
            s = time.perf_counter()
            r = fn()
            out[key] = time.perf_counter() - s
            return r

        t("igraph pagerank", lambda: self.g.pagerank(damping=0.85, directed=d))
        t("networkit pagerank", lambda: pagerank_nk(self.G))
        t("igraph hits", lambda: (self.g.hub_score(), self.g.authority_score()))
        if big:
            t("networkit betweenness-k100", lambda: nk.centrality.EstimateBetweenness(self.G, SAMPLES, True, True).run())
        else:
            t("igraph betweenness", lambda: self.g.betweenness(directed=d))
            t("networkit betweenness", lambda: nk.centrality.Betweenness(self.G, normalized=True).run())
            t("igraph closeness", lambda: (self.g.closeness(mode=mode), self.g.harmonic_centrality(mode=mode)))
            t("networkit closeness", lambda: (
                nk.centrality.Closeness(self.GR, True, nk.centrality.ClosenessVariant.GENERALIZED).run(),
                nk.centrality.HarmonicCloseness(self.GR, True).run()))
        t("igraph core", lambda: self.g.coreness(mode="all"))
        t("networkit core", lambda: nk.centrality.CoreDecomposition(self.U0).run())
        if d:
            t("igraph components", lambda: (self.g.connected_components(mode="weak"), self.g.connected_components(mode="strong")))
            t("networkit components", lambda: (nk.components.WeaklyConnectedComponents(self.G).run(),
                                               nk.components.StronglyConnectedComponents(self.G).run()))
        else:
            t("igraph components", lambda: self.g.connected_components())
            t("networkit components", lambda: nk.components.ConnectedComponents(self.G).run())
        random.seed(rnd)  # python-igraph draws from Python's random
        nk.engineering.setSeed(rnd, True)
        c = t("igraph louvain", lambda: self.u.community_multilevel(weights="weight"))
        q["igraph louvain"] = self.u.modularity(c.membership, weights="weight")
        c = t("networkit louvain", lambda: nk.community.PLM(self.U, refine=False).run())
        q["networkit louvain"] = nk.community.Modularity().getQuality(c.getPartition(), self.U)
        for key, ig_it, nk_it in (("leiden-3", LEIDEN_BOUND, LEIDEN_BOUND), ("leiden", -1, 50)):
            c = t("igraph " + key, lambda: self.u.community_leiden(objective_function="modularity", weights="weight", n_iterations=ig_it))
            q["igraph " + key] = self.u.modularity(c.membership, weights="weight")
            c = t("networkit " + key, lambda: nk.community.ParallelLeiden(self.U, iterations=nk_it).run())
            q["networkit " + key] = nk.community.Modularity().getQuality(c.getPartition(), self.U)
        return out, q


def pagerank_nk(G):
    # Dangling nodes spread their rank over all nodes, as networkx's and
    # ours do; stop when the L1 change is below n·1e-12, networkx's rule
    # at our tolerance (1e-12 on the L1 change alone takes NetworKit to
    # rounding noise: 40 % more iterations on Roget's graph).
    pr = nk.centrality.PageRank(G, 0.85, G.numberOfNodes() * 1e-12, distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
    pr.norm = nk.centrality.Norm.L1_NORM
    return pr.run()


def ours(binary, spec, big):
    """One run of every kernel by leverage analyze --graph: {ours kernel:
    seconds}, the community modularities, runs per community result, and
    the counts it read."""
    k = [x for x in KERNELS if x not in ("betweenness-k100", "leiden-3") and not (big and x == "closeness")]
    base = [binary, "analyze", "--graph", spec["file"], "--" + spec["reading"], "--unweighted",
            "--community-runs", "1", "--format", "json"]
    cmd = base + ["--metrics", ",".join(k)]
    if big:
        cmd += ["--betweenness-samples", str(SAMPLES)]
    out, q, runs = {}, {}, {}
    d = run_ours(cmd)
    for x in d["timings_seconds"]:
        name = x["algorithm"] + ("-k100" if big and x["algorithm"] == "betweenness" else "")
        out["ours " + name] = x["seconds"]
    bounded = run_ours(base + ["--metrics", "leiden", "--leiden-iterations", str(LEIDEN_BOUND)])
    for x in bounded["timings_seconds"]:
        if x["algorithm"] == "leiden":
            out["ours leiden-3"] = x["seconds"]
    for doc, key, name in ((d, "communities", "louvain"), (d, "leiden_communities", "leiden"),
                           (bounded, "leiden_communities", "leiden-3")):
        c = doc.get(key) or {}
        n = max(1, len(c.get("seeds") or []))
        runs[name] = n
        if "ours " + name in out:
            out["ours " + name] /= n
            q["ours " + name] = c.get("modularity")
    prov = d.get("provenance") or {}
    return out, q, runs, (prov.get("nodes"), d.get("edges_distinct_pairs"))


def run_ours(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()[:500]}")
    return json.loads(p.stdout)


def bench_graph(binary, spec, rounds):
    directed = spec["reading"] == "directed"
    n, edges = read_edges(spec["file"], directed)
    peers = Peers(n, edges, directed)
    big = n * peers.arcs > BIG
    times, mods, runs, warn = {}, {}, {}, []
    for r in range(rounds):
        sides = ["ours", "peers"] if r % 2 == 0 else ["peers", "ours"]
        for side in sides:
            if side == "ours":
                t, q, runs, counts = ours(binary, spec, big)
                if counts != (n, peers.arcs):
                    warn.append(f"ours read {counts[0]} nodes/{counts[1]} arcs, the peers {n}/{peers.arcs}")
            else:
                t, q = peers.run(big, 7 + r)
            for k, v in t.items():
                times.setdefault(k, []).append(v)
            for k, v in q.items():
                mods.setdefault(k, []).append(v)
    med = {k: statistics.median(v) for k, v in times.items()}
    qmed = {k: statistics.median(v) for k, v in mods.items()}
    return {"label": spec["label"], "file": os.path.basename(spec["file"]), "reading": spec["reading"],
            "nodes": n, "arcs": peers.arcs, "big": big, "median_seconds": med, "median_modularity": qmed,
            "community_runs": runs, "warnings": sorted(set(warn))}


def ms(v):
    return "–" if v is None else (f"{v * 1000:.1f}" if v < 10 else f"{v * 1000:.0f}")


def table(results, rounds):
    lines = ["| graph | kernel | ours ms | igraph ms | NetworKit ms | ours / faster peer | modularity ours / igraph / NetworKit |",
             "|---|---|---|---|---|---|---|"]
    for res in results:
        m, q = res["median_seconds"], res["median_modularity"]
        g = f"{res['label']} ({res['reading']}, {res['nodes']:,} / {res['arcs']:,} arcs)"
        # Our undirected view is shown on a line of its own: built once
        # before Louvain and Leiden and in neither's time, as the peers'
        # undirected graphs are built before any timing (Peers).
        at = KERNELS.index("louvain")
        for k in KERNELS[:at] + [VIEW] + KERNELS[at:]:
            o, i, nk_ = m.get("ours " + k), m.get("igraph " + k), m.get("networkit " + k)
            if o is None and i is None and nk_ is None:
                continue
            peers = [x for x in (i, nk_) if x is not None]
            ratio = f"{o / min(peers):.2f}" if o is not None and peers else "–"
            name = k.replace("-k100", f" ({SAMPLES} sampled sources)").replace("leiden-3", f"leiden ({LEIDEN_BOUND} iterations)")
            if k == "leiden":
                name = "leiden (until stable)"
            if k == VIEW:
                name = "undirected view (ours, untimed in Louvain and Leiden; the peers' built untimed)"
            if k in ("louvain", "leiden", "leiden-3") and res["community_runs"].get(k, 1) > 1:
                name += f" (ours: per run, best of {res['community_runs'][k]})"
            mod = ""
            if k in ("louvain", "leiden", "leiden-3"):
                mod = " / ".join("–" if q.get(f"{s} {k}") is None else f"{q[f'{s} {k}']:.4f}" for s in ("ours", "igraph", "networkit"))
            lines.append(f"| {g} | {name} | {ms(o)} | {ms(i)} | {ms(nk_)} | {ratio} | {mod} |")
            g = ""
    return "\n".join(lines)


def matrix(results):
    cols = ["pagerank", "hits", "betweenness", "closeness", "core", "components", "louvain", "leiden-3", "leiden"]
    heads = [{"leiden-3": f"leiden ({LEIDEN_BOUND} it.)", "leiden": "leiden (until stable)"}.get(c, c) for c in cols]
    lines = ["| graph | " + " | ".join(heads) + " |", "|---" * (len(cols) + 1) + "|"]
    for res in results:
        m = res["median_seconds"]
        row = []
        for k in cols:
            kk = "betweenness-k100" if k == "betweenness" and res["big"] else k
            o = m.get("ours " + kk)
            peers = [x for x in (m.get("igraph " + kk), m.get("networkit " + kk)) if x is not None]
            row.append(f"{o / min(peers):.2f}" if o is not None and peers else "–")
        lines.append(f"| {res['label']}, {res['nodes']:,} / {res['arcs']:,} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def machine():
    cpu = platform.processor()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("workdir")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", default="")
    ap.add_argument("--small", action="store_true")
    a = ap.parse_args()
    nk.setNumberOfThreads(2)
    # igraph warns that HITS is not unique on graphs with many zero
    # scores; the timing stands, the warning would bury the table.
    warnings.simplefilter("ignore", RuntimeWarning)
    specs = [holme_kim(a.workdir, 5000, 5)] + ([] if a.small else [holme_kim(a.workdir, 20000, 5)]) + corpus()
    specs = [s for s in specs if a.only in os.path.basename(s["file"])]
    if a.small:
        specs = [s for s in specs if os.path.getsize(s["file"]) < 1 << 20]
    if specs:  # start NetworKit's thread pool and page in both sides' code, untimed
        bench_graph(a.binary, specs[0], 1)
    load0 = os.getloadavg()
    start = time.time()
    results = []
    for s in specs:
        print(f"{os.path.basename(s['file'])}: {a.rounds} rounds…", file=sys.stderr, end=" ", flush=True)
        t0 = time.time()
        try:
            results.append(bench_graph(a.binary, s, a.rounds))
            print(f"{time.time() - t0:.0f} s", file=sys.stderr, flush=True)
            # Each graph's rows as soon as they are measured, so a run cut
            # short keeps what it measured.
            print(table(results[-1:], a.rounds), file=sys.stderr, flush=True)
            with open(os.path.join(a.workdir, "kernels.json"), "w") as f:
                json.dump(results, f, indent=1)
        except Exception as e:  # one graph failing must not lose the others' figures
            print(f"{os.path.basename(s['file'])}: {e}", file=sys.stderr, flush=True)
    with open(os.path.join(a.workdir, "kernels.json"), "w") as f:
        json.dump(results, f, indent=1)
    print(table(results, a.rounds))
    print()
    print(matrix(results))
    print()
    for res in results:
        for w in res["warnings"]:
            print(f"WARNING {res['file']}: {w}")
    load1 = os.getloadavg()
    print(f"Medians of {a.rounds} alternating rounds, {time.time() - start:.0f} s in all; {machine()}; "
          f"load average {load0[0]:.1f} at the start, {load1[0]:.1f} at the end. Ours: GOMAXPROCS={os.cpu_count()}, "
          f"one seeded run; python-igraph {ig.__version__} one thread; NetworKit {nk.__version__} 2 threads. "
          "Unweighted; directed graphs: directed PageRank, HITS, betweenness, closeness (distances to a node), "
          "components weak and strong; undirected ones: each edge both ways on our side, an undirected graph on the peers'. "
          "Louvain and Leiden on the undirected view on every side (u-v weighs the arcs between u and v), modularity of that view; "
          f"Leiden bounded to {LEIDEN_BOUND} iterations (NetworKit's default) and until stable (igraph n_iterations=-1, NetworKit up to 50, ours up to 50). "
          f"k-core: ours and igraph's in+out degree, NetworKit's on the undirected view. Graphs with n·m over {BIG:.0e}: "
          f"betweenness from {SAMPLES} sampled sources (igraph has no estimate), no closeness. NetworKit has no HITS.")


if __name__ == "__main__":
    main()
