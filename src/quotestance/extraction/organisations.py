"""Organisations an article names, so that "the company said" speaks under the name the article gives it.

The GUIDELINE records an institution by its name when the article gives one ("Russia's foreign
ministry", not "the ministry"; "Apple", not "the company"). A definite description of one organisation
("the company", "the agency", "the group", "the ministry") therefore takes the nearest organisation of
its kind named before it, unless an unnamed one was introduced since ("Last week a Chinese company bid …").
Organisations are read from how prose introduces them, without NER:
- a legal suffix: "Genentech Inc." -> "Genentech" (a company);
- a possessive with a corporate noun: "Apple's board", "Vidyard’s platform" (a company);
- a kind noun before the name: "a recently formed group Doctors for Camp Closure", "The group, called Energy Control";
- a name holding its kind: "Algeria’s Defence Ministry", "the Department of Conservation", "National Parks Service";
- a proper noun opening a sentence or clause as the subject of a verb: "Vidyard announced …", "Uber had …" (kind
  unknown; not "Police said" nor "Shares had fallen");
- an acronym after its full name or matching its initials: "CBP" -> "Customs and Border Protection".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .lexicon import DETERMINERS, DOCUMENT_WORDS, INSTITUTION_HEADS, PERSON_NOUNS, STOP_WORDS, TITLE_WORDS
from .places import places

# a capitalised name of up to five words, "of"/"for"/"and" inside it: "Customs and Border Protection"
_NAME = r"[A-Z][\w&.-]*(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w&.-]*){0,4}"
_LEGAL = re.compile(rf"\b({_NAME}?),?\s+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|GmbH|NV|Group|Holdings)\b\.?")
_CORPORATE = (
    "board|chief executive|CEO|chief operating officer|chief financial officer|shares|stock|headquarters|employees|"
    "customers|platform|products|website|app|spokesman|spokeswoman|spokesperson"
)
_POSSESSIVE = re.compile(rf"\b({_NAME})['’]s\s+(?:new\s+)?(?:{_CORPORATE})\b")
_KIND = "group|organization|organisation|company|firm|agency|charity|nonprofit|startup|start-up|coalition|association"
_KIND_BEFORE = re.compile(rf"\b(?:{_KIND}),?\s+(?:(?:called|named|known as)\s+)?((?-i:{_NAME}))", re.I)
_BODY = "Ministry|Department|Agency|Service|Authority|Administration|Commission|Council|Bureau|Directorate|Inspectorate|Organization|Organisation"
_BODY_NAME = re.compile(
    rf"\b((?:[A-Z][\w-]*['’]s\s+)?(?:[A-Z][\w-]*\s+(?:and\s+)?){{0,4}}(?:{_BODY})s?\b(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w-]*){{1,4}})?)"
    rf"|\b((?:[A-Z][\w-]*['’]s\s+)(?:[a-z]+\s+)?ministry)\b"
)
_ATTRIBUTIVE = re.compile(r"\s+([a-z]+)")  # "the Health and Human Services secretary": a title's, not a speaking body's
_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))({_NAME})\s+(?:(?:has|had|also|on \w+day)\s+)?"
    r"(?P<verb>said|says|announced|announces|stepped|raised|launched|confirmed|denied|declined|released|"
    r"has|had|is|was|will|did|does|plans|introduced|unveiled|added|began|agreed|refused)\b",
    re.M,
)
_SPEECH = {"said", "says", "announced", "announces", "confirmed", "denied", "declined", "added"}
_ACRONYM_AFTER = re.compile(rf"\b({_NAME})\s+\(([A-Z]{{2,6}})\)")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")

# what a description's head accepts: the kinds below, and for a body, the word its name must hold
COMPANY, BODY, GROUP, ANY = "company", "body", "group", "any"  # ANY: a name seen speaking or acting, kind unknown
HEADS = {
    "company": {COMPANY, ANY},
    "firm": {COMPANY, ANY},
    "carrier": {COMPANY, ANY},
    "airline": {COMPANY, ANY},
    "group": {COMPANY, GROUP, ANY},
    "organization": {COMPANY, GROUP, BODY, ANY},
    "organisation": {COMPANY, GROUP, BODY, ANY},
    "agency": {BODY, ANY},
    "ministry": {BODY},
    "department": {BODY},
    "bank": {BODY, COMPANY, ANY},  # "the central bank" -> "the Bank of Ghana"
    "club": {COMPANY, GROUP, ANY},  # "the club" -> "Arsenal"
    "force": {BODY, ANY},  # "the force" -> "the Metropolitan Police"
    "military": {BODY, ANY},
    "army": {BODY, ANY},
    "hospital": {BODY, COMPANY, ANY},  # "the hospital" -> "Mercy General Hospital"
}
_NAMED_HEAD = {
    "ministry": ("ministry",),
    "department": ("department",),
    "bank": ("bank",),
    "force": ("police", "force"),
    "hospital": ("hospital",),
}


@dataclass(frozen=True)
class Organisation:
    start: int
    name: str
    kind: str


_COMMON = "|".join(
    sorted(PERSON_NOUNS | TITLE_WORDS | STOP_WORDS | {"members", "member", "shares", "stock", "units"}, key=len, reverse=True)
)
_LEADING_NOUN = re.compile(rf"^(?i:(?:{_COMMON})\s+(?:of|for|on|and)\s+(?:the\s+)?)+")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_COMMON_NOUNS = PERSON_NOUNS | INSTITUTION_HEADS | DOCUMENT_WORDS | TITLE_WORDS


def _plausible(name: str, kind: str, text: str, spoke: bool = False) -> bool:
    """A name, not a sentence's first word that happens to be capitalised ("Shares", "Police"), a title, a weekday
    or a place; a body's name may end in a title word ("Ministry of Defence") or be a metonym ("State Department")."""
    words = name.split()
    low = words[0].lower()
    if low in DETERMINERS | STOP_WORDS or re.fullmatch(r"[A-Z][a-z]+day", words[0]):
        return False
    if kind == BODY:
        return True
    if words[-1].lower() in TITLE_WORDS or places().code_of(name):
        return False
    if kind == ANY and len(words) == 1:
        # a proper noun: capitalised where no sentence opens ("shares in Vidyard", "CBP"), or speaking and no common
        # noun ("Hamas said", not "Police said" nor "Analysts said", nor a word the text also writes in lower case)
        common = low in _COMMON_NOUNS or re.search(rf"\b{re.escape(low)}\b", text) is not None
        return words[0].isupper() or re.search(rf"[a-z,;]\s+{re.escape(words[0])}\b", text) is not None or spoke and not common
    return True


_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|GmbH|NV)\.?$")


def without_legal_suffix(name: str) -> str:
    """ "Brightwater Ltd" -> "Brightwater": organisations speak under their name without legal suffixes (GUIDELINE)."""
    return _LEGAL_SUFFIX.sub("", name) if len(name.split()) > 1 else name


def organisations(text: str, people: set[str] = frozenset()) -> list[Organisation]:
    """Organisations named in `text`, in order of mention; `people` are names known to be persons' (never one)."""
    found: list[Organisation] = []
    surnames = {p.split()[-1] for p in people}

    def add(start: int, name: str, kind: str, person_like: bool = True, spoke: bool = False) -> None:
        name = without_legal_suffix(re.sub(r"^[Tt]he\s+", "", name.strip(" ,")))  # "The Wagner Group", "Calloway Inc."
        if not name or not _plausible(name, kind, text, spoke):
            return
        if person_like and (name in people or name.split()[-1] in surnames):
            return  # "Tim Cook's staff", "Jobs announced": a person's, not a body's
        found.append(Organisation(start, name, kind))

    for m in _LEGAL.finditer(text):
        add(m.start(1), m.group(1), COMPANY, person_like=False)
    for m in _POSSESSIVE.finditer(text):
        add(m.start(1), _LEADING_NOUN.sub("", m.group(1)), COMPANY)  # "Members of Apple's board" -> "Apple"
    for m in _KIND_BEFORE.finditer(text):
        kind = m.group().split()[0].lower().strip(",")
        called = re.search(r"\b(?:called|named|known as)\s", m.group(), re.I) is not None
        kind = COMPANY if kind in ("company", "firm", "startup", "start-up") else BODY if kind == "agency" else GROUP
        add(m.start(1), m.group(1), kind, person_like=not called)
    for m in _BODY_NAME.finditer(text):
        after = _ATTRIBUTIVE.match(text, m.end())
        if not (after and after.group(1) in TITLE_WORDS):
            add(m.start(), m.group(1) or m.group(2), BODY, person_like=False)
    for m in _SUBJECT.finditer(text):
        add(m.start(1), _LEADING_NOUN.sub("", m.group(1)), ANY, spoke=m.group("verb") in _SPEECH)
    full: dict[str, str] = {m.group(2): m.group(1) for m in _ACRONYM_AFTER.finditer(text)}
    named = sorted(found, key=lambda o: o.start)
    tried: set[str] = set()
    for o in named:  # an acronym stands for the full name before it: "CBP" -> "Customs and Border Protection"
        if _ACRONYM.fullmatch(o.name) and o.name not in full and o.name not in tried:
            tried.add(o.name)
            expanded = next((e.name for e in named if e.start < o.start and len(e.name.split()) > 1 and _initials(e.name) == o.name), None)
            expanded = expanded or _spelled_out(text[max(0, o.start - 3000) : o.start], o.name)
            if expanded:
                full[o.name] = expanded
    return [Organisation(o.start, full.get(o.name, o.name), BODY if o.name in full else o.kind) for o in named]


def _spelled_out(before: str, acronym: str) -> str | None:
    """The last capitalised run before an acronym whose initials spell it ("Customs and Border Protection")."""
    for m in reversed(list(re.finditer(_NAME, before))):
        if _initials(m.group()) == acronym and len(m.group().split()) > 1:
            return m.group()
    return None


_UNNAMED = r"\b(?:[Aa]n?|[Oo]ne)\s+(?:(?!(?:for|of|at|in|the|with)\b)[\w-]+\s+){{0,3}}?{}(?![\w’'-])"
_GOVERNED = re.compile(r"\b(?:from|of|with|by|for|to|in|at|on|about)\s+$")


def named_body(description: str, pos: int, orgs: list[Organisation], text: str = "") -> str | None:
    """The organisation a definite description ("the company", "the agency") refers to: the nearest one of its kind
    named before `pos`, else None (the description then stands as written). A group introduced without a name in
    between ("a group of doctors … the group said") is the one it refers to: None."""
    words = description.split()
    # "the company", or with one lower-case modifier: "the production company", "the state agency" (not "the
    # Chinese company", which may be another)
    if not 2 <= len(words) <= 3 or words[0].lower() != "the" or words[-1].lower() not in HEADS or not all(w.islower() for w in words[1:]):
        return None
    head, kinds = words[-1].lower(), HEADS[words[-1].lower()]
    # one introduced without a name: "A group of doctors wrote …", "formed a group", "a Chinese company bid", not "help
    # from a group of volunteers" nor "a spokesman for the group"
    unnamed = [m.start() for m in re.finditer(_UNNAMED.format(head), text[:pos]) if not _GOVERNED.search(text, 0, m.start())]
    after = unnamed[-1] if unnamed else -1
    starts = [o.start for o in orgs]
    for o in reversed(orgs[: bisect_left(starts, pos)]):
        if o.start < after:
            return None
        if o.kind not in kinds:
            continue
        if head in _NAMED_HEAD and not any(w in o.name.lower() for w in _NAMED_HEAD[head]):
            continue  # "the ministry" is a ministry's name, "the force" a police force's
        return o.name
    return None
