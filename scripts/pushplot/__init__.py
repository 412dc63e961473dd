"""The pieces of scripts/plot.py: result directories and how runs are matched (results), the fixed look
(style), a figure that records what it draws (canvas), the figures (latency, cost) and the HTML report
(report)."""
