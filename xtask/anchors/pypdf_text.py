"""An anchor for Satchel's PDF benchmark: pypdf extracting every page's text. Reads the
document `runs` times after a warm-up; prints the median seconds and the page count."""
import json
import statistics
import sys
import time

from pypdf import PdfReader

path, runs = sys.argv[1], int(sys.argv[2])


def read():
    reader = PdfReader(path)
    return [page.extract_text() for page in reader.pages]


read()
times = []
for _ in range(runs):
    started = time.perf_counter()
    pages = read()
    times.append(time.perf_counter() - started)
print(json.dumps({"seconds": statistics.median(times), "pages": len(pages)}))
