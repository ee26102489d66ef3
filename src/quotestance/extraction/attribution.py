"""Speaker attribution: who said each quoted span, and whether a span is speech at all.

Rules, in order (README.md, "How quotes are found"):
1. Not speech: a span right after "so-called", "dubbed", … (`lexicon.NAMING_CUES`); a short
   title-case name (the "New START" treaty); a fragment inside a sentence with no reporting verb in
   that sentence (scare quotes).
2. The cue is the nearest reporting verb or "according to" after the closing mark in the same
   sentence, else before the opening mark in the same sentence (`cues`).
3. The subject of the cue is a name, a pronoun or a title, resolved through the article's registry of
   people (`people`).
4. A full-sentence quote with no cue continues the previous quote's speaker (the news convention of a
   quote paragraph that follows an attributed one).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..records import Article, Statement
from .cues import clip_subject, cue_after, cue_before, head_noun, is_title, resolve
from .lexicon import DOCUMENT_WORDS, INSTITUTION_HEADS, NAMING_CUES, PERSON_NOUNS, PRONOUNS, TITLE_WORDS
from .people import person_names
from .places import places
from .registry import Registry
from .reported import holder_of
from .spans import Span
from .subjects import institution_before, joint, speaker_of
from .text import first_end_in, last_end_in, normalise, paragraphs, sentence_ends


@dataclass
class Layout:
    """Paragraph and sentence boundaries of one article, computed once: attribution stays linear."""

    paras: list[tuple[int, int]]
    starts: list[int]  # of the paragraphs
    ends: list[int]  # of the sentences
    length: int

    @classmethod
    def of(cls, text: str) -> Layout:
        paras = paragraphs(text)
        return cls(paras, [a for a, _ in paras], sentence_ends(text), len(text))

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding `pos`."""
        k = bisect_right(self.starts, pos) - 1
        return self.paras[k] if k >= 0 and pos <= self.paras[k][1] else (0, self.length)


@dataclass
class Window:
    """The stretch of text around one span that can attribute it: its sentence, cut at neighbouring quotes."""

    open_at: int  # the opening mark (or the span start when it is missing)
    close_at: int  # just after the closing mark (or the span end)
    para_start: int
    sent_lo: int  # where the span's sentence starts, not before the previous accepted quote
    before: str  # sentence text before the opening mark
    after: str  # sentence text after the closing mark, up to the next quote


def window(text: str, spans: list[Span], n: int, layout: Layout, accepted_ends: list[int]) -> Window:
    span = spans[n]
    open_at, close_at = span.outer
    a0, b1 = layout.paragraph(open_at)[0], layout.paragraph(close_at)[1]
    k = bisect_right(accepted_ends, open_at)
    prev_end = max(a0, accepted_ends[k - 1]) if k else a0
    following = spans[n + 1] if n + 1 < len(spans) else None
    next_open = min(b1, following.open_mark if following.open_mark is not None else following.start) if following else b1
    next_open = max(next_open, close_at)
    sent_lo = max(prev_end, last_end_in(layout.ends, a0, open_at))
    after_hi = first_end_in(layout.ends, close_at, next_open)
    return Window(open_at, close_at, a0, sent_lo, text[sent_lo:open_at], text[close_at:after_hi])


def is_partial(qtext: str, span: Span, w: Window) -> bool:
    """A fragment inside the journalist's sentence, rather than a quote that is a sentence of its own."""
    if span.open_mark is None:  # a missing opening mark: the quote starts its paragraph or sentence
        return False
    before = w.before.strip()
    starts_sentence = not before or before[-1] == ":" or before[-1] in ",—–-" and len(before) > 1 and cue_before(w.before)
    return bool(qtext[:1].islower()) or not starts_sentence


def find_speaker(w: Window, before: str, partial: bool, reg: Registry) -> tuple[tuple[str, str] | None, str | None, str | None]:
    """(first cue found, speaker, cue): the first cue whose subject names somebody. A partial quote looks
    before itself first (X called it “…”), a full one after (“…,” X said)."""
    found_before = cue_before(before) if before.strip() else None
    found_after = cue_after(w.after)
    cues = [c for c in ((found_before, found_after) if partial else (found_after, found_before)) if c]
    for verb, subject in cues:
        both = joint(subject.strip(), whole=True)  # "“…,” Egypt and Jordan said": both
        # a person first; else a group or an institution as reported speech takes it ("“…,” federal prosecutors said")
        if (
            speaker := speaker_of(subject.strip(), w.open_at, reg)
            if both
            else resolve(subject, w.open_at, reg) or _group_speaker(subject, w.open_at, reg)
        ):
            return cues[0], speaker, verb
    return (cues[0] if cues else None), None, (cues[0][0] if cues else None)


# the speaker named in the sentence after a quote: "“…” The warning came from Defence Minister Ana Restrepo.", "The
# statement, posted on the embassy’s website, was attributed to a spokesperson for …", "It was signed by …"
_CAME_FROM = re.compile(
    r"\s*(?:(?:The|That|This|Those|These)\s+(?:[a-z]+\s+){0,2}?(?:warning|remarks?|comments?|words|statement|message|threat|"
    r"pledge|appeal|plea|criticism|admission|assessment|rebuke|promise|letter|post)(?:,[^,.;“”\"]{0,80},)?|It)\s+"
    r"(?:(?:came|comes|come)\s+from|(?:was|were|is)\s+(?:attributed\s+to|signed\s+by|issued\s+by))\s+"
    r"([^.;:“”\"]{3,160})"
)
# "“…” So said Ricky Dunn, a tow-truck driver …", "“…” That is how Maryam Haidari, 67, remembers the night …"
_SO_SAID = re.compile(
    r"\s*(?:(?:So|Thus)\s+(?:said|says)\s+|That(?:’s|'s|\s+is|\s+was)\s+how\s+)"
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)(?=[\s,])"
)
_AFTER_THE_NAME = re.compile(r"\s(?:after|with|during|before|following|at|in a|on \w+day)\s")
# a speaker's name and a colon opening the quote's paragraph: an interview or transcript ("Biden: “Not now.”")
_LABEL = re.compile(r"\s*((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+)\s*:\s*$")


def _named_beside(text: str, w: Window, before: str, reg: Registry, documented: bool = False) -> tuple[str, str] | None:
    """(cue, speaker) for a quote no reporting verb attributes (or only a document: `documented`), when the next
    sentence says whose words they were, or the paragraph opens with the speaker's name and a colon."""
    if m := _CAME_FROM.match(text, w.close_at + len(w.after) if documented else w.close_at) or _SO_SAID.match(text, w.close_at):
        # the person the phrase names ("the chief of the General Staff, General Andreas Kanellopoulos, in a …"), else
        # the phrase up to its first comma ("a spokesperson for the Chinese embassy in Canberra")
        phrase = _AFTER_THE_NAME.split(m.group(1))[0]  # "… after talks with Lloyd Austin": not the speaker
        parts = phrase.split(",")
        named = [n for _, n, _ in person_names(",".join(parts[:2])) if len(n.split()) >= 2]  # the head or its apposition
        speaker = resolve(named[0], w.open_at, reg) if named else resolve(parts[0], w.open_at, reg)
        described = speaker and speaker[:1].islower() and head_noun(speaker) in PERSON_NOUNS | TITLE_WORDS | INSTITUTION_HEADS
        if speaker and (_a_person(speaker) or described):
            return "came from", speaker
    # a label is a speaker only as a person the article has named ("Biden:"), not "Update:", "Moscow:", "The Daily Mail:"
    label = _LABEL.fullmatch(before) if w.sent_lo == w.para_start else None
    if label and (person := reg.find(label.group(1))) and _a_person(person.name):
        return ":", person.name
    return None


def _colon_lead(text: str, w: Window, layout: Layout) -> str | None:
    """The last sentence of the paragraph before a quote that opens its own paragraph, when that paragraph ends
    with a colon ("Asked about the Caspian route, Zhaksybekov said:"): the quote's attribution."""
    if w.open_at != w.para_start or w.para_start == 0:
        return None
    prev = text[: w.para_start].rstrip()
    if not prev.endswith(":"):
        return None
    lo = max(layout.paragraph(len(prev) - 1)[0], last_end_in(layout.ends, 0, len(prev) - 1))
    return text[lo : len(prev)]


def _group_speaker(subject: str, pos: int, reg: Registry) -> str | None:
    """A group or an institution no person resolves ("local officials", "federal prosecutors"), as reported speech has it."""
    subject = clip_subject(subject)
    if not subject or subject.split()[0].lower() in PRONOUNS or head_noun(subject) in TITLE_WORDS:
        return None  # a pronoun or a title ("the minister") is a person's, and resolve found none
    return speaker_of(subject, pos, reg)


def _a_person(name: str) -> bool:
    """A person's name, not a description ("a house on Elm Street") nor a place ("Washington")."""
    return name[:1].isupper() and not places().mentions(name)


def _comparable(quoted: str) -> str:
    return normalise(quoted).lower().strip(" .,;:!?")


def _alone(text: str, span: Span, layout: Layout) -> bool:
    """Whether a quote fills its paragraph (a pull quote or a subhead), with nothing of the journalist's around it."""
    p0, p1 = layout.paragraph(span.start)
    return len(text[p0:p1].strip()) <= len(span.text(text)) + 4


def _pull_quote(text: str, spans: list[Span], n: int, layout: Layout, texts: list[str]) -> bool:
    """Quote `n` repeats one elsewhere in the article (`texts`: comparable forms): a pull quote filling its paragraph
    alone, or a standfirst's quote said again, word for word, further down ("… platforms," says Jack Buser)."""
    words, span = texts[n], spans[n]
    if len(words.split()) >= 6 and words in texts[n + 1 :] and bisect_right(layout.starts, span.start) <= 2:
        later = spans[texts.index(words, n + 1)]
        if not _alone(text, later, layout):
            return True  # a standfirst quoting words the body quotes again: one statement, the body's
    if not _alone(text, span, layout):
        return False
    return bool(words) and any(words in t and (len(t) > len(words) or i != n) for i, t in enumerate(texts))


_TIMESTAMP = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*(?:GMT|BST|ET|EST|UTC))?\s*[:—–-]?\s", re.I)


def attribute(article: Article, spans: list[Span], reg: Registry, layout: Layout, holders: list[Statement] = ()) -> list[Statement]:
    """Turn spans into attributed direct statements, leaving out quoted strings that are not speech.

    `reg` (the article's people, `people.build_registry`) learns who speaks as it goes. A partial quote
    inside a reported statement (`holders`: He added that Republicans are “committed to …”) is the
    holder's speaker's words: its subject, not the nearest name, says who."""
    text = article.text
    starts = [h.start for h in holders]  # `find_reported` gives them in reading order, each with its speaker
    texts = [_comparable(sp.text(text)) for sp in spans]
    statements: list[Statement] = []
    last_speaker: str | None = None
    accepted_ends: list[int] = []
    for n, span in enumerate(spans):
        qtext = span.text(text)
        w = window(text, spans, n, layout, accepted_ends)
        partial = is_partial(qtext, span, w)
        before = "" if span.open_mark is None else w.before
        if NAMING_CUES.search(before) or is_title(qtext, before, w.after):
            continue
        found, speaker, cue = find_speaker(w, before, partial, reg)
        if found is None and not before.strip() and (lead := _colon_lead(text, w, layout)):
            found, speaker, cue = find_speaker(w, lead, partial, reg)  # "Asked about the route, Zhaksybekov said:" ¶ “…”
        if found and not speaker and found[1].strip().lower() == "it":  # “…,” it said: the institution the last sentence opened with
            speaker = institution_before(text, w.sent_lo, w.open_at, reg)
        if (found is None or texts[n] in texts[n + 1 :]) and _pull_quote(text, spans, n, layout, texts):
            continue  # a subhead, pull quote or standfirst that repeats words quoted in the body: one statement, not two
        if partial and (holder := holder_of(holders, starts, span.start, span.end)):
            after = cue_after(w.after)
            # “…,” Mr. McHugh said after the quote names its own speaker, unless it is the holder's cue again
            own = after and holder.speaker.lower() not in after[1].lower() and (by := resolve(after[1], w.open_at, reg))
            found, speaker, cue = (after, by, after[0]) if own else (found or (holder.cue, ""), holder.speaker, holder.cue)
        if found and not speaker and accepted_ends and accepted_ends[-1] >= w.sent_lo - 1 and accepted_ends[-1] > w.para_start:
            speaker = last_speaker  # "…called it “x” and said it would “y”": same sentence, same subject
        documented = found and not speaker and head_noun(found[1]) in DOCUMENT_WORDS  # "“…,” the statement said. It was signed by X"
        if (found is None or documented) and (named := _named_beside(text, w, before, reg, bool(documented))):
            found, speaker, cue = named, named[1], named[0]
        if found is None:
            if partial or len(qtext.split()) < 3:
                continue  # scare quotes / a quoted word with nobody saying it
            # a quote with no cue continues the previous quote's speaker (rule 4), unless a sentence since then
            # opened with someone else ("Charles Schultze … once summed it up with a metaphor. “…”")
            since = accepted_ends[-1] if accepted_ends else 0
            introduced = reg.subject_between(since, w.open_at)
            new_entry = since < w.para_start and _TIMESTAMP.match(text, w.para_start)  # a live blog's next post ("14:20: “…”")
            speaker = introduced.name if introduced else None if new_entry else last_speaker
        if speaker:
            reg.add(speaker, w.open_at).spoke = True
            last_speaker = speaker
        accepted_ends.append(w.close_at)
        context = normalise(text[w.sent_lo : w.close_at + len(w.after)])[:500]
        statements.append(Statement(article.id, len(statements), "direct", qtext, span.start, span.end, speaker, cue, partial, context))
    return statements
