"""Imported first by the CLI: Hugging Face libraries read these at import time, so they are set before any loads."""

import os

OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def apply() -> None:
    """Never reach for the network at run time (a user's own setting wins)."""
    for key, value in OFFLINE.items():
        os.environ.setdefault(key, value)


apply()
