"""The people of one article: names as the prose gives them, with their titles, in order of mention.

A name is a capitalised run with its title words stripped ("Foreign Minister Anika Voss" -> "Anika
Voss"). `build_registry` fills the article's `registry.Registry`, which resolves a surname or a given name
to the full form first used in the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import (
    DETERMINERS,
    KIN_WORDS,
    LINK_WORDS,
    LOCATIVES,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    STOP_WORDS,
    TITLE_WORDS,
    VERB_RE,
)
from .places import places
from .registry import Registry, core_tokens
from .spans import Span
from .text import paragraphs, sentence_ends, sentences, starts_sentence

if TYPE_CHECKING:
    from spacy.language import Language

_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper()) + "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ" + "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"
# an abbreviation that may stand inside a name, before its full stop ("Lt", "Det"): one pattern for names and roles
ABBREVIATION = "(?:" + "|".join(sorted(NAME_ABBREVIATIONS, key=len, reverse=True)) + ")"
PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
_NAME_TOKEN = (
    rf"(?:(?<![\w’'-]){PARTICLE}[- ]){{0,2}}"
    rf"(?:(?:[{_UPPER}]\.){{2,}}|(?:[{_UPPER}]|{ABBREVIATION})\.|[{_UPPER}][^\W\d_]*(?:[’'\-][^\W\d_]+)*)"
)  # "Lt." or "J." or "J.K." (or "U.S.") but not "Vasnetsov." or "Jobs." (a sentence end) nor an acronym ending a
# sentence ("the CDC. About …")
_BODY_LINK = re.compile(r"\b([A-Z][a-z]+)\s+(?:to|for|of|on)\s+(?:the\s+)?$")  # "Committee to ", "Council on "
_INITIALS = re.compile(rf"(?:[{_UPPER}]\.)+")  # "U.S.", "U.N.", "J.": initials alone name nobody
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})*")
# where a clause's subject can start: a capital, a particle before a capital, a pronoun or a determiner
SUBJECT_START = re.compile(rf"\s*(?:[{_UPPER}]|{PARTICLE}[- ][{_UPPER}]|(?:he|she|they|it|the|a|an|his|her|its|their|one|another)\b)")


# honorifics that are also name parts when a given name comes first: "Abdirahman Sheikh Hassan Abdi"
_NAME_HONORIFICS = frozenset({"sheikh", "sheikha", "emir", "sultan"})


def _inside_name(toks: list[str], i: int) -> bool:
    """Whether toks[i] is an honorific inside a name: after a capitalised word that is no title and no place."""
    before = toks[i - 1] if i else ""
    return (
        toks[i].lower() in _NAME_HONORIFICS
        and before[:1].isupper()
        and before.lower().rstrip(",.") not in TITLE_WORDS
        and not places().code_of(before)
    )


def split_title(run: str) -> tuple[list[str], list[str]]:
    """('Foreign Minister Anika Voss') -> (['foreign', 'minister'], ['Anika', 'Voss'])."""
    toks = run.split()
    titles = []
    marks = [i for i, t in enumerate(toks[:-1]) if t.lower().rstrip(",.") in _TITLES_NOT_LINKS and not _inside_name(toks, i)]
    if marks:  # "Italian Interior Minister Franco Castellani": everything up to the last title word is title
        titles, toks = [t.lower() for t in toks[: marks[-1] + 1]], toks[marks[-1] + 1 :]
    while toks and (toks[0].lower().rstrip(",") in TITLE_WORDS or toks[0].lower() in STOP_WORDS or toks[0].lower() in ORG_WORDS):
        titles.append(toks.pop(0).lower().rstrip("."))
    if len(toks) >= 3 and toks[0].lower() in PERSON_NOUNS:  # "Economist Bhima Yudhistira", "Farmer Darto Sugiyanto"
        titles.append(toks.pop(0).lower())
    return titles, toks


_ROLE_OF = re.compile(r"\b(?:to|of|for)[ \t]+(?:the[ \t]+)?$")  # "ambassador to Britain ", "Ambassador to the "
# "Director of ", "Commissioner for the ", "Secretary of Health and " (a body of two parts before the run)
_TITLE_OF = re.compile(r"\b([A-Za-z]+)[ \t]+(?:of|for)[ \t]+(the[ \t]+)?(?:[A-Z][\w’'-]*[ \t]+(?:and|&)[ \t]+)?$")


def _role_body(toks: list[str]) -> int:
    """How many of a run's first tokens name the body of a role before the person ("of the European Commission
    Ursula von der Leyen"): titles, institution words and places, leaving a name of two words or more."""
    k = 0
    while len(toks) - k > 2:
        if n := next((n for n in (3, 2, 1) if len(toks) - k - n >= 2 and " ".join(toks[k : k + n]) in places().regions), 0):
            k += n  # "Governor of New Jersey Phil Murphy", "Premier of British Columbia David Eby", "Kansas City"
        elif (low := toks[k].lower().rstrip(".")) in TITLE_WORDS or low in ORG_WORDS or places().code_of(toks[k]):
            k += 1
        else:
            break
    if k or len(toks) < 4 or any(t[:1].islower() or t.lower() in NAME_PARTICLES for t in toks):
        return k  # no "bin", "Al": a long name of its own ("Nasser bin Khalifa Al Mualla")
    # a body the lexicon does not know: the name is a given name, its initials and a surname (and a suffix):
    # "head of Human Rights Watch Kenneth Roth", "… Health and Human Services Robert F. Kennedy Jr."
    i = len(core_tokens(toks)) - 2
    while i > 0 and re.fullmatch(r"[A-Z]\.", toks[i]):
        i -= 1
    return i if i >= 2 and not any(t.endswith(".") for t in toks[:i]) else k


def _place_prefix(toks: list[str]) -> int:
    """How many of a run's first tokens name a country or a world region ("minister for Latin America María …"),
    leaving a name of two words or more."""
    return next((k for k in (2, 1) if len(toks) - k >= 2 and ((p := " ".join(toks[:k])) in places().not_places or places().code_of(p))), 0)


_TITLES_NOT_LINKS = TITLE_WORDS - LINK_WORDS  # computed once: asked per token of every name
_TITLES_NOT_DETERMINERS = TITLE_WORDS - DETERMINERS
_PLACE_BLOCKING_TITLES = TITLE_WORDS - LOCATIVES - STOP_WORDS
# an apposition after a name ("Anika Voss, the foreign minister," or "…, a ministry spokeswoman.") or before it
# ("Gibraltar’s chief minister, Daniel Azzopardi,"), and a lower-case title glued to it ("spokeswoman Tang Yuxin")
_APPOSITION_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?([^,.;“”\"]{3,60}?)(?:,|(?<=[a-z])\.(?=\s|$))")
_APPOSITION_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s|\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s|’s\s|'s\s)([a-z][a-z \-]{2,50})(?:\s(?:for|of)\s(?:the\s)?[A-Z][\w’' ]{1,30})?,\s+$"
)
# "“…,” said Mona Hassan El-Sherbiny", "added Foreign Minister X" (not "told Kristen Welker", who is spoken to)
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|adds|wrote|writes|insisted|warned|argued|explained|declared)\s+(?:[\w.’'-]+\s+){0,4}$")
_GLUED_BEFORE = re.compile(r"\b([a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2})\s+$")


# a capitalised participle that opens a sentence ("Hosting Cook …"), not a given name such as Sterling or Irving
_GERUND = re.compile(r"(?!Sterling|Irving|Channing|Browning|Fleming|Manning|Golding|Harding|Ewing)[A-Z][a-z]{2,}ing")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")  # "Hosting Cook at …" (a clause goes on), not "Xiaoming Li said" nor "…, an"
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def person_names(text: str, lo: int = 0, hi: int | None = None, possessive: bool = False) -> list[tuple[int, str, set[str]]]:
    """Person-like names in text[lo:hi]: (offset, name without titles, title words). With `possessive`, a full name
    in the possessive counts too ("but Michelle Hege’s response was concern": Michelle Hege is named)."""
    out = []
    for m in NAME_RUN.finditer(text, lo, len(text) if hi is None else hi):
        titles, toks = split_title(m.group())
        if possessive and len(toks) >= 2 and toks[-1].endswith(("’s", "'s")) and not toks[-1][:-2].isupper():
            # a person's only when the surname comes back alone ("… Hege said"), not "Morgan Stanley’s shares fell",
            # and not an acronym's ("Under NASA's")
            if len(re.findall(rf"\b{re.escape(toks[-1][:-2])}\b", text)) < 2:
                continue
            toks = [*toks[:-1], toks[-1][:-2]]
        if (
            len(toks) >= 2
            and _GERUND.fullmatch(toks[0])
            and _SENTENCE_OPENS.search(text, max(0, m.start() - 3), m.start())
            and (nxt := _NEXT_WORD.match(text, m.end()))
            and nxt.group(1) not in REPORTING_VERBS
        ):
            toks = toks[1:]  # a participle opening the sentence: "Hosting Cook at Dreamforce is our dream", "Asking Voss"
        if len(toks) >= 3 and toks[0] == "Said" and _SENTENCE_OPENS.search(text, max(0, m.start() - 3), m.start()):
            toks = toks[1:]  # "Said Donna Kaye, a machinist: “…”" (an inverted verb), not "Said Jalili said"
        while toks and toks[0].endswith("-based"):
            toks = toks[1:]  # "Sacramento-based McClatchy"
        while toks and toks[0] in NAME_PARTICLES:  # a name does not start with a lower-case particle ("ad Jane Lubchenco")
            toks = toks[1:]
        if len(toks) >= 3 and _ROLE_OF.search(text, max(0, m.start() - 10), m.start()):
            toks = toks[_place_prefix(toks) :]  # "ambassador to Britain Liu Xiaming", "envoy to Ukraine Kurt Volker"
        role_word = set()
        if (role := _TITLE_OF.search(text, max(0, m.start() - 30), m.start())) and role.group(1).lower() in TITLE_WORDS | ORG_WORDS:
            if len(toks) >= 3:  # "Director of Public Prosecution Eva-Marie Persson": the role's body is no name
                toks = toks[_role_body(toks) :]
                role_word = {role.group(1).lower()} & TITLE_WORDS  # "the minister said" finds her later
            elif (role.group(2) or role.group(1)[0].isupper()) and len(m.group().split()) <= 2:
                # "Chairman of the Joint Chiefs of Staff", "High Commissioner for Human Rights": a role's body, no person
                continue
        after = text[m.end() : m.end() + 20].split()
        if (
            not titles
            and len(m.group().split()) <= 2
            and (body := _BODY_LINK.search(text, max(0, m.start() - 25), m.start()))
            and body.group(1).lower() in ORG_WORDS
        ):
            continue  # the rest of a body's name: "Committee to Protect Journalists", "Council on Foreign Relations"
        if all(_INITIALS.fullmatch(t) or t.lower().rstrip(".") in TITLE_WORDS for t in toks):
            continue  # "U.S. officials", "the U.N. refugee agency", "U.S. Ambassador": no person's name
        if len(toks) >= 2 and all(t.isupper() for t in toks):
            continue  # a dateline ("NEW YORK —") or a run of acronyms, not a person
        if not toks or any(t.lower().strip(".’'") in ORG_WORDS for t in toks) or any(t.endswith(("’s", "'s")) for t in toks):
            continue  # an institution, or a possessive ("Pakistan’s foreign minister", "the African Union's envoy")
        if after and after[0].strip(".,;:") in ORG_WORDS:
            continue  # the name of a place or body: "Royal Shrewsbury hospital"
        toks = [t.rstrip(".") if len(t) > 2 and not _INITIALS.fullmatch(t) else t for t in toks]
        # an appositive right after the name: "Anika Voss, the foreign minister," or "…, a ministry spokeswoman."
        app = _APPOSITION_AFTER.match(text[m.end() : m.end() + 80])
        if app and app.group().endswith(".") and app.group(1).split()[-1].lower() not in TITLE_WORDS:
            app = None  # a sentence's end closes an apposition only after a title: "…, a foreign ministry spokeswoman."
        # or one just before it: "Gibraltar’s chief minister, Daniel Azzopardi,", "Venezuela’s deputy foreign
        # minister for Latin America, José Gregorio Rivas Mendoza"
        pre = _APPOSITION_BEFORE.search(text[max(0, m.start() - 100) : m.start()])
        # or a lower-case title right before it: "spokeswoman Tang Yuxin said"
        glued = _GLUED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        extra = set(role_word)
        for found in (app, pre):
            words = set(found.group(1).lower().replace("’s", "").split()) if found else set()
            # a kin word as the apposition's head tells a gender ("Her husband, Robert Vance"), not "whose father …"
            kin = len(words) <= 2 and bool(words & KIN_WORDS)
            if words & TITLE_WORDS or kin:
                extra |= words if kin else words - KIN_WORDS
        if glued and (words := glued.group(1).split())[-1] in _TITLES_NOT_DETERMINERS:
            extra |= {w for w in words if w in _TITLES_NOT_DETERMINERS}
        out.append((m.start() + m.group().find(toks[0]), " ".join(toks), set(titles) | extra))
    return out


NOT_PEOPLE = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "NORP", "LANGUAGE"}


def not_people(text: str, nlp: Language) -> list[tuple[int, int]]:
    """Spans a spaCy NER model calls something other than a person ("Social Security", "Apple II"), found in
    attribution sentences only (those with a quote mark or a reporting verb): the fast path stays fast."""

    def worth_it(a: int, b: int) -> bool:  # an attribution sentence with a name of two words or more
        attributes = VERB_RE.search(text, a, b) or any(c in text[a:b] for c in '“”"«»')
        return bool(attributes) and any(len(m.group().split()) >= 2 for m in NAME_RUN.finditer(text, a, b))

    chosen = [(a, b) for a, b in sentences(text, paragraphs(text), sentence_ends(text)) if worth_it(a, b)]
    keep = ["ner"] if "ner" in nlp.pipe_names else nlp.pipe_names  # the small English model's NER has its own token vectors
    out = []
    with nlp.select_pipes(enable=[p for p in keep if p in nlp.pipe_names]):
        for (a, _), doc in zip(chosen, nlp.pipe((text[a:b] for a, b in chosen), batch_size=64)):
            people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            out += [
                (a + e.start_char, a + e.end_char)
                for e in doc.ents
                if e.label_ in NOT_PEOPLE and not any(p0 < e.end_char and e.start_char < p1 for p0, p1 in people)
            ]
    return out


_HEADLINE_NAME = re.compile(r"(?<![\w’'])([A-Z][a-z]+) ([A-Z][a-z][\w’'-]*)(?![\w’'])")


_BODY_PART = re.compile(r"\b([A-Z][\w’'-]*)\s+(?:for|of)\s+(?:the\s+)?$")
_LAST_WORD = re.compile(r"(\w+)[ \t]+$")
_DATELINE = re.compile(r"[ \t]*(?:,[^—–\n]{0,40})?[ \t]*(?:—|–|-{1,2})[ \t]")


def _known_place(name: str) -> bool:
    """A name of two words or more that the places lexicon knows whole ("Guatemala City", "New Delhi", "New Jersey")."""
    return len(name.split()) >= 2 and (places().code_of(name) is not None or name in places().regions)


def _is_place(text: str, at: int, name: str) -> bool:
    """A capitalised run that the text uses as a place: after a locative word ("in Johor Bahru", "the South
    Pacific") or as a dateline ("PORT VILA —", "SEOUL, South Korea —" at a paragraph's start)."""
    before = _LAST_WORD.search(text, max(0, at - 20), at)
    if before and before.group(1).lower() in LOCATIVES:
        return True
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip() and name.isupper() and bool(_DATELINE.match(text, at + len(name)))


def build_registry(text: str, spans: list[Span], nlp: Language | None = None, title: str | None = None) -> Registry:
    """People named in the prose (outside quotes); a single token counts only as a known surname. A surname used
    alone in the text takes the full name the headline (`title`) gives it ("Apple says Steve Jobs resigning").

    With a spaCy pipeline `nlp`, a name that its NER calls an organisation, place or product in an
    attribution sentence is not a person (`Registry.rejected`); names elsewhere are kept. Measured on the
    real-news pages: README, "Speakers on real pages"."""
    reg = Registry()
    reg.text = text
    reg.sentence_ends = sentence_ends(text)
    for m in _HEADLINE_NAME.finditer(title or ""):
        if m.group(1).lower() not in STOP_WORDS | TITLE_WORDS | ORG_WORDS and m.group(2).lower() not in TITLE_WORDS | ORG_WORDS:
            reg.headline_names.setdefault(m.group(2), m.group())
    others = not_people(text, nlp) if nlp is not None else []
    outside, pos = [], 0
    # "Fiona Parry said", "Voss, the minister, said", "The practice manager, Sanjay Patel, agreed"
    subject_of_verb = re.compile(r"\s*(?:,[^,]{1,80},\s*|,\s*)?(?:" + VERB_RE.pattern + ")")
    for s in spans:
        outside.append((pos, s.outer[0]))
        pos = s.outer[1]
    outside.append((pos, len(text)))
    for lo, hi in outside:
        for at, name, titles in person_names(text, lo, hi, possessive=True):
            if any(a <= at < b for a, b in others):
                reg.rejected.add(name)
                continue
            if not titles & _PLACE_BLOCKING_TITLES and (_is_place(text, at, name) or _known_place(name)):
                continue
            body = _BODY_PART.search(text, max(0, at - 40), at)
            if not titles and body and body.group(1).lower() not in TITLE_WORDS and len(name.split()) <= 2:
                continue  # the end of a body's name: "Centers for Disease Control", "Kim of the Brookings Institution"
            if len(name.split()) >= 2 or reg.find(name):
                person = reg.add(name, at, titles)
                if starts_sentence(text, at, reg.sentence_ends):
                    reg.subjects.add(at)
                if subject_of_verb.match(text, at + len(name)) or _SAID_BEFORE.search(text, max(0, at - 60), at):
                    person.spoke = True  # "Fiona Parry said", or "“…,” said Mona Hassan El-Sherbiny"
    reg.infer_genders()
    return reg


def name_score(name: str, reg: Registry) -> int:
    """Known people and full names beat lone capitalised words (places, parties, acronyms)."""
    return 2 if reg.find(name) or len(name.split()) >= 2 else 1
