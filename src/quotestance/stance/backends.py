"""Inference backends: turn a batch of texts into logits. `StanceClassifier` holds one (composition).

- `TorchBackend`: the model folder's safetensors with transformers; a GPU when present, bf16 where it
  is supported.
- `OnnxBackend`: the folder's exported ONNX model (`export_onnx`) on ONNX Runtime's CPU provider.

A new backend implements `Backend` (a `name` and `logits`) and a `load` function, and registers it in
`BACKENDS`; `StanceClassifier.from_pretrained(..., backend=NAME)` then finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..hf import quiet
from .onnx_export import UNFUSED, require_onnx


class Backend(Protocol):
    """What a classifier needs from a backend."""

    name: str  # recorded in output rows' `model` ("" for the default torch backend)
    device: str

    def logits(self, batch: list[str]) -> np.ndarray:
        """Logits of one batch, shape (len(batch), number of labels)."""
        ...


class TorchBackend:
    name = ""

    def __init__(self, model: Any, tokenizer: Any, max_length: int, device: str) -> None:
        self.model, self.tokenizer, self.max_length, self.device = model, tokenizer, max_length, device

    @classmethod
    def load(cls, folder: Path, max_length: int, device: str | None = None) -> TorchBackend:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        dtype = torch.bfloat16 if device.startswith("cuda") and torch.cuda.is_bf16_supported() else torch.float32
        with quiet():
            model = AutoModelForSequenceClassification.from_pretrained(folder, use_safetensors=True, dtype=dtype, local_files_only=True)
            tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        return cls(model.to(device).eval(), tokenizer, max_length, device)

    def logits(self, batch: list[str]) -> np.ndarray:
        import torch

        enc = self.tokenizer(batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt").to(self.device)
        with torch.inference_mode():
            return self.model(**enc).logits.float().cpu().numpy()


class OnnxBackend:
    name = "onnx"
    device = "cpu"

    def __init__(self, session: Any, tokenizer: Any, max_length: int, runner: ThreadPoolExecutor) -> None:
        self.session, self.tokenizer, self.max_length, self.runner = session, tokenizer, max_length, runner

    @classmethod
    def load(cls, folder: Path, max_length: int, device: str | None = None) -> OnnxBackend:
        require_onnx()
        import onnxruntime as ort
        from transformers import AutoTokenizer

        if device not in (None, "cpu"):
            raise ValueError(f"the onnx backend runs on the CPU only, not {device!r}")
        path = next((p for p in (folder / "onnx" / "model.int8.onnx", folder / "onnx" / "model.onnx") if p.exists()), None)
        if path is None:
            raise FileNotFoundError(f"{folder}: no ONNX model; run `quotestance export-onnx --model {folder}` first")
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # tiny activations flushed to zero: ~7% faster here (denormal arithmetic is slow on x86), same labels.
        # ONNX Runtime sets that mode on the thread that creates the session, for good; so the session is
        # created and run on a thread of its own, and the caller's floating point is left as it was.
        opts.add_session_config_entry("session.set_denormal_as_zero", "1")
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quotestance-onnx")
        session = runner.submit(
            ort.InferenceSession, str(path), opts, providers=["CPUExecutionProvider"], disabled_optimizers=UNFUSED
        ).result()
        return cls(session, AutoTokenizer.from_pretrained(folder, local_files_only=True), max_length, runner)

    def logits(self, batch: list[str]) -> np.ndarray:
        enc = self.tokenizer(batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="np")
        feeds = {
            "input_ids": enc["input_ids"].astype(np.int64),
            "attention_mask": enc["attention_mask"].astype(np.int64),
            "token_type_ids": enc.get("token_type_ids", np.zeros_like(enc["input_ids"])).astype(np.int64),
        }
        return self.runner.submit(self.session.run, ["logits"], feeds).result()[0]


BACKENDS: dict[str, Callable[..., Backend]] = {"torch": TorchBackend.load, "onnx": OnnxBackend.load}
