"""Prints ours-vs-grammers ratios from criterion's saved estimates.

Run after `cargo bench -p tl-runtime --bench primitives`; ratio is
grammers' median time divided by ours (above 1: ours is faster).
Usage: python3 tl-runtime/benches/ratios.py [target/criterion]
"""
import json, os, sys
root = sys.argv[1] if len(sys.argv) > 1 else 'target/criterion'
rows = {}
for group in ('encode', 'decode'):
    gdir = os.path.join(root, group)
    if not os.path.isdir(gdir): continue
    for case in sorted(os.listdir(gdir)):
        cdir = os.path.join(gdir, case)
        est = {}
        for impl in os.listdir(cdir):
            f = os.path.join(cdir, impl, 'new', 'estimates.json')
            if os.path.exists(f):
                e = json.load(open(f))
                est[impl] = e['median']['point_estimate']
        rows[(group, case)] = est
def fmt(ns):
    return f"{ns/1000:.2f} µs" if ns >= 1000 else f"{ns:.1f} ns"
for (group, case), est in rows.items():
    ours = est.get('ours'); g = est.get('grammers'); m = est.get('memcpy')
    if ours is None or g is None: continue
    line = f"{group:7} {case:16} ours {fmt(ours):>10}  grammers {fmt(g):>10}  ratio {g/ours:5.2f}x"
    if m: line += f"  memcpy {fmt(m):>10}  ours/memcpy {ours/m:4.2f}"
    print(line)
