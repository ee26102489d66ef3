"""Shared fixtures: a tiny randomly initialised BERT, a small labelled corpus, and a model trained on it."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

CONCILIATORY = [
    "We are ready to talk tomorrow without conditions.",
    "We welcome the release of the crew and thank our partners.",
    "Our door remains open to dialogue and cooperation.",
    "We have no intention of escalating this dispute.",
    "This agreement is a constructive first step for both nations.",
    "We will work together to rebuild trust.",
]
HOSTILE = [
    "They will pay a heavy price for this provocation.",
    "We condemn this reckless act of aggression.",
    "Any further incursion will be met with force.",
    "Their lies will not go unanswered.",
    "This is piracy, and we will retaliate.",
    "We reject their demands as absurd and insulting.",
]
NEUTRAL = ["The delegation arrives on Tuesday.", "We are studying the text of the proposal.", "The meeting is scheduled for noon."]


def make_corpus(path: Path, n_groups: int = 30, seed: int = 0) -> Path:
    """A small corpus in the project schema; groups hash into all three splits."""
    rng = random.Random(seed)
    rows, k = [], 0
    for g in range(n_groups):
        for label, pool in (("conciliatory", CONCILIATORY), ("hostile", HOSTILE), ("neutral", NEUTRAL)):
            k += 1
            text = f"{rng.choice(pool)} Case {g} note {k}."
            rows.append(
                {
                    "id": f"t-{k:04d}",
                    "text": text,
                    "label": label,
                    "speaker": "Ana Test",
                    "country": rng.choice(["Testland", "Examplia"]),
                    "target": "Otherland",
                    "topic": "trade",
                    "phenomena": ["negation"] if "no intention" in text else [],
                    "group": f"t-g{g:03d}",
                    "source": "tests",
                }
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory) -> Path:
    """A 2-layer, 32-wide BERT with the default model's tokenizer: seconds to train, no download."""
    from quotestance.stance.base_models import make_tiny_model

    return make_tiny_model(tmp_path_factory.mktemp("tiny-base"))


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "quotes" / "tiny.jsonl")


def tiny_config(base: Path, corpus: Path, output: Path, **kw):
    from quotestance.training import TrainConfig

    values = {
        "base_model": str(base),
        "data": [str(corpus)],
        "output": str(output),
        "epochs": 2.0,
        "batch_size": 16,
        "learning_rate": 1e-3,
        "baselines": ["majority", "tfidf_logreg"],
        "bootstrap": 50,
        "logging_steps": 2,
    }
    values.update(kw)
    return TrainConfig.load(None, values)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, tiny_base, tiny_corpus) -> Path:
    from quotestance.training import train

    out = tmp_path_factory.mktemp("models") / "tiny"
    return train(tiny_config(tiny_base, tiny_corpus, out))


@pytest.fixture(scope="session")
def tiny_binary_model(tmp_path_factory, tiny_base, tiny_corpus) -> Path:
    """A conciliatory-vs-hostile model (the binary recipe), for behaviour that only a binary model has."""
    from quotestance.training import train

    out = tmp_path_factory.mktemp("models") / "tiny-binary"
    return train(tiny_config(tiny_base, tiny_corpus, out, label_set="binary"))
