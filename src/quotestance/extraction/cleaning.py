"""Cleaning an article's text: page furniture that scrapers keep and that must never yield statements.

Boilerplate lines, quoted and numbered section headings, picture galleries, teasers before a repeated lede and
after the article's end, the headline repeated as the first line, wire copy's doubled quote marks. The
readers (`readers`) apply it to every page and record they read.
"""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import BOILERPLATE, END_OF_ARTICLE

_SLIDE = re.compile(r"\s*-\s*\d{1,3}/(\d{1,3})\s")  # "- 4/50 I'll keep working, says Mayer …"


# A line that is a quoted phrase alone, perhaps numbered, with no sentence end inside the marks: a section
# heading or pull quote ("3. “Not some irregular channel”"), which repeats the story's words, never a statement.
_SUBHEAD = re.compile(r"^\s*(?:[-•*]\s*|\d{1,2}[.)]\s*)?[“\"‘«](?=[^“”\"«»\n]{1,120}[”\"’»]\s*$)(?:\S+\s+){0,11}\S*[^\s.,!?…][”\"’»]\s*$")


_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
_HEADING = re.compile(r"^\s*\d{1,2}[.)]\s+[A-Z][^.!?…\n]{0,100}[^\s.,!?…:;”\"’»]\s*$")


def _without_headings(lines: list[str]) -> list[str]:
    """Numbered section headings ("2. Never urged Ukraine to investigate Joe Biden"): a short numbered line
    without a full stop, between paragraphs of prose. Consecutive numbered lines are a list, and stay."""
    full = [k for k, line in enumerate(lines) if line.strip()]
    keep = set(range(len(lines)))
    for i, k in enumerate(full):
        near = [full[j] for j in (i - 1, i + 1) if 0 <= j < len(full)]
        after_prose = i == 0 or lines[full[i - 1]].rstrip()[-1:] in '.!?:”"’)'  # not a hard-wrapped sentence's "48."
        if _HEADING.match(lines[k]) and len(lines[k].split()) <= 13 and after_prose and not any(_NUMBERED.match(lines[j]) for j in near):
            keep.discard(k)
    return [line for k, line in enumerate(lines) if k in keep]


def _without_galleries(lines: list[str]) -> list[str]:
    """Lines of a slide show ("- 1/50 …", "- 2/50 …"): numbered slides out of the same total, three or more of them
    ("- 9/11 families said …" alone is a story line)."""
    totals = Counter(m.group(1) for line in lines if (m := _SLIDE.match(line)))
    gallery = {total for total, n in totals.items() if n >= 3}
    return [line for line in lines if not ((m := _SLIDE.match(line)) and m.group(1) in gallery)]


def _after_teasers(lines: list[str]) -> list[str]:
    """Teasers of other stories before the article, detected when the page opens with the article's own lede,
    which comes again where the article starts ("MOSCOW (AP) — An unmanned Russian cargo spaceship …")."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None or len(lede := lines[first].strip()) < 80:
        return lines
    total, seen = sum(len(x) + 1 for x in lines), 0
    for k in range(first + 1, len(lines)):
        if seen > 0.6 * total:
            break
        seen += len(lines[k]) + 1
        if lede[:100] in lines[k] and k > first + 1:
            return lines[k:]
    return lines


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the page's headline (kept as `Article.title`): a headline's
    quotes ("… his 'biggest frustration'") are the story's words in shorthand, never statements of their own."""
    first, _, rest = text.partition("\n")
    line, head = _words_of(first), _words_of(title or "")
    if line and head and (line == head or head.startswith(line + " ") and len(line) >= 0.6 * len(head)):
        return rest.lstrip("\n")
    return text


def _wire_marks(line: str) -> str:
    """Wire copy's doubled single marks as double marks (‘‘It was,’’ / “It was,’’ Moy said), closing only a
    double quote left open, so that British ‘… what they call ‘reform’’ (inner and outer closing together) stays."""
    if "’’" not in line and "‘‘" not in line:
        return line
    out, opened, i = [], False, 0
    line = line.replace("‘‘", "“")
    while i < len(line):
        if opened and line.startswith("’’", i):
            inner = line.startswith("’’’", i)  # an inner quote closing with the outer one: ’ then ”
            out.append("’”" if inner else "”")
            i, opened = i + (3 if inner else 2), False
            continue
        opened = line[i] == "“" or opened and line[i] != "”"
        out.append(line[i])
        i += 1
    return "".join(out)


def clean_text(text: str) -> str:
    """Normalise line endings, drop boilerplate lines, stray control characters and what follows the article
    ("You Might Also Like", "Comments" in its second half)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = "\n".join(_wire_marks(line) for line in text.split("\n"))
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    lines = [line.rstrip() for line in text.split("\n") if not BOILERPLATE.match(line) and not _SUBHEAD.match(line)]
    lines = _after_teasers(_without_galleries(_without_headings(lines)))
    half, seen = sum(len(line) + 1 for line in lines) / 2, 0
    for k, line in enumerate(lines):  # "You Might Also Like", "Featured Slide Shows", "Comments": the article has ended
        if seen > half and END_OF_ARTICLE.match(line):
            lines = lines[:k]
            break
        seen += len(line) + 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
