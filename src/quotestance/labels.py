"""The label set and the stance score.

Ids are fixed so that a binary model's ids are a prefix of a three-class model's: a binary head can be
compared with a three-class head row by row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

CONCILIATORY, HOSTILE, NEUTRAL = "conciliatory", "hostile", "neutral"
BINARY: tuple[str, ...] = (CONCILIATORY, HOSTILE)
THREE_CLASS: tuple[str, ...] = (CONCILIATORY, HOSTILE, NEUTRAL)
ALL_LABELS = frozenset(THREE_CLASS)
LABEL_SETS = {"binary": BINARY, "three_class": THREE_CLASS}
# Phenomena that make a row a hard case (data/GUIDELINE.md, "Phenomena tags"); fragment, rhetorical_question,
# procedural, non_committal and other_side_report describe a row without making it hard.
HARD_TAGS = frozenset(
    """negation conditional_offer conditional_threat veiled_threat understatement polite_hostility sarcasm
    tough_words_conciliatory peace_words_hostile lexical_trap mixed hedged domestic_framing""".split()
)


def is_hard(row: Mapping) -> bool:
    """A row with a hard-case tag."""
    return bool(HARD_TAGS & set(row.get("phenomena") or ()))


def label_set(name: str) -> tuple[str, ...]:
    """The labels of a named label set ("binary" or "three_class")."""
    try:
        return LABEL_SETS[name]
    except KeyError:
        raise ValueError(f"unknown label set {name!r}; choose one of {sorted(LABEL_SETS)}") from None


def id2label(labels: Sequence[str]) -> dict[int, str]:
    return dict(enumerate(labels))


def label2id(labels: Sequence[str]) -> dict[str, int]:
    return {label: i for i, label in enumerate(labels)}


def stance_score(probs: Mapping[str, float]) -> float:
    """P(hostile) - P(conciliatory): -1 is fully conciliatory, +1 fully hostile, 0 balanced or neutral."""
    return float(probs.get(HOSTILE, 0.0) - probs.get(CONCILIATORY, 0.0))
