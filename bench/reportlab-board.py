#!/usr/bin/python3
"""The reportlab side of the board report benchmark (issue 7, goal 3).

Draws the same pages as profkpi's PDF renderer -- the drawing operations that
`board-reports --ops FILE` recorded from profkpi's own layout: the same text at
the same places in the same faces, tables, charts -- with reportlab (Debian's
python3-reportlab, so run it with /usr/bin/python3) and the same DejaVu TTF
files, embedded and subset by reportlab. Layout is not redone here: this
compares the PDF-writing work, fonts included.

  /usr/bin/python3 bench/reportlab-board.py OPS.json [--runs R] [--out DIR]

Prints reports/s (median, min, max of R runs over every document) and sizes.
"""
import argparse
import io
import json
import statistics
import sys
import time

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_HEIGHT = 841.89


def draw(document, title):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1, pdfVersion=(1, 4))
    c.setTitle(title)
    for page in document["pages"]:
        for op in page:
            kind = op["op"]
            if kind == "text":
                c.setFillColorRGB(*op["rgb"])
                c.setFont("DejaVu-Bold" if op["bold"] else "DejaVu", op["size"])
                c.drawString(op["x"], PAGE_HEIGHT - op["y"], op["s"])
            elif kind == "line":
                (x1, y1), (x2, y2) = op["p"]
                c.saveState()
                if op["dashed"]:
                    c.setDash(3, 2)
                c.setLineWidth(op["w"])
                c.setStrokeColorRGB(*op["rgb"])
                c.line(x1, PAGE_HEIGHT - y1, x2, PAGE_HEIGHT - y2)
                c.restoreState()
            elif kind == "fillRect":
                c.setFillColorRGB(*op["rgb"])
                c.rect(op["x"], PAGE_HEIGHT - op["y"] - op["h"], op["w"], op["h"], stroke=0, fill=1)
            elif kind == "strokeRect":
                c.setLineWidth(op["lw"])
                c.setStrokeColorRGB(*op["rgb"])
                c.rect(op["x"], PAGE_HEIGHT - op["y"] - op["h"], op["w"], op["h"], stroke=1, fill=0)
            elif kind == "circle":
                c.setFillColorRGB(*op["rgb"])
                c.circle(op["x"], PAGE_HEIGHT - op["y"], op["r"], stroke=0, fill=1)
            elif kind == "polygon":
                c.setFillColorRGB(*op["rgb"])
                path = c.beginPath()
                for i, (x, y) in enumerate(op["p"]):
                    (path.lineTo if i else path.moveTo)(x, PAGE_HEIGHT - y)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
            elif kind == "polyline":
                c.saveState()
                c.setLineJoin(1)
                c.setLineCap(1)
                c.setLineWidth(op["w"])
                c.setStrokeColorRGB(*op["rgb"])
                path = c.beginPath()
                for i, (x, y) in enumerate(op["p"]):
                    (path.lineTo if i else path.moveTo)(x, PAGE_HEIGHT - y)
                c.drawPath(path, stroke=1, fill=0)
                c.restoreState()
            else:
                raise ValueError("unknown drawing operation " + kind)
        c.showPage()
    c.save()
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ops", help="JSON written by board-reports --ops")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", help="folder for the PDFs of the first run")
    args = parser.parse_args()
    with open(args.ops, encoding="utf-8") as f:
        data = json.load(f)
    # Registered once per process, as profkpi loads its faces once.
    pdfmetrics.registerFont(TTFont("DejaVu", data["fontFiles"]["regular"]))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", data["fontFiles"]["bold"]))
    documents = data["documents"]
    rates, sizes = [], []
    for run in range(args.runs):
        start = time.perf_counter()
        outputs = [draw(d["drawing"], "Board report: " + d["name"]) for d in documents]
        seconds = time.perf_counter() - start
        rates.append(len(documents) / seconds)
        print(f"run {run + 1}: {len(documents)} reports in {seconds:.3f} s", file=sys.stderr)
        if run == 0:
            sizes = [len(b) for b in outputs]
            if args.out:
                for d, b in zip(documents, outputs):
                    with open(f"{args.out}/{d['name']}.pdf", "wb") as f:
                        f.write(b)
    print(f"reportlab reports {len(documents)} runs {args.runs} median {statistics.median(rates):.1f}/s "
          f"min {min(rates):.1f}/s max {max(rates):.1f}/s; size median {statistics.median(sizes):.0f} B "
          f"min {min(sizes)} max {max(sizes)}")


if __name__ == "__main__":
    main()
