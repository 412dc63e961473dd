"""Result directories, their parameters, and matching two of them point by point."""

import csv
import math
import os
import sys
from collections import Counter

# The parameters every summary.csv has, and those other dimensions bring when they land. A column before
# deliveriesPerSec, or a key of the histogram names, counts as a parameter too, whatever its name.
CORE = ["benchmark", "transport", "engine", "clients", "rate", "payloadBytes", "pollIntervalMs", "headers"]
PROFILE = ["network", "rttMs", "tls", "http"]
FIRST_FIGURE = "deliveriesPerSec"


class Run:
    """One result directory: its summary rows, parameter columns and histograms."""

    def __init__(self, directory):
        self.directory = directory
        self.name = os.path.basename(os.path.normpath(directory))
        path = os.path.join(directory, "summary.csv")
        if not os.path.isfile(path):
            sys.exit(f"plot.py: {path} not found (is {directory} a result directory of run-benchmarks.sh?)")
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            self.rows = list(reader)
            self.columns = reader.fieldnames or []
        lacking = [c for c in CORE if c not in self.columns]
        if lacking:
            sys.exit(f"plot.py: {path} lacks the column(s) {', '.join(lacking)}: not a summary.csv of "
                     f"run-benchmarks.sh")
        for r in self.rows:
            r["transport"] = transport_of(r)
        self.params = parameter_columns(self.columns, self.rows)

    def histogram(self, row, kind):
        """The (1/(1-percentile), value in ms) points of a row's corrected or uncorrected .hgrm file."""
        if not row.get("histogram"):
            return []
        path = os.path.join(self.directory, "histograms", f"{row['histogram']}.{kind}.hgrm")
        return read_hgrm(path) if os.path.isfile(path) else []

    def text(self, name):
        path = os.path.join(self.directory, name)
        if not os.path.isfile(path):
            return None
        with open(path, encoding="utf-8") as f:
            return f.read()


def parameter_columns(columns, rows):
    named = {pair.split("=", 1)[0] for r in rows for pair in (r.get("histogram") or "").split("_") if "=" in pair}
    cut = columns.index(FIRST_FIGURE) if FIRST_FIGURE in columns else len(columns)
    return [c for i, c in enumerate(columns) if c in CORE or c in PROFILE or c in named or i < cut]


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
    """A numeric cell, or None when empty or absent."""
    value = (row or {}).get(column, "")
    try:
        return float(value) if value not in ("", None) else None
    except ValueError:
        return None


def transport_of(row):
    """short-polling, SHORT_POLLING and Short_Polling are one transport."""
    return row["transport"].strip().lower().replace("_", "-")


class Side:
    """What one colour intensity of a figure shows: a whole run, or one engine of a run (--compare-engines)."""

    def __init__(self, name, run, rows):
        self.name, self.run, self.rows = name, run, rows

    def of(self, benchmark):
        return [r for r in self.rows if r["benchmark"] == benchmark]


class View:
    """The sides a figure draws (the first solid, the others hatched or dashed) and how their points match."""

    def __init__(self, sides, split=None):
        self.sides = sides
        self.split = split
        self.primary = sides[0]
        names = [s.run.params for s in sides]
        common = [p for p in names[0] if all(p in other for other in names[1:])]
        self.key_params = [p for p in common if p != split]
        self.notes = []
        for s in sides:
            lacking = [p for p in s.run.params if p not in common and p != split]
            if lacking and len(sides) > 1:
                self.notes.append(f"{s.name} has parameter columns the other run lacks ({', '.join(lacking)}); "
                                  f"points are matched without them")
        self.index = [{self.key(r): r for r in s.rows} for s in sides]
        # rttMs says what a network profile is, so it labels the network's panel rather than making its own.
        self.facet_params = [p for p in self.key_params
                             if p not in CORE and not (p == "rttMs" and "network" in self.key_params)]
        if split != "engine":
            self.facet_params.insert(0, "engine")

    def key(self, row):
        return tuple(row.get(p, "") for p in self.key_params)

    def twin(self, side_index, row):
        """The point of another side with the same parameters as row, or None."""
        return self.index[side_index].get(self.key(row))

    def only_in(self):
        """Per side, the points no other side has."""
        keys = [set(i) for i in self.index]
        result = {}
        for n, side in enumerate(self.sides):
            others = set().union(*(k for m, k in enumerate(keys) if m != n)) if len(keys) > 1 else keys[n]
            result[side.name] = [describe(side.run.params, r) for r in side.rows
                                 if self.key(r) not in others] if len(keys) > 1 else []
        return result


def facets(view, rows, leave_out=()):
    """The facet columns that vary among rows: a panel per combination."""
    shown = [p for p in view.facet_params if p not in leave_out]
    return [p for p in shown if len({r.get(p, "") for r in rows}) > 1]


def facet_label(row, columns):
    parts = []
    for c in columns:
        if c == "network" and row.get("rttMs"):
            parts.append(f"{row[c]} network (RTT {row['rttMs']} ms)")
        elif c == "engine":
            parts.append(row[c])
        else:
            parts.append(f"{c}={row.get(c, '')}")
    return " · ".join(parts)


def base_load(rows):
    """The FanOut load the single-load figures show: minimal headers and 1 s polling where the run has them, the
    most common clients and rate, the smallest payload."""
    pick = [r for r in rows if r["headers"] == "minimal"] or rows
    pick = [r for r in pick if r["pollIntervalMs"] == "1000"] or pick
    if not pick:
        return None
    clients, rate = Counter((r["clients"], r["rate"]) for r in pick).most_common(1)[0][0]
    pick = [r for r in pick if (r["clients"], r["rate"]) == (clients, rate)]
    payload = min(int(r["payloadBytes"]) for r in pick)
    return {"clients": clients, "rate": rate, "payloadBytes": str(payload),
            "headers": pick[0]["headers"], "pollIntervalMs": pick[0]["pollIntervalMs"]}


def at_load(rows, load):
    return [r for r in rows if all(r.get(k) == v for k, v in load.items())]


def load_label(load):
    return (f"{load['clients']} clients, {load['rate']} msg/s, {load['payloadBytes']}-char messages, "
            f"{load['headers']} headers, short polls every {load['pollIntervalMs']} ms")


def describe(params, row):
    return " ".join(f"{p}={row.get(p, '')}" for p in params)


def panels(view, rows, leave_out=()):
    """Rows grouped into one panel per facet combination, each with its label, in a stable order."""
    columns = facets(view, rows, leave_out)
    if "engine" in view.facet_params and "engine" not in columns and "engine" not in leave_out:
        columns = ["engine"] + columns
    groups = {}
    for r in rows:
        groups.setdefault(tuple(r.get(c, "") for c in columns), []).append(r)
    return [(facet_label(g[0], columns), g) for _, g in sorted(groups.items(), key=lambda kv: sortable(kv[0]))]


def sortable(values):
    return tuple((0, float(v), "") if v.replace(".", "", 1).isdigit() else (1, 0.0, v) for v in values)


def missing_twins(canvas, view, rows, what):
    """Notes, per compared side, the points of rows it lacks: those are drawn for the first side only."""
    for n, side in enumerate(view.sides[1:], start=1):
        lacking = [r for r in rows if view.twin(n, r) is None]
        if lacking:
            canvas.note(f"{side.name} has no {what} point matching {len(lacking)} of {len(rows)} drawn for "
                        f"{view.primary.name} (the load or another parameter differs); those are drawn for "
                        f"{view.primary.name} only")
