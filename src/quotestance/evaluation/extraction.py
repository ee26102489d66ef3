"""Scoring quote extraction and attribution against gold articles (data/articles/*.txt + *.json).

A predicted quote matches a gold quote when their word overlap is at least half of the longer of the
two (greedy, in reading order). Exact match compares the texts after lower-casing and removing
punctuation and extra whitespace. Speaker accuracy is counted on matched quotes.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..extraction import extract_statements, read_path
from ..records import Article
from ..tables import table


def norm_text(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def overlap(a: str, b: str) -> float:
    ta, tb = norm_text(a).split(), norm_text(b).split()
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    return common / max(len(ta), len(tb))


def load_gold(folder: str | Path) -> list[tuple[Article, dict[str, Any]]]:
    out = []
    for gold_path in sorted(Path(folder).glob("*.json")):
        article = next(read_path(gold_path.with_suffix(".txt")))
        if isinstance(article, Article):
            out.append((article, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], threshold: float = 0.5) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, each side used once."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        best, best_j = threshold, None
        for pj, p in enumerate(pred):
            if pj not in used and (o := overlap(g["text"], p["text"])) >= best:
                best, best_j = o, pj
        if best_j is not None:
            used.add(best_j)
            pairs.append((gi, best_j))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Counts:
    """Counts over all gold articles, and the mistakes a person would want to read."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speaker: int = 0
    partial: int = 0
    non_speech: int = 0
    e2e: int = 0  # found, attributed and labelled right
    e2e_gold: int = 0  # gold quotes with a label the classifier can give
    mistakes: list[dict[str, Any]] = field(default_factory=list)


def _score_matches(
    t: Counts,
    article: Article,
    gq: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    pairs: list[tuple[int, int]],
    labels: list[str],
    label_set: Sequence[str] | None,
    classify: bool,
) -> None:
    """Exact text, speaker, partial flag and end-to-end label of each matched pair."""
    for gi, pj in pairs:
        g, p = gq[gi], pred[pj]
        same_text = norm_text(g["text"]) == norm_text(p["text"])
        same_speaker = (g.get("speaker") or "") == (p.get("speaker") or "")
        t.exact += same_text
        t.speaker += same_speaker
        t.partial += bool(g.get("partial", False)) == bool(p.get("partial", False))
        if classify and (label_set is None or g.get("label") in label_set):
            t.e2e += same_speaker and labels[pj] == g.get("label")
        if not same_text or not same_speaker:
            t.mistakes.append(
                {
                    "article": article.id,
                    "gold": g["text"],
                    "pred": p["text"],
                    "gold_speaker": g.get("speaker"),
                    "pred_speaker": p.get("speaker"),
                }
            )


def _score_unmatched(t: Counts, article: Article, gold: dict[str, Any], pred: list[dict[str, Any]], pairs: list[tuple[int, int]]) -> None:
    """Missed gold quotes, and spurious predictions (counting those the gold lists as non-speech)."""
    gq = gold.get("quotes", [])
    for gi in sorted(set(range(len(gq))) - {g for g, _ in pairs}):
        t.mistakes.append({"article": article.id, "missed": gq[gi]["text"], "gold_speaker": gq[gi].get("speaker")})
    non = {norm_text(x) for x in gold.get("non_quotes", [])}
    matched_pred = {j for _, j in pairs}
    for pj, p in enumerate(pred):
        if pj not in matched_pred:
            is_non = norm_text(p["text"]) in non
            t.non_speech += is_non
            t.mistakes.append({"article": article.id, "spurious": p["text"], "non_speech": is_non})


def evaluate_extraction(
    folder: str | Path,
    extractor: Callable[[Article], list[dict[str, Any]]] | None = None,
    classify: Callable[[list[str]], list[str]] | None = None,
    label_set: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Span, exact-match and speaker scores (and end-to-end stance when `classify` is given).

    End to end counts gold quotes whose label the classifier can give (`label_set`): a binary model is
    not scored on gold neutral quotes, as `evaluate --neutral drop` does for labelled rows."""
    extractor = extractor or (lambda a: [q.to_dict() for q in extract_statements(a)])
    gold_set = load_gold(folder)
    started = time.perf_counter()
    predictions = [(article, gold, extractor(article)) for article, gold in gold_set]
    seconds = time.perf_counter() - started
    t = Counts()
    for article, gold, pred in predictions:
        gq = gold.get("quotes", [])
        t.e2e_gold += sum(label_set is None or q.get("label") in label_set for q in gq)
        labels = classify([p["text"] for p in pred]) if classify and pred else []
        t.gold, t.predicted = t.gold + len(gq), t.predicted + len(pred)
        pairs = match(gq, pred)
        t.matched += len(pairs)
        _score_matches(t, article, gq, pred, pairs, labels, label_set, classify is not None)
        _score_unmatched(t, article, gold, pred, pairs)
    out = {
        "articles": len(gold_set),
        "gold_quotes": t.gold,
        "predicted_quotes": t.predicted,
        "span": _prf(t.matched, t.predicted, t.gold),
        "exact": _prf(t.exact, t.predicted, t.gold),
        "speaker_accuracy": t.speaker / t.matched if t.matched else 0.0,
        "partial_accuracy": t.partial / t.matched if t.matched else 0.0,
        "non_speech_taken": t.non_speech,
        "articles_per_second": len(gold_set) / seconds if seconds else float("inf"),
        "mistakes": t.mistakes,
    }
    if classify:
        out["end_to_end_accuracy"] = t.e2e / t.e2e_gold if t.e2e_gold else 0.0
        out["end_to_end_gold"] = t.e2e_gold
    return out


def format_extraction(result: dict[str, Any], name: str = "quotestance") -> str:
    rows = [
        ["span (≥50% overlap)", *(f"{result['span'][k]:.3f}" for k in ("precision", "recall", "f1"))],
        ["exact match", *(f"{result['exact'][k]:.3f}" for k in ("precision", "recall", "f1"))],
    ]
    text = table(rows, [name, "precision", "recall", "F1"], [22, 9, 9, 9])
    extra = (
        f"\nspeaker accuracy (matched): {result['speaker_accuracy']:.3f}   partial flag accuracy: {result['partial_accuracy']:.3f}"
        f"\nnon-speech strings taken as quotes: {result['non_speech_taken']}   gold {result['gold_quotes']}, predicted "
        f"{result['predicted_quotes']} over {result['articles']} articles; {result['articles_per_second']:.0f} articles/s"
    )
    if "end_to_end_accuracy" in result:
        extra += (
            f"\nend to end (found, attributed and labelled right): {result['end_to_end_accuracy']:.3f} "
            f"of {result['end_to_end_gold']} gold quotes with a label the model has"
        )
    return text + extra
