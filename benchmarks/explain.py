"""Evidence for labels: faithfulness and cost of occlusion (the library's method) and, when captum is
installed, layer integrated gradients on the embeddings.

    python benchmarks/explain.py [--model models/default] [--n 300] [--k 3]

On the corpus test split (first `--n` rows): comprehensiveness at k (the fall in the predicted label's
probability when the top-k evidence words are deleted, against deleting k random words: the ratio
should be at least 2), sufficiency (the fall when only the top-k words are kept; lower is better, as in
ERASER), and time per statement relative to bare classification in the same process (targets:
occlusion within 1.2 x mean words per statement; gradient methods within 8x).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]


def keep_only(text: str, words: set[str]) -> str:
    from quotestance.stance.explain import words_of

    return " ".join(text[a:b] for a, b in words_of(text) if text[a:b] in words)


def delete(text: str, words: set[str]) -> str:
    from quotestance.stance.explain import without, words_of

    for a, b in sorted((s for s in words_of(text) if text[s[0] : s[1]] in words), reverse=True):
        text = without(text, (a, b))
    return text


def integrated_gradients(clf, texts: list[str], top_k: int, steps: int) -> list[list[dict]]:
    """Layer integrated gradients on the word embeddings (captum), subword attributions summed per word."""
    import torch
    from captum.attr import LayerIntegratedGradients

    from quotestance.stance.explain import words_of

    backend = clf.backend
    model, tok = backend.model, backend.tokenizer

    def forward(ids, mask):
        return torch.softmax(model(input_ids=ids, attention_mask=mask).logits / clf.temperature, -1)

    lig = LayerIntegratedGradients(forward, model.get_input_embeddings())
    out = []
    for text in texts:
        enc = tok([text], return_tensors="pt", return_offsets_mapping=True, truncation=True, max_length=backend.max_length)
        ids, mask = enc["input_ids"], enc["attention_mask"]
        with torch.no_grad():
            label = int(forward(ids, mask).argmax())
        base = torch.full_like(ids, tok.pad_token_id)
        base[0, 0], base[0, -1] = ids[0, 0], ids[0, -1]
        attr = lig.attribute(ids, baselines=base, additional_forward_args=(mask,), target=label, n_steps=steps).sum(-1)[0]
        weights = []
        for a, b in words_of(text):
            pieces = [i for i, (s, e) in enumerate(enc["offset_mapping"][0].tolist()) if e > s and s >= a and e <= b]
            weights.append((text[a:b], float(attr[pieces].sum()) if pieces else 0.0))
        weights.sort(key=lambda w: -abs(w[1]))
        out.append([{"word": w, "weight": v} for w, v in weights[:top_k]])
    return out


def main() -> None:
    from quotestance.corpus import load_corpus
    from quotestance.stance import StanceClassifier

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(REPO / "models" / "default"))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--ig-steps", type=int, default=8)
    args = ap.parse_args()
    clf = StanceClassifier.from_pretrained(args.model)
    texts = [r["text"] for r in load_corpus(REPO / "data" / "quotes") if r["split"] == "test"][: args.n]
    words = np.mean([len(t.split()) for t in texts])
    clf.predict_proba(texts[:32])  # warm-up
    start = time.perf_counter()
    full = clf.predict_proba(texts)
    t_classify = time.perf_counter() - start
    label = full.argmax(1)
    p_full = full[np.arange(len(texts)), label]
    methods = {"occlusion": lambda: clf.explain(texts, top_k=args.k)}
    try:
        import captum  # noqa: F401

        methods[f"integrated gradients ({args.ig_steps} steps)"] = lambda: integrated_gradients(clf, texts, args.k, args.ig_steps)
    except ImportError:
        print("captum not installed: integrated gradients skipped (pip install captum)")
    rng = random.Random(0)
    print(f"{len(texts)} test statements, {words:.1f} words on average; classification {t_classify / len(texts) * 1000:.1f} ms each\n")
    print(
        f"{'method':<32} {'comprehensiveness@' + str(args.k):>20} {'random words':>13} {'ratio':>6} {'sufficiency':>12} {'time / classify':>16}"
    )
    for name, run in methods.items():
        start = time.perf_counter()
        evidence = run()
        seconds = time.perf_counter() - start
        top = [{e["word"] for e in ev} for ev in evidence]
        randoms = [set(rng.sample([w for w in t.split()], min(args.k, len(t.split())))) for t in texts]
        randoms = [{w.strip(".,;:!?“”\"'’") for w in r} for r in randoms]

        def prob(variants: list[str]) -> np.ndarray:
            return clf.predict_proba([v or "." for v in variants])[np.arange(len(texts)), label]

        comp = float(np.mean(p_full - prob([delete(t, w) for t, w in zip(texts, top)])))
        rand = float(np.mean(p_full - prob([delete(t, w) for t, w in zip(texts, randoms)])))
        suff = float(np.mean(p_full - prob([keep_only(t, w) for t, w in zip(texts, top)])))
        ratio = seconds / t_classify
        print(f"{name:<32} {comp:>20.3f} {rand:>13.3f} {comp / max(rand, 1e-9):>6.1f} {suff:>12.3f} {ratio:>15.1f}x")
    print(f"\ntargets: comprehensiveness ratio >= 2; occlusion time <= 1.2 x {words:.1f} = {1.2 * words:.1f}x; gradient methods <= 8x")


if __name__ == "__main__":
    main()
