"""Finding quoted spans in article text: pairing quote marks paragraph by paragraph (`find_spans`).

Which spans are speech, and who said them, is decided by `attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import last_end_in, normalise, paragraphs, sentence_ends

# family of each mark: d = double, g = guillemet, s = single
DOUBLE_OPEN, DOUBLE_CLOSE = "“„", "”"
GUILLEMET_OPEN, GUILLEMET_CLOSE = "«‹", "»›"
SINGLE_OPEN, SINGLE_CLOSE = "‘‚", "’"
MARKS = set("\"'“”„«»‹›‘’‚")


@dataclass
class Span:
    """A quoted stretch: one segment per paragraph it runs over (offsets exclude the marks)."""

    segments: list[tuple[int, int]]
    open_mark: int | None  # offset of the opening mark, None when it was missing
    close_mark: int | None  # offset of the closing mark, None when the paragraph ended first

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    @property
    def outer(self) -> tuple[int, int]:
        """(opening mark, just after the closing mark): the stretch the quote takes in the text, marks included
        (the span's own start or end where a mark is missing)."""
        return (self.start if self.open_mark is None else self.open_mark, self.end if self.close_mark is None else self.close_mark + 1)

    def text(self, article: str) -> str:
        return normalise(" ".join(article[a:b] for a, b in self.segments))


def _is_letter(c: str) -> bool:
    return c.isalpha() or c.isdigit()


def classify_mark(text: str, i: int) -> tuple[str, str] | None:
    """('open'|'close', family) for the mark at text[i], or None for an apostrophe or a stray mark."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_free = prev.isspace() or prev in "([{—–-/"
    if c == "„":
        return ("open", "d")
    if c == "“":  # opens in English; closes „ in German-style text („…“)
        return ("close", "d") if not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)") else ("open", "d")
    if c == DOUBLE_CLOSE:
        return ("open", "d") if left_free and _is_letter(nxt) else ("close", "d")
    if c in GUILLEMET_OPEN:
        return ("open", "g")
    if c in GUILLEMET_CLOSE:
        return ("close", "g")
    if c == '"':
        if left_free and not nxt.isspace():
            return ("open", "d")
        return ("close", "d") if not prev.isspace() else None
    if c in SINGLE_OPEN or c in "’'":
        if _is_letter(prev) and _is_letter(nxt):
            return None  # don’t, Kremlin’s
        if prev == "." and nxt == "s" and not _is_letter(text[i + 2 : i + 3] or " ") and text[i - 2 : i - 1].isupper():
            return None  # the U.N.’s coordinator, the U.S.'s allies
        if nxt.isdigit():
            return None  # ’90s
        if left_free:
            return ("open", "s") if (c != "’" and not nxt.isspace()) else None
        if c in SINGLE_OPEN:
            return None
        if prev == "s" and nxt == " " and text[i + 2 : i + 3].islower():
            return None  # plural possessive: the ministers’ demands
        return ("close", "s")
    return None


def _closes(open_char: str, close_char: str, family: str, close_family: str) -> bool:
    if open_char == "„" and close_char in "“”":
        return True
    return family == close_family


def find_spans(text: str) -> list[Span]:
    """Every quoted stretch in reading order, merging the multi-paragraph convention into one span.

    - an opening mark is closed by the next closing mark of its family (marks of another family inside
      are nested quotes and are ignored); „ is closed by “ or ”;
    - a closing mark with no opening mark before it (a missing opening mark) opens at the start of its
      paragraph, or of its sentence when a quote was already closed in that paragraph;
    - a paragraph that ends inside a quote continues it when the next paragraph starts with an opening
      mark of the same family (the newspaper convention), else the quote ends with the paragraph.
    """
    spans: list[Span] = []
    paras = paragraphs(text)
    ends = sentence_ends(text)
    carry: Span | None = None
    carry_char = carry_family = ""
    for pi, (p0, p1) in enumerate(paras):
        marks = [(i, text[i], k) for i in range(p0, p1) if text[i] in MARKS and (k := classify_mark(text, i))]
        state: tuple[int, str, str] | None = None  # (offset, char, family) of the open mark
        segments: list[tuple[int, int]] = []
        last_close = p0
        if carry is not None:
            if marks and marks[0][2] == ("open", carry_family) and text[p0 : marks[0][0]].strip() == "":
                i, ch, _ = marks.pop(0)
                state, segments = (i, carry_char, carry_family), carry.segments
            else:
                spans.append(carry)
            carry = None
        for i, ch, (kind, family) in marks:
            if state is None and ch == '"' and kind == "close" and i + 1 < p1 and _is_letter(text[i + 1]):
                kind = "open"  # glued to the sentence before it (`Kaine."So that …`): nothing is open, so it opens
            if state is None:
                if kind == "open":
                    state, segments = (i, ch, family), []
                elif family != "s" or text[i - 1] in ".,!?…":
                    lo = p0 if last_close == p0 else last_end_in(ends, last_close, i)
                    spans.append(Span([(lo, i)], None, i))
                    last_close = i + 1
            else:
                o, och, ofam = state
                if (
                    kind == "close"
                    and _closes(och, ch, ofam, family)
                    or (kind == "open" and (ch == '"' == och or och == "„" and ch == "“"))
                ):
                    segments.append((o + 1, i))
                    spans.append(Span(segments, segments[0][0] - 1, i))
                    state, last_close = None, i + 1
        if state is not None:
            o, och, ofam = state
            segments.append((o + 1, p1))
            open_at = segments[0][0] - 1
            span = Span(segments, open_at, None)
            if pi + 1 < len(paras):
                carry, carry_char, carry_family = span, och, ofam
            else:
                spans.append(span)
    if carry is not None:
        spans.append(carry)
    return [_trim(text, s) for s in spans if normalise(s.text(text))]


def _trim(text: str, span: Span) -> Span:
    segs = []
    for a, b in span.segments:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        segs.append((a, b))
    return Span(segs, span.open_mark, span.close_mark)
