"""The anchor for Satchel's OCR benchmark: rapidocr-onnxruntime with the same models (its
own PP-OCRv4 detector and direction classifier, which Satchel uses too, and Satchel's
PP-OCRv6 small recogniser from SATCHEL_MODELS_DIR), ONNX Runtime on the same number of
threads, the same page images. Each page is
read `runs` times after one warm-up read; prints one JSON line per page: the median
seconds and the text."""
import json
import os
import statistics
import sys
import time

from rapidocr_onnxruntime import RapidOCR

threads, runs = int(sys.argv[1]), int(sys.argv[2])
engine = RapidOCR(
    intra_op_num_threads=threads,
    inter_op_num_threads=1,
    rec_model_path=os.path.join(os.environ["SATCHEL_MODELS_DIR"], "PP-OCRv6_rec_small.onnx"),
)
for path in sys.argv[3:]:
    engine(path)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result, _ = engine(path)
        times.append(time.perf_counter() - started)
    text = "\n".join(line[1] for line in (result or []))
    print(json.dumps({"path": path, "seconds": statistics.median(times), "text": text}), flush=True)
