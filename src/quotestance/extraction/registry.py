"""The registry of one article's people: who was named where, with which titles, and who a surname, a title or a
pronoun refers to at a given point. Filled by `people.build_registry`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from .lexicon import (
    FEMALE_TITLES,
    GENDER_OF,
    LINK_WORDS,
    MALE_TITLES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    PERSON_NOUNS,
    STOP_WORDS,
    TITLE_WORDS,
    VERB_RE,
)
from .organisations import Organisation, named_body, organisations
from .text import prose

# "X said he would", "X, 54, told reporters she": the person's own pronoun right after their reporting verb
# (not "X told her" nor "X told Cole she", nor "X said her plan": the pronoun may be someone else)
_SAID_PRONOUN = re.compile(
    r"(?:,[^,.]{1,60},)?\s+(?:(?:" + VERB_RE.pattern + r")(?:\s+(?:reporters|journalists|lawmakers))?\s+(?:that\s+)?(?P<pronoun>he|she))\b"
)

_SAID_BEFORE = re.compile(r"\b(?:said|says|added|wrote|continued|insisted|explained)\s+$")  # "…,” said Ralph Tari Molisa"
SPEAKS_AFTER = re.compile(r"\s+(?:" + VERB_RE.pattern + r")\b")  # the name, then its verb: no apposition between
_RELATIVE_THEN_VERB = re.compile(r",\s+who\s[^,.;“”\"]{3,80},\s+(?:" + VERB_RE.pattern + r")\b")
_ACTS_AFTER = re.compile(r"\s+[a-z]+ed\b")  # the name, then a verb in the past: the subject of its clause
_SUBJECT_BEFORE = re.compile(r"(?:^|[,.!?\n”]\s?)$")  # … where a subject stands: a clause's or a sentence's start
_DESCRIBED_AFTER = re.compile(r",\s+(?:a|an|the|who|whose|his|her|its|their)\b|\s+of\s+(?:the\s+)?[A-Z]")
_GLUED_ROLE = re.compile(r"\b[a-z][a-z-]+\s+$")  # a lower-case word right before the name: a role of its own
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
            # named by the journalist: "“… with Big Machine Label Group …,” the production company said" is not it
            self._organisations = organisations(prose(self.text), {p.name for p in self.people})
        return named_body(description, pos, self._organisations, self.text)

    def find(self, name: str, pos: int | None = None, gender: str | None = None) -> Person | None:
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
        if gender and len(found) > 1:  # "Ms. Vance" of Eleanor and Robert Vance: the one not known as a man
            found = [p for p in found if _gender(p) == gender] or [p for p in found if _gender(p) in (None, gender)] or found
        if len(found) > 1 and pos is not None:
            latest = next((p for _, p in self._before(pos) if p in found), None)
            return latest or found[0]
        return found[0] if found else None

    def add(self, name: str, pos: int, descriptors: set[str] = frozenset()) -> Person:
        person = self.find(name, pos, _titled_gender(descriptors))  # "Ms. Vance" is not her husband
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

    def protagonist(self, pos: int) -> Person | None:
        """The person the story is about, as far as `pos`: the first who opens a sentence ("Jose Mourinho has agreed a
        deal …"), else the last named; what "the 56-year-old" or "the Spaniard" refers to."""
        return next((p for at, p in self.mentions if at < pos and at in self.subjects), None) or self.last_before(pos)

    def named_next(self, pos: int, titles: set[str], within: int = 600) -> Person | None:
        """The first person named after `pos` (within `within` characters) who was not named before it and who speaks
        right there, bare of any other role: a lede's "its environment minister said …", then "“…,” Mohd Faizal bin
        Abdul Rahman told parliament" or "said Ralph Tari Molisa". Not "opposition leader Peter Dutton told reporters"
        (another role), "Maria Lopez, whose husband …" (described), nor "told Kristen Welker" (spoken to)."""
        k = bisect_right(self.mentions, pos, key=lambda m: m[0])
        if k >= len(self.mentions) or self.mentions[k][0] > pos + within:
            return None
        at, person = self.mentions[k]
        roles = {
            w for d in person.descriptors if (w := d.rstrip(".")) in (TITLE_WORDS | PERSON_NOUNS) - LINK_WORDS - STOP_WORDS and w[-1] != "s"
        }
        if any(q is person for _, q in self.mentions[:k]) or not roles <= titles:
            return None  # named before, or with a role of their own ("opposition leader Peter Dutton")
        end = self.text.find(person.core[-1], at, at + 80)
        end = end + len(person.core[-1]) if end >= 0 else at
        if _DESCRIBED_AFTER.match(self.text, end) and not _RELATIVE_THEN_VERB.match(self.text, end):
            return None  # "said Maria Lopez, whose husband …", "said Kaja Kallas, the EU’s foreign policy chief"
        inverted = _SAID_BEFORE.search(self.text, max(0, at - 20), at)  # "said Ralph Tari Molisa"
        if not inverted and _GLUED_ROLE.search(self.text, max(0, at - 30), at):
            return None  # "farmer Darto Sugiyanto said": a role of the person's own
        speaks = (
            inverted
            or SPEAKS_AFTER.match(self.text, end)  # "Mohd Faizal bin Abdul Rahman told parliament"
            or _RELATIVE_THEN_VERB.match(self.text, end)  # "Arvind Sethuraman, who led India’s delegation, told …"
            or _ACTS_AFTER.match(self.text, end)
            and _SUBJECT_BEFORE.search(self.text, max(0, at - 3), at)
        )  # "In a 20-minute address …, Naveed Akhtar Chaudhry devoted most of his time to the river"
        return person if speaks else None

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
        for m in _POSSESSIVE_OPENS.finditer(prose(self.text)):  # the journalist's sentences, not a quote's
            # "Priti Nandra faced questions. Her shadow, Jonathan Reeve, …": "her" is the last sentence's subject
            owner = next(((at, p) for at, p in self._before(m.start()) if at in self.subjects), None)
            if owner and owner[0] >= m.start() - NEAR:
                votes.setdefault(id(owner[1]), []).append("m" if m.group(1) == "His" else "f")
        for p in self.people:
            said = votes.get(id(p), []) + ["m"] * len(p.descriptors & MALE_TITLES) + ["f"] * len(p.descriptors & FEMALE_TITLES)
            if said and len(set(said)) == 1:
                p.gender = said[0]


_POSSESSIVE_OPENS = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(His|Her)\s+[a-z]")  # a sentence opening "Her shadow, …"


def _titled_gender(descriptors: set[str]) -> str | None:
    """ "m" or "f" when a person's titles and kin words say so, and only one way ("Ms.", "Her husband, …")."""
    said = {"m" for d in descriptors if d in MALE_TITLES} | {"f" for d in descriptors if d in FEMALE_TITLES}
    return said.pop() if len(said) == 1 else None


def _gender(person: Person) -> str | None:
    """A person's gender as known so far: inferred from the whole article, else from their titles."""
    return person.gender or _titled_gender(person.descriptors)


def _within(short: list[str], long: list[str]) -> bool:
    """Whether `short` is `long` with words left out, in order ("Te Kaurinui Parata" in "Te Kaurinui Robert Parata")."""
    rest = iter(long)
    return all(tok in rest for tok in short)


def name_tokens(name: str) -> list[str]:
    """A name's tokens, particles in lower case: "Van der Meulen-Bakker" matches "Annelies van der Meulen-Bakker", and
    "Al-Awadi" opening a sentence matches "Basim al-Awadi"."""
    return [t.lower() if t.lower() in NAME_PARTICLES else _HYPHENATED.sub(_lower, t) for t in name.split()]


_HYPHENATED = re.compile(r"^(?:Al|El|Ad|Ul|Bin|Ibn|Abu|Ben)-(?=[A-Z])")  # a particle glued to a surname


def _lower(m: re.Match[str]) -> str:
    return m.group().lower()


def core_tokens(tokens: list[str]) -> list[str]:
    """Name tokens without a trailing generational suffix (kept when it is all there is)."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].rstrip(",") in NAME_SUFFIXES:
        end -= 1
    return tokens[:end]
