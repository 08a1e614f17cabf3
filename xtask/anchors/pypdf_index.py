"""The anchor for indexing a PDF in Satchel's search benchmark: pypdf extracting every
page's text, then the chunks Satchel cut embedded the way onnxruntime_embed.py does (the
same model and tokenizer, batches of 32 in order, the same number of threads).

Usage: pypdf_index.py MODELS_DIR THREADS PDF CHUNKS_JSON
Prints one JSON line: the seconds for reading and for embedding, and the page count.
The model is loaded and run once on a batch before the embedding is timed."""
import json
import sys
import time

from pypdf import PdfReader

from onnxruntime_embed import embed, load

models_dir, threads, pdf, chunks_json = sys.argv[1:5]
with open(chunks_json, encoding="utf-8") as f:
    chunks = json.load(f)

started = time.perf_counter()
pages = [page.extract_text() for page in PdfReader(pdf).pages]
reading = time.perf_counter() - started

tokenizer, session = load(models_dir, int(threads))
embed(tokenizer, session, chunks[:32])
started = time.perf_counter()
vectors = embed(tokenizer, session, chunks)
embedding = time.perf_counter() - started
assert len(vectors) == len(chunks)

print(json.dumps({"reading_seconds": reading, "embedding_seconds": embedding, "pages": len(pages)}))
