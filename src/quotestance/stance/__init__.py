"""Stage 2, statements → stances: the classifier, its backends and the model folder contract."""

from __future__ import annotations

from .backends import BACKENDS, Backend, OnnxBackend, TorchBackend
from .base_models import default_model_path, make_tiny_model, resolve_base_model
from .classifier import StanceClassifier
from .model_folder import ModelInfo, check_model_folder
from .onnx_export import export_onnx

__all__ = [
    "BACKENDS",
    "Backend",
    "ModelInfo",
    "OnnxBackend",
    "StanceClassifier",
    "TorchBackend",
    "check_model_folder",
    "default_model_path",
    "export_onnx",
    "make_tiny_model",
    "resolve_base_model",
]
