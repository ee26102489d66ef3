"""The ONNX int8 backend agrees with torch (within 0.01 macro-F1 on the corpus test split)."""

import numpy as np
import pytest
from conftest import REPO

pytest.importorskip("onnxruntime")

from quotestance.corpus import load_corpus
from quotestance.metrics import point_metrics
from quotestance.stance import (
    StanceClassifier,
    export_onnx,
)


def test_onnx_int8_matches_torch_on_the_test_split(tiny_model):
    path = export_onnx(tiny_model)
    assert path.name == "model.int8.onnx" and path.exists()
    torch_clf = StanceClassifier.from_pretrained(tiny_model)
    onnx_clf = StanceClassifier.from_pretrained(tiny_model, backend="onnx")
    rows = [r for r in load_corpus(REPO / "data" / "quotes") if r["split"] == "test" and r["label"] != "neutral"]
    texts = [r["text"] for r in rows]
    y = np.array([torch_clf.labels.index(r["label"]) for r in rows])
    a, b = torch_clf.predict_proba(texts), onnx_clf.predict_proba(texts)
    assert abs(point_metrics(y, a, torch_clf.labels)["macro_f1"] - point_metrics(y, b, torch_clf.labels)["macro_f1"]) <= 0.01
    assert np.abs(a - b).max() < 0.05
    assert onnx_clf.predict("We are ready.")["label"] in onnx_clf.labels


@pytest.mark.filterwarnings("error")  # the export is quiet: no tracer or quantiser warnings reach the user
def test_export_keeps_fast_kernels(tiny_model):
    """Attention fused and quantised; residual adds left out of the slow SkipLayerNormalization kernel."""
    import onnx

    ops = {n.op_type for n in onnx.load(str(export_onnx(tiny_model))).graph.node}
    assert {"QAttention", "LayerNormalization"} <= ops
    assert "SkipLayerNormalization" not in ops


def test_onnx_backend_leaves_the_callers_floating_point_alone(tiny_model):
    """Denormals are flushed inside the ONNX backend's own thread only, not in the process that calls it."""
    export_onnx(tiny_model)
    tiny = np.array([1e-39], dtype=np.float32)  # a denormal float32
    StanceClassifier.from_pretrained(tiny_model, backend="onnx").predict(["We are ready.", "We will respond."])
    assert (tiny * np.float32(1.0))[0] != 0.0


def test_onnx_backend_without_export_is_a_clear_error(tmp_path, tiny_model):
    import shutil

    m = shutil.copytree(tiny_model, tmp_path / "m", ignore=shutil.ignore_patterns("onnx"))
    with pytest.raises(FileNotFoundError, match="export-onnx"):
        StanceClassifier.from_pretrained(m, backend="onnx")
