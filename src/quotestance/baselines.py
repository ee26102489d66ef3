"""Baselines scored on the same splits as the fine-tuned model, so its gain is visible."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from .hf import quiet


def _proba(clf, X, n_labels: int) -> np.ndarray:
    """predict_proba widened to every label id (a class absent from training gets probability 0)."""
    p = clf.predict_proba(X)
    out = np.zeros((p.shape[0], n_labels))
    out[:, clf.classes_] = p
    return out


def majority(train_y: Sequence[int], test_texts: Sequence[str], n_labels: int) -> np.ndarray:
    clf = DummyClassifier(strategy="prior").fit(np.zeros((len(train_y), 1)), train_y)
    return _proba(clf, np.zeros((len(test_texts), 1)), n_labels)


def tfidf_logreg(train_texts: Sequence[str], train_y: Sequence[int], test_texts: Sequence[str], n_labels: int, seed: int = 0) -> np.ndarray:
    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced", random_state=seed),
    )
    clf.fit(list(train_texts), list(train_y))
    return _proba(clf, list(test_texts), n_labels)


def mean_pooled_embeddings(model_path: str, texts: Sequence[str], batch_size: int = 64, max_length: int = 64) -> np.ndarray:
    """Frozen sentence embeddings: the encoder's token states, mean-pooled over the attention mask."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    with quiet():  # a classifier folder loads as its encoder: the head's weights are reported unused, which is expected
        tok = AutoTokenizer.from_pretrained(model_path, local_files_only=True)
        model = AutoModel.from_pretrained(model_path, use_safetensors=True, local_files_only=True).eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(texts), batch_size):
            enc = tok(list(texts[i : i + batch_size]), padding=True, truncation=True, max_length=max_length, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            out.append(((hidden * mask).sum(1) / mask.sum(1).clamp(min=1)).numpy())
    return np.concatenate(out) if out else np.zeros((0, model.config.hidden_size))


def embedding_logreg(
    model_path: str,
    train_texts: Sequence[str],
    train_y: Sequence[int],
    test_texts: Sequence[str],
    n_labels: int,
    seed: int = 0,
    max_length: int = 64,
) -> np.ndarray:
    X = mean_pooled_embeddings(model_path, train_texts, max_length=max_length)
    clf = LogisticRegression(max_iter=3000, C=1.0, class_weight="balanced", random_state=seed).fit(X, list(train_y))
    return _proba(clf, mean_pooled_embeddings(model_path, test_texts, max_length=max_length), n_labels)


def top_words_logreg(
    train_texts: Sequence[str], train_y: Sequence[int], test_texts: Sequence[str], n_labels: int, k: int = 20, seed: int = 0
) -> tuple[np.ndarray, list[str]]:
    """A bag-of-words model on the k most label-predictive words alone: how much surface cues give away."""
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(binary=True, min_df=2)
    X = vec.fit_transform(list(train_texts))
    full = LogisticRegression(max_iter=3000, C=1.0, random_state=seed).fit(X, list(train_y))
    weight = np.abs(full.coef_).max(axis=0)
    vocab = np.array(vec.get_feature_names_out())
    top = vocab[np.argsort(-weight)[:k]].tolist()
    small = CountVectorizer(binary=True, vocabulary=top)
    clf = LogisticRegression(max_iter=3000, random_state=seed).fit(small.transform(list(train_texts)), list(train_y))
    return _proba(clf, small.transform(list(test_texts)), n_labels), top
