#!/usr/bin/env python3
"""Plots a pushbench result directory.

Reads RESULTS_DIR/summary.csv and the latency histograms RESULTS_DIR/histograms/*.hgrm that
scripts/run-benchmarks.sh writes (results/README.md describes both), and writes six figures, each as PNG
and SVG, into RESULTS_DIR/plots/:

  latency-percentiles   delivery latency percentiles per transport, corrected (solid) and uncorrected (dotted)
  bytes-per-delivery    bytes on the wire per delivered message: payload, headers, framing, empty polls, keepalive
  polling-dial          short polling: latency and bytes against the polling interval, with the model's prediction
  server-load           Capacity: memory, threads, CPU and held requests per transport against connected clients
  idle-cost             bytes per client-hour with nobody talking
  model-vs-measured     the model's predictions beside the measurements

A figure whose benchmark is not in the run (a --quick run has no Capacity rows, for one) still gets its file,
saying so, so that every file always exists.

Usage:
  python3 scripts/plot.py RESULTS_DIR [--compare OTHER_DIR]

--compare overlays a second run (dashed and lighter, or as hatched bars) on every figure but the model one.

Needs matplotlib: Debian's `apt-get install python3-matplotlib`, or `pip install matplotlib`. Run by a python3
without it, the script hands itself to /usr/bin/python3 when that one exists.
"""

import argparse
import csv
import math
import os
import sys
from collections import Counter

try:
    import matplotlib
except ImportError:
    # A python3 without matplotlib first on the PATH (pyenv, say): Debian's own may have python3-matplotlib.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("plot.py: needs matplotlib: apt-get install python3-matplotlib, or pip install matplotlib")

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (the backend must be chosen first)

TRANSPORTS = ["short-polling", "long-polling", "websocket"]
COLORS = {"short-polling": "#d62728", "long-polling": "#ff7f0e", "websocket": "#1f77b4"}
ENGINE_STYLES = ["-", "-.", "--", ":"]
CATEGORIES = [
    ("payloadPerDelivery", "payload (delivered JSON)", "#2ca02c"),
    ("headersPerDelivery", "HTTP headers / handshake", "#d62728"),
    ("framingPerDelivery", "framing ([ , ] and frame headers)", "#9467bd"),
    ("emptyPollsPerDelivery", "empty polls", "#8c564b"),
    ("keepalivePerDelivery", "keepalive (ping/pong/close)", "#7f7f7f"),
]
PERCENTILE_TICKS = [(2, "50%"), (10, "90%"), (100, "99%"), (1000, "99.9%"), (10000, "99.99%")]

plt.rcParams.update({
    "font.size": 14, "axes.titlesize": 17, "axes.labelsize": 15, "legend.fontsize": 12,
    "figure.dpi": 130, "axes.grid": True, "grid.alpha": 0.3,
})


class Run:
    """One result directory: its summary rows and where its histograms are."""

    def __init__(self, directory):
        self.directory = directory
        self.name = os.path.basename(os.path.normpath(directory))
        path = os.path.join(directory, "summary.csv")
        if not os.path.isfile(path):
            sys.exit(f"plot.py: {path} not found (is {directory} a result directory of run-benchmarks.sh?)")
        with open(path, newline="") as f:
            self.rows = list(csv.DictReader(f))

    def of(self, benchmark):
        return [r for r in self.rows if r["benchmark"] == benchmark]

    def histogram(self, row, kind):
        """The (1/(1-percentile), value in ms) points of a row's corrected or uncorrected .hgrm file."""
        if not row.get("histogram"):
            return []
        path = os.path.join(self.directory, "histograms", f"{row['histogram']}.{kind}.hgrm")
        if not os.path.isfile(path):
            return []
        return read_hgrm(path)


def read_hgrm(path):
    points = []
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) != 4 or line.lstrip().startswith("#"):
                continue
            try:
                value, inverse = float(fields[0]), float(fields[3])
            except ValueError:
                continue
            if math.isfinite(inverse):
                points.append((inverse, value / 1000.0))
    return points


def num(row, column):
    """A numeric cell, or None when empty."""
    value = row.get(column, "")
    return float(value) if value not in ("", None) else None


def engines_of(rows):
    return sorted({r["engine"] for r in rows})


def engine_style(engines, engine):
    return ENGINE_STYLES[engines.index(engine) % len(ENGINE_STYLES)] if engine in engines else "-"


def base_rows(run):
    """FanOut rows of the base configuration: minimal headers, 1 s polling, the most common clients, rate and
    the smallest payload among them, one per transport and engine."""
    rows = [r for r in run.of("FanOut") if r["headers"] == "minimal" and r["pollIntervalMs"] == "1000"]
    if not rows:
        return []
    load = Counter((r["clients"], r["rate"]) for r in rows).most_common(1)[0][0]
    rows = [r for r in rows if (r["clients"], r["rate"]) == load]
    smallest = min(int(r["payloadBytes"]) for r in rows)
    return [r for r in rows if int(r["payloadBytes"]) == smallest]


def label(row, engines, suffix=""):
    text = row["transport"] + (f" / {row['engine']}" if len(engines) > 1 else "")
    return text + suffix


def missing(ax, what):
    ax.text(0.5, 0.5, f"no {what} rows in this run;\nrun scripts/run-benchmarks.sh --full",
            ha="center", va="center", fontsize=16, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    if what not in REPORTED:
        REPORTED.add(what)
        print(f"plot.py: no {what} rows in this run", file=sys.stderr)


REPORTED = set()


def save(fig, out, name):
    fig.tight_layout()
    for ext in ("png", "svg"):
        fig.savefig(os.path.join(out, f"{name}.{ext}"))
    plt.close(fig)


def runs_to_draw(run, other):
    """The run, and the compared run drawn lighter, each with its legend suffix and line alpha."""
    pairs = [(run, "", 1.0)]
    if other is not None:
        pairs.append((other, f" ({other.name})", 0.45))
    return pairs


def latency_percentiles(run, other, out):
    fig, ax = plt.subplots(figsize=(12, 7))
    drawn = False
    for r, suffix, alpha in runs_to_draw(run, other):
        rows = base_rows(r)
        engines = engines_of(rows)
        for row in rows:
            style = engine_style(engines, row["engine"])
            for kind, width, extra in (("corrected", 2.5, ""), ("uncorrected", 1.5, ", uncorrected")):
                points = r.histogram(row, kind)
                if not points:
                    continue
                xs, ys = zip(*points)
                ax.plot(xs, ys, linestyle=style if kind == "corrected" else ":", linewidth=width, alpha=alpha,
                        color=COLORS[row["transport"]], label=label(row, engines, extra + suffix))
                drawn = True
    if not drawn:
        missing(ax, "FanOut")
    else:
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks([t for t, _ in PERCENTILE_TICKS])
        ax.set_xticklabels([l for _, l in PERCENTILE_TICKS])
        ax.set_xlim(1, 10000)
        ax.set_xlabel("percentile")
        ax.set_ylabel("delivery latency (ms, log scale)")
        ax.legend(loc="upper left")
    rows = base_rows(run)
    load = f" ({rows[0]['clients']} clients, {rows[0]['rate']} msg/s, {rows[0]['payloadBytes']}-char text)" if rows else ""
    ax.set_title("Delivery latency from the intended send time" + load)
    save(fig, out, "latency-percentiles")


def stacked_bars(ax, rows, positions, width, hatch, suffix):
    bottoms = [0.0] * len(rows)
    for column, name, color in CATEGORIES:
        values = [num(r, column) or 0.0 for r in rows]
        ax.bar(positions, values, width, bottom=bottoms, color=color, hatch=hatch, edgecolor="white",
               label=name + suffix)
        bottoms = [b + v for b, v in zip(bottoms, values)]


def bytes_per_delivery(run, other, out):
    rows = [r for r in run.of("FanOut") if r["headers"] == "minimal" and r["pollIntervalMs"] == "1000"]
    payloads = sorted({int(r["payloadBytes"]) for r in rows})
    bars = max(3, len({(r["transport"], r["engine"]) for r in rows}))
    fig, axes = plt.subplots(1, max(1, len(payloads)), figsize=(max(9, 1.8 * bars) * max(1, len(payloads)), 7.5),
                             squeeze=False)
    if not payloads:
        missing(axes[0][0], "FanOut")
        axes[0][0].set_title("Bytes on the wire per delivered message")
    for ax, payload in zip(axes[0], payloads):
        group = sorted((r for r in rows if int(r["payloadBytes"]) == payload),
                       key=lambda r: (TRANSPORTS.index(r["transport"]), r["engine"]))
        engines = engines_of(group)
        width = 0.38 if other else 0.7
        stacked_bars(ax, group, list(range(len(group))), width, None, "")
        if other is not None:
            twins = [next((o for o in other.of("FanOut") if same_run(o, r)), {}) for r in group]
            stacked_bars(ax, twins, [i + width for i in range(len(group))], width, "//", f" ({other.name})")
        ax.set_xticks([i + (width / 2 if other else 0) for i in range(len(group))])
        ax.set_xticklabels([label(r, engines).replace(" / ", "\n") for r in group], fontsize=12)
        ax.set_ylabel("bytes per delivered message")
        ax.set_title(f"Bytes per delivery, {payload}-character messages")
        ax.legend(loc="upper right", fontsize=10)
    save(fig, out, "bytes-per-delivery")


def same_run(a, b):
    keys = ("benchmark", "transport", "engine", "clients", "rate", "payloadBytes", "pollIntervalMs", "headers")
    return all(a.get(k) == b.get(k) for k in keys)


def polling_dial(run, other, out):
    fig, (lat, byt) = plt.subplots(1, 2, figsize=(16, 7))
    drawn = False
    for r, suffix, alpha in runs_to_draw(run, other):
        fan = [x for x in r.of("FanOut") if x["headers"] == "minimal"]
        engines = engines_of(fan)
        for engine in engines:
            polls = [x for x in fan if x["transport"] == "short-polling" and x["engine"] == engine]
            if not polls:
                continue
            smallest = min(int(x["payloadBytes"]) for x in polls)
            sweep = sorted((x for x in polls if int(x["payloadBytes"]) == smallest),
                           key=lambda x: int(x["pollIntervalMs"]))
            if len(sweep) < 2:
                continue
            drawn = True
            style = engine_style(engines, engine)
            name = f"short polling{' / ' + engine if len(engines) > 1 else ''}{suffix}"
            xs = [int(x["pollIntervalMs"]) for x in sweep]
            lat.plot(xs, [num(x, "latencyMeanUs") / 1000 for x in sweep], "o" + style, color=COLORS["short-polling"],
                     alpha=alpha, label=f"{name}: mean")
            lat.plot(xs, [num(x, "latencyP99Us") / 1000 for x in sweep], "s" + style, color="#9b1c1c",
                     alpha=alpha, label=f"{name}: p99")
            byt.plot(xs, [num(x, "bytesPerDelivery") for x in sweep], "o" + style, color=COLORS["short-polling"],
                     alpha=alpha, label=name)
            if not suffix:
                model_line(lat, xs, [num(x, "modelLatencyMeanUs") for x in sweep], 1000, "model (prediction): mean")
                model_line(lat, xs, [num(x, "modelLatencyMaxUs") for x in sweep], 1000, "model (prediction): worst")
                model_line(byt, xs, [num(x, "modelBytesPerDelivery") for x in sweep], 1, "model (prediction)")
            base = sweep[0]
            for transport in ("long-polling", "websocket"):
                ref = next((x for x in fan if x["transport"] == transport and x["engine"] == engine
                            and x["clients"] == base["clients"] and x["rate"] == base["rate"]
                            and x["payloadBytes"] == base["payloadBytes"]), None)
                if ref and num(ref, "latencyMeanUs") is not None:
                    lat.axhline(num(ref, "latencyMeanUs") / 1000, color=COLORS[transport], linestyle=style,
                                alpha=alpha, label=f"{transport} mean{' / ' + engine if len(engines) > 1 else ''}{suffix}")
                    byt.axhline(num(ref, "bytesPerDelivery"), color=COLORS[transport], linestyle=style, alpha=alpha,
                                label=f"{transport}{' / ' + engine if len(engines) > 1 else ''}{suffix}")
    if not drawn:
        missing(lat, "short-polling interval sweep (FanOut)")
        missing(byt, "short-polling interval sweep (FanOut)")
    else:
        intervals = sorted({int(x["pollIntervalMs"]) for x in run.of("FanOut") if x["transport"] == "short-polling"})
        for ax in (lat, byt):
            ax.set_xscale("log")
            ax.set_xticks(intervals)
            ax.set_xticklabels([str(i) for i in intervals])
            ax.set_xlabel("short-polling interval (ms, log scale)")
            ax.legend(fontsize=9)
        lat.set_yscale("log")
        lat.set_ylabel("delivery latency (ms, log scale)")
        byt.set_ylabel("bytes per delivered message")
    lat.set_title("The polling dial: latency")
    byt.set_title("The polling dial: bytes on the wire")
    save(fig, out, "polling-dial")


def model_line(ax, xs, values, divisor, name):
    if all(v is not None for v in values):
        ax.plot(xs, [v / divisor for v in values], ":", color="black", linewidth=2, label=name)


SERVER_LOAD = [
    ("serverHeapPerClientBytes", "live heap per client (KiB)", 1 / 1024),
    ("serverDirectPerClientBytes", "direct memory per client (KiB)", 1 / 1024),
    ("serverThreads", "server threads", 1),
    ("serverCpuNsPerDelivery", "server CPU per delivery (µs)", 1 / 1000),
    ("serverPeakHeld", "peak held requests", 1),
    ("latencyP99Us", "p99 delivery latency (ms)", 1 / 1000),
]


def server_load(run, other, out):
    fig, axes = plt.subplots(2, 3, figsize=(18, 10))
    if not run.of("Capacity"):
        for ax in axes.flat:
            missing(ax, "Capacity")
    for ax, (column, name, scale) in zip(axes.flat, SERVER_LOAD):
        for r, suffix, alpha in runs_to_draw(run, other):
            rows = r.of("Capacity")
            engines = engines_of(rows)
            for transport in TRANSPORTS:
                for engine in engines:
                    line = sorted((x for x in rows if x["transport"] == transport and x["engine"] == engine
                                   and num(x, column) is not None), key=lambda x: int(x["clients"]))
                    if line:
                        ax.plot([int(x["clients"]) for x in line], [num(x, column) * scale for x in line],
                                "o" + engine_style(engines, engine), color=COLORS[transport], alpha=alpha,
                                label=label(line[0], engines, suffix))
        if run.of("Capacity"):
            ax.set_title(name)
            ax.set_xlabel("connected clients")
    if run.of("Capacity"):
        axes.flat[0].legend(fontsize=10)
    fig.suptitle("Server load against connected clients (Capacity)", fontsize=18)
    save(fig, out, "server-load")


def idle_cost(run, other, out):
    fig, ax = plt.subplots(figsize=(12, 7))
    rows = sorted(run.of("IdleCost"), key=lambda r: (r["headers"], TRANSPORTS.index(r["transport"]), r["engine"]))
    if not rows:
        missing(ax, "IdleCost")
    else:
        engines = engines_of(rows)
        width = 0.38 if other else 0.7
        values = [num(r, "idleBytesPerClientSecond") * 3600 / 1024 for r in rows]
        ax.bar(range(len(rows)), values, width, color=[COLORS[r["transport"]] for r in rows])
        if other is not None:
            twins = [next((o for o in other.of("IdleCost") if same_run(o, r)), None) for r in rows]
            ax.bar([i + width for i in range(len(rows))],
                   [num(t, "idleBytesPerClientSecond") * 3600 / 1024 if t else 0 for t in twins], width,
                   color=[COLORS[r["transport"]] for r in rows], alpha=0.45, hatch="//", label=other.name)
            ax.legend()
        for i, v in enumerate(values):
            ax.annotate(f"{v:,.0f}", (i, v), ha="center", va="bottom", fontsize=11)
        ax.set_xticks([i + (width / 2 if other else 0) for i in range(len(rows))])
        ax.set_xticklabels([f"{label(r, engines)}\n{r['headers']}" for r in rows], fontsize=10)
        ax.set_yscale("log")
        ax.set_ylabel("KiB per client-hour (measured B/s x 3600, log scale)")
        periods = sorted({r["pollIntervalMs"] for r in rows})
        keepalive = "the long-poll hold and the ping interval as in the run"
        ax.set_title(f"Idle cost: bytes per connected client with nobody talking\n"
                     f"(polling every {', '.join(periods)} ms; {keepalive})", fontsize=14)
    save(fig, out, "idle-cost")


MODEL_FIGURES = [
    ("latencyMeanUs", "modelLatencyMeanUs", "mean latency (ms)", 1 / 1000),
    ("bytesPerDelivery", "modelBytesPerDelivery", "bytes per delivery", 1),
    ("idleBytesPerClientSecond", "modelIdleBytesPerClientSecond", "idle bytes per client-second", 1),
]


def model_vs_measured(run, out):
    fig, axes = plt.subplots(1, 3, figsize=(20, 8))
    for ax, (measured, predicted, name, scale) in zip(axes, MODEL_FIGURES):
        rows = [r for r in run.rows if num(r, measured) is not None and num(r, predicted) is not None]
        if not rows:
            missing(ax, "modelled")
            continue
        engines = engines_of(rows)
        xs = range(len(rows))
        m = [num(r, measured) * scale for r in rows]
        p = [num(r, predicted) * scale for r in rows]
        ax.bar([x - 0.2 for x in xs], m, 0.4, color=[COLORS[r["transport"]] for r in rows], label="measured")
        ax.bar([x + 0.2 for x in xs], p, 0.4, color="white", edgecolor="black", hatch="..",
               label="model (prediction)")
        for x, a, b in zip(xs, m, p):
            if b:
                ax.annotate(f"{100 * (a - b) / b:+.0f}%", (x, max(a, b)), ha="center", va="bottom", fontsize=10)
        ax.set_xticks(list(xs))
        ax.set_xticklabels([f"{r['benchmark']}\n{label(r, engines)}\n{detail(r)}" for r in rows],
                           fontsize=8, rotation=60, ha="right")
        if max(m + p) / max(min(v for v in m + p if v > 0), 1e-9) > 50:
            ax.set_yscale("log")
        ax.set_title(name)
        ax.legend(fontsize=10)
    fig.suptitle("The model's predictions beside the measurements (difference: measured vs model)", fontsize=17)
    save(fig, out, "model-vs-measured")


def detail(row):
    if row["benchmark"] == "IdleCost":
        return row["headers"]
    return f"{row['payloadBytes']} B, poll {row['pollIntervalMs']} ms, {row['headers']}"


def main():
    parser = argparse.ArgumentParser(description="Plots a pushbench result directory into DIR/plots/.")
    parser.add_argument("results", help="a result directory of scripts/run-benchmarks.sh")
    parser.add_argument("--compare", metavar="OTHER_DIR", help="a second result directory to overlay")
    args = parser.parse_args()
    if not os.path.isdir(args.results):
        sys.exit(f"plot.py: {args.results} is not a directory")
    run = Run(args.results)
    other = Run(args.compare) if args.compare else None
    out = os.path.join(args.results, "plots")
    os.makedirs(out, exist_ok=True)
    latency_percentiles(run, other, out)
    bytes_per_delivery(run, other, out)
    polling_dial(run, other, out)
    server_load(run, other, out)
    idle_cost(run, other, out)
    model_vs_measured(run, out)
    print(f"plot.py: wrote {out}/*.png and *.svg")


if __name__ == "__main__":
    main()
