"""The anchor for Satchel's embedding benchmark: the same ONNX file on Python
onnxruntime, the same tokenizer.json through the PyPI `tokenizers` (padding to each
batch's longest text, truncation at 256 tokens), each text begun as the model wants
("passage: " for e5), batches of 32, the same number of threads — written the way a
Python developer would: encode a batch, pad, run. The files and the beginning come
from SATCHEL_EMBED_MODEL, SATCHEL_EMBED_TOKENIZER and SATCHEL_EMBED_PREFIX, which the
benchmark sets to the app's model.

Usage: onnxruntime_embed.py MODELS_DIR THREADS TEXTS_JSON VECTORS_OUT
Loads, embeds every text once (the warm-up) and writes those vectors to VECTORS_OUT
(float32, little-endian, one row per text), then prints "ready". Each line read from
stdin is then a round, "in order" or "sorted" (batches of texts sorted by length
first); it is answered with a JSON line: the seconds the round took."""
import json
import os
import sys
import time

import numpy as np
import onnxruntime
from tokenizers import Tokenizer

BATCH = 32
MAX_TOKENS = 256


PREFIX = os.environ.get("SATCHEL_EMBED_PREFIX", "")


def load(models_dir, threads):
    tokenizer = Tokenizer.from_file(os.path.join(models_dir, os.environ["SATCHEL_EMBED_TOKENIZER"]))
    pad = next(t for t in ("<pad>", "[PAD]") if tokenizer.token_to_id(t) is not None)
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad), pad_token=pad)
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        os.path.join(models_dir, os.environ["SATCHEL_EMBED_MODEL"]),
        options,
        providers=["CPUExecutionProvider"],
    )
    return tokenizer, session


def embed(tokenizer, session, texts):
    """One unit vector per text, in order."""
    vectors = []
    for start in range(0, len(texts), BATCH):
        encodings = tokenizer.encode_batch([PREFIX + t for t in texts[start : start + BATCH]])
        inputs = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        (batch,) = session.run(["sentence_embedding"], inputs)
        vectors.append(batch)
    return np.concatenate(vectors)


def embed_sorted(tokenizer, session, texts):
    """The same, with texts of similar length batched together to pad less (sorted by
    characters, as sentence-transformers does)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = embed(tokenizer, session, [texts[i] for i in order])
    out = np.empty_like(vectors)
    out[order] = vectors
    return out


def main():
    models_dir, threads, texts_json, vectors_out = sys.argv[1:5]
    with open(texts_json, encoding="utf-8") as f:
        texts = json.load(f)
    tokenizer, session = load(models_dir, int(threads))
    embed(tokenizer, session, texts).astype("<f4").tofile(vectors_out)
    print("ready", flush=True)
    for line in sys.stdin:
        run = embed_sorted if line.strip() == "sorted" else embed
        started = time.perf_counter()
        run(tokenizer, session, texts)
        print(json.dumps({"seconds": time.perf_counter() - started}), flush=True)


if __name__ == "__main__":
    main()
