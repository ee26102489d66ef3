"""Who speaks for whom, and at whom: a statement's speaker affiliation and target.

The affiliation is the country or organisation named in the speaker's role where the article names
them ("Russian Deputy Foreign Minister Sergey Ryabkov", "Lin Wei, a spokesman for the Chinese foreign
ministry"), or in the speaker itself ("Moscow", "Norway's coast guard"); none for analysts, former
officials and others without a state or IO role; a role held in a region speaks for its country ("Texas
Gov. Greg Abbott"). The target is the party the statement names, else the speaker's counterpart in the
article's main dyad (`targets.Dyad`). Lexicon: `places.toml`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Article, Statement
from .lexicon import GENDER_OF, VERB_RE
from .people import ABBREVIATION
from .places import Mention, Places, places
from .registry import SPEAKS_AFTER, Registry
from .targets import DATELINE, Dyad
from .text import prose

# "and" ends a clause, but not inside a title that runs to the name ("Sudan’s Minister of Energy and Oil, X")
_CLAUSE_CUT = re.compile(
    r"(?<!\b[A-Z])\.|[;:!?“”\"«»()\n]|, |\b(?:said|says|told|according to|who|which|when|after)\b"
    r"|\band\b(?!(?:\s+[A-Z][\w’'-]*){1,3}$)"
)
_WORD = re.compile(r"[\w’'-]+")
_TOKEN = re.compile(r"[\w-]+")  # the word runs that bound a name's occurrences
_TOKEN_CHAR = re.compile(r"[\w-]")
_UNSET, _ROLE = object(), object()
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][”’\"]?(?:\s+|$)|\n\n")
_COUNTERPART = re.compile(r"[’'s ]{0,3}\s*(?:counterparts?|neighbou?rs?|rivals?|opposite numbers?)\b")  # "his Tunisian counterpart"
_THE_INSTITUTION = re.compile(r"\b[Tt]he\s+((?:[a-z][\w-]*\s+)?[A-Za-z]+)(?:’s|'s|’)?(?![\w-])")  # "the department", "the Guards’"
_RANKS = re.compile(rf"(?:(?<=\s){ABBREVIATION}\.\s*)+$")  # "Lt. Gen. " right before a name
_APPOSITION_CUT = re.compile(r"(?<!\b[A-Z])\.|[,;:“”\"()\n]|\bsaid\b")
_VERB_FIRST = re.compile(r"\s*(?:" + VERB_RE.pattern + ")")  # "…, added that the farmers …": a verb, no apposition
_PRIVATE = re.compile(r"[^,\n]{0,60}?,\s*\d{1,3}\s*,")  # "Olena Petrenko, 54,": an age after the name
_ROLE_REACH = 400  # characters before a speaker's first mention in which an unnamed role is theirs
# the lower-case words right after a party, where a role without a name may stand: "Pakistan’s foreign minister accused"
_UNNAMED_ROLE = re.compile(r"(?:’s|'s)?((?:\s+[a-z-]+){1,4})")


# a sentence that opens with a role and no name: "The prime minister struck …", "The bloc’s commissioner for
# trade flew …", "The head of the International Atomic Energy Agency warned …", "Its assistant secretary general"
_ROLE_OPENS = re.compile(
    r"(?P<det>The|Its|Their)\s+(?:(?P<owner>(?:[A-Z][\w-]*\s+){0,5}?[\w-]+)(?:’s|'s)\s+)?(?P<words>(?:[a-z-]+ ?){1,4})"
)
_OF_PARTY = re.compile(r"\s+(?:of|for|at)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'-]*){0,5})")
_NAME = re.compile(r"\b[A-Z][a-z][\w’'-]*\s+[A-Z][a-z][\w’'-]+")  # two capitalised words: a person's name, likely
_DESCRIBED = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|al|bin|binti|de|van|der|la|le|da|dos|del)\s+){0,5}[A-Z][\w’'.-]*,\s+(?:a|an|who|whose|the)\s"
)
_SPOKE = re.compile(r"(?:\s+[\w’'-]+){0,2}?\s+(?:" + VERB_RE.pattern + ")")  # "Kenya said", "Cotonou accused Abuja"
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|of|the|across|into)\s+$", re.I)
_PEOPLE_OWNERS = {"country", "nation", "government", "state", "kingdom", "republic"}  # "The country’s foreign minister"
_INSTITUTION_REACH = 400  # characters: "the ministry" refers back to a named ministry in the paragraphs just before
_JOIN = re.compile(r",\s*|\s+and\s+")  # between the members of a joint speaker
_GLUED = re.compile(r"\b(?!said\b|says\b)[a-z][a-z-]+\s+$")  # "farmer Darto Sugiyanto", not "said Ralph Tari Molisa"
# "…, its environment minister said": a role owned by the sentence's subject, then its verb
_ITS_ROLE = re.compile(r",\s+(?:its|their)\s+((?:[a-z-]+\s+){0,3}[a-z-]+)\s+(?:" + VERB_RE.pattern + ")")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?$")
_FOR_PARTY = re.compile(r"(?:^|[.!?\n]\s*)For\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})$")  # "For France, X said"
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})(?=[\s,.;])")  # "X of the United States"
_OF_PLACE = re.compile(r"\s+of\s+((?:[A-Z][\w-]*\s?){1,3})")  # "Gov. Greg Abbott of Texas"
_LOCATED = re.compile(r"\s+(?:in|at)\s+[^,]*$")
_OWNED = re.compile(r"[’']s\s+(?:(?:deputy|acting|permanent|special|chief|top|former|new)\s+){0,2}")  # "Russia's deputy U.N. ambassador"
_POSSESSOR = re.compile(r"\s*([Hh]is|[Hh]er)\s")  # "Her spokesman, Aram Avetisyan": the role serves the person just named


_OWNER = re.compile(r"(.+?)[’']s\s+(?:office|spokesman|spokeswoman|spokesperson|aides?|campaign|team|lawyers?)")


def _unowned(text: str, found: list[Mention]) -> list[Mention]:
    """Mentions without those a party owns: "Pakistan's Foreign Office spokeswoman" (not the UK's), "China's Taiwan
    Affairs Office", "Russia's deputy U.N. ambassador": the office is its possessor's."""
    return [m for k, m in enumerate(found) if not (k and _OWNED.fullmatch(text, found[k - 1].end, m.start))]


def _words(text: str) -> set[str]:
    return {w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(text)}


class Parties:
    """Affiliations for the statements of one article; `about`, its main dyad, gives their targets."""

    def __init__(self, article: Article, lexicon: Places | None = None, people: Registry | None = None) -> None:
        self.text = article.text
        self.people = people  # the article's people, for the owner of "his spokesman"
        self._owners: set[str] = set()  # owners being resolved: "her spokesman" of "his deputy" ends
        self.places = lexicon or places()
        self.context = f"{article.title or ''}\n{article.text}"
        self._cache: dict[tuple[str | None, int | None], str | None] = {}
        self._index: dict[str, list[int]] | None = None  # word -> offsets, built on first use
        self.prose = prose(article.text)  # the journalist's words only
        self.about = Dyad(article, self.prose, self.places, self._mentions)  # the main dyad, the dateline, targets

    def _mentions(self, text: str) -> list[Mention]:
        return self.places.mentions(text, context=self.context)

    def _role(self, clause: str) -> object:
        """The code a role clause gives (a mention beside a state role word), None for a non-state role,
        _ROLE for a state role with no party named ("the foreign minister"), _UNSET if silent."""
        words = _words(clause)
        if blocked := words & self.places.not_state:
            # "the executive secretary of the regional bloc IGAD": an organisation's executive serves it
            if blocked != {"executive"} or not any(self.places.is_organisation(m.code) for m in self._mentions(clause)):
                return None
        roles = {w for w in words & self.places.state_roles if not (w.endswith("s") and w[:-1] in self.places.state_roles)}
        if not roles:
            if words & {"aide", "aides"} and (found := _unowned(clause, self._mentions(clause))):
                return found[-1].code  # "Kremlin aide Yuri Belov" (but an aide no party names serves nobody we know)
            return _UNSET  # no role, or only a plural one ("… expel Belarusian diplomats, Zaremba said"): not a title
        found = _unowned(clause, self._mentions(clause))
        if not found:
            return self.places.region_country(clause) or _ROLE  # "Texas Gov.", "the governor of New Jersey": the country
        # the party just before the role word nearest the name: "Kenya's ambassador to Britain", "a meeting in
        # Addis Ababa between the AU's special envoy"; else the first after it ("a spokesman for the Chinese …")
        role_at = max(m.start() for m in _WORD.finditer(clause) if _words(m.group()) & roles)
        before = [m for m in found if m.start < role_at]
        return before[-1].code if before else found[0].code

    def _at(self, start: int, end: int) -> object:
        """The role around one mention of the speaker at text[start:end]: the clause before it, then an apposition after.
        A role that names an institution but not its country takes the country of that institution's last earlier
        mention ("a spokesman for the department" after "In Manila, the Department of Foreign Affairs said")."""
        # an abbreviated rank's full stop ends no clause: "The army's deputy chief of staff, Lt. Gen. Birhanu Kebede Tola"
        head = _RANKS.sub(lambda m: m.group().replace(".", ""), self.text[max(0, start - 140) : start]).rstrip(" ,")
        before = _CLAUSE_CUT.split(head)[-1]
        clause_start = max(0, start - 140) + len(head) - len(before)
        code, role = self._role(before), before
        formerly = "former" in (words := _words(before)) or any(w.startswith("ex-") for w in words)
        if code is None and formerly and len(parts := head.split(", ")) > 1:
            # "The African Union’s envoy for the talks, former Mozambican foreign minister X": the role held now
            prior = self._role(_CLAUSE_CUT.split(parts[-2])[-1])
            code = prior if prior not in (_UNSET, _ROLE) else code
        if code is _UNSET and (lead := _FOR_PARTY.search(head)) and (named := self._mentions(lead.group(1))):
            return named[0].code  # "For France, Jean-Baptiste de La Roche-Vallier welcomed …" (a debate's speakers)
        after = self.text[end : end + 140]
        if code in (_UNSET, _ROLE) and after.startswith(", "):
            apposition = "" if _VERB_FIRST.match(after[2:]) else _APPOSITION_CUT.split(after[2:])[0]
            later = self._role(apposition)
            code, role = (code, role) if later is _UNSET else (later, apposition)
        if code is _ROLE and (anchored := self._institution(role, clause_start)):
            return anchored
        if code is _ROLE and (owned := self._owner(role, start)) is not None:
            return owned
        rank = _LAST_WORD.search(head)  # "Sen." right before the name, even where a sentence's full stop cut the clause
        titled = code is _ROLE or code is _UNSET and rank and rank.group(1).lower() in self.places.state_roles
        if titled and (of := _OF_PLACE.match(after)) and (country := self.places.region_country(of.group(1))):
            return country  # "Sen. Lindsey Graham of South Carolina", not "Sarah Kim of Texas", a private person
        if code is _UNSET and (of := _OF_COUNTRY.match(after)) and (named := self._mentions(of.group(1))):
            whole = named[0].start == 0 and named[0].end == len(of.group(1))  # not "of the China Daily", "of the Mexico Institute"
            if whole and not self.places.is_organisation(named[0].code):
                return named[0].code  # "Catherine Ellsworth-Boateng of the United States" speaks for it
        return code

    def _owner(self, role: str, start: int) -> str | None:
        """The party of the person a possessive role serves ("Her spokesman, Aram Avetisyan": the minister the
        article named last, of her gender), None when there is no such person or they have no party."""
        own = _POSSESSOR.match(role)
        if own is None or self.people is None:
            return None
        owner = self.people.last_before(start, gender=GENDER_OF["he" if own.group(1).lower() == "his" else "she"])
        if owner is None or owner.name in self._owners:
            return None
        self._owners.add(owner.name)
        try:
            return self.affiliation(owner.name)
        finally:
            self._owners.discard(owner.name)

    def _institution(self, role: str, before: int, reach: int | None = None) -> str | None:
        """The party of the last mention before offset `before` (within `reach` characters, if given) of an
        institution the role names as known ("the department")."""
        named = {w.lower() for m in _THE_INSTITUTION.finditer(role) for w in m.group(1).split()} & self.places.institutions
        if not named:
            return None  # "Foreign Ministry spokeswoman Zhou": a title, its country is around the name
        lo = 0 if reach is None else max(0, before - reach)  # a bounded look-back stays linear in article length
        found = [m for m in re.finditer(r"\b(?:" + "|".join(named) + r")\b", self.prose[lo:before], re.I)]
        if not found:
            return None
        start, end = lo + found[-1].start(), lo + found[-1].end()
        lo = max(self.prose.rfind("\n", 0, start), start - 60)
        near = [m for m in self._mentions(self.prose[lo:end]) if not _COUNTERPART.match(self.prose, lo + m.end)]
        if near and (near[-1].end >= start - lo or len(self.prose[lo + near[-1].end : start].split()) <= 3):
            return near[-1].code  # "the Revolutionary Guards", "Myanmar's military", "the Chinese foreign ministry"
        return self._around(start)

    def _around(self, pos: int) -> str | None:
        """Whom an untold role serves ("Interior Minister Lorenzo Bellandi"): the first party the prose names in
        its sentence before `pos`, else in each sentence before it back to the previous paragraph, else after
        it in its sentence (quotes and counterparts set aside: "with his Tunisian counterpart")."""
        para = self.text.rfind("\n\n", 0, pos)
        lo = max(self.text.rfind("\n\n", 0, para), 0) if para > 0 else 0
        end = _SENTENCE_END.search(self.text, pos)
        bounds = [lo, *(m.end() for m in _SENTENCE_END.finditer(self.text, lo, pos)), end.end() if end else len(self.text)]
        spans = list(zip(bounds, bounds[1:]))
        here = spans.pop()
        # its sentence before the name, the sentences before in its paragraph, the party opening the paragraph
        # before ("Kenya said it regretted the decision."), the dateline's country, the rest of the paragraph
        # before, and last its sentence after the name
        previous = [s for s in spans if s[0] <= para and self.prose[s[0] : s[1]].strip()]
        order = [(here[0], pos), *reversed([s for s in spans if s[0] > para])]
        order += [(-2, -2), (-1, -1), *reversed(previous), (pos, here[1])]
        for a, b in order:
            if a == -2:
                opening = self.prose[previous[0][0] : previous[0][1]] if previous else ""
                first = self._mentions(opening)
                if first and not opening[: first[0].start].strip(" \n") and _SPOKE.match(opening, first[0].end):
                    return first[0].code  # the paragraph before opens with a party speaking ("Kenya said …"), not acting
                continue
            if a < 0:
                if self.about.dateline and (self.about.dateline in self.about.named or len(self.about.parties) < 2):
                    return self.about.dateline  # where the report was filed, unless only a venue of others' dispute
                    # ("LUXEMBOURG —" over Hungary and Ukraine, never named again)
                continue
            found = [m for m in self._mentions(self.prose[a:b]) if not _COUNTERPART.match(self.prose, a + m.end)]
            if found:
                return found[0].code
        return None

    def affiliation(self, speaker: str | None, at: int | None = None) -> str | None:
        """The code of the country or organisation a speaker speaks for, or None. A group described, not named
        ("officials", "police"), is resolved around the statement at offset `at`: each paragraph has its own."""
        key = (speaker, at if speaker and speaker[:1].islower() and at is not None else None)
        if key not in self._cache:
            self._cache[key] = self._resolve(speaker, key[1]) if speaker else None
        return self._cache[key]

    def _resolve(self, speaker: str, at: int | None = None) -> str | None:
        if self.places.both_sides.search(speaker) or "both" in _words(speaker):
            return None  # "officials on both sides", "both governments": nobody's in particular
        # "Moscow", "Norway's coast guard", "a UN spokesperson"; where it stands only when nothing else tells
        # ("the Chinese embassy in Tokyo" is China's, "officials in Dhaka" Bangladesh's)
        if (owner := _OWNER.fullmatch(speaker)) and self.people and self.people.find(owner.group(1)):
            return self.affiliation(owner.group(1))  # "Park Soo-jin’s office": the office of a person the article names
        own = _unowned(_LOCATED.sub("", speaker), self._mentions(_LOCATED.sub("", speaker))) or _unowned(speaker, self._mentions(speaker))
        own = own or (self._mentions(speaker.title()) if speaker.isupper() else [])  # "ABU DHABI", a dateline
        if (joint := self._joint(speaker, at)) is not _UNSET:
            return joint  # type: ignore[return-value]
        if own:
            return None if _words(speaker) & self.places.not_state else own[-1].code
        if {w.lower() for w in _WORD.findall(speaker) if not w.istitle()} & self.places.not_state:
            return None  # "an airline spokesman", "the Croatian operator", "an NGO worker" (but not "Ngo Quang Tuan")
        if _words(speaker) & self.places.state_roles:  # "the Foreign Ministry": the party around its mention
            at = self.text.find(speaker) if at is None else at
            if at < 0:
                return None
            # "the ministry said" just after "Algeria’s Defence Ministry said": the party of that mention
            return self._institution(speaker, at, reach=_INSTITUTION_REACH) or self._around(at)
        last = speaker.split()[-1]
        surname = last if len(speaker.split()) > 1 and last[:1].isupper() else None
        untold = None
        occurrences = self._occurrences(speaker, surname)
        for start, end in occurrences:
            code = self._at(start, end)
            if code is _ROLE:
                untold = start if untold is None else untold
            elif code is not _UNSET:
                return code  # type: ignore[return-value]
        if untold is not None:
            return self._around(untold)
        return self._unnamed_role(*occurrences[0]) if occurrences else None  # in text order: the first mention

    def _joint(self, speaker: str, at: int | None) -> object:
        """A speaker of several members ("Egypt and Jordan", "Kurt Volker and Tim Morrison", "the Pentagon and the
        CIA"): the one party the members that have one share, None when they differ, _UNSET when the speaker is
        no joint ("Bosnia and Herzegovina") or no member has a party ("China's Ministry of Industry and
        Information Technology" is China's through its first part)."""
        joins = [j.start() for j in _JOIN.finditer(speaker)]
        if not joins or any(all(m.start <= j < m.end for j in joins) for m in self._mentions(speaker)):
            return _UNSET
        codes = {code for part in _JOIN.split(speaker) if part.strip() and (code := self._resolve(part.strip(), at))}
        if not codes:
            return _UNSET
        return codes.pop() if len(codes) == 1 else None

    def _unnamed_role(self, pos: int, end: int | None = None) -> str | None:
        """The party of a role given without a name in the sentences just before a speaker's first mention, which
        the name then fills ("Pakistan’s foreign minister accused India … In a 20-minute address, Naveed Akhtar
        Chaudhry devoted most of his time to the river")."""
        if _PRIVATE.match(self.text, pos):
            return None  # "Olena Petrenko, 54, …": a private person, whatever role was named before
        lo = max(0, pos - _ROLE_REACH)
        for m in reversed(self._mentions(self.prose[lo:pos])):
            words = _UNNAMED_ROLE.match(self.prose, lo + m.end)
            opens = not self.prose[: lo + m.start].rstrip(" ").endswith(tuple("abcdefghijklmnopqrstuvwxyz,"))
            if words is None or not opens:
                continue  # the role must open its sentence: "… days after Russia’s president threatened" is not the lede's subject
            at = next((w for w in _WORD.finditer(words.group(1)) if w.group() in self.places.person_roles), None)
            if at and not re.match(r"[ ,]+(?:the\s+)?[A-Z]", words.group(1)[at.end() :] + self.prose[words.end() : words.end() + 30]):
                return m.code  # the role is followed by a verb or a clause, not by the name it belongs to
        if _DESCRIBED.match(self.text, pos):
            return None  # "Sarah Kim, a nurse, said", "Anna Ivanova, who watched from her kitchen": described otherwise
        return self._trailing_role(lo, pos, end) or self._role_sentence(lo, pos)

    def _trailing_role(self, lo: int, pos: int, end: int | None) -> str | None:
        """The party of a lede whose attribution is a role of the sentence's subject ("Malaysia will seek a steep
        increase …, its environment minister said on Monday"): that subject's, when it opens the sentence and the
        speaker's first mention speaks bare ("“…,” Mohd Faizal bin Abdul Rahman told parliament", not "farmer
        Darto Sugiyanto said" nor "Bhima Yudhistira of the Center … said")."""
        if end is None or not SPEAKS_AFTER.match(self.text, end) or _GLUED.search(self.text, max(0, pos - 30), pos):
            return None
        found = None
        for m in _ITS_ROLE.finditer(self.prose, lo, pos):
            if not set(m.group(1).split()) & self.places.person_roles:
                continue
            start = max((e.end() for e in _SENTENCE_END.finditer(self.prose, 0, m.start())), default=0)
            start = d.end() if (d := DATELINE.match(self.prose, start)) else start  # "KUALA LUMPUR — Malaysia will …"
            own = self._mentions(self.prose[start : m.start()])
            if own and not self.prose[start : start + own[0].start].strip(" —–-\n"):
                found = own[0].code
        return found

    def _names_someone(self, lo: int, hi: int) -> bool:
        """Whether prose[lo:hi] names a person: two capitalised words that are not a place the lexicon knows
        nor follow a locative ("in Punta Gorda", "of the Arab League")."""
        for m in _NAME.finditer(self.prose, lo, hi):
            if not _LOCATIVE_BEFORE.search(self.prose, max(0, m.start() - 12), m.start()) and not self._mentions(m.group()):
                return True
        return False

    def _role_sentence(self, lo: int, pos: int) -> str | None:
        """The party of a sentence just before `pos` that opens with a role and names nobody ("The prime minister
        struck a more defiant tone …", "Its assistant secretary general arrived …", "The head of the International
        Atomic Energy Agency warned …"): the party its possessor or of-phrase names, the party the paragraph
        before names for "its"/"the bloc’s", else the party around it."""
        found = None
        for m in _ROLE_OPENS.finditer(self.prose, lo, pos):
            if m.start() and self.prose[: m.start()].rstrip(" ")[-1:] not in ".!?\n—–":
                continue  # the role must open its sentence (or follow the dateline)
            words = m.group("words").split()
            last = max((i for i, w in enumerate(words) if w in self.places.person_roles), default=None)
            if last is None:
                continue
            rest = self.prose[m.start("words") : pos]
            role_end = m.start("words") + len(" ".join(words[: last + 1]))
            of = _OF_PARTY.match(self.prose, role_end)
            end = _SENTENCE_END.search(self.prose, role_end)
            if self._names_someone(of.end() if of else role_end, end.start() if end else pos) or not rest:
                continue  # a name of its own in the sentence: the role is that person's
            owner = m.group("owner") or ""
            own = self._mentions(f"{owner} {of.group(1) if of else ''}")
            if own:
                found = own[-1].code
            elif m.group("det") != "The" or owner and owner.split()[-1].lower() not in _PEOPLE_OWNERS:
                para = self.prose.rfind("\n", 0, max(0, m.start() - 1))
                near = self._mentions(self.prose[max(0, para) : m.start()])  # "Its …", "The bloc’s …": the party just named
                found = near[-1].code if near else None
            else:
                found = self._around(m.start())
        return found

    def _occurrences(self, name: str, surname: str | None) -> list[tuple[int, int]]:
        """Where the article names a speaker, in order: the whole name, else the surname alone, as whole words.
        Looked up in a word index built once per article, so resolving every speaker stays linear in length."""
        if self._index is None:
            self._index = {}
            for m in _TOKEN.finditer(self.text):
                self._index.setdefault(m.group(), []).append(m.start())

        def found(form: str) -> list[tuple[int, int]]:
            key = _TOKEN.match(form)
            if key is None:  # a name that does not start with a word character: scan
                return [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self.text)]
            ends = ((p, p + len(form)) for p in self._index.get(key.group(), ()) if self.text.startswith(form, p))
            return [(a, b) for a, b in ends if not _TOKEN_CHAR.match(self.text, b)]

        whole = found(name)
        alone = [(a, b) for a, b in (found(surname) if surname else []) if not any(x <= a < y for x, y in whole)]
        return sorted(whole + alone)


def assign_parties(
    article: Article, statements: list[Statement], lexicon: Places | None = None, people: Registry | None = None
) -> list[Statement]:
    """The statements with `speaker_affiliation`, `target` and their codes filled in from the article
    (`people`, the article's registry, gives possessive roles their owner)."""
    if not statements:
        return statements
    parties = Parties(article, lexicon, people)
    name = parties.places.name
    out = []
    for s in statements:
        code = parties.affiliation(s.speaker, s.start)
        target, source = parties.about.target(s, code)
        out.append(
            replace(
                s,
                speaker_affiliation=name(code),
                speaker_affiliation_code=code,
                target=name(target),
                target_code=target,
                target_from=source if target else None,
            )
        )
    return out
