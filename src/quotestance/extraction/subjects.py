"""Subjects of communication verbs, and who they name: a person, an institution used as a speaker, a group.

Shared by the reported-speech rules (`reported`): the subject phrase before a verb ("Marchenko, a
spokeswoman for the ministry,", "a decision that charities"), the sentence's opening noun phrase, and
`speaker_of`, which resolves a phrase like a quote's speaker or keeps an institution's surface form.
"""

from __future__ import annotations

import re

from .cues import POSTMODIFIERS, as_written, clip_subject, head_noun, named_before, resolve, titled_surname
from .lexicon import (
    DETERMINERS,
    DOCUMENT_WORDS,
    GENDER_OF,
    GROUP_NOUNS,
    INDEFINITES,
    INSTITUTION_HEADS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    STOP_WORDS,
    SUBJECT_TRAILERS,
    TITLE_WORDS,
)
from .people import person_names
from .places import places
from .registry import Registry
from .text import after_last_stop, last_end_in

LEAD_IN = re.compile(
    r"^(?:which|who|whom|that|and|but|while|as|when|after|before|because|although|though|so|yet|then|also|including|with)\s+", re.I
)
# the last clause's subject: after a relative or coordinating word ("a decision that charities warned", "… and officials say")
CLAUSE_BREAK = re.compile(r"\s(?:that|which|who|whom|and|but|while|because|although|though|since|so|after|before|when|until|as|if)\s", re.I)
# "TROMSØ, Norway — ", "TOKYO (Reuters) - " (a hyphen only after a capitals' dateline)
DATELINE = re.compile(r"^\s*(?:[^\s—a-z][^—]{0,60}?\s—|[A-Z][A-Z .,’'-]{1,40}?(?:\s*\([\w ]+\))?\s[-–])\s+")


_CAPITALISED = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
# two named parties joined by "and" at the end of a subject: "Egypt and Jordan", "Kurt Volker and Tim Morrison",
# "the United Nations and the European Union", "Russian and Syrian defense ministries" (a shared lower-case head)
# a party or a titled person: "Egypt", "Russian President Vladimir Putin", "Chinese leader Xi Jinping"
_TITLE = "|".join(sorted((w for w in TITLE_WORDS - DETERMINERS if w.isalpha() and w.islower()), key=len, reverse=True))
_MEMBER = rf"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:{_TITLE})(?=\s+[A-Z]))){{0,5}}"
_JOINT = re.compile(rf"(?:^|(?<=[\s—–-]))((?:[Tt]he\s+)?{_MEMBER}\s+and\s+(?:the\s+)?{_MEMBER}(?:\s+[a-z][\w-]*){{0,2}})$")


def joint(phrase: str, whole: bool = False) -> re.Match[str] | None:
    """Two or more parties or people joined by "and" at the end of `phrase` (all of it, with `whole`), unless the
    "and" belongs to one place's name ("Trinidad and Tobago Foreign Minister Amery Browne")."""
    m = (_JOINT.fullmatch if whole else _JOINT.search)(phrase)
    if m is None:
        return None
    ands = [a.start() + 1 for a in re.finditer(r"\sand\s", m.group(1))]
    one_name = any(p.start <= a < p.end for p in places().mentions(m.group(1)) for a in ands)
    return None if one_name else m


# a new clause with a subject of its own: "but General Mark Milley", not "and a close ally of …" nor "while meeting …"
_COORDINATING = re.compile(r"^(?:[Bb]ut|[Aa]nd|[Yy]et|[Ww]hile|[Ww]hereas)\s+(?=[A-Z])(?!(?:The|A|An)\s)")
_CLAUSE_WORDS = {"you", "i", "we", "what", "which", "who", "if", "that", "believe", "think"}  # a clause, not a subject
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d)\b", re.I)
_BODY_RUN = re.compile(r"(?:[A-Z][\w’'&.-]*\s+){1,5}([A-Z][\w’'-]*)")  # "Dick Clark Productions", its last word
NEGATED_SUBJECT = {"neither", "no", "nobody", "none", "nor"}


def subject_before(window: str, reg: Registry) -> str:
    """The subject phrase at the end of `window` (the sentence text before the verb)."""
    head = DATELINE.sub("", after_last_stop(window))
    parts = head.split(",")
    last = parts[-1]
    if not last.strip() and len(parts) > 2:  # "Voss, the foreign minister, said": the name beside the apposition

        def score(part: str) -> int:
            if LEAD_IN.match(part.strip()) and not _COORDINATING.match(part.strip()):
                return 0  # "…, who led the delegation, said", "When Arthur Waite died, his obituary called"
            part = _COORDINATING.sub("", part.strip())  # "…, but General Mark Milley, chairman of the Joint Chiefs, told"
            if (body := _BODY_RUN.fullmatch(part)) and body.group(1).lower() in ORG_WORDS:
                return 2  # "The company that runs the AMAs, Dick Clark Productions, denies": a body's name
            return max((2 if len(n.split()) >= 2 else 1 if reg.find(n) else 0 for _, n, _ in person_names(part)), default=0)

        # a new clause ("…, but General Mark Milley, chairman of …, told") ends the one before: its names are no subject
        first = max((i for i in range(1, len(parts) - 1) if _COORDINATING.match(parts[i].strip())), default=0)
        best = max(range(first, len(parts) - 1), key=lambda i: (score(parts[i]), -i))
        plain = [p for p in parts[:-1] if p.strip() and not LEAD_IN.match(p.strip())]
        last = parts[best] if score(parts[best]) else (plain[0] if plain else parts[-2])  # "Switzerland, which hosted it, said"
    if last.strip().lower() == "who" and len(parts) > 1 and (before := person_names(parts[-2])):
        return before[-1][1]  # "… his defense minister Kim Yong-hyun, who said": the name the clause hangs on
    if (tail := last.split()) and tail[-1].lower() in PRONOUNS | {"it"} and _adverbial(tail[:-1]):
        return tail[-1]  # "Late on Monday it said": the pronoun, not "Late" (but not "Everything she said …")
    bare = " ".join(_without_trailers(last.split(), dashes=True))
    phrase = clip_subject(bare)  # "China and Russia on Monday"
    found = joint(phrase)
    names_joined = _JOINT.search(bare)  # an "and" inside a name or between names splits no clause
    if found and _opens_subject(phrase[: found.start()]):
        listed = []  # "Mali, Burkina Faso and Niger": a list's earlier members, each a comma part of its own
        while last is parts[-1] and found.start() == 0 and len(listed) < len(parts) - 1:
            member = parts[-2 - len(listed)].strip()
            person = len(member.split()) >= 2 and [n for _, n, _ in person_names(member)] == [member]
            if not re.fullmatch(_CAPITALISED, member) or not (places().code_of(re.sub(r"^[Tt]he\s+", "", member)) or person):
                break  # a party or a person, not "In Brussels" nor "Separately"
            listed.insert(0, member)
        return ", ".join([*listed, found.group(1)])  # "Egypt and Jordan also", "Russian and Syrian defense ministries"
    if not names_joined:  # "officials in Paris and Berlin" is one phrase: its "and" joins names, not clauses
        last = CLAUSE_BREAK.split(" " + last)[-1]
    words = _without_trailers(last.split())
    if not words and len(parts) > 2:  # "Egypt, which depends on the Nile, has long demanded": the part before the clause
        words = next((p.split() for p in parts[:-1] if p.strip() and not LEAD_IN.match(p.strip())), [])
    phrase = clip_subject(" ".join(words).lstrip("\"“”‘' "))  # '…skull," the prosecutor’s office said' (a closing mark)
    return LEAD_IN.sub("", phrase).strip(" ,;:—–-")


# words a pronoun's own clause hangs on ("Everything she said was recorded"): no adverbial lead-in
_NOT_ADVERBIAL = frozenset({"everything", "all", "something", "nothing", "anything", "whatever", "that", "which", "things", "words", "way"})


def _adverbial(words: list[str]) -> bool:
    """Words before a pronoun that only set the scene ("Late on Monday", "In a post at the time"), not a clause the
    pronoun's verb belongs to ("Everything she said …")."""
    return not words or words[-1].lower().strip(",") not in _NOT_ADVERBIAL


def _without_trailers(words: list[str], dashes: bool = False) -> list[str]:
    """A subject's words without the auxiliaries and adverbs that trail it ("Egypt and Jordan also", "Voss has"),
    and with `dashes`, without the dash closing an aside ("… - Egypt and Jordan -")."""
    end = len(words)
    while end and (words[end - 1].lower().strip(",") in SUBJECT_TRAILERS or dashes and words[end - 1] in "—–-"):
        end -= 1
    return words[:end]


def _opens_subject(before: str) -> bool:
    """Whether a phrase after `before` is the whole subject: nothing before it, an aside's dash ("… - Egypt and
    Jordan -"), or only adverbials ("On Monday"), not a preposition ("officials in Paris and Berlin")."""
    before = before.strip()
    return not before or before.endswith(("—", "–", "-")) or all(w.lower() in STOP_WORDS for w in before.split())


def speaker_of(subject: str, pos: int, reg: Registry) -> str | None:
    """The speaker a subject phrase names: a person (resolved like quote speakers), an institution or a
    capital used as one (as written), or a group described as one; None for anything else."""
    words = subject.split()
    if not words or len(words) > 12 or subject.rstrip()[-1:] in '”"’»“':
        return None  # nobody, a clause, or a quoted title ("a study titled “Dry Years Ahead”")
    low = words[0].lower()
    head = head_noun(subject)
    if head in DOCUMENT_WORDS or low == "it" or low in NEGATED_SUBJECT or not any(c.isalpha() for c in subject):
        return None
    if _CONTRACTION.search(subject):
        return None  # "I'm", "We’re": a clause inside a quote, not a subject
    if low in PRONOUNS and len(words) == 1:
        p = reg.last_before(pos, gender=GENDER_OF.get(low))
        return p.name if p and low != "they" else None
    # "Large crowds of protesters", "people familiar with the talks" (a longer phrase only with such a postmodifier)
    longest = 8 if {w.lower() for w in words} & POSTMODIFIERS else 7
    verb_first = (  # "holds appeal to voters", not "his aides"
        words[0].islower() and words[0].endswith("s") and words[0] != head and words[0] not in DETERMINERS | {"this"}
    )
    plural = head in PERSON_NOUNS and (head.endswith("s") or head in {"people", "men", "women"}) and len(words) <= longest
    plural = plural and not verb_first and not {w.lower() for w in words} & _CLAUSE_WORDS
    indefinite = low in INDEFINITES and head in TITLE_WORDS | PERSON_NOUNS or plural
    # "one user", "some slow-and-steady advocates", "Large crowds of protesters"
    if low in {"his", "her"} and len(words) == 2 and head in INSTITUTION_HEADS - GROUP_NOUNS:
        p = reg.last_before(pos, gender=GENDER_OF["he" if low == "his" else "she"])  # never one of the other gender
        return f"{p.name}’s {words[1]}" if p else None  # "his office said" -> "Eric Holcomb’s office"
    if head in INSTITUTION_HEADS or indefinite:
        if low == "the" and len(words) == 2 and head in TITLE_WORDS and (p := reg.last_before(pos, {head})):
            return p.name  # "the spokeswoman said" after "…, said Nguyen Thi Lan Anh, a foreign ministry spokeswoman"
        if named := reg.body(subject, pos):
            return named  # "the agency said" -> "Customs and Border Protection", the name the article gave it
        if len(words) == 1 and plural and (fuller := named_before(reg.text, pos, head, reach=3000)):
            return fuller  # "Prosecutors said" after "Federal prosecutors said": the group as first described
        return as_written(subject) if low in DETERMINERS | INDEFINITES or words[0].istitle() and not _proper(words[0]) else subject
    if joint(subject, whole=True):
        # "Kurt Volker and Tim Morrison", "Trump and Elon Musk": both, by full name ("Chinese" in "Chinese leader Xi
        # Jinping" is no person); "Hamas and Islamic Jihad", "Food and Rural Affairs": as written
        names = [n for n in person_names(subject) if not places().code_of(n[1])]
        both = [resolve(n, pos, reg) for _, n, _ in names] if len(names) == 2 else []
        if len(both) == 2 and all(both) and both[0] != both[1]:
            return f"{both[0]} and {both[1]}"
        titled = len(names) == 1 and names[0][2]  # "Justice and Security Minister Ilse Vermeulen": one person, titled
        if not titled and all(w[:1].isupper() or w.lower() in DETERMINERS | TITLE_WORDS for w in words):
            return subject
    if surname := titled_surname(subject, pos, reg):
        return surname  # "Secretary of State Rubio", "President Biden": the person, by the name the article gives
    trade = next((i for i, w in enumerate(words) if w.lower() in _COMPANY_NOUNS), None)
    if trade is not None and trade + 1 < len(words) and all(w[:1].isupper() for w in words[trade + 1 :]):
        return " ".join(words[trade + 1 :])  # "Shipping giant Maersk", "German carmaker Volkswagen": the company's name
    names = person_names(subject)
    known = [p for _, n, _ in names if (p := reg.find(n)) and (p.descriptors or p.spoke)]
    if _PROPER_OF.fullmatch(subject.strip()) and not known and not _PERSON_OF.match(subject):
        # an institution's proper name ("Centers for Disease Control", "UN High Commissioner for Human Rights"),
        # not a person the article names ("Secretary of State Mike Pompeo")
        return as_written(subject) if low == "the" else subject
    if names and (len(names[-1][1].split()) >= 2 or reg.find(names[-1][1]) or known):
        return resolve(subject, pos, reg)  # "Foreign Minister Anika Voss", "Voss", "Gov. Greg Abbott of Texas"
    if head in TITLE_WORDS:  # "India’s commerce minister", "the minister": the person last given that title
        title = [w.lower() for w in words if w.islower() and w.lower() not in DETERMINERS]
        found = resolve("the " + " ".join(title), pos, reg)
        if found:
            return found
        later = next((p for p in reg.people if set(title) <= p.descriptors), None)  # named later in the article
        if later:
            return later.name
        nominal = all(w in TITLE_WORDS or w in INSTITUTION_HEADS or w in {"of", "for"} for w in title)
        return subject if nominal else None  # "India’s commerce minister", as written, when nobody is named
    if (
        all(w[:1].isupper() or w.lower() in DETERMINERS for w in words)
        and (len(words) <= 4 or joint(subject.split(", ")[-1], whole=True))
        and not all(w.lower() in STOP_WORDS for w in words)
    ) or places().code_of(re.sub(r"^[Tt]he\s+", "", subject.strip())):
        # a capital, country or building used for its government: "Moscow", "the White House"; or several
        # ("The United States and Britain", "Mali, Burkina Faso and Niger")
        return subject
    return None


# a company's trade before its name: "Shipping giant Maersk", "chipmaker Nvidia"
_COMPANY_NOUNS = frozenset(
    """giant maker chipmaker carmaker automaker retailer lender insurer operator conglomerate startup start-up developer
    producer manufacturer supplier broadcaster publisher miner shipper airline carrier""".split()
)
# capitalised words joined by "for"/"of"/"to"/"on" ("Centers for Disease Control", "Committee to Protect Journalists"): a body's name
_PROPER_OF = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*(?:\s+(?:for|of|to|on)(?:\s+the)?(?:\s+[A-Z][\w’'.-]*){1,4})+"
)


# "Sarah Kim of the Brookings Institution": a person's two-word name before "of", not a body's name
_PERSON_OF = re.compile(r"(?!The\s)(?:[A-Z][a-z]{1,4}\.\s+)*[A-Z][a-z]+\s+[A-Z][a-z][\w’'-]*\s+(?:of|for)\s", re.UNICODE)


def institution_before(text: str, sent_lo: int, pos: int, reg: Registry) -> str | None:
    """'it said' (“…,” it said; it said that …): the institution the sentence before opened with ("The Blue House
    struck a measured note. Late on Monday it said …"), never a person."""
    end = len(text[:sent_lo].rstrip())
    prev = text[last_end_in(reg.sentence_ends, 0, end - 1) : end].strip()
    speaker = speaker_of(sentence_subject(prev), pos, reg) if prev else None
    return speaker if speaker and is_institution(speaker) and not reg.find(speaker) else None


def is_institution(name: str) -> bool:
    """Whether a subject names an institution or a party ("the Food Standards Agency", "Moscow"), not "Sales" or "Shares"."""
    return head_noun(name) in INSTITUTION_HEADS or bool(places().mentions(name))


def _proper(word: str) -> bool:
    """A capitalised word that stays capitalised mid-sentence (not "Officials" at a sentence start)."""
    return word.lower() not in INSTITUTION_HEADS and word.lower() not in DETERMINERS


def sentence_subject(window: str) -> str:
    """The noun phrase that opens a sentence: "Norway’s coast guard" in "Norway’s coast guard detained …"."""
    words = DATELINE.sub("", window).split()
    comma = next((i for i, w in enumerate(words[:4]) if w.endswith(",")), None)
    if comma is not None and all(w.lower().strip(",") in STOP_WORDS for w in words[: comma + 1]):
        words = words[comma + 1 :]  # "Earlier Saturday, Yoon apologized": an adverbial opens the sentence, not its subject
    keep = []
    for w in words:
        bare = w.lower().strip(",.’'")
        if keep and (w[:1].islower() and bare not in INSTITUTION_HEADS | TITLE_WORDS | {"of", "for", "the", "and"} or w.endswith(",")):
            if w.endswith(",") and not w[:1].islower():
                keep.append(w.rstrip(","))
            break
        keep.append(w)
    return " ".join(keep[:8])
