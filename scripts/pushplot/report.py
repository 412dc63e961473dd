"""results/<run>/report.html: one page with the run's environment, its summary tables and every figure, readable
offline. The figures are inlined as data: URIs and a Content-Security-Policy forbids every other source, so the
page can load nothing from anywhere."""

import base64
import html
import os

import markdown

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 1320px; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; display: block; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; }
th { background: #f2f2f2; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; }
figure { margin: 1.5em 0; }
figure img { width: 100%; max-width: 1280px; border: 1px solid #ddd; }
figure.placeholder img { max-width: 480px; }
.note { background: #fff6d6; border-left: 4px solid #E69F00; padding: 0.4em 0.8em; margin: 0.3em 0; }
section.run { border-top: 2px solid #ccc; margin-top: 2em; }
"""


def write(directory, manifest, runs):
    """Writes directory/report.html from the manifest of the figures in directory/plots and the runs shown."""
    parts = [f"<h1>pushbench: {html.escape(heading(manifest))}</h1>"]
    if manifest["notes"] or any(f["notes"] for f in manifest["figures"]):
        parts.append("<h2>Notes</h2>")
        parts += [note(n) for n in manifest["notes"]]
        parts += [note(f"{f['name']}: {n}") for f in manifest["figures"] for n in f["notes"]]
    for side, points in manifest["onlyIn"].items():
        if points:
            items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in points)
            parts.append(f"<details><summary>{len(points)} points only in {html.escape(side)}</summary>"
                         f"<ul>{items}</ul></details>")
    parts.append("<h2>Figures</h2>")
    for figure in manifest["figures"]:
        if figure["skipped"]:
            continue
        with open(os.path.join(directory, "plots", figure["file"]), "rb") as f:
            data = base64.b64encode(f.read()).decode("ascii")
        kind = ' class="placeholder"' if figure["placeholder"] else ""
        parts.append(f'<figure id="{figure["name"]}"{kind}><img alt="{html.escape(figure["title"])}" '
                     f'src="data:image/png;base64,{data}"><figcaption>{html.escape(figure["name"])} '
                     f'(<code>plots/{figure["name"]}.png</code>, <code>.svg</code>)</figcaption></figure>')
    for run in runs:
        parts.append(f'<section class="run"><h2>Run {html.escape(run.name)}</h2>'
                     f"<h3>Environment (env.txt)</h3><pre>{html.escape(run.text('env.txt') or 'no env.txt')}</pre>")
        summary = run.text("summary.md")
        parts.append(markdown.markdown(summary, extensions=["tables"]) if summary else "<p>no summary.md</p>")
        parts.append("</section>")
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f"<title>pushbench: {html.escape(heading(manifest))}</title><style>{STYLE}</style></head>"
            f"<body>{''.join(parts)}</body></html>\n")
    path = os.path.join(directory, "report.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return path


def heading(manifest):
    names = [r["name"] for r in manifest["runs"]]
    if manifest["mode"] == "compare":
        return f"{names[0]} compared with {', '.join(names[1:])}"
    if manifest["mode"] == "compare-engines":
        return f"{manifest['runDirectories'][0]}, engines side by side ({', '.join(names)})"
    return f"run {names[0]}"


def note(text):
    return f'<p class="note">{html.escape(text)}</p>'
