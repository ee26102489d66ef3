"""Text helpers shared by span finding and attribution: whitespace, paragraphs and sentences.

Sentence splitting is `sentence_ends`, one function for every stage, so that span finding and
attribution agree on where a sentence starts ("Mr." and initials never end one).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .lexicon import ABBREVIATIONS, PERSON_NOUNS, TITLE_WORDS

_WS = re.compile(r"\s+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘(?:[^’\n]|’(?=\w)){0,400}’(?!\w)")  # "‘Japan’s government …’" is one quote
_PARA = re.compile(r"[^\n]+")
_SENT_END = re.compile(r"(\w*)([.!?])[”’\"»“]?(?=\s*[A-Z“\"‘«„‚])")


def normalise(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends trimmed."""
    return _WS.sub(" ", text).strip()


def prose(text: str) -> str:
    """The journalist's words only: every quotation blanked out, offsets kept."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: the paragraphs of an article as the readers leave it."""
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def keeps_stop(word: str, known: frozenset[str] | set[str] = ABBREVIATIONS) -> bool:
    """Whether a full stop after `word` belongs to it (an initial, or an abbreviation in `known`), not to a sentence."""
    return word in known or len(word) == 1 and word.isupper()


_STOP = re.compile(r"(\w*)([.;:!?])\s")


def after_last_stop(text: str) -> str:
    """The text after its last sentence or clause stop (". ", "; ", ": "), where "U.S. ambassador" and "Sen. Roe"
    hold no stop: the clause a subject or a cue is read from."""
    cut = 0
    for m in _STOP.finditer(text):
        if not (m.group(2) == "." and keeps_stop(m.group(1))):
            cut = m.end()
    return text[cut:]


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end (abbreviations such as "Mr." and initials are not ends)."""
    return list(_sentence_ends(text))


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Cached: the spans, the registry and the attribution layout each ask for the same article's ends."""
    return tuple(m.end() for m in _SENT_END.finditer(text) if not (m.group(2) == "." and keeps_stop(m.group(1))))


def last_end_in(ends: list[int], lo: int, hi: int) -> int:
    """The last sentence end in (lo, hi], else lo: where the sentence holding `hi` starts."""
    k = bisect_right(ends, hi) - 1
    return ends[k] if k >= 0 and ends[k] > lo else lo


def first_end_in(ends: list[int], lo: int, hi: int) -> int:
    """The first sentence end in (lo, hi], else hi: where the sentence holding `lo` ends."""
    k = bisect_right(ends, lo)
    return ends[k] if k < len(ends) and ends[k] <= hi else hi


def sentences(text: str, paras: list[tuple[int, int]], ends: list[int]) -> list[tuple[int, int]]:
    """(start, end) of every sentence, paragraph by paragraph."""
    out = []
    k = 0
    for p0, p1 in paras:
        lo = p0
        while k < len(ends) and ends[k] <= p0:
            k += 1
        while k < len(ends) and ends[k] < p1:
            out.append((lo, ends[k]))
            lo = ends[k]
            k += 1
        out.append((lo, p1))
    return out


_TITLE_WORD = re.compile(r"(?:^|(?<=[ \t\n]))([A-Z][\w.’'-]*)[ \t]+$")


_LOWER_TITLE = re.compile(r"(?:^|(?<=[ \t\n]))([a-z][\w-]*)[ \t]+$")  # "Agency director ", "Retired teacher "
_LINKS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "of", "for", "and"})
_ABBREVIATED = frozenset(a.lower() for a in ABBREVIATIONS)  # "Gov.", "Sen.", "Lt." before a name


def starts_sentence(text: str, at: int, ends: list[int] | None = None) -> bool:
    """Whether the name at `at` opens its sentence, title words aside ("House Minority Leader John Boehner said").
    `ends` are the article's `sentence_ends` (computed when not given): "Sen." and initials end no sentence."""
    head = text[max(0, at - 80) : at]
    while m := _TITLE_WORD.search(head) or _LOWER_TITLE.search(head):  # "House Minority Leader ", "Sen. ", "Agency director "
        if m.group(1).endswith(".") and m.group(1).lower().rstrip(".") not in TITLE_WORDS | _ABBREVIATED:
            break  # but not "said Vossberg.\n"
        if m.group(1)[:1].islower() and m.group(1) not in (TITLE_WORDS | PERSON_NOUNS) - _LINKS:
            break
        head = head[: m.start()]
    if not head.strip():
        return at - 80 <= 0 or text[at - 81] in "\n"
    if head.rstrip(" \t")[-1:] in ("\n", ""):
        return True
    start = max(0, at - 80) + len(head)  # where the title words (or the name) begin
    ends = sentence_ends(text) if ends is None else ends
    k = bisect_right(ends, start)
    return k > 0 and not text[ends[k - 1] : start].strip()
