"""ONNX Runtime fast path for CPU: export, ONNX Runtime's BERT fusions, int8 dynamic quantisation.

`export_onnx(DIR)` writes DIR/onnx/model.onnx (float32) and DIR/onnx/model.int8.onnx; `--backend onnx`
loads the int8 file (the float one when quantisation was skipped). Optional extra: `pip install .[onnx]`.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from .inference import StanceClassifier, check_model_folder, model_labels, model_name


def _require_onnx() -> None:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        raise ImportError("the ONNX backend needs the onnx extra: pip install 'quotestance[onnx]'") from None


def export_onnx(folder: str | Path, quantize: bool = True, opset: int = 17) -> Path:
    """Export the model folder's classifier to ONNX, fuse it for CPU, and quantise it to int8.

    Measured here (benchmarks/inference.py): torch's TorchScript exporter on the model loaded with eager
    attention gives a graph in which ONNX Runtime's BERT optimizer fuses attention, embeddings and
    layer norms; the dynamo exporter's graph (DESIGN.md's suggestion) gets no attention fusion and its
    int8 model is about 25% slower. The dynamo exporter remains the fallback when the other fails.
    """
    import json

    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    _require_onnx()
    folder = Path(folder)
    check_model_folder(folder)
    out_dir = folder / "onnx"
    out_dir.mkdir(exist_ok=True)
    model = AutoModelForSequenceClassification.from_pretrained(folder, use_safetensors=True, local_files_only=True,
                                                               attn_implementation="eager").eval()
    tok = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    enc = tok(["an example quote for tracing", "a second, longer example quote for the exporter"], padding=True, return_tensors="pt")

    class Wrapper(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001
            return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits

    names = ["input_ids", "attention_mask", "token_type_ids"]
    args = (enc["input_ids"], enc["attention_mask"], enc.get("token_type_ids", torch.zeros_like(enc["input_ids"])))
    fp32 = out_dir / "model.onnx"
    try:
        torch.onnx.export(Wrapper(model).eval(), args, str(fp32), dynamo=False, opset_version=opset, input_names=names,
                          output_names=["logits"], dynamic_axes={n: {0: "batch", 1: "sequence"} for n in names})
    except Exception:  # noqa: BLE001 - any exporter failure: fall back to the dynamo exporter
        batch, seq = torch.export.Dim("batch", min=1, max=4096), torch.export.Dim("sequence", min=2, max=512)
        program = torch.onnx.export(Wrapper(model).eval(), args, dynamo=True, opset_version=18, input_names=names,
                                    output_names=["logits"], dynamic_shapes={n: {0: batch, 1: seq} for n in names})
        program.save(str(fp32))
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((folder / "config.json").read_text())
    fused = out_dir / "model.fused.onnx"
    fusions = FusionOptions("bert")
    fusions.enable_skip_layer_norm = False  # see UNFUSED below
    optimize_model(str(fp32), model_type="bert", num_heads=config.get("num_attention_heads", 0),
                   hidden_size=config.get("hidden_size", 0), optimization_options=fusions).save_model_to_file(str(fused))
    fused.replace(fp32)
    if not quantize:
        (out_dir / "model.int8.onnx").unlink(missing_ok=True)  # else the loader would still prefer a stale int8 model
        return fp32
    from onnxruntime.quantization import QuantType, quantize_dynamic

    int8 = out_dir / "model.int8.onnx"
    # per-channel weights: measured here, it keeps test macro-F1 within 0.01 of float32 (per-tensor did not) and runs faster
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, extra_options={"DefaultTensorType": 1})
    return int8


# ONNX Runtime's CPU SkipLayerNormalization kernel measured ~5x slower than Add + LayerNormalization on
# BERT-sized rows (onnxruntime 1.32, [16, 40, 384]: 0.79 vs 0.14 ms), a quarter of the int8 model's time;
# so the export leaves residual adds unfused and the session is told not to fuse them back.
UNFUSED = ["SkipLayerNormFusion"]


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
        # tiny activations flushed to zero: ~7% faster here (denormal arithmetic is slow on x86), same labels.
        # ONNX Runtime sets that mode on the thread that creates the session, for good; so the session is
        # created and run on a thread of its own, and the caller's floating point is left as it was.
        opts.add_session_config_entry("session.set_denormal_as_zero", "1")
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quotestance-onnx")
        session = runner.submit(ort.InferenceSession, str(path), opts, providers=["CPUExecutionProvider"],
                                disabled_optimizers=UNFUSED).result()
        clf = cls(session, AutoTokenizer.from_pretrained(folder, local_files_only=True), model_labels(folder, info),
                  info.get("temperature", 1.0), model_name(folder, info, "onnx"), batch_size, info.get("max_length", 128), "cpu")
        clf._runner = runner
        return clf

    def _forward(self, batch: list[str]) -> np.ndarray:
        enc = self.tokenizer(batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="np")
        feeds = {"input_ids": enc["input_ids"].astype(np.int64), "attention_mask": enc["attention_mask"].astype(np.int64),
                 "token_type_ids": enc.get("token_type_ids", np.zeros_like(enc["input_ids"])).astype(np.int64)}
        return self._runner.submit(self.model.run, ["logits"], feeds).result()[0]
