"""A figure that records every bar and line it draws, so that plots/manifest.json says what each figure shows
(the plot test asserts on it)."""

import math
import os
import sys

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import style
from .style import plt


class Canvas:

    def __init__(self, name, title, panels=1, ncols=None, sharey=False):
        self.name, self.title = name, title
        ncols = ncols or min(panels, 3)
        nrows = max(1, math.ceil(panels / max(ncols, 1)))
        self.fig, axes = plt.subplots(nrows, max(ncols, 1), figsize=style.SIZE, squeeze=False, sharey=sharey)
        self.axes = list(axes.flat)
        for ax in self.axes[panels:]:
            ax.set_visible(False)
        self.items, self.notes, self.legend_entries = [], [], {}
        self.placeholder = False
        self.sides = None

    def record(self, kind, ax, side, row, source, series=""):
        self.items.append({"kind": kind, "panel": ax.get_title() or "", "side": side,
                           "transport": row.get("transport", "") if row else "",
                           "engine": row.get("engine", "") if row else "", "source": source, "series": series})

    def bars(self, ax, xs, heights, rows, side, source="measured", **kw):
        ax.bar(xs, heights, **kw)
        for row in rows:
            self.record("bar", ax, side, row, source)

    def line(self, ax, xs, ys, row, side, source="measured", series="", **kw):
        ax.plot(xs, ys, **kw)
        self.record("line", ax, side, row, source, series)

    def hline(self, ax, y, row, side, source="measured", series="", **kw):
        ax.axhline(y, **kw)
        self.record("line", ax, side, row, source, series)

    def note(self, text):
        if text in self.notes:
            return
        self.notes.append(text)
        print(f"plot.py: {self.name}: {text}", file=sys.stderr)

    def missing(self, ax, what):
        self.placeholder = True
        ax.text(0.5, 0.5, f"no {what} rows in this run;\nrun scripts/run-benchmarks.sh --full",
                ha="center", va="center", fontsize=16, transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        self.note(f"no {what} rows in this run: the figure says so")

    def legend_line(self, label, **kw):
        self.legend_entries[label] = Line2D([], [], **kw)

    def legend_patch(self, label, **kw):
        self.legend_entries[label] = Patch(**kw)

    def transports_legend(self, transports):
        for t in transports:
            self.legend_line(t, color=style.color(t), linewidth=4)

    def sides_legend(self, view, lines=True):
        """A legend entry per side, added when saving for the sides that drew something."""
        self.sides = (view, lines)

    def add_sides_legend(self):
        view, lines = self.sides
        drawn = {i["side"] for i in self.items if i["source"] == "measured"}
        shown = [(n, s) for n, s in enumerate(view.sides) if s.name in drawn]
        if len(shown) < 2:
            return
        for n, side in shown:
            linestyle, hatch, alpha = style.side_style(n)
            if lines:
                self.legend_line(side.name, color="black", linestyle=linestyle, alpha=alpha, linewidth=2)
            else:
                self.legend_patch(side.name, facecolor="#999999", alpha=alpha, hatch=hatch, edgecolor="white")

    def save(self, out):
        if self.sides:
            self.add_sides_legend()
        self.fig.suptitle(self.title)
        right = style.LEGEND_RIGHT if self.legend_entries else 1.0
        self.fig.tight_layout(rect=(0, 0, right, 0.95))
        if self.legend_entries:
            self.fig.legend(list(self.legend_entries.values()), list(self.legend_entries.keys()),
                            loc="upper left", bbox_to_anchor=(right, 0.93), frameon=False)
        # No date in the SVG: a rebuilt figure that shows the same differs in nothing.
        for ext, metadata in (("png", {}), ("svg", {"Date": None})):
            self.fig.savefig(os.path.join(out, f"{self.name}.{ext}"), dpi=style.DPI, metadata=metadata)
        plt.close(self.fig)
        return self.manifest()

    def manifest(self):
        return {"name": self.name, "title": self.title, "file": f"{self.name}.png", "skipped": False,
                "placeholder": self.placeholder, "notes": self.notes,
                "panels": [ax.get_title() for ax in self.axes if ax.get_visible()],
                "transports": sorted({i["transport"] for i in self.items if i["transport"]}, key=style.order),
                "bars": sum(1 for i in self.items if i["kind"] == "bar"),
                "lines": sum(1 for i in self.items if i["kind"] == "line"),
                "points": sum(1 for i in self.items if i["kind"] == "point"),
                "items": self.items}


def skipped(name, title, note):
    print(f"plot.py: {name}: {note}", file=sys.stderr)
    return {"name": name, "title": title, "file": None, "skipped": True, "placeholder": False, "notes": [note],
            "panels": [], "transports": [], "bars": 0, "lines": 0, "points": 0, "items": []}
