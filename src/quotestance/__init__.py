"""quotestance: who said what about whom in diplomatic news, and in what spirit.

articles → quotes → stances → reports. The public API:
"""
__version__ = "0.1.0"

from .articles import Article, Fields, ReadError, load_articles, read_articles  # noqa: E402
from .labels import BINARY, THREE_CLASS, stance_score  # noqa: E402
from .quotes import Quote, extract_quotes  # noqa: E402


def __getattr__(name: str):  # heavy, torch-backed parts load on first use
    if name == "StanceClassifier":
        from .inference import StanceClassifier

        return StanceClassifier
    if name in {"TrainConfig"}:
        from .config import TrainConfig

        return TrainConfig
    if name == "train":
        from .training import train

        return train
    if name == "predict_articles":
        from .batch import predict_articles

        return predict_articles
    raise AttributeError(name)


__all__ = ["Article", "Fields", "ReadError", "read_articles", "load_articles", "Quote", "extract_quotes", "BINARY",
           "THREE_CLASS", "stance_score", "StanceClassifier", "TrainConfig", "train", "predict_articles"]
