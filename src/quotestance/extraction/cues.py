"""Cues: the reporting verb (or "according to") that attributes a span, and the subject it names.

`cue_after` reads the text after a closing mark ("…,” X said / said X), `cue_before` the text before
an opening mark (X said: “…”); `resolve` turns the subject into a person of the article's registry.
`is_title` and `NAMING_CUES` tell quoted names and titles from speech.
"""

from __future__ import annotations

import re

from .lexicon import (
    BODY_HEADS,
    DETERMINERS,
    DOCUMENT_WORDS,
    GENDER_OF,
    GROUP_NOUNS,
    INDEFINITES,
    INSTITUTION_HEADS,
    LINK_WORDS,
    NAME_ABBREVIATIONS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    SINGULAR_INDEFINITES,
    STOP_WORDS,
    TITLE_CONNECTORS,
    TITLE_WORDS,
    VERB_RE,
)
from .people import SUBJECT_START, name_score, person_names
from .places import places
from .registry import Registry
from .text import after_last_stop, keeps_stop, sentence_ends


def clip_subject(s: str) -> str:
    s = s.strip().strip(",;:—–-").strip()
    s = re.split(
        r"(?<!briefed)(?<!familiar)(?<!close)\s+(?:on|in|at|during|after|before|late|earlier|later|via|through|while|from)\s+(?:[A-Z]\w*day|a |an |the |his |her |their |its |\w+ (?:conference|statement|briefing|interview))",
        s,
    )[0]
    s = re.split(r"\s+(?:to|in|on|at)\s+(?:reporters|journalists|lawmakers|parliament|a news|the press)\b", s)[0]
    s = re.sub(r"^[A-Z][\w.’'-]*-based\s+(?=[A-Z])", "", s.strip())  # "Sacramento-based McClatchy" -> "McClatchy"
    return s.strip(" ,;:")


def as_written(phrase: str) -> str:
    """A description or institution as a speaker, as the prose writes it, with a lower-case first letter:
    "A senior EU diplomat" opening a sentence is "a senior EU diplomat" (but "Ukraine's military" keeps its name)."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    if first.endswith(("’s", "'s")) or any(c.isupper() for c in first[1:]):
        return phrase  # "Ukraine's military", "U.S. officials", "EU diplomats": names keep their capitals
    return phrase[0].lower() + phrase[1:]


POSTMODIFIERS = frozenset({"familiar", "close", "briefed", "aware", "knowledgeable", "involved", "present"})


def head_noun(phrase: str) -> str:
    """The head noun of a subject phrase: the last word before "for", "of", "at", "in", "from", "on", "with", "by", or
    before a participle phrase ("reviewed by", "released Monday")."""
    # "a transcript reviewed by …", "a statement released Monday": a participle after the head ends it too
    first = re.split(r"\s+(?:\w+ed\s+)?(?:for|of|at|in|from|on|with|by)\s+|\s+[a-z]\w*ed\s+(?=[A-Z])", phrase, maxsplit=1)[0]
    words = first.split()
    while len(words) > 1 and words[-1].lower() in POSTMODIFIERS:
        words.pop()  # "people familiar (with the talks)", "two people briefed (on the talks)"
    return words[-1].lower().strip(".,’'") if words else ""


_AFTER_PREPOSITION = re.compile(r"\b(?:of|in|for|to|at|from)\s+(?:the\s+)?$")


_PREDICATE = re.compile(r"\b(?:as|is|was|were|been|be|became|become|remains|remained)$", re.I)


def _described_before(text: str, pos: int, head: str) -> str | None:
    """The last description of one unnamed person with this head word in the 400 characters before `pos`
    ("a senior EU diplomat"), lower-cased as a speaker, else None."""
    found, window = None, text[max(0, pos - 400) : pos]
    for m in re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.’'-]+\s+){{0,4}}?{re.escape(head)}\b", window):  # "A U.S. official"
        before = window[: m.start()].rstrip(" ")
        if not before.endswith(",") and not _PREDICATE.search(before):
            found = m.group()  # not "Alexander Vindman, a career Army officer" nor "John Smith … as a diplomat": named
    return as_written(found) if found else None


_AGED = re.compile(r"\d{1,3}-year-old")
_DOTTED = re.compile(r"(?:[A-Z]\.)+")  # "U.S.", "U.N."


def named_before(text: str, pos: int, head: str, reach: int = 400) -> str | None:
    """The fuller name a bare definite description had just before (400 characters): "the army" after "The Israeli
    army said", "the officials" after "U.S. officials said", as written; None when there is none."""
    found = None
    for m in re.finditer(rf"(?<![\w.])(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){{1,3}}{re.escape(head)}\b", text[max(0, pos - reach) : pos]):
        words = [w for w in m.group().split()[:-1] if w.lower() != "the"]
        if any(w.lower() in INDEFINITES | STOP_WORDS or w.endswith(",") or w.endswith(".") and not _DOTTED.fullmatch(w) for w in words):
            continue  # "A group of doctors" (no name), "Monday. Police" (a sentence's end)
        found = m.group()
    return ("t" + found[1:] if found.startswith("The ") else found) if found else None  # "Verizon executives" keeps its name


_RANKS = {"sen", "rep", "gov", "gen", "lt", "col", "adm", "maj", "capt", "sgt", "dr", "mr", "mrs", "ms", "judge", "justice"}
_RANKS |= {"senator", "representative", "congressman", "congresswoman", "admiral", "colonel", "pope", "cardinal"}  # not "General Motors"


_PERSON_TITLES = places().person_roles | _RANKS
_SURNAME = re.compile(r"[A-Z][a-z][\w’'-]*")
_TITLE_OR_LINK = TITLE_WORDS | LINK_WORDS


def titled_surname(subject: str, pos: int, reg: Registry) -> str | None:
    """A surname right after a title ("Secretary of State Rubio", "Defense Secretary Austin", "President Biden"): the
    full name when the article gives one, else the surname as the article names the person; None for anything else
    ("Chairman of the Joint Chiefs", "High Commissioner for Human Rights")."""
    *rest, last = subject.split() or [""]
    if not rest or not _SURNAME.fullmatch(last) or rest[0].lower() in DETERMINERS:
        return None
    low = last.lower()
    if low in TITLE_WORDS or low in ORG_WORDS or low in INSTITUTION_HEADS or low.rstrip("s") in TITLE_WORDS:
        return None
    if not any(w.lower().rstrip(".") in _PERSON_TITLES for w in rest):
        return None  # a person's title ("Secretary", "Sen."), not "Public Citizen" nor "Energy Control"
    if places().code_of(last) or not all(w.lower().rstrip(".") in _TITLE_OR_LINK or places().code_of(w) for w in rest):
        return None
    honorific = {w.lower().rstrip(".") for w in rest}
    gender = "m" if honorific & {"mr", "sir"} else "f" if honorific & {"ms", "mrs", "miss"} else None
    found = reg.find(last, pos, gender)
    return found.name if found else last


_RELATIVE = re.compile(r",?\s+(?:who|whom|whose|which|that)\s")


def resolve(subject: str, pos: int, reg: Registry) -> str | None:
    """A subject phrase -> the full name of the person it refers to (None when no person fits)."""
    subject = " , ".join(c for c in (clip_subject(part) for part in subject.split(" , ")) if c)
    if not subject:
        return None
    words = subject.split()
    if not words:  # only unusual whitespace ("said\u202f;")
        return None
    low = words[0].lower()
    if low in PRONOUNS and len(words) <= 2:
        p = reg.last_before(pos, gender=GENDER_OF.get(low))
        return p.name if p else None
    if low in SINGULAR_INDEFINITES and 1 < len(words):
        # a description nobody names ("one user", "a senior ASEAN diplomat", "a Western diplomat who attended …"): as
        # written, up to a relative clause
        described = _RELATIVE.split(subject, maxsplit=1)[0]
        head = head_noun(described)
        if len(described.split()) <= 10 and head not in DOCUMENT_WORDS and (words[1][:1].islower() or head in PERSON_NOUNS | TITLE_WORDS):
            return as_written(described)
    if low in INDEFINITES - SINGULAR_INDEFINITES and len(words) > 1 and head_noun(subject) in PERSON_NOUNS | GROUP_NOUNS:
        return as_written(_RELATIVE.split(subject, maxsplit=1)[0])  # "Two people familiar with the negotiations said:"
    owned = words[0][:1].isupper() and words[0].endswith(("’s", "'s")) and len(words) <= 4  # "Ukraine's military"
    if (low in DETERMINERS or owned) and head_noun(subject) in (INSTITUTION_HEADS - TITLE_WORDS) | BODY_HEADS:
        # an institution by the name the article gives it ("the company" -> "Apple", "the central bank" -> "the Bank of
        # Ghana"), else as written: "the Chinese embassy in Tokyo", not "Tokyo"; "the Israeli military"
        named = named_before(reg.text, pos, words[1].lower()) if len(words) == 2 and low == "the" else None
        return reg.body(subject, pos) or named or as_written(subject)
    if low == "the" and len(words) == 2 and (_AGED.fullmatch(words[1]) or places().code_of(words[1])) and (p := reg.protagonist(pos)):
        return p.name  # "the 56-year-old said", "the Spaniard said": the person the story is about
    if len(words) == 2 and places().code_of(words[0]) and words[1] in GROUP_NOUNS:
        return subject  # "“…,” Israeli officials said": a group, not a person called Israeli
    if titled := titled_surname(subject, pos, reg):
        return titled  # "“…,” Secretary of Defense Austin said"
    names = person_names(subject)
    if words[0].lower() in DETERMINERS and any(w.lower() in TITLE_WORDS - DETERMINERS for w in words):
        names = []  # "the Algerian minister": a title, not a name
    if names:
        # of equally good names, one not governed by a preposition ("Cheuk Hau-yip, the commander of Kowloon
        # West district"), then the last: "National Parks Service spokesperson Bill Line"
        _, name, titles = max(reversed(names), key=lambda n: (name_score(n[1], reg), not _AFTER_PREPOSITION.search(subject, 0, n[0])))
        p = reg.find(name, pos)
        if p is None:
            p = reg.add(name, pos, titles)
        return p.name
    descriptor = [w.lower().strip(".,’'").replace("’s", "") for w in words if w.lower() not in DETERMINERS]
    if any(w in TITLE_WORDS for w in descriptor) and head_noun(subject) not in PERSON_NOUNS - TITLE_WORDS:
        # a title among the words, and a title or a body at the head: not "Defense lawyers" (a group of lawyers)
        head = next(w for w in reversed(descriptor) if w in TITLE_WORDS)
        titles = {w for w in descriptor if w in TITLE_WORDS}
        later = next((q for q in reg.people if titles <= q.descriptors), None)  # "Pakistan’s foreign minister …", named later
        p = reg.last_before(pos, set(descriptor)) or reg.last_before(pos, {head})
        if p is None and (described := _described_before(reg.text, pos, head)):
            return described  # "A senior EU diplomat said … “…,” the diplomat said": the description nobody names
        p = p or later or reg.last_before(pos)
        if p is None and low not in INDEFINITES and (p := reg.named_next(pos, titles | set(descriptor))):
            p.descriptors |= titles  # the lede's title names the person the next paragraph quotes
        return p.name if p else None
    if low == "the" and len(words) <= 3 and (head := head_noun(subject)) in PERSON_NOUNS | {"diplomat", "source"}:
        if len(words) == 2 and (p := reg.last_before(pos, {head})):
            return p.name  # "“…,” the lawyer said" after "Maria Esposito, a lawyer for the family, said"
        return _described_before(reg.text, pos, head)  # "“…,” the diplomat said" after "A senior EU diplomat said"
    return None


# a name, then an apposition or relative clause of any length up to the verb: "X, a research analyst at …, said",
# "Jim Chilton, senior vice president for space at Boeing Defense, Space, and Security, said"
_NAME_THEN_APPOSITION = re.compile(
    r"\s*((?:[A-Z][\w.’'-]*\s+){0,3}(?:[A-Z][\w’'-]+\s+){1,3}?[A-Z][\w’'-]+),\s+(?:a|an|the|who|whose|which|[a-z][\w-]+)\s[^“”\"]{3,200}?,?\s*$"
)


def _titled(phrase: str) -> bool:
    """A lower-case role glued to a name that runs to the verb: "spokesman John Kirby", "coach Rita Szabo", "police
    spokesman Sgt. Ray Duarte" (not "despite being the U.S. envoy in Brussels")."""
    words = phrase.split()
    k = next((i for i, w in enumerate(words) if not w.islower()), len(words))
    if not 1 <= k <= 3 or k == len(words) or any(w in LINK_WORDS | DETERMINERS or not w.replace("-", "").isalpha() for w in words[:k]):
        return False
    named = person_names(phrase)
    return bool(named) and len(named[-1][1].split()) >= 2 and phrase.rstrip().endswith(named[-1][1])


def _group(phrase: str) -> bool:
    """A lower-case group that speaks as one: "officials", "local officials", "federal prosecutors", "two people
    familiar with the negotiations"."""
    words = phrase.split()
    if words and words[0] in INDEFINITES - SINGULAR_INDEFINITES and len(words) <= 8:
        return head_noun(phrase) in PERSON_NOUNS | GROUP_NOUNS
    return 1 <= len(words) <= 3 and all(w.isalpha() and w.islower() for w in words) and words[-1] in GROUP_NOUNS


def cue_after(after: str) -> tuple[str, str] | None:
    """(cue, subject) from the text right after a closing mark: '…,' X said / said X / according to X."""
    s = after.lstrip(" ,;:—–-")
    if m := re.match(r"according to\s+(.{1,80})", s, re.I):
        return "according to", re.split(r"[,.;]", m.group(1))[0]
    if s.startswith("comments ") and s[9:10].isupper():
        return "comments", inverted_subject(s[9:])  # "“…,” comments Robin Biesbroek": a verb only right after a quote
    m = VERB_RE.search(s[:120])
    if not m:
        return _according(s)
    verb, before_verb = m.group(1), s[: m.start()]
    if re.search(r"\bto\s*$", before_verb):
        return _according(s)  # "He declined to say when …": an infinitive, not this quote's attribution
    if before_verb.strip() in ("So", "Thus"):
        return verb, inverted_subject(s[m.end() :])  # "“…” So said Ricky Dunn, a tow-truck driver"
    if before_verb.strip():
        if (named := _NAME_THEN_APPOSITION.match(before_verb)) and person_names(named.group(1)):
            return verb, named.group(1)  # "Kurinji Selvaraj, a research analyst at the … Council on Energy, Environment and Water, said"
        if (
            len(before_verb.split()) > 12
            or sentence_ends(before_verb)
            or not (SUBJECT_START.match(before_verb) or _group(before_verb) or _titled(before_verb))
        ):
            return _according(s)
        parts = [p for p in before_verb.split(",") if p.strip()]
        named = [p for p in parts[1:] if _whole_name(p)]  # "her mother, Fiona, said": the name in the apposition
        # unless the first part is a name itself, not a role ("Australia’s minister for the Pacific, Daniel Whitcombe")
        first_named = bool(parts) and bool(person_names(parts[0])) and head_noun(parts[0]) not in TITLE_WORDS
        return verb, named[0] if named and not first_named else parts[0] if parts else before_verb
    if (scene := _SCENE_AFTER.match(s, m.end())) and (again := VERB_RE.match(s, scene.end())):
        # "… little deal” announced in October, said Derek Scissors": the quote's words went on; the later verb attributes
        return again.group(1), inverted_subject(s[again.end() :])
    return verb, inverted_subject(s[m.end() :])


_SCENE_AFTER = re.compile(r"\s+(?:in|on|at|last|this|earlier|since)\b[^,.;“”\"]{1,40},\s*")


def inverted_subject(after: str) -> str:
    """The subject after an inverted verb, up to its stop ("said C. Eugene Steuerle", "said Det. Insp. Mark
    Evans"); a description followed by the name it describes is that name ("said another witness in the
    probe, former White House adviser Fiona Hill")."""
    first = _up_to_stop(after)
    words = first.split()
    described = words and words[0].lower() in DETERMINERS | SINGULAR_INDEFINITES and head_noun(first) not in DOCUMENT_WORDS
    if described and after[len(first) : len(first) + 1] == ",":
        second = _up_to_stop(after[len(first) + 1 :]).strip()
        names = person_names(second)
        if names and len(names[-1][1].split()) >= 2 and second.endswith(names[-1][1]):
            role = second[: -len(names[-1][1])].split()
            # only a role and the name ("former White House adviser Fiona Hill"), not "a close ally of President
            # Donald Trump", "who discussed the call with Xi Jinping" or "addressed to Antony Blinken"
            if not any(w in _NOT_A_ROLE or w.endswith("ed") for w in role):
                return second
    return first


_NOT_A_ROLE = {"a", "an", "the", "who", "whom", "which", "that", "of", "by", "to", "with", "for", "from", "in", "on", "at", "and"}


def _whole_name(part: str) -> bool:
    """A comma part that is a name with at most its titles ("Fiona", "Foreign Ministry spokeswoman Daniela Parra"),
    not a phrase that mentions a place ("speaking in Geneva")."""
    names = person_names(part)
    if len(names) != 1:
        return False
    rest = part.replace(names[0][1], " ").split()
    return all(w.lower().strip(".,’'") in TITLE_WORDS | ORG_WORDS for w in rest)


def _up_to_stop(text: str) -> str:
    """Text up to the first comma, semicolon, colon or full stop that is not an initial's or an abbreviation's."""
    for m in re.finditer(r"[,;:]|\.(?=\s|$)", text):
        if m.group() == ".":
            word = re.search(r"(\w+)$", text[: m.start()])
            if word and keeps_stop(word.group(1), NAME_ABBREVIATIONS):
                continue
        return text[: m.start()]
    return text


_PUT_IT = re.compile(r"\b[Aa]s\s+([^,;:“”\"]{2,80}?)\s+(?:put|puts)\s+it\b[^“”\"]{0,40}$")
_SAID_FIRST = re.compile(r"(?:^|[.!?]\s+)Said\s+([^,;:“”\"]{3,60})[^“”\"]*$")
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+([^,;:“”\"]{1,100}?)\s+as\s+saying\b[\s,:]*(?:that\s+)?$")


def _according(s: str) -> tuple[str, str] | None:
    m = re.search(r"\baccording to\s+([^,.;]{1,80})", s, re.I)
    return ("according to", m.group(1)) if m else None


def cue_before(before: str) -> tuple[str, str] | None:
    """(cue, subject) from the text before an opening mark in the same sentence: X said: “…”."""
    if m := _QUOTED_AS.search(before):
        return "quoted as saying", m.group(1)  # "Interfax quoted Deputy Foreign Minister Grigory Lavrin as saying: “…”"
    if m := _PUT_IT.search(before):
        return "put it", m.group(1)  # "As one farmer put it: “…”", "As Finance Minister Olusegun Adeyemi put it on Tuesday, “…”"
    if m := _SAID_FIRST.search(before):
        return "said", m.group(1)  # "Said Donna Kaye, a machinist for 23 years: “…”"
    if m := re.search(r"according to\s+([^,:;]{1,80})[,:;]?[^.!?]*$", before, re.I):
        return "according to", m.group(1)
    verbs = list(VERB_RE.finditer(before))
    if not verbs:
        return None
    m = verbs[-1]
    head = before[: m.start()]
    head = after_last_stop(head)
    parts = [p for p in head.split(",") if p.strip()]
    if not parts:
        return m.group(1), ""
    # "In a statement, Voss said" / "Voss, the foreign minister, said": a pronoun opening the clause, else
    # the best-scored name (resolved later), else the last part
    words = parts[-1].split()
    if words[0].lower() in PRONOUNS or words[-1].lower() in PRONOUNS:  # "He said" / "…, which he called"
        return m.group(1), words[-1] if words[-1].lower() in PRONOUNS else words[0]
    if described := re.search(r"\b(?:the|a|an|his|her|its|their)\s+(?:[\w’'.-]+\s+){0,3}?([\w-]+)\s*$", parts[-1]):
        if described.group(1).lower() in TITLE_WORDS - DETERMINERS:  # "…, and when asked, the Facebook founder said"
            return m.group(1), described.group()
    named = [p for p in parts if person_names(p)]
    return m.group(1), (" , ".join(named) if named else parts[-1])


def is_title(text: str, before: str, after: str) -> bool:
    words = re.findall(r"[^\W\d_][\w’'\-]*|\d+", text)
    if not words or len(words) > 8 or re.search(r"[.!?,;:]$", text):
        return False
    content = [w for w in words if w.lower() not in TITLE_CONNECTORS]
    titled = all(w[0].isupper() or w[0].isdigit() for w in content)
    framed = re.search(r"\b(?:the|a|an|its|their|his|her|our|new)\s*$", before, re.I) or re.match(r"\s*[a-z]", after)
    return bool(titled and framed)
