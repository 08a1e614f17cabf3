"""Checks the all-MiniLM-L6-v2 ONNX graph that `cargo xtask models` builds.

Run with the tools venv (it has onnxruntime, numpy and tokenizers):

    ~/.cache/satchel/tools/venv/bin/python xtask/scripts/check_minilm.py [MODELS_DIR]

MODELS_DIR defaults to $SATCHEL_MODELS_DIR, else ~/.cache/satchel/models. Exits non-zero
on the first figure out of tolerance. What it checks:

1. The tokenizer, set up as Satchel uses it (padding off, truncation at 256), gives
   sentence-transformers' ids for "The new movie is awesome".
2. Cosine similarities match those sentence-transformers publishes for this model, to
   within 1e-3 (they are printed to 4 decimals): the 3x3 table in its docs
   (docs/sentence_transformer/usage/semantic_textual_similarity.rst), the README's
   3x3 example, and two pairs of the paraphrase-mining sentences.
3. A padded batch gives the same embeddings as one sentence at a time (1e-5), so the
   attention mask reaches both the attention and the pooling.
4. ONNX Runtime's graph optimisations change nothing beyond float noise (1e-5): its
   1.32 optimiser once broke a position lookup (see shared/RECIPES.md).
"""

import os
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

TOLERANCE_SCORE = 1e-3
TOLERANCE_BATCH = 1e-5

# (sentence a, sentence b, published cosine similarity)
PUBLISHED = [
    # docs/sentence_transformer/usage/semantic_textual_similarity.rst
    ("The new movie is awesome", "The dog plays in the garden", 0.0543),
    ("The new movie is awesome", "The new movie is so great", 0.8939),
    ("The new movie is awesome", "A woman watches TV", -0.0502),
    ("The cat sits outside", "The dog plays in the garden", 0.2838),
    ("The cat sits outside", "The new movie is so great", -0.0029),
    ("The cat sits outside", "A woman watches TV", 0.1310),
    ("A man is playing guitar", "The dog plays in the garden", 0.2277),
    ("A man is playing guitar", "The new movie is so great", -0.0136),
    ("A man is playing guitar", "A woman watches TV", -0.0327),
    # README.md, "Getting Started"
    ("The weather is lovely today.", "It's so sunny outside!", 0.6660),
    ("The weather is lovely today.", "He drove to the stadium.", 0.1046),
    ("It's so sunny outside!", "He drove to the stadium.", 0.1411),
    # Paraphrase-mining example sentences; the figures as quoted in shared/RECIPES.md
    ("The cat sits outside", "The cat plays in the garden", 0.6788),
    ("I love pasta", "Do you like pizza?", 0.5096),
]


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    default = os.environ.get("SATCHEL_MODELS_DIR", Path.home() / ".cache/satchel/models")
    models = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    tokenizer = Tokenizer.from_file(str(models / "minilm-tokenizer.json"))
    # tokenizer.json pads and truncates at 128; sentence-transformers uses 256.
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)

    ids = tokenizer.encode("The new movie is awesome").ids
    print(f"tokens: {ids}")
    if ids != [101, 1996, 2047, 3185, 2003, 12476, 102]:
        fail("token ids differ from sentence-transformers'")

    def session(level):
        options = ort.SessionOptions()
        options.graph_optimization_level = level
        return ort.InferenceSession(
            str(models / "all-minilm-l6-v2.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def embed(sess, texts):
        """Embeddings of `texts` run as one batch, padded to the longest."""
        encodings = tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        feed = {
            name: np.array([getattr(e, field) + [0] * (width - len(e.ids)) for e in encodings], np.int64)
            for name, field in [
                ("input_ids", "ids"),
                ("attention_mask", "attention_mask"),
                ("token_type_ids", "type_ids"),
            ]
        }
        return sess.run(["sentence_embedding"], feed)[0]

    optimised = session(ort.GraphOptimizationLevel.ORT_ENABLE_ALL)
    texts = sorted({t for a, b, _ in PUBLISHED for t in (a, b)})
    single = {t: embed(optimised, [t])[0] for t in texts}

    worst = 0.0
    for a, b, expected in PUBLISHED:
        score = float(single[a] @ single[b])
        worst = max(worst, abs(score - expected))
        print(f"{score:+.4f} (published {expected:+.4f})  {a} | {b}")
        if abs(score - expected) > TOLERANCE_SCORE:
            fail(f"{a!r} vs {b!r}: {score:.4f}, published {expected:.4f}")
    print(f"largest difference from the published scores: {worst:.2e}")

    norms = np.linalg.norm(np.stack(list(single.values())), axis=1)
    print(f"embedding norms within {np.abs(norms - 1).max():.1e} of 1")

    long_text = " ".join(["lorem ipsum dolor sit amet"] * 80)  # truncated to 256 tokens
    batch_texts = texts + [long_text]
    batched = embed(optimised, batch_texts)
    single[long_text] = embed(optimised, [long_text])[0]
    batch_diff = np.abs(batched - np.stack([single[t] for t in batch_texts])).max()
    print(f"batch of {len(batch_texts)} (padded to 256) vs one at a time: max |diff| {batch_diff:.2e}")
    if batch_diff > TOLERANCE_BATCH:
        fail("batched embeddings differ from single ones")

    plain = embed(session(ort.GraphOptimizationLevel.ORT_DISABLE_ALL), batch_texts)
    optimiser_diff = np.abs(plain - batched).max()
    print(f"optimisations off vs on: max |diff| {optimiser_diff:.2e}")
    if optimiser_diff > TOLERANCE_BATCH:
        fail("ONNX Runtime's optimiser changes the result")
    print("OK")


if __name__ == "__main__":
    main()
