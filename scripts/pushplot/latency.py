"""Latency figures: percentile curves at one load, the short-polling dial, latency against network RTT."""

from . import style
from .canvas import Canvas, skipped
from .results import at_load, base_load, load_label, missing_twins, num, panels

# A network profile is its name, RTT and bandwidths: against RTT, all of them vary together along the x axis.
NETWORK_PARAMS = ("network", "rttMs", "downKbps", "upKbps")
PERCENTILE_TICKS = [(2, "50%"), (10, "90%"), (100, "99%"), (1000, "99.9%"), (10000, "99.99%")]


def by_transport(rows):
    return sorted(rows, key=lambda r: (style.order(r["transport"]), r["engine"]))


def twins(view, n, rows):
    return [(r, r if n == 0 else view.twin(n, r)) for r in rows]


def other_loads(view, n):
    loads = {(int(r["clients"]), float(r["rate"])) for r in view.sides[n].of("FanOut")}
    return "; ".join(f"{c} clients at {r:g} msg/s" for c, r in sorted(loads)) or "none"


def latency_percentiles(view, out):
    name, fan = "latency-percentiles", view.primary.of("FanOut")
    load = base_load(fan)
    title = "Delivery latency from the intended send time" + (f"\n{load_label(load)}" if load else "")
    if not load:
        canvas = Canvas(name, title)
        canvas.missing(canvas.axes[0], "FanOut")
        return canvas.save(out)
    base = at_load(fan, load)
    groups = panels(view, base)
    canvas = Canvas(name, title, len(groups), sharey=True)
    for n, side in enumerate(view.sides[1:], start=1):
        if all(view.twin(n, r) is None for r in base):
            canvas.note(f"{side.name} has no FanOut point at this load ({load_label(load)}); its FanOut loads: "
                        f"{other_loads(view, n)}. Unlike loads are not overlaid: only {view.primary.name} is drawn")
        else:
            missing_twins(canvas, view, base, "FanOut")
    for i, (ax, (label, group)) in enumerate(zip(canvas.axes, groups)):
        ax.set_title(label)
        for n, side in enumerate(view.sides):
            linestyle, _, alpha = style.side_style(n)
            for row, twin in twins(view, n, by_transport(group)):
                for kind, width in (("corrected", style.CORRECTED_WIDTH), ("uncorrected", style.UNCORRECTED_WIDTH)):
                    points = side.run.histogram(twin, kind) if twin else []
                    if points:
                        xs, ys = zip(*points)
                        canvas.line(ax, xs, ys, twin, side.name, series=kind, color=style.color(row["transport"]),
                                    linewidth=width, linestyle=linestyle, alpha=alpha)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks([t for t, _ in PERCENTILE_TICKS])
        ax.set_xticklabels([t for _, t in PERCENTILE_TICKS])
        ax.set_xlim(1, 10000)
        ax.set_xlabel("percentile")
        if i == 0:
            ax.set_ylabel("delivery latency (ms, log scale)")
    canvas.transports_legend(sorted({r["transport"] for r in base}, key=style.order))
    canvas.legend_line("corrected (bold)", color="black", linewidth=style.CORRECTED_WIDTH)
    canvas.legend_line("uncorrected (thin)", color="black", linewidth=style.UNCORRECTED_WIDTH)
    canvas.sides_legend(view)
    return canvas.save(out)


def polling_dial(view, out):
    name, fan = "polling-dial", view.primary.of("FanOut")
    load = base_load(fan)
    sweep = []
    if load:
        sweep_load = {k: v for k, v in load.items() if k != "pollIntervalMs"}
        sweep = [r for r in at_load(fan, sweep_load) if r["transport"] == "short-polling"]
    groups = [(label, sorted(g, key=lambda r: int(r["pollIntervalMs"]))) for label, g in panels(view, sweep)]
    groups = [(label, g) for label, g in groups if len(g) >= 2]
    title = "The polling dial: short polling's latency and bytes against its interval"
    if not groups:
        canvas = Canvas(name, title)
        canvas.missing(canvas.axes[0], "short-polling interval sweep (FanOut)")
        return canvas.save(out)
    canvas = Canvas(name, f"{title}\n{load_label(sweep_load | {'pollIntervalMs': 'N'})}", 2 * len(groups),
                    ncols=len(groups))
    missing_twins(canvas, view, [r for _, g in groups for r in g], "short-polling sweep")
    others = [r for r in at_load(fan, load) if r["transport"] != "short-polling"]
    for i, (label, group) in enumerate(groups):
        lat, byt = canvas.axes[i], canvas.axes[len(groups) + i]
        lat.set_title(f"latency{' · ' + label if label else ''}")
        byt.set_title(f"bytes on the wire{' · ' + label if label else ''}")
        xs = [int(r["pollIntervalMs"]) for r in group]
        for n, side in enumerate(view.sides):
            linestyle, _, alpha = style.side_style(n)
            pairs = [(r, t) for r, t in twins(view, n, group) if t]
            if pairs:
                px = [int(r["pollIntervalMs"]) for r, _ in pairs]
                common = dict(color=style.color("short-polling"), linestyle=linestyle, alpha=alpha)
                canvas.line(lat, px, [num(t, "latencyMeanUs") / 1000 for _, t in pairs], pairs[0][1], side.name,
                            series="mean", marker="o", linewidth=style.CORRECTED_WIDTH, **common)
                canvas.line(lat, px, [num(t, "latencyP99Us") / 1000 for _, t in pairs], pairs[0][1], side.name,
                            series="p99", marker="s", linewidth=style.UNCORRECTED_WIDTH, **common)
                canvas.line(byt, px, [num(t, "bytesPerDelivery") for _, t in pairs], pairs[0][1], side.name,
                            series="bytes", marker="o", linewidth=style.CORRECTED_WIDTH, **common)
            for row in by_transport(r for r in others if same_panel(view, r, group[0])):
                twin = row if n == 0 else view.twin(n, row)
                if twin and num(twin, "latencyMeanUs") is not None:
                    common = dict(color=style.color(row["transport"]), linestyle=linestyle, alpha=alpha,
                                  linewidth=style.CORRECTED_WIDTH)
                    canvas.hline(lat, num(twin, "latencyMeanUs") / 1000, twin, side.name, series="mean", **common)
                    canvas.hline(byt, num(twin, "bytesPerDelivery"), twin, side.name, series="bytes", **common)
        model = [(x, num(r, "modelLatencyMeanUs"), num(r, "modelLatencyMaxUs"), num(r, "modelBytesPerDelivery"))
                 for x, r in zip(xs, group)]
        if all(None not in m for m in model):
            black = dict(color="black", linestyle=":", linewidth=2)
            canvas.line(lat, xs, [m[1] / 1000 for m in model], group[0], view.primary.name, "model", "mean", **black)
            canvas.line(lat, xs, [m[2] / 1000 for m in model], group[0], view.primary.name, "model", "max", **black)
            canvas.line(byt, xs, [m[3] for m in model], group[0], view.primary.name, "model", "bytes", **black)
        for ax in (lat, byt):
            ax.set_xscale("log")
            ax.set_xticks(xs)
            ax.set_xticklabels([str(x) for x in xs])
            ax.minorticks_off()
            ax.set_xlabel("short-polling interval (ms)")
        lat.set_yscale("log")
        lat.set_ylabel("delivery latency (ms, log)")
        byt.set_ylabel("bytes per delivery")
        byt.set_ylim(0, max(max(line.get_ydata()) for line in byt.get_lines()) * 1.1)
    canvas.transports_legend(sorted({r["transport"] for r in sweep + others}, key=style.order))
    canvas.legend_line("mean (bold, o)", color="black", marker="o", linewidth=style.CORRECTED_WIDTH)
    canvas.legend_line("p99 (thin, s)", color="black", marker="s", linewidth=style.UNCORRECTED_WIDTH)
    canvas.legend_line("other transports:\nmean (flat line)", color="#777777", linewidth=style.CORRECTED_WIDTH)
    canvas.legend_line("model (prediction):\nmean, worst, bytes", color="black", linestyle=":", linewidth=2)
    canvas.sides_legend(view)
    return canvas.save(out)


def same_panel(view, row, other):
    return all(row.get(p) == other.get(p) for p in view.facet_params)


def latency_vs_rtt(view, out):
    name, title = "latency-vs-rtt", "Delivery latency against the network round-trip time"
    fan = view.primary.of("FanOut")
    if "rttMs" not in view.primary.run.params:
        return skipped(name, title, "summary.csv has no rttMs column (no network profiles in this run): skipped")
    rtts = {r["rttMs"] for r in fan if r.get("rttMs", "") != ""}
    if len(rtts) < 2:
        return skipped(name, title, f"summary.csv has {len(rtts)} RTT value(s) among FanOut rows: skipped")
    load = base_load(fan)
    return against_rtt(view, out, name, f"{title}\n{load_label(load)}", at_load(fan, load), "FanOut",
                       ("latencyP50Us", "latencyP99Us"), "delivery latency (ms, log scale)", log=True)


def first_message_vs_rtt(view, out):
    name, title = "first-message-vs-rtt", "A newcomer's wait for its first message against the network round-trip time"
    rows = [r for r in view.primary.of("FirstMessage") if num(r, "firstMessageP50Us") is not None]
    rtts = {r.get("rttMs") for r in rows}
    if len(rtts) < 2:
        return skipped(name, title, f"summary.csv has {len(rtts)} RTT value(s) among FirstMessage rows: skipped")
    return against_rtt(view, out, name, f"{title}\nconnect, TLS and WebSocket handshakes, first poll", rows,
                       "FirstMessage", ("firstMessageP50Us", "firstMessageP99Us"), "time to first message (ms)",
                       log=False)


def against_rtt(view, out, name, title, rows, benchmark, columns, ylabel, log):
    """The p50 and p99 columns (microseconds) per transport against RTT, in ms, a panel per group of rows."""
    p50, p99 = columns
    groups = panels(view, rows, leave_out=NETWORK_PARAMS)
    canvas = Canvas(name, title, len(groups), sharey=True)
    missing_twins(canvas, view, rows, benchmark)
    for i, (ax, (label, group)) in enumerate(zip(canvas.axes, groups)):
        ax.set_title(label)
        for transport in sorted({r["transport"] for r in group}, key=style.order):
            line = sorted((r for r in group if r["transport"] == transport), key=lambda r: float(r["rttMs"]))
            for n, side in enumerate(view.sides):
                linestyle, _, alpha = style.side_style(n)
                pairs = [(r, t) for r, t in twins(view, n, line) if t and num(t, p99) is not None]
                if not pairs:
                    continue
                xs = [float(r["rttMs"]) for r, _ in pairs]
                for series, column, width, mark in (("p50", p50, style.UNCORRECTED_WIDTH, "o"),
                                                     ("p99", p99, style.CORRECTED_WIDTH, "s")):
                    canvas.line(ax, xs, [num(t, column) / 1000 for _, t in pairs], pairs[0][1], side.name,
                                series=series, color=style.color(transport), linestyle=linestyle, alpha=alpha,
                                linewidth=width, marker=mark)
        if log:
            ax.set_yscale("log")
        ax.set_xlabel("network round-trip time (ms)")
        if i == 0:
            ax.set_ylabel(ylabel)
    canvas.transports_legend(sorted({r["transport"] for r in rows}, key=style.order))
    canvas.legend_line("p99 (bold, s)", color="black", marker="s", linewidth=style.CORRECTED_WIDTH)
    canvas.legend_line("p50 (thin, o)", color="black", marker="o", linewidth=style.UNCORRECTED_WIDTH)
    canvas.sides_legend(view)
    return canvas.save(out)
