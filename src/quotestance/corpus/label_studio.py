"""Label Studio round trip: statements out as tasks (`tasks`), exports back in as corpus rows (`read_export`).

The labelling config that matches is data/label_studio/config.xml (a Choices control named "stance" on
the "text" field, with the three labels). Exports follow Label Studio's JSON export format: a list of
tasks, each with `id`, `data` and `annotations` (each with `completed_by`, `result`, `was_cancelled`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..labels import THREE_CLASS

FROM_NAME, TO_NAME = "stance", "text"  # the control and object names of data/label_studio/config.xml


def task(data: dict[str, Any], label: str | None = None, score: float | None = None, model: str | None = None) -> dict[str, Any]:
    """One Label Studio task; with `label`, the model's answer as a pre-annotation."""
    out: dict[str, Any] = {"data": data}
    if label is not None:
        result = {"from_name": FROM_NAME, "to_name": TO_NAME, "type": "choices", "value": {"choices": [label.capitalize()]}}
        out["predictions"] = [{"model_version": model or "quotestance", "score": score, "result": [result]}]
    return out


@dataclass
class Export:
    """Corpus rows from an export, and the tasks refused (no choice, or annotators without a majority)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)


def _annotator(completed_by: Any) -> str:
    if isinstance(completed_by, dict):
        return str(completed_by.get("email") or completed_by.get("id"))
    return str(completed_by)


def _choices(task_id: Any, annotation: dict[str, Any], labels: tuple[str, ...], choice_map: dict[str, str]) -> list[str]:
    """The labels one annotator chose; an error naming the task for another project's result or an unknown choice."""
    out = []
    for res in annotation.get("result") or []:
        if res.get("type", "choices") != "choices" or res.get("from_name", FROM_NAME) != FROM_NAME:
            raise ValueError(
                f"task {task_id}: a {res.get('type')!r} result named {res.get('from_name')!r}; this export is not from "
                f"the quotestance labelling config (a Choices control named {FROM_NAME!r}, data/label_studio/config.xml)"
            )
        for raw in (res.get("value") or {}).get("choices") or []:
            label = choice_map.get(raw, str(raw).lower())
            if label not in labels:
                raise ValueError(f"task {task_id}: unknown choice {raw!r} (known: {', '.join(labels)}; map others with --label-map)")
            out.append(label)
    return out


def read_export(path: str | Path, choice_map: dict[str, str] | None = None, labels: tuple[str, ...] = THREE_CLASS) -> Export:
    """Corpus rows from a Label Studio JSON export, one per task with a majority label.

    Each row keeps its annotators (`annotators`) and the share of them who chose the label (`agreement`).
    A task with no choice, or whose annotators have no majority, is refused (in `refused`, with the
    reason). Raises ValueError naming the task for what is not a usable export: not a list of tasks,
    a task without text, a duplicate task id, another project's config, an unknown choice."""
    path = Path(path)
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not a JSON export: {e}") from None
    if not isinstance(tasks, list):
        raise ValueError(f"{path}: a Label Studio JSON export is a list of tasks, not a {type(tasks).__name__}")
    out, seen = Export(), set()
    for n, t in enumerate(tasks, 1):
        if not isinstance(t, dict):
            raise ValueError(f"{path}: task #{n} is a {type(t).__name__}, not an object")
        task_id = t.get("id", f"#{n}")
        if task_id in seen:
            raise ValueError(f"{path}: task {task_id}: duplicate task id")
        seen.add(task_id)
        data = t.get("data")
        text = data.get("text") if isinstance(data, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}: task {task_id}: no data.text (fields: {', '.join(data) if isinstance(data, dict) else 'none'})")
        votes: dict[str, str] = {}
        try:
            for a in t.get("annotations") or []:
                if a.get("was_cancelled"):
                    continue
                chosen = _choices(task_id, a, labels, choice_map or {})
                if chosen:
                    votes[_annotator(a.get("completed_by", f"annotation-{a.get('id', len(votes))}"))] = chosen[-1]
        except ValueError as e:
            raise ValueError(f"{path}: {e}") from None
        if not votes:
            out.refused.append({"task_id": task_id, "text": text, "reason": "no choice"})
            continue
        (label, top), *rest = Counter(votes.values()).most_common()
        if rest and rest[0][1] == top:
            out.refused.append({"task_id": task_id, "text": text, "reason": f"conflicting choices: {dict(Counter(votes.values()))}"})
            continue
        # statements of one article stay in one split: the group is the task's article when it names one
        article = data.get("article_id")
        group = str(data.get("group") or (f"ls-{path.stem}-article-{article}" if article else f"ls-{path.stem}-{task_id}"))
        out.rows.append(
            {
                "id": f"ls-{path.stem}-{task_id}",
                "text": " ".join(text.split()),
                "label": label,
                "speaker": data.get("speaker"),
                "country": data.get("country"),
                "target": data.get("target"),
                "topic": data.get("topic"),
                "phenomena": [],
                "group": group,
                "source": f"label_studio:{path.name}",
                "annotators": sorted(votes),
                "agreement": round(top / len(votes), 4),
            }
        )
    return out
