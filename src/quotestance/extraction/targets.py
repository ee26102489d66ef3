"""At whom: the article's main dyad (the parties it is about, from headline and lede), where it was filed, and
each statement's target: the party the statement names, else the speaker's counterpart in that dyad."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..records import Article, Statement
from .places import Mention, Places

DATELINE = re.compile(r"\s*([^\W\d_][^\n,—–(]{2,40}?)(?:,\s*([^\n—–(]{2,30}?))?\s*(?:\([\w ]+\)\s*)?[—–-]\s")
_VENUE = re.compile(r"\b(?:in|at|through|via|into|near|inside|across|by)\s+(?:the\s+)?$", re.I)
# "in Kigali": where, not whom; "settled by the International Court of Justice": the means, not whom
_APPEAL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:must|should|need|needs|have to|has to|ought)\b", re.I)  # "both sides must"
_FORUM = re.compile(r"\b(?:in|at|before|through|via|into|inside)\s+(?:the\s+)?$", re.I)  # "at the UN"
_TRAVEL = re.compile(r"\b(?:in|at|to|from|into|inside|via|through)\s+(?:the\s+)?$")


_BEHIND = re.compile(r"-(?:led|backed|sponsored|funded|supported|armed|allied|aligned)\b")  # not "-brokered": a mediator


class Dyad:
    """The article's main dyad, its dateline's country, and the target of each statement."""

    def __init__(self, article: Article, prose: str, lexicon: Places, mentions: Callable[[str], list[Mention]]) -> None:
        self.text = article.text
        self.prose = prose  # the journalist's words only, quotes blanked
        self.places = lexicon
        self._mentions = mentions
        # `named`: parties named outside the dateline and travel phrases; `lede`: those of headline and lede (a
        # round-up's lede names every dyad it covers)
        self.parties, self.named, self.lede = self._main_dyad(article)
        self.dateline = self._dateline(article.text)

    def _dateline(self, text: str) -> str | None:
        """The country of a dateline ("PARIS — …", "THE HAGUE, Netherlands (Reuters) -"), where a report was filed."""
        m = DATELINE.match(text)
        if not m or not m.group(1).isupper():
            return None
        found = [x for x in self._mentions(m.group(1).title() + " " + (m.group(2) or "")) if not self.places.is_organisation(x.code)]
        return found[-1].code if found else None

    def _main_dyad(self, article: Article) -> tuple[list[str], set[str], set[str]]:
        """The parties the article is about, most named first: the headline counts three times, the lede twice,
        the rest of the journalist's prose once; and, from the same mentions, the parties named as parties, not
        only in the dateline or as a place travelled to ("flown to Luxembourg")."""
        cut = max(article.text.find("\n\n", 200), 400)
        dateline = m.end() if (m := DATELINE.match(self.prose)) else 0
        counts: Counter[str] = Counter()
        named: set[str] = set()
        lede: set[str] = set()
        for text, weight in ((article.title or "", 3), (self.prose[:cut], 2), (self.prose[cut:], 1)):
            for m in self._mentions(text):
                if weight > 1:
                    lede.add(m.code)
                if (weight != 2 or m.start >= dateline) and not _TRAVEL.search(text, max(0, m.start - 20), m.start):
                    named.add(m.code)
                if not (self.places.is_organisation(m.code) and self._forum(text, m)):
                    counts[m.code] += weight  # an organisation as the forum ("takes dispute to UN General Assembly") is no party
        return [code for code, _ in counts.most_common()], named, lede

    def _forum(self, text: str, m: Mention) -> bool:
        """An organisation named as the place of the story, not a party: "at the UN", "to UN General Assembly"."""
        name, after = text[m.start : m.end], text[m.end : m.end + 40]
        organ = any(name == o or after.lstrip().startswith(o) for o in self.places.organs)
        return organ or bool(_FORUM.search(text[max(0, m.start - 20) : m.start]))

    def counterpart(self, code: str | None, at: int | None = None) -> str | None:
        """The other party of the article's main dyad, seen from `code`; for a third party, the country its section
        names most (a round-up's second story: "Algeria … Morocco"), else the dyad's first party (the one the story
        is about: "Iran seizes tanker …", then a US spokeswoman speaks); none for no party."""
        if code is None or len(self.parties) < 2:
            return None
        if code not in self.parties[:2]:
            return self._section_party(code, at) or self.parties[0]  # a third party speaks about the story's first party
        return self.parties[1] if self.parties[0] == code else self.parties[0]

    def _section_party(self, code: str, at: int | None) -> str | None:
        """The country (not `code`, no organisation) named most in the prose from two line breaks before offset `at` up to
        it (a blank line counts as one), when the lede names both: the other side of a round-up's section about a
        dyad outside the main one."""
        if at is None or at <= 0 or self.places.is_organisation(code):
            return None  # an organisation's envoy or spokesperson speaks to the story's parties
        lo = at
        for _ in range(3):
            lo = self.prose.rfind("\n", 0, max(0, lo - 1)) + 1 if lo > 0 else 0
        counts = Counter(m.code for m in self._mentions(self.prose[lo:at]) if m.code != code and not self.places.is_organisation(m.code))
        top = counts.most_common(1)[0][0] if counts else None
        if top in self.parties[:2] or not {code, top} <= self.lede:
            return None  # the section is about the main dyad, or the speaker comments on a story it is no party to
        return top

    def target(self, statement: Statement, speaker_code: str | None) -> tuple[str | None, str | None]:
        """(code, where from) of the party a statement is aimed at: named in it, else the article's counterpart."""
        text = self.text[statement.start : statement.end] if statement.end > statement.start else statement.text
        both = self.places.both_sides.search(text)
        if both and (speaker_code not in self.parties[:2] or _APPEAL.match(text, both.end())):
            return None, "statement"  # "both sides must show restraint"; a party's "both sides agreed" is still aimed at the other
        found = [m for m in self._mentions(text) if m.code != speaker_code and not _VENUE.search(text, 0, m.start)]
        other = self.counterpart(speaker_code, statement.start)
        named = [m.code for m in found if text[m.start : m.end].lower() not in self.places.loose]
        if not named and found and other is None:
            named = [m.code for m in found]  # "Europe" alone, and no counterpart: the loose name it is
        if named:
            # "condemned the U.S.-led strikes on Yemen", "Rwandan-backed rebels": the party leading or backing is aimed at
            behind = [m.code for m in found if _BEHIND.match(text, m.end) and m.code in named]
            return (behind[0] if behind else other if other in named else named[0]), "statement"
        return (other, "article") if other else (None, None)
