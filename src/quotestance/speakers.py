"""Speaker attribution: who said each quoted span, and whether a span is speech at all.

Rules, in order (documented in README.md, "How quotes are found"):
1. Not speech: a span right after "so-called", "dubbed", "nicknamed", "codenamed", "known as",
   "titled"; a short title-case name (the "New START" treaty, the "Sea Breeze" drills); a fragment
   inside a sentence with no reporting verb in that sentence (scare quotes).
2. The cue is the nearest reporting verb (REPORTING_VERBS) or "according to" after the closing mark in
   the same sentence ("…," X said / said X / X, the minister, said / he added), else before the
   opening mark in the same sentence (X said: "…" / X warned that "…" / X called it "…").
3. The subject of the cue is a name ("Anika Voss", "Voss"), a pronoun (he, she, they), or a title
   ("the minister"). Names resolve to the full form first used in the article; pronouns to the last
   person named before the quote; titles to the last person described by that title, else the last
   person named.
4. A full-sentence quote with no cue continues the previous quote's speaker (the news convention of a
   quote paragraph that follows an attributed one).
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field

from .articles import Article
from .quotes import Quote, Span, normalise

REPORTING_VERBS = frozenset(
    """said says say added adds told tells warned warns insisted insists stressed stresses noted notes declared
    declares stated states argued argues asked asks explained explains wrote writes posted posts tweeted replied
    replies responded responds continued continues recalled vowed vows urged urges cautioned claimed claims
    conceded concedes acknowledged acknowledges admitted admits announced announces remarked observed suggested
    predicted promised promises pledged pledges complained complains called calls described describes accused
    accuses branded brands labelled labeled concluded emphasised emphasized underlined reiterated reiterates
    maintained maintains countered counters quipped joked lamented boasted threatened threatens demanded
    demands charged answered answers shot retorted mused signalled signaled confirmed confirms denied denies
    rejected dismissed hailed welcomed praised condemned criticised criticized assured told""".split()
)
NAMING_CUES = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|nickname|codenamed|code-named|known(?:\s+[\w’']+){0,8}\s+as|titled|entitled|"
    r"slogan|motto|headlined|banner|(?:often|sometimes|widely|also|once)\s+(?:called|described\s+as)(?:\s+the|\s+a)?)\s*$",
    re.I,
)
PRONOUNS = {"he", "she", "they", "i", "we"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "of", "for", "and"}
TITLE_WORDS = frozenset(
    """the a an his her their its our president vice prime minister ministers foreign defence defense deputy
    secretary general state spokesperson spokesman spokeswoman ambassador envoy special senator representative
    rep gen gen. lt lt. col col. adm adm. admiral colonel major captain commander chief chancellor king queen
    prince crown sheikh emir mr mr. mrs mrs. ms ms. dr dr. sir lord dame premier governor mayor director
    chairman chairwoman chair head senior official trade interior finance energy economy economic national
    security adviser advisor army navy air force lawmaker mp speaker leader opposition acting first attorney
    undersecretary under-secretary assistant high commissioner negotiator coast guard affairs of for and
    military top chief-of-staff commodore rear vice-admiral sergeant private corporal ensign lieutenant-general
    major-general colonel-general inspector superintendent counsellor councillor consul attaché charge
    chargé d’affaires nuncio pope cardinal archbishop bishop imam rabbi secretary-general director-general
    commissioner minister-president taoiseach tanaiste emir sultan crown-prince staff lieutenant brigadier marshal parliamentary press officer ministry's
    country's nation's government's vice-president deputy-minister""".split()
)
STOP_WORDS = frozenset(
    """on in at but and however meanwhile speaking asked last this that it we they he she i after before earlier
    later when while monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december according asked if as yet still so then there here
    what why how our their his her its in a an the""".split()
)
ORG_WORDS = frozenset(
    """ministry council union nations states kingdom republic sea ocean strait gulf house office department
    agency bank fund parliament assembly congress senate court army forces navy committee commission
    organisation organization treaty agreement news times post press tv radio island islands kremlin pentagon
    government cabinet embassy coalition alliance nato un eu asean summit group party""".split()
)
_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper()) + "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ" + "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"
_NAME_TOKEN = (rf"(?:(?:al|el|ad|bin|ibn|abu|de|da|dos|del|van|von|der|le|la|du|di)[- ])?"
               rf"(?:[{_UPPER}][^\W\d_]{{0,3}}\.|[{_UPPER}][^\W\d_]*(?:[’'\-][^\W\d_]+)*)")  # "Lt." or "J." but not "Vasnetsov."
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})*")
_VERB_RE = re.compile(r"\b(" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True)) + r")\b")
_SENT_END = re.compile(r"(\w*)([.!?])[”’\"»“]?(?=\s*[A-Z“\"‘«„‚])")
ABBREVIATIONS = frozenset("Mr Mrs Ms Dr St No Gen Lt Col Adm Sen Rep Gov Maj Capt Sgt Prof Jr Sr vs etc".split())


@dataclass
class Person:
    name: str
    descriptors: set[str] = field(default_factory=set)
    spoke: bool = False  # has been quoted, or was the subject of a reporting verb

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


class Registry:
    """The people of one article, in order of mention, with the titles used for them."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.mentions: list[tuple[int, Person]] = []  # (offset, person), in text order

    def find(self, name: str) -> Person | None:
        toks = name.split()
        for p in self.people:
            if p.name == name or (len(toks) <= len(p.tokens) and p.tokens[-len(toks):] == toks):
                return p
        for p in self.people:  # a given name alone, or a surname with a particle
            if toks[0] in p.tokens:
                return p
        return None

    def add(self, name: str, pos: int, descriptors: set[str] = frozenset()) -> Person:
        person = self.find(name)
        if person is None:
            person = Person(name)
            self.people.append(person)
        person.descriptors |= set(descriptors)
        insort(self.mentions, (pos, person), key=lambda m: m[0])
        return person

    def last_before(self, pos: int, descriptor: set[str] | None = None) -> Person | None:
        """The latest person before `pos` (described by all of `descriptor`, if given); people who speak or hold a
        title first."""
        before = [p for at, p in reversed(self.mentions) if at < pos and (descriptor is None or descriptor <= p.descriptors)]
        return next((p for p in before if p.spoke or p.descriptors), before[0] if before else None)


def split_title(run: str) -> tuple[list[str], list[str]]:
    """('Foreign Minister Anika Voss') -> (['foreign', 'minister'], ['Anika', 'Voss'])."""
    toks = run.split()
    titles = []
    marks = [i for i, t in enumerate(toks[:-1]) if t.lower().rstrip(",.") in TITLE_WORDS - {"the", "a", "an", "of", "for", "and"}]
    if marks:  # "Italian Interior Minister Franco Castellani": everything up to the last title word is title
        titles, toks = [t.lower() for t in toks[: marks[-1] + 1]], toks[marks[-1] + 1 :]
    while toks and (toks[0].lower().rstrip(",") in TITLE_WORDS or toks[0].lower() in STOP_WORDS or toks[0].lower() in ORG_WORDS):
        titles.append(toks.pop(0).lower().rstrip("."))
    return titles, toks


def person_names(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, str, set[str]]]:
    """Person-like names in text[lo:hi]: (offset, name without titles, title words)."""
    out = []
    for m in NAME_RUN.finditer(text, lo, len(text) if hi is None else hi):
        titles, toks = split_title(m.group())
        if not toks or any(t.lower().strip(".’'") in ORG_WORDS for t in toks):
            continue
        toks = [t.rstrip(".") if len(t) > 2 else t for t in toks]
        # an appositive right after the name: "Anika Voss, the foreign minister,"
        app = re.match(r",\s+(?:the\s+|a\s+)?([^,.;“”\"]{3,60}?),", text[m.end(): m.end() + 80])
        # or one just before it: "Gibraltar’s chief minister, Daniel Azzopardi,"
        pre = re.search(r"(?:^|[.;:!?]\s|\b(?:the|a|an)\s|’s\s|'s\s)([a-z][a-z \-]{2,50}),\s+$", text[max(0, m.start() - 70): m.start()])
        extra = set()
        for found in (app, pre):
            if found and (words := set(found.group(1).lower().replace("’s", "").split())) & TITLE_WORDS:
                extra |= words
        out.append((m.start() + m.group().find(toks[0]), " ".join(toks), set(titles) | extra))
    return out


def build_registry(text: str, spans: list[Span], nlp=None) -> Registry:  # noqa: ANN001
    """People named in the prose (outside quotes); a single token counts only as a known surname.

    With a spaCy pipeline `nlp`, only names inside its PERSON entities count (places and organisations
    that look like names are left out); see README for what that buys and costs."""
    reg = Registry()
    persons = None
    if nlp is not None:
        persons = [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"]
    outside, pos = [], 0
    subject_of_verb = re.compile(r"\s*(?:,[^,]{1,80},\s*)?(?:" + _VERB_RE.pattern + ")")
    for s in spans:
        outside.append((pos, s.open_mark if s.open_mark is not None else s.start))
        pos = (s.close_mark + 1) if s.close_mark is not None else s.end
    outside.append((pos, len(text)))
    for lo, hi in outside:
        for at, name, titles in person_names(text, lo, hi):
            if persons is not None and not any(a <= at < b for a, b in persons):
                continue
            if len(name.split()) >= 2 or reg.find(name):
                person = reg.add(name, at, titles)
                if subject_of_verb.match(text, at + len(name)):
                    person.spoke = True
    return reg


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end in the text (abbreviations and initials are not ends)."""
    return [m.end() for m in _SENT_END.finditer(text)
            if not (m.group(2) == "." and (m.group(1) in ABBREVIATIONS or len(m.group(1)) == 1 and m.group(1).isupper()))]


def _clip_subject(s: str) -> str:
    s = s.strip(" ,;:—–-\n")
    s = re.split(r"\s+(?:on|in|at|during|after|before|late|earlier|later|via|through|while|from)\s+(?:[A-Z]\w*day|a |an |the |his |her |their |its |\w+ (?:conference|statement|briefing|interview))", s)[0]
    s = re.split(r"\s+(?:to|in|on|at)\s+(?:reporters|journalists|lawmakers|parliament|a news|the press)\b", s)[0]
    return s.strip(" ,;:")


def _resolve(subject: str, pos: int, reg: Registry) -> str | None:
    """A subject phrase -> the full name of the person it refers to (None when no person fits)."""
    subject = " , ".join(c for c in (_clip_subject(part) for part in subject.split(" , ")) if c)
    if not subject:
        return None
    words = subject.split()
    low = words[0].lower()
    if low in PRONOUNS and len(words) <= 2:
        p = reg.last_before(pos)
        return p.name if p else None
    names = person_names(subject)
    if words[0].lower() in DETERMINERS and any(w.lower() in TITLE_WORDS - DETERMINERS for w in words):
        names = []  # "the Algerian minister": a title, not a name
    if names:
        _, name, titles = max(names, key=lambda n: _name_score(n[1], reg))
        p = reg.find(name)
        if p is None:
            p = reg.add(name, pos, titles)
        return p.name
    descriptor = [w.lower().strip(".,’'").replace("’s", "") for w in words if w.lower() not in DETERMINERS]
    if any(w in TITLE_WORDS for w in descriptor):
        head = next(w for w in reversed(descriptor) if w in TITLE_WORDS)
        p = reg.last_before(pos, set(descriptor)) or reg.last_before(pos, {head}) or reg.last_before(pos)
        return p.name if p else None
    return None


def _name_score(name: str, reg: Registry) -> int:
    """Known people and full names beat lone capitalised words (places, parties, acronyms)."""
    return 2 if reg.find(name) or len(name.split()) >= 2 else 1


_SUBJECT_START = re.compile(rf"\s*(?:[{_UPPER}]|(?:al|el|bin|ibn|de|da|van|von)[- ][{_UPPER}]|(?:he|she|they|the|a|an|his|her|its|their|one|another)\b)")


def _cue_after(after: str) -> tuple[str, str] | None:
    """(cue, subject) from the text right after a closing mark: '…,' X said / said X / according to X."""
    s = after.lstrip(" ,;:—–-")
    if m := re.match(r"according to\s+(.{1,80})", s, re.I):
        return "according to", re.split(r"[,.;]", m.group(1))[0]
    m = _VERB_RE.search(s[:120])
    if not m:
        return _according(s)
    verb, before_verb = m.group(1), s[: m.start()]
    if before_verb.strip():
        if len(before_verb.split()) > 12 or re.search(r"[.!?]\s", before_verb) or not _SUBJECT_START.match(before_verb):
            return _according(s)
        return verb, before_verb.split(",")[0] if "," in before_verb else before_verb
    return verb, re.split(r"[,.;:]", s[m.end():])[0]


def _according(s: str) -> tuple[str, str] | None:
    m = re.search(r"\baccording to\s+([^,.;]{1,80})", s, re.I)
    return ("according to", m.group(1)) if m else None


def _cue_before(before: str) -> tuple[str, str] | None:
    """(cue, subject) from the text before an opening mark in the same sentence: X said: “…”."""
    if m := re.search(r"according to\s+([^,:;]{1,80})[,:;]?[^.!?]*$", before, re.I):
        return "according to", m.group(1)
    verbs = list(_VERB_RE.finditer(before))
    if not verbs:
        return None
    m = verbs[-1]
    head = before[: m.start()]
    head = re.split(r"[.;:!?]\s", head)[-1]
    parts = [p for p in head.split(",") if p.strip()]
    if not parts:
        return m.group(1), ""
    # "In a statement, Voss said" / "Voss, the foreign minister, said": a pronoun opening the clause, else
    # the best-scored name (resolved later), else the last part
    words = parts[-1].split()
    if words[0].lower() in PRONOUNS or words[-1].lower() in PRONOUNS:  # "He said" / "…, which he called"
        return m.group(1), words[-1] if words[-1].lower() in PRONOUNS else words[0]
    named = [p for p in parts if person_names(p)]
    return m.group(1), (" , ".join(named) if named else parts[-1])


def _is_title(text: str, before: str, after: str) -> bool:
    words = re.findall(r"[^\W\d_][\w’'\-]*|\d+", text)
    if not words or len(words) > 8 or re.search(r"[.!?,;:]$", text):
        return False
    content = [w for w in words if w.lower() not in {"of", "the", "and", "for", "on", "in", "to", "a", "de"}]
    titled = all(w[0].isupper() or w[0].isdigit() for w in content)
    framed = re.search(r"\b(?:the|a|an|its|their|his|her|our|new)\s*$", before, re.I) or re.match(r"\s*[a-z]", after)
    return bool(titled and framed)


def attribute(article: Article, spans: list[Span], nlp=None) -> list[Quote]:  # noqa: ANN001
    """Turn spans into attributed `Quote`s, leaving out quoted strings that are not speech."""
    text = article.text
    reg = build_registry(text, spans, nlp)
    quotes: list[Quote] = []
    last_speaker: str | None = None
    accepted_ends: list[int] = []
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    para_starts = [a for a, _ in paras]
    ends = _sentence_ends(text)  # computed once: attribution stays linear in the number of quotes

    def para_of(pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding `pos`."""
        k = bisect_right(para_starts, pos) - 1
        return paras[k] if k >= 0 and pos <= paras[k][1] else (0, len(text))

    def last_end_in(lo: int, hi: int) -> int:
        """The last sentence end in (lo, hi], else lo."""
        k = bisect_right(ends, hi) - 1
        return ends[k] if k >= 0 and ends[k] > lo else lo

    def first_end_in(lo: int, hi: int) -> int:
        """The first sentence end in (lo, hi], else hi."""
        k = bisect_right(ends, lo)
        return ends[k] if k < len(ends) and ends[k] <= hi else hi

    for n, span in enumerate(spans):
        qtext = span.text(text)
        open_at = span.open_mark if span.open_mark is not None else span.start
        close_at = span.close_mark + 1 if span.close_mark is not None else span.end
        a0, b1 = para_of(open_at)[0], para_of(close_at)[1]
        k = bisect_right(accepted_ends, open_at)
        prev_end = max(a0, accepted_ends[k - 1]) if k else a0
        following = spans[n + 1] if n + 1 < len(spans) else None
        next_open = min(b1, following.open_mark if following.open_mark is not None else following.start) if following else b1
        next_open = max(next_open, close_at)
        sent_lo = max(prev_end, last_end_in(a0, open_at))
        before = text[sent_lo:open_at]
        after_hi = first_end_in(close_at, next_open)
        after = text[close_at:after_hi]
        before_stripped = before.strip()
        starts_sentence = (not before_stripped or before_stripped[-1] == ":"
                           or before_stripped[-1] in ",—–-" and len(before_stripped) > 1 and _cue_before(before))
        partial = bool(qtext[:1].islower()) or not starts_sentence
        if span.open_mark is None:  # missing opening mark: starts its paragraph or sentence
            partial, before = False, ""

        if NAMING_CUES.search(before) or _is_title(qtext, before, after):
            continue
        cue_before = _cue_before(before) if before.strip() else None
        cues = [c for c in ((cue_before, _cue_after(after)) if partial else (_cue_after(after), cue_before)) if c]
        found = cues[0] if cues else None
        speaker = cue = None
        for c in cues:  # the first cue whose subject names somebody
            if speaker := _resolve(c[1], open_at, reg):
                cue = c[0]
                break
        if found and not speaker:
            cue = found[0]
            if accepted_ends and accepted_ends[-1] >= sent_lo - 1 and accepted_ends[-1] > a0:
                speaker = last_speaker  # "…called it “x” and said it would “y”": same sentence, same subject
        if found is None:
            if partial or len(qtext.split()) < 3:
                continue  # scare quotes / a quoted word with nobody saying it
            speaker = last_speaker  # a quote with no cue continues the previous quote's speaker (rule 4)
        if speaker:
            reg.add(speaker, open_at).spoke = True
            last_speaker = speaker
        accepted_ends.append(close_at)
        context = normalise(text[sent_lo:after_hi])[:500]
        quotes.append(Quote(article.id, len(quotes), qtext, span.start, span.end, speaker, cue, partial, context))
    return quotes
