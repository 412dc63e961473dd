"""Cost figures: bytes per delivery split, idle cost, server load against clients, the model beside the
measurements."""

from . import style
from .canvas import Canvas
from .latency import by_transport, twins
from .results import at_load, base_load, missing_twins, num, panels


def engine_count(view, rows):
    return 1 if view.split == "engine" else len({r["engine"] for r in rows})


def tick_labels(ax, view, group, positions):
    """Engines under each bar and the transport, in its colour, under each group of bars."""
    engines = engine_count(view, group) > 1
    ax.set_xticks(positions)
    ax.set_xticklabels([r["engine"] if engines else "" for r in group], fontsize=9)
    for transport in sorted({r["transport"] for r in group}, key=style.order):
        xs = [x for x, r in zip(positions, group) if r["transport"] == transport]
        ax.annotate(transport.replace("-", "\n"), (sum(xs) / len(xs), 0), xycoords=("data", "axes fraction"),
                    xytext=(0, -18 if engines else -4), textcoords="offset points", ha="center", va="top",
                    fontsize=10, fontweight="bold", color=style.color(transport))


def side_positions(view, group):
    """Bar positions per side that has a point in the group: a compared run without one takes no room."""
    sides = [n for n in range(len(view.sides)) if n == 0 or any(view.twin(n, r) for r in group)]
    width = 0.8 / len(sides)
    return width, {n: [i - 0.4 + width * (k + 0.5) for i in range(len(group))] for k, n in enumerate(sides)}


def bytes_per_delivery(view, out):
    name, fan = "bytes-per-delivery", view.primary.of("FanOut")
    load = base_load(fan)
    title = "Bytes on the wire per delivered message, split"
    if not load:
        canvas = Canvas(name, title)
        canvas.missing(canvas.axes[0], "FanOut")
        return canvas.save(out)
    rows = at_load(fan, {k: load[k] for k in ("clients", "rate", "pollIntervalMs")})
    groups = []
    for label, group in panels(view, rows, leave_out=("engine",)):
        for payload, headers in sorted({(int(r["payloadBytes"]), r["headers"]) for r in group},
                                       key=lambda ph: (ph[0], ph[1] != "minimal", ph[1])):
            sub = [r for r in group if int(r["payloadBytes"]) == payload and r["headers"] == headers]
            groups.append((f"{payload}-char messages, {headers} headers" + (f"\n{label}" if label else ""),
                           by_transport(sub)))
    canvas = Canvas(name, f"{title}\n{load['clients']} clients, {load['rate']} msg/s, short polls every "
                    f"{load['pollIntervalMs']} ms", len(groups))
    missing_twins(canvas, view, rows, "FanOut")
    for i, (ax, (label, group)) in enumerate(zip(canvas.axes, groups)):
        ax.set_title(label, fontsize=11.5)
        width, positions = side_positions(view, group)
        top = 0.0
        for n, side in enumerate(view.sides):
            if n not in positions:
                continue
            _, hatch, alpha = style.side_style(n)
            for x, (row, twin) in zip(positions[n], twins(view, n, group)):
                if twin is None or num(twin, "bytesPerDelivery") is None:
                    continue
                bottom = 0.0
                for column, _, colour in style.CATEGORIES:
                    value = num(twin, column) or 0.0
                    ax.bar(x, value, width, bottom=bottom, color=colour, alpha=alpha, hatch=hatch,
                           edgecolor="white", linewidth=0.5)
                    bottom += value
                canvas.record("bar", ax, side.name, twin, "measured")
                total = num(twin, "bytesPerDelivery")
                ax.annotate(f"{total:,.0f}", (x, max(total, bottom)), ha="center", va="bottom", fontsize=8,
                            rotation=90 if len(positions) > 1 else 0)
                top = max(top, total, bottom)
        ax.set_ylim(0, top * (1.12 + 0.1 * len(positions)) or 1)
        tick_labels(ax, view, group, list(range(len(group))))
        if i % 3 == 0:
            ax.set_ylabel("bytes per delivered message")
    for _, category, colour in style.CATEGORIES:
        canvas.legend_patch(category, facecolor=colour)
    canvas.sides_legend(view, lines=False)
    return canvas.save(out)


def idle_cost(view, out):
    name, rows = "idle-cost", view.primary.of("IdleCost")
    title = "Idle cost: bytes per connected client-hour with nobody talking"
    if not rows:
        canvas = Canvas(name, title)
        canvas.missing(canvas.axes[0], "IdleCost")
        return canvas.save(out)
    groups = []
    for label, group in panels(view, rows, leave_out=("engine",)):
        for headers in sorted({r["headers"] for r in group}, key=lambda h: (h != "minimal", h)):
            groups.append((f"{headers} headers" + (f" · {label}" if label else ""),
                           by_transport(r for r in group if r["headers"] == headers)))
    periods = ", ".join(sorted({r["pollIntervalMs"] for r in rows}, key=int))
    canvas = Canvas(name, f"{title}\n{rows[0]['clients']} clients; short polls every {periods} ms, long-poll "
                    f"hold and WebSocket ping as configured in the run", len(groups), sharey=True)
    missing_twins(canvas, view, rows, "IdleCost")
    top = 0.0
    for i, (ax, (label, group)) in enumerate(zip(canvas.axes, groups)):
        ax.set_title(label)
        width, positions = side_positions(view, group)
        for n, side in enumerate(view.sides):
            if n not in positions:
                continue
            _, hatch, alpha = style.side_style(n)
            for x, (row, twin) in zip(positions[n], twins(view, n, group)):
                value = num(twin, "idleBytesPerClientSecond")
                if value is None:
                    continue
                kib = value * 3600 / 1024
                canvas.bars(ax, [x], [kib], [twin], side.name, width=width, color=style.color(row["transport"]),
                            alpha=alpha, hatch=hatch, edgecolor="white")
                ax.annotate(f"{kib:,.0f}" if kib >= 10 else f"{kib:.1f}", (x, kib), ha="center", va="bottom",
                            fontsize=8.5, rotation=90 if len(positions) > 1 else 0)
                top = max(top, kib)
        tick_labels(ax, view, group, list(range(len(group))))
        ax.set_yscale("log")
        if i == 0:
            ax.set_ylabel("KiB per client-hour (log scale)")
    for ax in canvas.axes:
        ax.set_ylim(top=top * 4)
    canvas.transports_legend(sorted({r["transport"] for r in rows}, key=style.order))
    canvas.sides_legend(view, lines=False)
    return canvas.save(out)


SERVER_LOAD = [
    ("serverHeapPerClientBytes", "live heap per client (KiB)", 1 / 1024),
    ("serverDirectPerClientBytes", "direct memory per client (KiB)", 1 / 1024),
    ("serverThreads", "server JVM threads", 1),
    ("serverCpuNsPerDelivery", "server CPU per delivery (µs)", 1 / 1000),
    ("serverPeakHeld", "peak held requests", 1),
    ("latencyP99Us", "p99 delivery latency (ms)", 1 / 1000),
]


def server_load(view, out):
    name, rows = "server-load", view.primary.of("Capacity")
    title = "Server load against connected clients (Capacity)"
    if not rows:
        canvas = Canvas(name, title)
        canvas.missing(canvas.axes[0], "Capacity")
        return canvas.save(out)
    canvas = Canvas(name, f"{title}, {rows[0]['rate']} msg/s per member, {rows[0]['payloadBytes']}-char messages",
                    len(SERVER_LOAD))
    missing_twins(canvas, view, rows, "Capacity")
    engines = sorted({r["engine"] for r in rows})
    lines = {}
    for r in rows:
        lines.setdefault(tuple(r.get(p, "") for p in view.key_params if p != "clients"), []).append(r)
    for ax, (column, label, scale) in zip(canvas.axes, SERVER_LOAD):
        ax.set_title(label)
        ax.set_xlabel("connected clients")
        for line in sorted(lines.values(), key=lambda g: (style.order(g[0]["transport"]), g[0]["engine"])):
            line = sorted(line, key=lambda r: int(r["clients"]))
            for n, side in enumerate(view.sides):
                linestyle, _, alpha = style.side_style(n)
                pairs = [(r, t) for r, t in twins(view, n, line) if t and num(t, column) is not None]
                if pairs:
                    canvas.line(ax, [int(r["clients"]) for r, _ in pairs], [num(t, column) * scale for _, t in pairs],
                                pairs[0][1], side.name, color=style.color(line[0]["transport"]),
                                marker=style.marker(engines, line[0]["engine"]), linestyle=linestyle,
                                alpha=alpha, linewidth=2)
        ax.set_ylim(bottom=0)
    canvas.transports_legend(sorted({r["transport"] for r in rows}, key=style.order))
    if len(engines) > 1 and view.split != "engine":
        for engine in engines:
            canvas.legend_line(engine, color="black", marker=style.marker(engines, engine), linestyle="none")
    canvas.sides_legend(view)
    return canvas.save(out)


MODEL_FIGURES = [
    ("latencyMeanUs", "modelLatencyMeanUs", "mean latency (ms)", 1 / 1000),
    ("bytesPerDelivery", "modelBytesPerDelivery", "bytes per delivery", 1),
    ("idleBytesPerClientSecond", "modelIdleBytesPerClientSecond", "idle bytes per client-second", 1),
]


def model_vs_measured(view, out):
    """Measured against predicted, one point per row: on the diagonal they agree. The first side only: the model
    predicts from the parameters, so a second run would repeat its predictions."""
    name, side = "model-vs-measured", view.primary
    canvas = Canvas(name, f"Measured against the model's prediction ({side.name}): on the line they agree, "
                    f"in the band within ±10 %", len(MODEL_FIGURES))
    benchmarks = sorted({r["benchmark"] for r in side.rows})
    for ax, (measured, predicted, label, scale) in zip(canvas.axes, MODEL_FIGURES):
        rows = [r for r in side.rows if num(r, measured) is not None and num(r, predicted) is not None]
        if not rows:
            canvas.missing(ax, "modelled")
            continue
        ax.set_title(label)
        for row in rows:
            x, y = num(row, predicted) * scale, num(row, measured) * scale
            ax.plot([x], [y], linestyle="none", marker=style.marker(benchmarks, row["benchmark"]), markersize=8,
                    color=style.color(row["transport"]), markeredgecolor="black", markeredgewidth=0.5)
            canvas.record("point", ax, side.name, row, "measured")
        values = [v for r in rows for v in (num(r, measured) * scale, num(r, predicted) * scale) if v > 0]
        low, high = min(values) / 1.5, max(values) * 1.5
        diagonal = [low, high]
        ax.plot(diagonal, diagonal, color="black", linewidth=1)
        ax.fill_between(diagonal, [v * 0.9 for v in diagonal], [v * 1.1 for v in diagonal], color="#999999",
                        alpha=0.3, linewidth=0)
        canvas.record("line", ax, side.name, None, "model")
        scale_kind = "log" if high / low > 50 else "linear"
        ax.set_xscale(scale_kind)
        ax.set_yscale(scale_kind)
        ax.set_xlim(low, high)
        ax.set_ylim(low, high)
        ax.set_xlabel("model (prediction)")
        ax.set_ylabel("measured")
    canvas.transports_legend(sorted({r["transport"] for r in side.rows}, key=style.order))
    for benchmark in benchmarks:
        canvas.legend_line(benchmark, color="#999999", marker=style.marker(benchmarks, benchmark), linestyle="none",
                           markersize=8, markeredgecolor="black")
    return canvas.save(out)
