"""Corpus statistics for the datasheet, the surface-cue check, and annotator agreement."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from ..baselines import tfidf_logreg, top_words_logreg
from ..io import write_text
from ..labels import is_hard
from ..metrics import point_metrics


def length_bucket(text: str) -> str:
    """Word-count buckets used by the datasheet and the evaluation breakdowns."""
    n = len(text.split())
    return "2-5" if n <= 5 else "6-15" if n <= 15 else "16-30" if n <= 30 else "31-50" if n <= 50 else "51+"


def stats(rows: list[dict[str, Any]]) -> dict[str, Counter]:
    """Counts for the datasheet: by label, split, country, topic, phenomenon, register and length."""
    keys = ("label", "split", "kind", "country", "topic", "phenomena", "register", "length", "source")
    out: dict[str, Counter] = {k: Counter() for k in keys}
    for r in rows:
        out["label"][r["label"]] += 1
        out["kind"][f"{r.get('kind') or 'direct'}/{r['label']}"] += 1
        out["split"][f"{r.get('split')}/{r['label']}"] += 1
        for key in ("country", "topic", "register", "source"):
            out[key][r.get(key) or "(none)"] += 1
        for tag in r.get("phenomena") or ["(none)"]:
            out["phenomena"][tag] += 1
        out["length"][length_bucket(r["text"])] += 1
    return out


def stats_markdown(rows: list[dict[str, Any]], cues: bool = False) -> str:
    """The datasheet tables, as Markdown (with `cues`, the surface-cue measurement too)."""
    s = stats(rows)
    with_tags = sum(bool(r.get("phenomena")) for r in rows)
    hard = sum(is_hard(r) for r in rows)
    reported = sum(r.get("kind") == "reported" for r in rows)
    lines = [
        f"Rows: {len(rows)}; hard cases (a tag from the guideline's hard list): {hard} ({hard / max(1, len(rows)):.1%}); "
        f"reported-speech rows: {reported}; with phenomena tags: {with_tags} ({with_tags / max(1, len(rows)):.1%}); "
        f"countries and organisations: {len(s['country'])}; topics: {len(s['topic'])}; scenarios (groups): "
        f"{len({r.get('group') for r in rows})}.",
        "",
    ]
    for key, title in [
        ("label", "Label"),
        ("split", "Split / label"),
        ("kind", "Kind / label"),
        ("length", "Length (words)"),
        ("register", "Register"),
        ("topic", "Topic"),
        ("phenomena", "Phenomenon"),
        ("country", "Country or organisation"),
        ("source", "Source"),
    ]:
        lines += [f"| {title} | rows |", "|---|---:|"]
        items = sorted(s[key].items()) if key in ("split", "kind", "length") else s[key].most_common()
        lines += [f"| {k} | {v} |" for k, v in items] + [""]
    if cues:
        c = surface_cues(rows)
        lines += [
            f"Surface cues (conciliatory vs hostile, test split, {c['n_test']} rows): a logistic regression on the "
            f"{c['k']} most label-predictive words alone reaches macro-F1 {c['top_words_macro_f1']:.3f}; TF-IDF on all "
            f"words and bigrams reaches {c['tfidf_macro_f1']:.3f}. The {c['k']} words: {', '.join(c['words'])}.",
            "",
        ]
    return "\n".join(lines)


def agreement(rows: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """Cohen's kappa between the corpus labels and a second annotator's ({id, label}), overall, per label
    (one label against the rest) and for conciliatory vs hostile (rows both annotators put in those two)."""
    from sklearn.metrics import cohen_kappa_score

    by_id = {r["id"]: r for r in rows}
    missing = [s["id"] for s in second if s["id"] not in by_id]
    if missing:
        raise ValueError(f"second labels name ids not in the corpus: {', '.join(missing[:5])}")
    a = [by_id[s["id"]]["label"] for s in second]
    b = [s["label"] for s in second]
    both = [(x, y) for x, y in zip(a, b) if "neutral" not in (x, y)]

    def kappa(x: list, y: list) -> float:
        return 1.0 if list(x) == list(y) else float(cohen_kappa_score(x, y))

    return {
        "n": len(second),
        "observed_agreement": sum(x == y for x, y in zip(a, b)) / max(1, len(second)),
        "kappa": kappa(a, b),
        "kappa_per_label": {lab: kappa([x == lab for x in a], [y == lab for y in b]) for lab in sorted(set(a) | set(b))},
        "kappa_conciliatory_vs_hostile": kappa(*zip(*both)) if both else float("nan"),
        "n_conciliatory_vs_hostile": len(both),
        "disagreements": [
            {"id": s["id"], "text": by_id[s["id"]]["text"], "first": x, "second": y, "note": s.get("note", "")}
            for s, x, y in zip(second, a, b)
            if x != y
        ],
    }


def surface_cues(rows: list[dict[str, Any]], k: int = 20) -> dict[str, Any]:
    """How much do single words give the label away? A bag-of-words model on the k most label-predictive
    words alone, fit on train and scored on test (conciliatory vs hostile), beside TF-IDF on all words."""
    labels = ("conciliatory", "hostile")
    train = [r for r in rows if r["split"] == "train" and r["label"] in labels]
    test = [r for r in rows if r["split"] == "test" and r["label"] in labels]
    ty, y = [labels.index(r["label"]) for r in train], [labels.index(r["label"]) for r in test]
    tx, x = [r["text"] for r in train], [r["text"] for r in test]
    probs, words = top_words_logreg(tx, ty, x, 2, k=k)
    return {
        "k": k,
        "words": words,
        "top_words_macro_f1": point_metrics(np.array(y), probs, labels)["macro_f1"],
        "tfidf_macro_f1": point_metrics(np.array(y), tfidf_logreg(tx, ty, x, 2), labels)["macro_f1"],
        "n_test": len(test),
    }


STATS_BEGIN, STATS_END = "<!-- quotestance data stats: begin -->", "<!-- quotestance data stats: end -->"


def write_stats_section(path: str | Path, markdown: str) -> None:
    """Replace the generated section of a datasheet (between the two markers) with fresh tables."""
    text = Path(path).read_text(encoding="utf-8")
    if STATS_BEGIN not in text or STATS_END not in text:
        raise ValueError(f"{path}: no generated-section markers ({STATS_BEGIN} … {STATS_END})")
    head, rest = text.split(STATS_BEGIN, 1)
    _, tail = rest.split(STATS_END, 1)
    write_text(path, f"{head}{STATS_BEGIN}\n{markdown}\n{STATS_END}{tail}")
