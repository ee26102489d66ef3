"""ONNX Runtime fast path for CPU: export with torch's dynamo exporter, int8 dynamic quantisation.

`export_onnx(DIR)` writes DIR/onnx/model.onnx (float32) and DIR/onnx/model.int8.onnx; `--backend onnx`
loads the int8 file (the float one when quantisation was skipped). Optional extra: `pip install .[onnx]`.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .inference import StanceClassifier, check_model_folder, model_labels, model_name


def _require_onnx() -> None:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        raise ImportError("the ONNX backend needs the onnx extra: pip install 'quotestance[onnx]'") from None


def export_onnx(folder: str | Path, quantize: bool = True, opset: int = 18) -> Path:
    """Export the model folder's classifier to ONNX (dynamic batch and sequence axes), then quantise to int8."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    _require_onnx()
    folder = Path(folder)
    check_model_folder(folder)
    out_dir = folder / "onnx"
    out_dir.mkdir(exist_ok=True)
    model = AutoModelForSequenceClassification.from_pretrained(folder, use_safetensors=True, local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    enc = tok(["an example quote for tracing", "a second, longer example quote for the exporter"], padding=True, return_tensors="pt")

    class Wrapper(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001
            return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits

    args = (enc["input_ids"], enc["attention_mask"], enc.get("token_type_ids", torch.zeros_like(enc["input_ids"])))
    batch, seq = torch.export.Dim("batch", min=1, max=4096), torch.export.Dim("sequence", min=2, max=512)
    shapes = {"input_ids": {0: batch, 1: seq}, "attention_mask": {0: batch, 1: seq}, "token_type_ids": {0: batch, 1: seq}}
    fp32 = out_dir / "model.onnx"
    program = torch.onnx.export(Wrapper(model).eval(), args, dynamo=True, dynamic_shapes=shapes, opset_version=opset,
                                input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"])
    program.save(str(fp32))
    if not quantize:
        return fp32
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.shape_inference import quant_pre_process

    pre = out_dir / "model.pre.onnx"
    quant_pre_process(str(fp32), str(pre), skip_symbolic_shape=True)
    int8 = out_dir / "model.int8.onnx"
    quantize_dynamic(str(pre), str(int8), weight_type=QuantType.QInt8)
    pre.unlink(missing_ok=True)
    return int8


class OnnxStanceClassifier(StanceClassifier):
    """The same API as `StanceClassifier`, running an exported ONNX model with ONNX Runtime."""

    @classmethod
    def from_pretrained(cls, folder: str | Path, device: str | None = None, batch_size: int = 32, backend: str = "onnx") -> "OnnxStanceClassifier":
        import onnxruntime as ort
        from transformers import AutoTokenizer

        _require_onnx()
        folder = Path(folder)
        info = check_model_folder(folder)
        path = next((p for p in (folder / "onnx" / "model.int8.onnx", folder / "onnx" / "model.onnx") if p.exists()), None)
        if path is None:
            raise FileNotFoundError(f"{folder}: no ONNX model; run `quotestance export-onnx --model {folder}` first")
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        return cls(session, AutoTokenizer.from_pretrained(folder, local_files_only=True), model_labels(folder, info),
                   info.get("temperature", 1.0), model_name(folder, info, "onnx"), batch_size, info.get("max_length", 128), "cpu")

    def _forward(self, batch: list[str]) -> np.ndarray:
        enc = self.tokenizer(batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="np")
        feeds = {"input_ids": enc["input_ids"].astype(np.int64), "attention_mask": enc["attention_mask"].astype(np.int64),
                 "token_type_ids": enc.get("token_type_ids", np.zeros_like(enc["input_ids"])).astype(np.int64)}
        return self.model.run(["logits"], feeds)[0]
