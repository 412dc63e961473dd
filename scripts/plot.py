#!/usr/bin/env python3
"""Plots a pushbench result directory and writes its report.

Reads RESULTS_DIR/summary.csv and the latency histograms RESULTS_DIR/histograms/*.hgrm that
scripts/run-benchmarks.sh writes (results/README.md describes both), and writes into RESULTS_DIR/plots/, each as
PNG (1280 x 720, a projector's size) and SVG:

  latency-percentiles   delivery latency percentiles per transport at one load, corrected (bold) and uncorrected
  bytes-per-delivery    bytes on the wire per delivered message: payload, headers, framing, empty polls, keepalive
  polling-dial          short polling: latency and bytes against the polling interval, with the model's prediction
  server-load           Capacity: memory, threads, CPU, held requests and p99 per transport against clients
  idle-cost             bytes per client-hour with nobody talking
  model-vs-measured     the model's predictions beside the measurements
  latency-vs-rtt        p50 and p99 against network RTT per transport (only when summary.csv has several rttMs)
  first-message-vs-rtt  a newcomer's time to its first message (FirstMessage), p50 and p99 against RTT per
                        transport, a panel per tls (only with FirstMessage rows at several RTTs)

then plots/manifest.json (what every figure drew: bars and lines per run, transport and engine; the notes) and
RESULTS_DIR/report.html, one self-contained page with env.txt, the summary tables and every figure.

A figure whose benchmark is not in the run (a --quick run has no Capacity rows) still gets its file, saying so.

Usage:
  python3 scripts/plot.py RESULTS_DIR [--compare OTHER_DIR | --compare-engines]

--compare matches the two runs point by point on their parameters (benchmark, transport, engine, clients, rate,
payloadBytes, pollIntervalMs, headers and any other parameter column) and draws the other run beside every
matched point, hatched or dashed and lighter; points of one run only are listed, and unlike loads are never
overlaid (a note says so). --compare-engines puts the engines of one run side by side the same way.

Needs matplotlib and markdown: Debian's `apt-get install python3-matplotlib python3-markdown`, or
`pip install matplotlib markdown`. Run by a python3 without them, the script hands itself to /usr/bin/python3.
"""

import argparse
import json
import os
import sys

try:
    import markdown  # noqa: F401 (checked here so that a missing module is said before any work)
    import matplotlib  # noqa: F401
except ImportError:
    # A python3 without them first on the PATH (pyenv, say): Debian's own may have the python3- packages.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("plot.py: needs matplotlib and markdown: apt-get install python3-matplotlib python3-markdown, "
             "or pip install matplotlib markdown")

from pushplot import cost, latency, report  # noqa: E402 (after the dependency check)
from pushplot.results import Run, Side, View  # noqa: E402

FIGURES = [latency.latency_percentiles, cost.bytes_per_delivery, latency.polling_dial, cost.server_load,
           cost.idle_cost, cost.model_vs_measured, latency.latency_vs_rtt, latency.first_message_vs_rtt]
SHOWN_POINTS = 8


def view_of(run, args):
    if args.compare:
        other = Run(args.compare)
        if other.name == run.name:
            other.name = f"{other.name} (other)"
        return "compare", View([Side(run.name, run, run.rows), Side(other.name, other, other.rows)]), [run, other]
    if args.compare_engines:
        engines = sorted({r["engine"] for r in run.rows})
        if len(engines) < 2:
            sys.exit(f"plot.py: --compare-engines needs two engines; {run.directory} has {', '.join(engines)}")
        sides = [Side(e, run, [r for r in run.rows if r["engine"] == e]) for e in engines]
        return "compare-engines", View(sides, split="engine"), [run]
    return "single", View([Side(run.name, run, run.rows)]), [run]


def main():
    parser = argparse.ArgumentParser(description="Plots a pushbench result directory into DIR/plots/ and writes "
                                                 "DIR/report.html.")
    parser.add_argument("results", help="a result directory of scripts/run-benchmarks.sh")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--compare", metavar="OTHER_DIR", help="a second result directory, matched point by point")
    group.add_argument("--compare-engines", action="store_true", help="the engines of this run side by side")
    args = parser.parse_args()
    if not os.path.isdir(args.results):
        sys.exit(f"plot.py: {args.results} is not a directory")
    run = Run(args.results)
    mode, view, runs = view_of(run, args)
    out = os.path.join(args.results, "plots")
    os.makedirs(out, exist_ok=True)
    for text in view.notes:
        print(f"plot.py: {text}", file=sys.stderr)
    only_in = view.only_in()
    for side, points in only_in.items():
        if points:
            print(f"plot.py: {len(points)} points only in {side}:", file=sys.stderr)
            for p in points[:SHOWN_POINTS]:
                print(f"  {p}", file=sys.stderr)
            if len(points) > SHOWN_POINTS:
                print(f"  ... {len(points) - SHOWN_POINTS} more in {out}/manifest.json", file=sys.stderr)
    manifest = {"mode": mode, "runs": [{"name": s.name, "directory": s.run.directory} for s in view.sides],
                "runDirectories": [r.directory for r in runs], "matchedOn": view.key_params, "notes": view.notes,
                "onlyIn": only_in, "figures": [figure(view, out) for figure in FIGURES]}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    page = report.write(args.results, manifest, runs)
    print(f"plot.py: wrote {out}/*.png, *.svg, manifest.json and {page}")


if __name__ == "__main__":
    main()
