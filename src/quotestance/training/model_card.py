"""The model folder's README.md: a model card written from the run's own numbers."""

from __future__ import annotations

from pathlib import Path

from ..io import write_text
from ..stance.model_folder import ModelInfo


def write_model_card(folder: str | Path, model: ModelInfo) -> Path:
    """README.md of a model folder, from its ModelInfo."""
    info = model.to_dict()
    m, ci = info["metrics"]["test"], info["metrics"]["test_ci95"]

    def cell(key: str) -> str:
        lo, hi = ci.get(key, (float("nan"), float("nan")))
        return f"{m[key]:.3f} [{lo:.3f}, {hi:.3f}]"

    rows = [f"| **{info['name']} (fine-tuned)** | {cell('accuracy')} | {cell('macro_f1')} |"]
    rows += [f"| {name} | {b['accuracy']:.3f} | {b['macro_f1']:.3f} |" for name, b in info.get("baselines", {}).items()]
    sizes = info["split_sizes"]
    text = f"""---
library_name: transformers
pipeline_tag: text-classification
tags: [quotestance, stance, diplomacy]
---
# {info["name"]}: stance of officials' quotes ({", ".join(info["labels"])})

Fine-tuned by quotestance {info["quotestance_version"]} from `{info["base_model"]}` on {info["created"]}
({info["train_seconds"]} s of training). Labels: {", ".join(info["labels"])}. Probabilities are
calibrated by temperature scaling (T = {info["temperature"]:.3f}, fitted on the validation split).

## Data
The quotestance corpus (fingerprint `{info["corpus_fingerprint"]}`), stored grouped splits: train
{sizes["train"]}, validation {sizes["validation"]}, test {sizes["test"]} quotes. Quotes are original
texts written for the project in the voice of officials; see `data/DATASHEET.md`.

## Test-split results (95% bootstrap intervals)
| model | accuracy | macro-F1 |
|---|---|---|
{chr(10).join(rows)}

Expected calibration error: {info["metrics"]["ece_before"]:.3f} before, {info["metrics"]["ece_after"]:.3f} after temperature scaling.
Plots: `eval/confusion_matrix.png`, `eval/reliability.png`; all numbers in `eval/metrics.json`.

## Use
```python
from quotestance import StanceClassifier
clf = StanceClassifier.from_pretrained("models/{info["name"]}")
clf.predict("We are ready to resume talks without preconditions.")
```
The folder also loads with `transformers.pipeline("text-classification", model=...)` (uncalibrated scores).

## Limits
- Trained on short English quotes in a news register; long speeches, other languages and
  social-media slang are out of domain.
- The label is the stance in the words, not the speaker's intent or the policy that follows.
- The corpus is synthetic (written for the project); check the model on your own labelled sample
  before publishing what it says (`quotestance evaluate`).
"""
    path = Path(folder) / "README.md"
    write_text(path, text)
    return path
