"""sentence-transformers' own int8 backends, run in a separate virtual environment by bench/encode.py.

sentence-transformers' ``backend="onnx"``/``"openvino"`` need optimum-onnx / optimum-intel, which
require transformers < 4.58 / < 5.6, while this project runs transformers 5. So they run here, in
their own environment (``--peer-python``, e.g. /work/peer-venv: torch 2.13.0, then
sentence-transformers 5, transformers 4.57, optimum-onnx[onnxruntime], optimum-intel[openvino],
datasets), called as a subprocess on the same sentences, timed the same way as bench/encode.py
(warm-up on 64 sentences / 32 pairs, then ``--repeats`` full passes, the fastest counts).

Variants, each made the way sentence-transformers' documentation makes them:

- ``onnx int8``: ``SentenceTransformer(DIR, backend="onnx")`` exported by optimum, then
  ``export_dynamic_quantized_onnx_model(model, "avx2", ...)`` (dynamic int8, the avx2 config, which
  writes ``onnx/model_quint8_avx2.onnx``); on a CPU with VNNI also ``onnx int8 avx512_vnni``, the
  config its documentation advises there (signed weights, ``onnx/model_qint8_avx512_vnni.onnx``);
- ``openvino int8``: ``backend="openvino"``, then ``export_static_quantized_openvino_model``
  (NNCF post-training static quantisation). Its default calibration set (GLUE SST-2 from the
  Hugging Face hub) cannot be downloaded here, so the 300 calibration sentences are the first 300
  STS-B *train* sentences (not the dev sentences that are measured); everything else is its own.
- ``fp32``: sentence-transformers fp32 on torch in this environment (a check that the two
  environments time alike).

The environment used (bench/results/encode.txt prints its versions):

    python3 -m venv /work/peer-venv && /work/peer-venv/bin/pip install torch==2.13.0
    /work/peer-venv/bin/pip install "sentence-transformers>=5,<6" "transformers<4.58" \
        "optimum-onnx[onnxruntime]" "optimum-intel[openvino]" scipy "datasets<4.5" "huggingface-hub<1.0"

Prints one JSON object: {"versions", "notes", "rates" {name: items/s}, "outputs" {name: .npy file}}.

    /work/peer-venv/bin/python bench/st_peer.py --model DIR --texts FILE.json [--cross]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
CACHE = Path(tempfile.gettempdir()) / "sbert-bench-peer"
# bench/ itself off the import path: bench/float16.py would shadow the module of that name that
# onnxruntime.transformers imports (its optimiser then fails, and an export stays unfused)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


def local_calibration(sentences: list[str]) -> None:
    """OVQuantizer's calibration set from ``sentences`` instead of a hub download (no hub here)."""
    from datasets import Dataset
    from optimum.intel.openvino import OVQuantizer

    def get_calibration_dataset(self, dataset_name, num_samples=100, dataset_config_name=None,
                                dataset_split="train", preprocess_function=None, preprocess_batch=True, **_):
        data = Dataset.from_dict({"sentence": sentences[:num_samples]})
        return data.map(lambda ex: preprocess_function({"sentence": ex["sentence"]}), batched=preprocess_batch,
                        remove_columns=["sentence"])

    OVQuantizer.get_calibration_dataset = get_calibration_dataset


def cpu_has_vnni() -> bool:
    """AVX-512 VNNI or AVX-VNNI in /proc/cpuinfo (Linux): then its "avx512_vnni" int8 config runs too."""
    try:
        flags = Path("/proc/cpuinfo").read_text().split()
    except OSError:
        return False
    return "avx512_vnni" in flags or "avx_vnni" in flags


def variants(model_dir: str, cross: bool, calibration: list[str]) -> tuple[dict, list[str]]:
    import sentence_transformers as st
    from sentence_transformers import (
        export_dynamic_quantized_onnx_model, export_static_quantized_openvino_model,
    )

    cls = st.CrossEncoder if cross else st.SentenceTransformer
    import hashlib

    kind = ("cross-" if cross else "bi-") + hashlib.blake2b(str(Path(model_dir).resolve()).encode(),
                                                            digest_size=6).hexdigest()
    out, notes = {"fp32 torch": cls(model_dir, device="cpu")}, []
    configs = ["avx2"] + (["avx512_vnni"] if cpu_has_vnni() else [])
    for config in configs:
        target = CACHE / kind / f"onnx-{config}"
        try:
            if not list((target / "onnx").glob(f"model_*{config}.onnx")):
                exported = cls(model_dir, backend="onnx", device="cpu", model_kwargs={"export": True})
                exported.save_pretrained(str(target))
                export_dynamic_quantized_onnx_model(exported, config, str(target))
            # "avx2" quantises the weights to unsigned 8 bit (onnx/model_quint8_avx2.onnx), "avx512_vnni"
            # (what sentence-transformers' documentation advises for a CPU with VNNI) to signed 8 bit
            name = sorted((target / "onnx").glob(f"model_*{config}.onnx"))[0].name
            notes.append(f"onnx int8 file: onnx/{name}")
            label = "onnx int8" if config == "avx2" else f"onnx int8 {config}"
            out[label] = cls(str(target), backend="onnx", device="cpu", model_kwargs={"file_name": f"onnx/{name}"})
        except Exception as exc:  # noqa: BLE001 - say why and go on
            notes.append(f"onnx int8 {config}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    target = CACHE / kind / "openvino"
    try:
        if not (target / "openvino" / "openvino_model_qint8_quantized.xml").is_file():
            local_calibration(calibration)
            exported = cls(model_dir, backend="openvino", device="cpu")
            exported.save_pretrained(str(target))
            export_static_quantized_openvino_model(exported, None, str(target))
        out["openvino int8"] = cls(str(target), backend="openvino", device="cpu",
                                   model_kwargs={"file_name": "openvino/openvino_model_qint8_quantized.xml"})
    except Exception as exc:  # noqa: BLE001
        notes.append(f"openvino int8: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    return out, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--texts", required=True, help="JSON: {'sentences': [...]} or {'pairs': [[a, b], ...]}")
    parser.add_argument("--calibration", required=True, help="JSON list of calibration sentences")
    parser.add_argument("--cross", action="store_true")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--out", default=str(CACHE / "outputs"))
    args = parser.parse_args()

    import numpy as np
    import sentence_transformers
    import torch
    import transformers

    data = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    items = [tuple(p) for p in data["pairs"]] if args.cross else data["sentences"]
    calibration = json.loads(Path(args.calibration).read_text(encoding="utf-8"))
    start = time.perf_counter()
    models, notes = variants(args.model, args.cross, calibration)
    notes.append(f"load + export {time.perf_counter() - start:.1f} s")

    def run(model, data):
        if args.cross:
            return model.predict(data, batch_size=args.batch_size, show_progress_bar=False)
        return model.encode(data, batch_size=args.batch_size, convert_to_numpy=True, show_progress_bar=False)

    for model in models.values():
        run(model, items[:32 if args.cross else 64])
    times: dict[str, list[float]] = {k: [] for k in models}
    outputs = {}
    for _ in range(args.repeats):
        for name, model in models.items():
            start = time.perf_counter()
            outputs[name] = run(model, items)
            times[name].append(time.perf_counter() - start)
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, value in outputs.items():
        files[name] = str(folder / f"{'cross' if args.cross else 'bi'}-{name.replace(' ', '_')}.npy")
        np.save(files[name], np.asarray(value, dtype=np.float32))
    versions = {"sentence-transformers": sentence_transformers.__version__, "transformers": transformers.__version__,
                "torch": torch.__version__}
    from importlib.metadata import PackageNotFoundError, version

    for pkg in ("optimum", "optimum-onnx", "optimum-intel", "onnxruntime", "openvino", "nncf"):
        try:
            versions[pkg] = version(pkg)
        except PackageNotFoundError:
            versions[pkg] = "missing"
    print(json.dumps({"versions": versions, "notes": notes, "threads": torch.get_num_threads(),
                      "rates": {k: len(items) / min(v) for k, v in times.items()}, "outputs": files}))


if __name__ == "__main__":
    sys.exit(main())
