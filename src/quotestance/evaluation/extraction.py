"""Scoring statement extraction and attribution against gold articles (data/articles/*.txt + *.json).

Direct quotes and reported statements are scored separately, each against its gold list ("quotes",
"reported"). A prediction matches a gold item when their word overlap is at least a share of the
longer of the two (0.5 for quotes, 0.4 for reported speech; greedy, in reading order). Exact match
compares the texts after lower-casing and removing punctuation; boundary-exact match (reported
speech) allows each end to be off by one word, so that whole sentences cannot pass for clauses.
Speaker accuracy is counted on matched items: strict (the same full name, case, punctuation and a
leading article set aside: "the Kremlin" = "Kremlin") and lenient (the same surname). Speaker
affiliation and target are scored on matched statements of both kinds, where the gold has them:
affiliation accuracy (null included), target accuracy where the gold target is not null, and the
precision of a null target.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..extraction import extract_statements, read_path
from ..metrics import mean_ci
from ..records import UNTARGETED, Article, drops_target
from ..tables import table

if TYPE_CHECKING:
    from spacy.language import Language


def norm_text(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def overlap(a: str, b: str) -> float:
    ta, tb = norm_text(a).split(), norm_text(b).split()
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    return common / max(len(ta), len(tb))


def load_gold(folder: str | Path) -> list[tuple[Article, dict[str, Any]]]:
    """(article, gold) for every NAME.json beside a NAME.txt or NAME.html; an error for a folder without gold."""
    if not Path(folder).is_dir() or not any(Path(folder).glob("*.json")):
        raise FileNotFoundError(f"{folder}: no gold articles (NAME.json beside NAME.txt or NAME.html)")
    out = []
    for gold_path in sorted(Path(folder).glob("*.json")):
        source = next(
            (gold_path.with_suffix(x) for x in (".txt", ".html") if gold_path.with_suffix(x).exists()), gold_path.with_suffix(".txt")
        )
        article = next(read_path(source))
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


def boundary_exact(gold: str, pred: str) -> bool:
    """Both ends within one word: the texts agree once at most one word is dropped at each end of either."""
    g, p = norm_text(gold).split(), norm_text(pred).split()
    for a, c in ((0, 0), (1, 0), (0, 1)):
        for b, d in ((0, 0), (1, 0), (0, 1)):
            if p[a : len(p) - b] == g[c : len(g) - d] and p[a : len(p) - b]:
                return True
    return False


def same_speaker(gold: str | None, pred: str | None, lenient: bool = False) -> bool:
    """Strict: the same full name once case, punctuation and a leading article are set aside ("the Kremlin" =
    "Kremlin"). Lenient: the same last word (a surname match: "Voss" = "Anika Voss")."""
    g, p = _speaker_key(gold).split(), _speaker_key(pred).split()
    return g[-1:] == p[-1:] if lenient else g == p


def _speaker_key(name: str | None) -> str:
    words = norm_text(name or "").split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


KINDS = {"direct": ("quotes", 0.5), "reported": ("reported", 0.4)}  # kind -> (gold list, match threshold)


@dataclass
class Counts:
    """Counts of one kind over all gold articles, and the mistakes a person would want to read."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    boundary: int = 0
    speaker: int = 0
    speaker_lenient: int = 0
    partial: int = 0
    non_speech: int = 0
    furniture: int = 0  # statements taken from page furniture (captions, pull quotes, bylines, teasers)
    affiliation: int = 0  # matched statements whose speaker affiliation code is the gold one
    affiliation_gold: int = 0  # matched statements with a gold affiliation (null included)
    target: int = 0  # matched statements with a gold target, resolved to it
    target_gold: int = 0
    null_target: int = 0  # matched statements given no target
    null_target_right: int = 0  # ... whose gold target is null too
    e2e: int = 0  # found, attributed and labelled right
    e2e_gold: int = 0  # gold items with a label the classifier can give
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    speaker_hits: list[int] = field(default_factory=list)  # 1/0 per matched statement: for the interval
    per_article: list[tuple[int, int, int]] = field(default_factory=list)  # (matched, predicted, gold) per article

    def result(self) -> dict[str, Any]:
        m = self.matched
        return {
            "span_f1_ci": _f1_ci(self.per_article),
            "speaker_accuracy_ci": mean_ci(self.speaker_hits) if self.speaker_hits else None,
            "gold": self.gold,
            "predicted": self.predicted,
            "span": _prf(m, self.predicted, self.gold),
            "exact": _prf(self.exact, self.predicted, self.gold),
            "boundary_exact": _prf(self.boundary, self.predicted, self.gold),
            "speaker_accuracy": self.speaker / m if m else 0.0,
            "speaker_accuracy_lenient": self.speaker_lenient / m if m else 0.0,
            "partial_accuracy": self.partial / m if m else 0.0,
            "affiliation_accuracy": self.affiliation / self.affiliation_gold if self.affiliation_gold else None,
            "affiliation_gold": self.affiliation_gold,
            "target_accuracy": self.target / self.target_gold if self.target_gold else None,
            "target_gold": self.target_gold,
            "null_target_precision": self.null_target_right / self.null_target if self.null_target else None,
            "null_targets": self.null_target,
            "non_speech_taken": self.non_speech,
            "furniture_taken": self.furniture,
            "mistakes": self.mistakes,
        }


def _f1_ci(per_article: list[tuple[int, int, int]], n: int = 1000, seed: int = 0) -> tuple[float, float] | None:
    """95% interval of span F1, resampling articles (statements of one article are not independent)."""
    if not per_article:
        return None
    counts = np.asarray(per_article, dtype=float)
    draws = counts[np.random.default_rng(seed).integers(0, len(counts), (n, len(counts)))].sum(axis=1)
    f1 = 2 * draws[:, 0] / np.maximum(draws[:, 1] + draws[:, 2], 1)
    return float(np.quantile(f1, 0.025)), float(np.quantile(f1, 0.975))


def _score_parties(t: Counts, g: dict[str, Any], p: dict[str, Any]) -> None:
    """Speaker affiliation and target of one matched statement, where the gold has them."""
    if "speaker_affiliation_code" in g:
        t.affiliation_gold += 1
        t.affiliation += p.get("speaker_affiliation_code") == g["speaker_affiliation_code"]
    if "target_code" in g:
        if g["target_code"] is not None:
            t.target_gold += 1
            t.target += p.get("target_code") == g["target_code"]
        if p.get("target_code") is None:
            t.null_target += 1
            t.null_target_right += g["target_code"] is None


def _score(
    t: Counts,
    kind: str,
    article: Article,
    gold: dict[str, Any],
    pred: list[dict[str, Any]],
    labels: list[str],
    label_set: Sequence[str] | None,
    classify: bool,
) -> None:
    """Match one article's predictions of one kind against its gold items, and count."""
    key, threshold = KINDS[kind]
    items = gold.get(key, [])
    t.gold, t.predicted = t.gold + len(items), t.predicted + len(pred)
    t.e2e_gold += sum(label_set is None or g.get("label") in label_set for g in items)
    pairs = match(items, pred, threshold)
    t.matched += len(pairs)
    t.per_article.append((len(pairs), len(pred), len(items)))
    for gi, pj in pairs:
        g, p = items[gi], pred[pj]
        exact = norm_text(g["text"]) == norm_text(p["text"])
        speaker = same_speaker(g.get("speaker"), p.get("speaker"))
        t.speaker_lenient += same_speaker(g.get("speaker"), p.get("speaker"), lenient=True)
        t.exact += exact
        t.boundary += boundary_exact(g["text"], p["text"])
        t.speaker += speaker
        t.speaker_hits.append(int(speaker))
        t.partial += bool(g.get("partial", False)) == bool(p.get("partial", False))
        _score_parties(t, g, p)
        if classify and (label_set is None or g.get("label") in label_set):
            t.e2e += speaker and labels[pj] == g.get("label")
        if not exact or not speaker:
            t.mistakes.append(
                {
                    "article": article.id,
                    "kind": kind,
                    "gold": g["text"],
                    "pred": p["text"],
                    "gold_speaker": g.get("speaker"),
                    "pred_speaker": p.get("speaker"),
                }
            )
    matched = {j for _, j in pairs}
    for gi in sorted(set(range(len(items))) - {g for g, _ in pairs}):
        t.mistakes.append({"article": article.id, "kind": kind, "missed": items[gi]["text"], "gold_speaker": items[gi].get("speaker")})
    non = {norm_text(x) for x in gold.get("non_quotes", [])} if kind == "direct" else set()
    furniture = [norm_text(x) for x in gold.get("furniture", [])]
    for pj, p in enumerate(pred):
        if pj not in matched:
            is_non = norm_text(p["text"]) in non
            from_furniture = any(norm_text(p["text"]) in f or overlap(f, p["text"]) >= 0.5 for f in furniture)
            t.non_speech += is_non
            t.furniture += from_furniture
            t.mistakes.append(
                {
                    "article": article.id,
                    "kind": kind,
                    "spurious": p["text"],
                    "pred_speaker": p.get("speaker"),
                    "non_speech": is_non,
                    "furniture": from_furniture,
                }
            )


def _parties(counts: Iterable[Counts]) -> dict[str, Any]:
    """Speaker affiliation and target scores over every kind of statement (matched ones)."""
    c = list(counts)
    total = {
        k: sum(getattr(t, k) for t in c)
        for k in ("affiliation", "affiliation_gold", "target", "target_gold", "null_target", "null_target_right")
    }
    return {
        "affiliation_accuracy": total["affiliation"] / total["affiliation_gold"] if total["affiliation_gold"] else None,
        "affiliation_gold": total["affiliation_gold"],
        "target_accuracy": total["target"] / total["target_gold"] if total["target_gold"] else None,
        "target_gold": total["target_gold"],
        "null_target_precision": total["null_target_right"] / total["null_target"] if total["null_target"] else None,
        "null_targets": total["null_target"],
    }


def evaluate_extraction(
    folder: str | Path,
    extractor: Callable[[Article], list[dict[str, Any]]] | None = None,
    classify: Callable[[list[str]], list[str]] | None = None,
    label_set: Sequence[str] | None = None,
    nlp: Language | None = None,
) -> dict[str, Any]:
    """Span, exact-match and speaker scores per kind (and end-to-end stance when `classify` is given).

    The top-level keys score direct quotes, as before reported speech; `reported` holds the same for
    reported statements, and `end_to_end` both kinds together. A prediction without `kind` is direct.
    End to end counts gold items whose label the classifier can give (`label_set`): a binary model is
    not scored on gold neutral items, as `evaluate --neutral drop` does for labelled rows."""
    extractor = extractor or (lambda a: [s.to_dict() for s in extract_statements(a, nlp)])
    gold_set = load_gold(folder)
    started = time.perf_counter()
    predictions = [(article, gold, extractor(article)) for article, gold in gold_set]
    seconds = time.perf_counter() - started
    counts = {kind: Counts() for kind in KINDS}
    has_reported = any("reported" in gold for _, gold in gold_set)
    for article, gold, pred in predictions:
        labels = classify([p["text"] for p in pred]) if classify and pred else []
        for p, label in zip(pred, labels):  # as `Statement.with_stance`: a neutral statement keeps only a target it names
            if drops_target(label, p.get("target_from")):
                p.update(UNTARGETED)
        for kind, t in counts.items():
            idx = [j for j, p in enumerate(pred) if p.get("kind", "direct") == kind]
            _score(
                t, kind, article, gold, [pred[j] for j in idx], [labels[j] for j in idx] if labels else [], label_set, classify is not None
            )
    direct, reported = counts["direct"].result(), counts["reported"].result()
    out = {
        "articles": len(gold_set),
        "gold_quotes": direct.pop("gold"),
        "predicted_quotes": direct.pop("predicted"),
        **direct,
        "articles_per_second": len(gold_set) / seconds if seconds else float("inf"),
    }
    if has_reported:
        out["reported"] = reported
        out["mistakes"] = out["mistakes"] + reported["mistakes"]
    out["parties"] = _parties(counts.values())
    if classify:
        out["end_to_end_accuracy"] = counts["direct"].e2e / counts["direct"].e2e_gold if counts["direct"].e2e_gold else 0.0
        out["end_to_end_gold"] = counts["direct"].e2e_gold
        if has_reported:
            both = sum(t.e2e for t in counts.values()), sum(t.e2e_gold for t in counts.values())
            out["end_to_end"] = {
                "direct": out["end_to_end_accuracy"],
                "reported": counts["reported"].e2e / max(1, counts["reported"].e2e_gold),
                "all": both[0] / max(1, both[1]),
                "gold": both[1],
            }
    return out


def _ci(ci: tuple[float, float] | None) -> str:
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "[—]"


def format_extraction(result: dict[str, Any], name: str = "quotestance") -> str:
    rows = [
        ["span (≥50% overlap)", *(f"{result['span'][k]:.3f}" for k in ("precision", "recall", "f1"))],
        ["exact match", *(f"{result['exact'][k]:.3f}" for k in ("precision", "recall", "f1"))],
    ]
    text = table(rows, [name, "precision", "recall", "F1"], [22, 9, 9, 9])
    extra = (
        f"\nspan F1 95% CI (articles resampled) {_ci(result.get('span_f1_ci'))}; speaker accuracy (matched): strict "
        f"{result['speaker_accuracy']:.3f} {_ci(result.get('speaker_accuracy_ci'))}, lenient (surname) "
        f"{result['speaker_accuracy_lenient']:.3f}   partial flag accuracy: {result['partial_accuracy']:.3f}"
        f"\nnon-speech strings taken as quotes: {result['non_speech_taken']}   statements from page furniture: "
        f"{result['furniture_taken'] + result.get('reported', {}).get('furniture_taken', 0)}   gold {result['gold_quotes']}, predicted "
        f"{result['predicted_quotes']} over {result['articles']} articles; {result['articles_per_second']:.0f} articles/s"
    )
    if "reported" in result:
        r = result["reported"]
        rows = [
            [f"{name}", *(f"{r[key][k]:.3f}" for k in ("precision", "recall", "f1"))]
            for name, key in (("span (≥40% overlap)", "span"), ("boundary-exact (±1 word)", "boundary_exact"), ("exact match", "exact"))
        ]
        extra += "\n\n" + table(rows, ["reported speech", "precision", "recall", "F1"], [26, 9, 9, 9])
        extra += (
            f"\nspan F1 95% CI {_ci(r.get('span_f1_ci'))}; speaker accuracy (matched): strict {r['speaker_accuracy']:.3f} "
            f"{_ci(r.get('speaker_accuracy_ci'))}, lenient (surname) "
            f"{r['speaker_accuracy_lenient']:.3f}   gold {r['gold']}, predicted {r['predicted']}"
        )
    if (p := result.get("parties")) and p["affiliation_gold"]:
        extra += (
            f"\nspeaker affiliation accuracy {p['affiliation_accuracy']:.3f} (of {p['affiliation_gold']} matched statements); "
            f"target accuracy {p['target_accuracy'] or 0:.3f} (of {p['target_gold']} with a gold target); "
            f"null-target precision {p['null_target_precision'] or 0:.3f} (of {p['null_targets']} given none)"
        )
    if "end_to_end_accuracy" in result:
        extra += (
            f"\nend to end (found, attributed and labelled right): {result['end_to_end_accuracy']:.3f} "
            f"of {result['end_to_end_gold']} gold quotes with a label the model has"
        )
    if "end_to_end" in result:
        e = result["end_to_end"]
        extra += f"\nend to end, direct {e['direct']:.3f}, reported {e['reported']:.3f}, all statements {e['all']:.3f} (of {e['gold']})"
    return text + extra
