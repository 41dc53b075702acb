#!/usr/bin/env python3
"""Markdown table of medians from run_bench.sh rows, with ratios to fmkit.

    summarize.py [results.tsv]

Row: corpus, tool, run, wall s, user s, sys s, peak RSS KiB, exit code, last output line.
CPU is user + sys. "× fmkit" is the tool's median divided by fmkit's on the same
corpus (above 1: slower or bigger than fmkit).
"""
import statistics
import sys


def ratio(value, base):
    if not base:
        return ""
    r = value / base
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "results.tsv"
    groups = {}
    with open(path) as f:
        for line in f:
            corpus, tool, _run, wall, user, sys_, rss, rc, out = (line.rstrip("\n").split("\t") + [""])[:9]
            g = groups.setdefault((corpus, tool), {"wall": [], "cpu": [], "rss": [], "rc": set(), "out": out})
            g["wall"].append(float(wall))
            g["cpu"].append(float(user) + float(sys_))
            g["rss"].append(int(rss) / 1024)
            g["rc"].add(rc)
    medians = {key: {m: statistics.median(g[m]) for m in ("wall", "cpu", "rss")}
               for key, g in groups.items()}
    print("| corpus | tool | runs | wall s | CPU s (user+sys) | peak RSS MiB "
          "| wall × fmkit | CPU × fmkit | RSS × fmkit | exit | output |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    for (corpus, tool), g in groups.items():
        m = medians[(corpus, tool)]
        base = medians.get((corpus, "fmkit")) if tool != "fmkit" else None
        cells = [ratio(m[k], base[k]) if base else "" for k in ("wall", "cpu", "rss")]
        print(f"| {corpus} | {tool} | {len(g['wall'])} | {m['wall']:.3f} | {m['cpu']:.3f} "
              f"| {m['rss']:.0f} | " + " | ".join(cells) + f" | {','.join(sorted(g['rc']))} | {g['out']} |")


if __name__ == "__main__":
    main()
