"""The anchor for Satchel's voice benchmark: faster-whisper on the same CTranslate2
weights Satchel converts, the same audio, the same thread count, greedy decoding, in
the language SATCHEL_ANCHOR_LANGUAGE names (English when unset). Prints one JSON line
per file: text, seconds spent, audio duration."""
import json
import os
import sys
import time

from faster_whisper import WhisperModel

model_dir, threads = sys.argv[1], int(sys.argv[2])
model = WhisperModel(model_dir, device="cpu", cpu_threads=threads, num_workers=1, local_files_only=True)
for path in sys.argv[3:]:
    started = time.perf_counter()
    segments, info = model.transcribe(
        path, language=os.environ.get("SATCHEL_ANCHOR_LANGUAGE", "en"), beam_size=1, vad_filter=False
    )
    text = " ".join(segment.text.strip() for segment in segments)
    print(json.dumps({"path": path, "text": text, "seconds": time.perf_counter() - started, "duration": info.duration}), flush=True)
