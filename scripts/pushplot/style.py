"""The fixed look of every figure: one colour per transport (Okabe-Ito, colour-blind safe), the same in every
figure and every run; corrected latency bold, uncorrected thin; the compared side dashed, hatched or lighter."""

import zlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (the backend must be chosen first)

TRANSPORTS = ["short-polling", "long-polling", "websocket", "sse"]
COLORS = {"short-polling": "#D55E00", "long-polling": "#E69F00", "websocket": "#0072B2", "sse": "#009E73"}
SPARE_COLORS = ["#CC79A7", "#56B4E9", "#000000"]
# Byte categories are greys (and yellow for waste) so that they never read as a transport.
CATEGORIES = [
    ("payloadPerDelivery", "payload (delivered JSON)", "#3b3b3b"),
    ("headersPerDelivery", "HTTP headers, handshake", "#8c8c8c"),
    ("framingPerDelivery", "framing: [ , ], frames", "#cfcfcf"),
    ("emptyPollsPerDelivery", "empty polls", "#F0E442"),
    ("keepalivePerDelivery", "keepalive: ping, pong", "#CC79A7"),
]
ENGINE_MARKERS = ["o", "s", "^", "D"]
CORRECTED_WIDTH, UNCORRECTED_WIDTH = 3.0, 1.1
SIDE_LINESTYLES = ["-", "--", ":", "-."]
SIDE_HATCHES = [None, "//", "\\\\", "xx"]
SIDE_ALPHA = [1.0, 0.55, 0.4, 0.3]
SIZE = (12.8, 7.2)  # inches at 100 dpi: 1280 x 720, a projector's size
DPI = 100
LEGEND_RIGHT = 0.77  # the axes end here; the legend sits to the right of the data

plt.rcParams.update({
    "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12, "legend.fontsize": 10.5,
    "figure.titlesize": 15, "axes.grid": True, "grid.alpha": 0.3, "svg.fonttype": "none",
    "svg.hashsalt": "pushbench",  # the same ids in every rebuild: an unchanged figure is an unchanged file
})


def color(transport):
    if transport in COLORS:
        return COLORS[transport]
    return SPARE_COLORS[zlib.crc32(transport.encode()) % len(SPARE_COLORS)]


def order(transport):
    return (TRANSPORTS.index(transport), "") if transport in TRANSPORTS else (len(TRANSPORTS), transport)


def marker(engines, engine):
    return ENGINE_MARKERS[engines.index(engine) % len(ENGINE_MARKERS)] if engine in engines else "o"


def side_style(n):
    return SIDE_LINESTYLES[n % 4], SIDE_HATCHES[n % 4], SIDE_ALPHA[n % 4]
