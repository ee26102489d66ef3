"""The people of one article: names as the prose gives them, with their titles, in order of mention.

A name is a capitalised run with its title words stripped ("Foreign Minister Anika Voss" -> "Anika
Voss"). The registry resolves a surname or a given name to the full form first used in the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import (
    DETERMINERS,
    FEMALE_TITLES,
    GENDER_OF,
    LINK_WORDS,
    LOCATIVES,
    MALE_TITLES,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_WORDS,
    REPORTING_VERBS,
    STOP_WORDS,
    TITLE_WORDS,
)
from .organisations import Organisation, named_body, organisations
from .places import places
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
    rf"(?:(?:[{_UPPER}]|{ABBREVIATION})\.|[{_UPPER}][^\W\d_]*(?:[’'\-][^\W\d_]+)*)"
)  # "Lt." or "J." but not "Vasnetsov." or "Jobs." (a sentence end) nor an acronym ending a sentence ("the CDC. About …")
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})*")
VERB_RE = re.compile(r"\b(" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True)) + r")\b")
# where a clause's subject can start: a capital, a particle before a capital, a pronoun or a determiner
SUBJECT_START = re.compile(rf"\s*(?:[{_UPPER}]|{PARTICLE}[- ][{_UPPER}]|(?:he|she|they|it|the|a|an|his|her|its|their|one|another)\b)")


# "X said he would", "X, 54, told reporters she": the person's own pronoun right after their reporting verb
# (not "X told her" nor "X told Cole she", nor "X said her plan": the pronoun may be someone else)
_SAID_PRONOUN = re.compile(
    r"(?:,[^,.]{1,60},)?\s+(?:(?:" + VERB_RE.pattern + r")(?:\s+(?:reporters|journalists|lawmakers))?\s+(?:that\s+)?(?P<pronoun>he|she))\b"
)

_VERB_BEFORE = re.compile(r"\b(?:" + VERB_RE.pattern + r")\s+$")
NEAR = 400  # characters before a pronoun in which a sentence's subject is its likeliest referent


@dataclass
class Person:
    name: str
    descriptors: set[str] = field(default_factory=set)
    spoke: bool = False  # has been quoted, or was the subject of a reporting verb
    gender: str | None = None  # "m" or "f" when the article says so (a title, "X said she"), else unknown

    @property
    def tokens(self) -> list[str]:
        return name_tokens(self.name)

    @property
    def core(self) -> list[str]:
        """The name's tokens without a generational suffix ("James Roosevelt Jr." -> James, Roosevelt)."""
        return core_tokens(self.tokens)


class Registry:
    """The people of one article, in order of mention, with the titles used for them.

    Indexed by name token, so that looking a name up costs the same in a long article as in a short one."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.mentions: list[tuple[int, Person]] = []  # (offset, person), in text order
        self._by_last: dict[str, list[Person]] = {}  # last name token -> people, in order of first mention
        self._by_token: dict[str, list[Person]] = {}  # any name token -> people, in order of first mention
        self.rejected: set[str] = set()  # names the NER model calls organisations, places or products
        self.subjects: set[int] = set()  # offsets of mentions that start a sentence
        self.sentence_ends: list[int] = []
        self.text = ""  # the article: genders and descriptions of people nobody names are read from it
        self.headline_names: dict[str, str] = {}  # surname -> full name as the headline gives it ("Jobs" -> "Steve Jobs")
        self._organisations: list[Organisation] | None = None  # read from the text on first need

    def body(self, description: str, pos: int) -> str | None:
        """The organisation "the company", "the agency" … refers to at `pos` (`organisations.named_body`), else None."""
        if self._organisations is None:
            self._organisations = organisations(self.text, {p.name for p in self.people})
        return named_body(description, pos, self._organisations, self.text)

    def find(self, name: str, pos: int | None = None) -> Person | None:
        """The person a name refers to: one whose name ends with it ("Voss" -> "Anika Voss"; a suffix such as
        "Jr." aside), else one whose name holds its first word (a given name alone, a surname with a particle).
        Of several ("Franklin Roosevelt", later "James Roosevelt Jr."), the one mentioned last before `pos`."""
        toks = core_tokens(name_tokens(name))
        if not toks:
            return None
        found = [p for p in self._by_last.get(toks[-1], ()) if len(toks) <= len(p.core) and p.core[-len(toks) :] == toks]
        found = (
            found
            or [
                p  # a given name alone, a surname with a particle, a part of a longer name ("Te Kaurinui" -> "Te Kaurinui Robert")
                for p in self._by_token.get(toks[0], [])
                if len(toks) == 1 or toks[: len(p.tokens)] == p.tokens or _within(toks, p.tokens)
            ]
        )  # but "Kim Yong-hyun" is not "Margie Kim", nor "Abu Dhabi" "Abu Musa"
        if len(found) > 1 and pos is not None:
            latest = next((p for _, p in self._before(pos) if p in found), None)
            return latest or found[0]
        return found[0] if found else None

    def add(self, name: str, pos: int, descriptors: set[str] = frozenset()) -> Person:
        person = self.find(name, pos)
        if person is None and name in self.headline_names:  # "Jobs said", the full name only in the headline
            name = self.headline_names[name]
            person = self.find(name, pos)
        if person is None:
            person = Person(name)
            self.people.append(person)
            self._index(person)
        elif len(toks := name_tokens(name)) > len(person.tokens) and toks[: len(person.tokens)] == person.tokens:
            person.name = name  # a fuller form of a name seen first in part: "Te Kaurinui Robert", then "… Robert Parata"
            self._index(person)
        person.descriptors |= set(descriptors)
        insort(self.mentions, (pos, person), key=lambda m: m[0])
        return person

    def _index(self, person: Person) -> None:
        if person not in self._by_last.get(person.core[-1], ()):
            self._by_last.setdefault(person.core[-1], []).append(person)
        for tok in dict.fromkeys(person.tokens):
            if person not in self._by_token.get(tok, ()):
                self._by_token.setdefault(tok, []).append(person)

    def _before(self, pos: int) -> Iterator[tuple[int, Person]]:
        """Mentions before `pos`, latest first (a binary search, then a walk back as far as the caller needs)."""
        k = bisect_left(self.mentions, pos, key=lambda m: m[0])
        return (self.mentions[i] for i in range(k - 1, -1, -1))

    def subject_between(self, lo: int, hi: int, descriptor: set[str] | None = None) -> Person | None:
        """The last person who opens a sentence in text[lo:hi] (described by all of `descriptor`, if given)."""
        for at, p in self._before(hi):
            if at < lo:
                return None
            if at in self.subjects and (descriptor is None or descriptor <= p.descriptors):
                return p
        return None

    def last_before(self, pos: int, descriptor: set[str] | None = None, gender: str | None = None) -> Person | None:
        """The latest person before `pos` (described by all of `descriptor`, if given), people who speak or hold
        a title first; nearby (the last `NEAR` characters), the latest person when a sentence's subject, else
        the subject of that person's sentence, outranks them ("Sharron Angle, running against Sen. Harry Reid, … “…,” she said").
        With a `gender` ("she": "f"), people the article gives the other gender are passed over."""
        fits = (
            m
            for m in self._before(pos)
            if (descriptor is None or descriptor <= m[1].descriptors) and (gender is None or m[1].gender in (None, gender))
        )
        first = next(fits, None)
        if first is None:
            return None
        if first[0] >= pos - NEAR and first[0] in self.subjects:
            return first[1]  # the last sentence's subject: "Fiona Parry issued a plea … “…,” she said"
        at, found = first if first[1].spoke or first[1].descriptors else next((m for m in fits if m[1].spoke or m[1].descriptors), first)
        if at >= pos - NEAR:  # a subject earlier in the same sentence outranks the people its sentence mentions
            k = bisect_right(self.sentence_ends, at)
            subject = self.subject_between(self.sentence_ends[k - 1] if k else 0, at, descriptor)
            return subject if subject and (gender is None or subject.gender in (None, gender)) else found
        return found

    def named_next(self, pos: int, within: int = 600) -> Person | None:
        """The first person named after `pos` (within `within` characters), not named before it, who speaks: a lede's
        "its environment minister said …", then "“…,” Mohd Faizal bin Abdul Rahman told parliament"."""
        k = bisect_right(self.mentions, pos, key=lambda m: m[0])
        if k >= len(self.mentions) or self.mentions[k][0] > pos + within:
            return None
        at, person = self.mentions[k]
        inverted = _VERB_BEFORE.search(self.text, max(0, at - 30), at)  # "…,” said Ralph Tari Molisa"
        if not (person.spoke or inverted) or any(q is person for _, q in self.mentions[:k]):
            return None  # "a private call with Prime Minister Benjamin Netanyahu": named, but not speaking
        return person

    def infer_genders(self) -> None:
        """Each person's gender from the whole article, where it is plain: a gendered title ("Mr", "spokeswoman")
        or a subject pronoun right after their reporting verb ("Rivas Mendoza said he would travel"); conflicting
        evidence leaves it unknown."""
        votes: dict[int, list[str]] = {}
        for at, p in self.mentions:
            end = self.text.find(p.core[-1], at, at + 80)  # the mention may be a shorter form: it ends with the surname
            m = _SAID_PRONOUN.match(self.text, end + len(p.core[-1])) if end >= 0 else None
            if m:
                votes.setdefault(id(p), []).append(GENDER_OF[m.group("pronoun")])
        for p in self.people:
            said = votes.get(id(p), []) + ["m"] * len(p.descriptors & MALE_TITLES) + ["f"] * len(p.descriptors & FEMALE_TITLES)
            if said and len(set(said)) == 1:
                p.gender = said[0]


def _within(short: list[str], long: list[str]) -> bool:
    """Whether `short` is `long` with words left out, in order ("Te Kaurinui Parata" in "Te Kaurinui Robert Parata")."""
    rest = iter(long)
    return all(tok in rest for tok in short)


def name_tokens(name: str) -> list[str]:
    """A name's tokens, particles in lower case: "Van der Meulen-Bakker" matches "Annelies van der Meulen-Bakker"."""
    return [t.lower() if t.lower() in NAME_PARTICLES else t for t in name.split()]


def core_tokens(tokens: list[str]) -> list[str]:
    """Name tokens without a trailing generational suffix (kept when it is all there is)."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].rstrip(",") in NAME_SUFFIXES:
        end -= 1
    return tokens[:end]


def split_title(run: str) -> tuple[list[str], list[str]]:
    """('Foreign Minister Anika Voss') -> (['foreign', 'minister'], ['Anika', 'Voss'])."""
    toks = run.split()
    titles = []
    marks = [i for i, t in enumerate(toks[:-1]) if t.lower().rstrip(",.") in TITLE_WORDS - LINK_WORDS]
    if marks:  # "Italian Interior Minister Franco Castellani": everything up to the last title word is title
        titles, toks = [t.lower() for t in toks[: marks[-1] + 1]], toks[marks[-1] + 1 :]
    while toks and (toks[0].lower().rstrip(",") in TITLE_WORDS or toks[0].lower() in STOP_WORDS or toks[0].lower() in ORG_WORDS):
        titles.append(toks.pop(0).lower().rstrip("."))
    return titles, toks


_ROLE_OF = re.compile(r"\b(?:to|of|for)[ \t]+$")
_TITLE_OF = re.compile(r"\b([A-Za-z]+)[ \t]+(?:of|for)[ \t]+(the[ \t]+)?$")


def _role_body(toks: list[str]) -> int:
    """How many of a run's first tokens name the body of a role before the person ("of the European Commission
    Ursula von der Leyen"): titles, institution words and places, leaving a name of two words or more."""
    k = 0
    while len(toks) - k > 2:
        if (low := toks[k].lower().rstrip(".")) in TITLE_WORDS or low in ORG_WORDS or places().code_of(toks[k]):
            k += 1
        elif n := next((n for n in (3, 2, 1) if len(toks) - k - n >= 2 and " ".join(toks[k : k + n]) in places().regions), 0):
            k += n  # "Governor of New Jersey Phil Murphy", "Chief Executive of Public Health England Duncan Selbie"
        else:
            break
    return k


def _place_prefix(toks: list[str]) -> int:
    """How many of a run's first tokens name a place the lexicon knows, leaving a name of two words or more."""
    return next((k for k in (2, 1) if len(toks) - k >= 2 and places().code_of(" ".join(toks[:k]))), 0)


def person_names(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, str, set[str]]]:
    """Person-like names in text[lo:hi]: (offset, name without titles, title words)."""
    out = []
    for m in NAME_RUN.finditer(text, lo, len(text) if hi is None else hi):
        titles, toks = split_title(m.group())
        while toks and toks[0] in NAME_PARTICLES:  # a name does not start with a lower-case particle ("ad Jane Lubchenco")
            toks = toks[1:]
        if len(toks) >= 3 and _ROLE_OF.search(text, max(0, m.start() - 6), m.start()):
            toks = toks[_place_prefix(toks) :]  # "ambassador to Britain Liu Xiaming", "envoy to Ukraine Kurt Volker"
        if (role := _TITLE_OF.search(text, max(0, m.start() - 30), m.start())) and role.group(1).lower() in TITLE_WORDS:
            if len(toks) >= 3:  # "Director of Public Prosecution Eva-Marie Persson": the role's body is no name
                toks = toks[_role_body(toks) :]
            elif (role.group(2) or role.group(1)[0].isupper()) and len(m.group().split()) <= 2:
                # "Chairman of the Joint Chiefs of Staff", "High Commissioner for Human Rights": a role's body, no person
                continue
        after = text[m.end() : m.end() + 20].split()
        if not toks or any(t.lower().strip(".’'") in ORG_WORDS for t in toks) or any(t.endswith(("’s", "'s")) for t in toks):
            continue  # an institution, or a possessive ("Pakistan’s foreign minister", "the African Union's envoy")
        if after and after[0].strip(".,;:") in ORG_WORDS:
            continue  # the name of a place or body: "Royal Shrewsbury hospital"
        toks = [t.rstrip(".") if len(t) > 2 else t for t in toks]
        # an appositive right after the name: "Anika Voss, the foreign minister,"
        app = re.match(r",\s+(?:the\s+|a\s+)?([^,.;“”\"]{3,60}?),", text[m.end() : m.end() + 80])
        # or one just before it: "Gibraltar’s chief minister, Daniel Azzopardi,", "Venezuela’s deputy foreign
        # minister for Latin America, José Gregorio Rivas Mendoza"
        pre = re.search(
            r"(?:^|[.;:!?]\s|\b(?:[Tt]he|[Aa]n?)\s|’s\s|'s\s)([a-z][a-z \-]{2,50})(?:\s(?:for|of)\s(?:the\s)?[A-Z][\w’' ]{1,30})?,\s+$",
            text[max(0, m.start() - 100) : m.start()],
        )
        # or a lower-case title right before it: "spokeswoman Tang Yuxin said"
        glued = re.search(r"\b([a-z][a-z\-]+(?: [a-z][a-z\-]+){0,2})\s+$", text[max(0, m.start() - 40) : m.start()])
        extra = set()
        for found in (app, pre):
            if found and (words := set(found.group(1).lower().replace("’s", "").split())) & TITLE_WORDS:
                extra |= words
        if glued and (words := glued.group(1).split())[-1] in TITLE_WORDS - DETERMINERS:
            extra |= {w for w in words if w in TITLE_WORDS - DETERMINERS}
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
    subject_of_verb = re.compile(r"\s*(?:,[^,]{1,80},\s*)?(?:" + VERB_RE.pattern + ")")
    for s in spans:
        outside.append((pos, s.outer[0]))
        pos = s.outer[1]
    outside.append((pos, len(text)))
    for lo, hi in outside:
        for at, name, titles in person_names(text, lo, hi):
            if any(a <= at < b for a, b in others):
                reg.rejected.add(name)
                continue
            if not titles & (TITLE_WORDS - LOCATIVES - STOP_WORDS) and (_is_place(text, at, name) or _known_place(name)):
                continue
            if len(name.split()) >= 2 or reg.find(name):
                person = reg.add(name, at, titles)
                if starts_sentence(text, at, reg.sentence_ends):
                    reg.subjects.add(at)
                if subject_of_verb.match(text, at + len(name)):
                    person.spoke = True
    reg.infer_genders()
    return reg


def name_score(name: str, reg: Registry) -> int:
    """Known people and full names beat lone capitalised words (places, parties, acronyms)."""
    return 2 if reg.find(name) or len(name.split()) >= 2 else 1
