"""Reported speech: statements given without quotation marks ("X said that …", "according to X, …").

Sentence by sentence, every communication verb outside quotation marks is a candidate cue. A cue
counts when its subject is a speaker (a person, an institution or capital used as one, or a group
described as one) and it has content. The text is:
- the clause after a clause verb ("said (that) CLAUSE", "told reporters CLAUSE");
- from the verb on for a stance verb ("accused India of …", "urged Tokyo to …"), or for a clause
  verb with a plain object ("announced an 18 percent rise");
- the clause before the attribution in "CLAUSE, X said." and "CLAUSE, according to X.", or after it in
  "According to X, CLAUSE".
A second verb of the same subject ("…, but said …", "…, adding that …") starts a second statement.
Not reported speech: the attribution of a direct quote, cues with no content, thinking verbs (never
cues), documents as subjects. The rules are written down in data/GUIDELINE.md ("Reported speech").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..records import Statement
from .cues import inverted_subject
from .lexicon import (
    CLAUSE_VERBS,
    OBJECT_VERBS,
    STANCE_VERBS,
    SUBJECT_TRAILERS,
    THAT_ONLY_VERBS,
)
from .registry import Registry
from .spans import Span
from .subjects import CLAUSE_BREAK, DATELINE, LEAD_IN, institution_before, sentence_subject, speaker_of, subject_before
from .text import normalise, sentences

CUE_RE = re.compile(  # lower case: "the United States" is no verb
    r"(?<![-’'])\b([Aa]ccording to|made clear|making clear|" + "|".join(sorted(CLAUSE_VERBS | STANCE_VERBS, key=len, reverse=True)) + r")\b"
)
# a second verb of the same subject: "…, but said", "… and warned", "…, adding"
COORDINATED = re.compile(r"(?:,\s*|\s+)(?:(?:and|but|while|yet)\s+(?:also\s+|then\s+|later\s+)?)?$", re.I)
# an absolute construction's own subject before a participle: "…, with Jordan's foreign minister warning of …"
WITH_SUBJECT = re.compile(r",\s+with\s+((?:[\w’'.-]+\s+){0,7}?[\w’'.-]+)\s*$")
QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+((?:[\w’'.-]+\s+){0,8}?[\w’'.-]+)\s+as\s+$")  # "… quoted Gromov as saying"
PARTICIPLES = {"adding", "saying", "arguing", "insisting", "warning", "noting", "stressing", "telling", "complaining", "claiming"}
LOOK_BACK = 600  # characters before a verb that may hold its subject: the work per cue is bounded, extraction stays linear
LOOK_AHEAD = 1500  # the longest reported clause, in characters
THAT_SOON = re.compile(  # "that" within 4 words, or 8 after a preposition: the clause starts after it
    r"^\s*(?:,\s*)?(?:(?:[^\s.;:!?]+\s+){0,4}?|(?:in|on|at|to|during|after)\s+(?:(?:[^\s.;:!?]+|(?:[A-Z]\.)+)\s+){0,7}?)that\s",
    re.I,  # "said on the sidelines of the U.N. General Assembly that …"
)
TOLD_OBJECT = re.compile(
    r"^\s*(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:reporters|journalists|lawmakers|parliament|legislators|delegates|students|supporters|briefing|conference|agency|"
    r"newspaper|broadcaster|radio|television|tv|channel|reuters|afp|ap|[A-Z][\w’'-]+)"
    r"(?:\s+(?:in|at|on|during|after)\s+(?:the\s+|a\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]+)*)?[,:]?\s+",
)
NOT_A_STATEMENT = re.compile(
    r"^(?:in|on|at|as|after|before|during|when|while|from|to|with|without|for|by|outside|inside|whether|if|how|what|why|who|where)\b", re.I
)
# a journalist's comment appended to a reported clause: ", a move that …", ", which …", ", in the latest …"
COMMENT = re.compile(r",\s+(?:which|a move|a decision|a step|as|after|while|in the latest|the first|amid|following)\b", re.I)
QUOTE_NEXT = re.compile(r"\s*(?::|,)?\s*[“\"‘«„]")  # "warned: “…”" — the verb introduces a direct quote
NAMING = re.compile(r"\s+(?!On\b|For\b)[A-Z][\w'-]*[^\W’s](?:\s+[A-Z][\w’'-]+)*\s*(?:[,.;]|\s+and\b|$)")
QUOTE_AFTER_COLON = re.compile(r"[^“\"‘«„.;]{0,100}?:\s*[“\"‘«„]")  # "told reporters after the talks: “…”"
# a determiner or adjective before the word makes it a noun: "recent claims that …", "the calls for …", "his promises"
NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|these|those|such|recent|earlier|new|repeated|similar|any|no)\s+$", re.I)
INFINITIVE = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|be|them|him|us)\b)[a-z]+\b")
AGAINST = re.compile(r"\s+(?:[\w’'.-]+\s+){0,4}?against\s")
PASSIVE = {"been", "was", "were", "is", "are", "be", "being"}
# time and occasion between a verb and its clause: "said on Monday (that) …", "said in a statement to state media that …"
ADVERBIAL = re.compile(
    r"\s*(?:(?:late |early )?on [A-Z]\w+day(?: (?:morning|afternoon|evening|night))?|last (?:week|month|year)|this (?:week|month|year)|"
    r"(?:earlier|later) (?:on|this|in) \w+|in (?:a|an|its|his|her|their|the) (?:[\w’'-]+ ){0,3}?(?:statement|interview|post|speech|letter|"
    r"briefing|message|address|report)(?: (?:to|with|on|from|in) (?:the |a |an )?[\w’'-]+(?: [A-Z][\w’'-]+)*)?|"
    r"at (?:a|an|the|his|her|its|their) (?:[\w’'-]+ ){0,3}?(?:conference|briefing|meeting|summit|event|ceremony|session)(?: in [A-Z]\w+)?)"
    r"(?:,?\s+that\s+|\s+(?=[^\s,]))"  # then "that" or the clause; "said on Tuesday, days after …" ends an attribution
)
THAT_LATE = re.compile(r"[^.;:!?]{0,120}?,\s+that\s")  # "said in its statement, titled „…“, that …"
SECOND_ACTION = re.compile(r"\s+and\s+(?:then\s+)?(?=(?:\w+ed|gave|sent|took|made|met|left|held|told|said|cut|set)\b)")
TRAILING_ATTRIBUTION = re.compile(r",\s+(?:[^,]{1,80}?\s)?(?:said|says|added|adds|told\s[^,]{1,40}|according to\s[^,]{1,60})\s*$", re.I)
END_PUNCT = " \t\n.,;:!?"


@dataclass
class Cue:
    start: int  # offset of the verb
    end: int
    verb: str  # as written ("said", "according to")


class Quoted:
    """The direct quotes' character ranges, sorted and disjoint: how much of a range lies inside quotes, in log time."""

    def __init__(self, spans: list[Span]) -> None:
        self.ranges = [s.outer for s in spans]
        self.ends = [b for _, b in self.ranges]

    def overlap(self, lo: int, hi: int) -> int:
        """How many characters of [lo, hi) lie inside direct quotes."""
        total, k = 0, bisect_right(self.ends, lo)
        while k < len(self.ranges) and self.ranges[k][0] < hi:
            a, b = self.ranges[k]
            total += max(0, min(hi, b) - max(lo, a))
            k += 1
        return total

    def last_close_before(self, lo: int, pos: int) -> int | None:
        """The end of the last quote that closes in [lo, pos], or that is open at lo."""
        k = bisect_right(self.ends, pos) - 1
        if k >= 0 and self.ends[k] >= lo:
            return self.ends[k]
        k += 1
        return self.ends[k] if k < len(self.ranges) and self.ranges[k][0] < lo < self.ends[k] else None


def _content_start(text: str, cue: Cue, lo_word: str) -> int:
    """Where the reported text starts after (or at) the cue."""
    if lo_word in STANCE_VERBS or lo_word in {"cautioned", "cautions"} and AGAINST.match(text, cue.end):
        return cue.start  # "cautioned Chinese banks against helping Russia": a warning, from the verb
    rest = text[cue.end : cue.end + LOOK_AHEAD]
    if lo_word in {"told", "tells", "telling"} and (m := re.match(r"\s*(?:[^\s.;:!?“\"]+\s+){0,9}?that\s", rest)):
        return cue.end + m.end()
    if lo_word in {"told", "tells", "telling", "assured", "assures"} and (m := TOLD_OBJECT.match(rest)) and not THAT_SOON.match(rest):
        rest_start = cue.end + m.end()
    else:
        rest_start = cue.end
    rest = text[rest_start : rest_start + LOOK_AHEAD]
    if m := THAT_SOON.match(rest) or THAT_LATE.match(rest):
        return rest_start + m.end()
    if m := ADVERBIAL.match(rest):
        return rest_start + m.end()
    if lo_word in OBJECT_VERBS:
        return cue.start
    if lo_word in THAT_ONLY_VERBS:
        return -1  # "recalled their ambassadors": not speech without "that"
    m = re.match(r"[\s,:]*", rest)
    return rest_start + m.end()


def _after_dateline(text: str, lo: int, hi: int) -> int:
    """Where a clause that starts at `lo` starts once a dateline ("TROMSØ, Norway — ") is left out."""
    return hi - len(DATELINE.sub("", text[lo:hi]))


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in END_PUNCT:
        lo += 1
    while hi > lo and text[hi - 1] in END_PUNCT:
        hi -= 1
    return lo, hi


@dataclass
class Found:
    start: int
    end: int
    speaker: str
    cue: str


def _attributes_a_quote(text: str, s0: int, cue: Cue, quotes: Quoted) -> bool:
    """The verb closes a direct quote's attribution ("…,” Voss told reporters in Moscow): a quote ends shortly before it."""
    close = quotes.last_close_before(s0, cue.start)
    if close is None:
        return False
    return text[max(0, close - 2)] in ",.!?…" and len(text[close : cue.start].split()) <= 8


def _sentence_items(text: str, s0: int, s1: int, quotes: Quoted, reg: Registry, memory: dict[str, str | None]) -> list[Found]:
    """The reported statements of one sentence. `memory` carries the last group that spoke ("officials") from
    sentence to sentence, which a later "they" refers to ("… officials said. But they have reaffirmed …")."""
    cues = [
        Cue(m.start(), m.end(), m.group(1))
        for m in CUE_RE.finditer(text, s0, s1)
        if not quotes.overlap(m.start(), m.end()) and not NOUN_BEFORE.search(text, max(s0, m.start() - 20), m.start())
    ]
    out: list[Found] = []
    speaker: str | None = None
    for k, cue in enumerate(cues):
        verb = cue.verb.lower()
        nxt = cues[k + 1].start if k + 1 < len(cues) else s1
        if verb == "according to":
            item = _according(text, s0, s1, cue, quotes, reg)
            if item:
                out.append(item)
            continue
        window = text[max(s0, cue.start - LOOK_BACK) : cue.start]
        if window.split()[-1:] and window.split()[-1] in PASSIVE:
            continue  # "had been announced in advance", "was accused of": not a statement of the subject's
        bare = window.split()
        while bare and bare[-1].lower() in SUBJECT_TRAILERS:
            bare.pop()  # "… and has repeatedly warned": the coordination before the auxiliaries
        tail = " " + " ".join(bare).rstrip(" ,")
        coordinated = k > 0 and (
            tail.endswith((" and", " but", " while", " yet", " also")) or verb.endswith("ing") and window.rstrip().endswith(",")
        )
        if coordinated:
            end = window[-200:]
            if out and (cut := COORDINATED.search(end)):
                at = cue.start - len(end) + cut.start()
                if at > out[-1].start:  # "…, but said …": the first statement ends here
                    out[-1].end = min(out[-1].end, at)
        elif k == 0 and (verb.endswith("ing") and window.rstrip().endswith(",") or tail.endswith((" and", " but"))):
            # "Sweden on Tuesday froze …, but said …", "… detained a trawler, accusing its crew of …": the sentence's subject
            speaker = speaker_of(sentence_subject(text[s0 : min(cue.start, s0 + LOOK_BACK)]), cue.start, reg)
        elif verb == "saying" and (source := QUOTED_AS.search(window)) and (speaker := speaker_of(source.group(1), cue.start, reg)):
            pass  # "Interfax quoted Andrei Gromov as saying …": the person quoted speaks, not the agency
        elif verb.endswith("ing"):
            if not (absolute := WITH_SUBJECT.search(window)) or not (speaker := speaker_of(absolute.group(1), cue.start, reg)):
                continue  # only "…, with Jordanian Foreign Minister Ayman Safadi warning of …" names its own subject
            at = cue.start - len(window) + absolute.start()
            if out and out[-1].start < at:
                out[-1].end = min(out[-1].end, at)  # the statement before ends at ", with"
        else:
            subject = subject_before(window, reg)
            if not subject:
                found = _clause_before(text, s0, s1, cue, quotes, reg)
                if found:
                    out.append(found)
                continue
            speaker = speaker_of(subject, cue.start, reg)
            if not speaker and subject.lower() == "they":
                speaker = memory.get("group")
            elif not speaker and subject.lower() == "it":  # "… struck a measured note. Late on Monday it said …"
                speaker = institution_before(text, s0, cue.start, reg)
        if not speaker:
            continue
        lo = _content_start(text, cue, verb)
        if lo > nxt:
            continue  # the clause belongs to the next verb: "said in a statement, adding that …" is one statement
        introduces = QUOTE_NEXT.match(text, cue.end) or (m := QUOTE_AFTER_COLON.match(text, cue.end)) and " that " not in m.group()
        if lo < 0 or introduces or verb in {"calls", "called", "call"} and NAMING.match(text, cue.end):
            continue  # not speech without "that"; a verb that introduces a direct quote; a name ("which China calls Huangyan Dao")
        if (
            lo == cue.start
            and verb in OBJECT_VERBS
            and not INFINITIVE.match(text, cue.end)  # "vowed to defend the island's democracy": a promise, reported
            and (not text[cue.end : s1].strip(END_PUNCT) or NOT_A_STATEMENT.match(text[cue.end : s1].lstrip(" ,")))
        ):
            if found := _clause_before(text, s0, s1, cue, quotes, reg):  # "CLAUSE, the Foreign Office confirmed on Tuesday."
                out.append(found)
            continue
        hi = _content_end(text, lo, nxt, s1)
        second = next((m for m in SECOND_ACTION.finditer(text, lo, hi) if not quotes.overlap(m.start(), m.end())), None)
        if lo == cue.start and second:
            hi = second.start()  # "called the mission a provocation and summoned the ambassador": the second act is not speech
        lo, hi = _trim(text, lo, hi)
        body = text[lo:hi]
        quote_only = body[:1] in '“"‘«„' and quotes.overlap(lo, hi) > 0.6 * (hi - lo)
        if len(body.split()) < 2 or lo > cue.start and (quote_only or NOT_A_STATEMENT.match(body)):
            # no content, the attribution of a direct quote, or an adverbial ("said on Monday"): perhaps "CLAUSE, X said on Monday."
            if not coordinated and (found := _clause_before(text, s0, s1, cue, quotes, reg)):
                out.append(found)
            continue
        if _attributes_a_quote(text, s0, cue, quotes) and lo > cue.start and not re.match(r"\s*that\s", text[cue.end : lo]):
            continue
        out.append(Found(lo, hi, speaker, cue.verb))
        memory["group"] = speaker if speaker[:1].islower() or not reg.find(speaker) and speaker.endswith("s") else None
    if not out:
        memory["group"] = None  # "they" reaches back one sentence that reports speech, not past one that does not
    return out


def _content_end(text: str, lo: int, nxt: int, s1: int) -> int:
    """The end of a reported clause: the sentence end, or before a coordinated second verb or a trailing attribution."""
    s1 = min(s1, lo + LOOK_AHEAD)
    nxt = min(nxt, s1)
    hi = s1
    if nxt < s1:
        window = text[lo:nxt]
        m = COORDINATED.search(window)
        if m and (window.rstrip(" ,").endswith(("and", "but", "while", "yet", "also")) or window.rstrip().endswith(",")):
            hi = lo + m.start()
    if m := re.search(r";\s|:\s*[“\"‘«„]", text[lo:hi]):
        hi = lo + m.start()  # a semicolon, or a colon that opens a direct quote
    if (m := COMMENT.search(text, lo, hi)) and len(text[lo : m.start()].split()) >= 5:
        hi = m.start()
    if m := TRAILING_ATTRIBUTION.search(text[lo:hi].rstrip(END_PUNCT)):
        hi = lo + m.start()
    return hi


_PARTICIPLE_AFTER = re.compile(
    r"^(?:[^,\s]+\s+){0,3}(?:accusing|saying|calling|urging|warning|claiming|insisting|demanding|blaming|adding|noting)\b"
)


def _clause_before(text: str, s0: int, s1: int, cue: Cue, quotes: Quoted, reg: Registry) -> Found | None:
    """ "CLAUSE, X said." or "CLAUSE, said X.": the clause before the attribution."""
    s0, s1 = max(s0, cue.start - LOOK_AHEAD), min(s1, cue.end + LOOK_AHEAD)
    before = text[s0 : cue.start]
    if text[cue.end : s1].lstrip().startswith(":"):
        return None  # "…, Voss also said:" introduces a quote or a list, it closes no clause
    after = text[cue.end : s1].strip(END_PUNCT + '”"’»')
    comma = before.rstrip().rfind(",")
    if comma < 0:
        return None
    if CLAUSE_BREAK.search(" " + before[comma + 1 :] + " ") or len(before[comma + 1 :].split()) > 10:
        return None  # "…, accusations that Tunisia has denied": not "CLAUSE, X said"
    if not before[comma + 1 :].strip() and cue.verb in {"told", "tells"}:
        # "CLAUSE, Algeria's U.N. ambassador, Nadir Belkacem, told the Security Council.": whom he told is no speaker;
        # the subject is the apposition before the verb, and the clause ends before it
        parts = before[:comma].split(",")
        n = 2 if len(parts) > 2 and len(parts[-2].split()) <= 6 else 1
        if len(parts) <= n or len(parts[-1].split()) > 6:
            return None
        apposed, comma = ",".join(parts[-n:]) + ",", len(",".join(parts[:-n]))
        before = before[: comma + 1] + apposed
    subject = before[comma + 1 :].strip() or inverted_subject(after)
    if cue.verb in {"posted", "posts", "tweeted", "wrote", "writes"} and _PARTICIPLE_AFTER.match(after):
        return None  # "Then, last week, Swift posted on Twitter accusing …": the content follows, nothing closes
    told_whom = (  # "…, Cook told Benioff.": the listener alone; not "When the talks collapsed, the minister told parliament nothing"
        cue.verb in {"told", "tells"}
        and len(after.split()) <= 5
        and not re.search(r",|\bthat\b|\bnothing\b", after)
        and not LEAD_IN.match(text[s0 : s0 + comma].lstrip())
    )
    if after and before[comma + 1 :].strip() and not NOT_A_STATEMENT.match(after.lstrip(" ,")) and not after.startswith(","):
        if not told_whom:  # "…, Cook told Benioff." closes the clause with its listener
            return None  # more follows the verb: not a closing attribution ("…, X said on Tuesday, …" is one)
    if not before[comma + 1 :].strip() and len(re.split(r",", after)[0].split()) > 6:
        return None
    speaker = speaker_of(subject_before(subject, reg) if before[comma + 1 :].strip() else subject, cue.start, reg)
    lo, hi = _trim(text, _after_dateline(text, s0, s0 + comma), s0 + comma)
    if not speaker or len(text[lo:hi].split()) < 3 or quotes.overlap(lo, hi) > 0.5 * (hi - lo):
        return None
    return Found(lo, hi, speaker, cue.verb)


def _according(text: str, s0: int, s1: int, cue: Cue, quotes: Quoted, reg: Registry) -> Found | None:
    """ "According to X, CLAUSE" and "CLAUSE, according to X"."""
    s0, s1 = max(s0, cue.start - LOOK_AHEAD), min(s1, cue.end + LOOK_AHEAD)
    if not text[_after_dateline(text, s0, cue.start) : cue.start].strip(' “"‘'):  # at the sentence start ("TOKYO — According to")
        m = re.match(r"\s*([^,]{1,80}),\s*", text[cue.end : s1])
        if not m:
            return None
        speaker = speaker_of(subject_before(m.group(1), reg), cue.start, reg)
        lo, hi = _trim(text, cue.end + m.end(), _content_end(text, cue.end + m.end(), s1, s1))
    else:
        m = re.match(r"\s*([^,.;]{1,80})", text[cue.end : s1])
        if not m:
            return None
        speaker = speaker_of(subject_before(m.group(1), reg), cue.start, reg)
        lo, hi = _trim(text, _after_dateline(text, s0, cue.start), cue.start)
    if not speaker or len(text[lo:hi].split()) < 3 or text[lo] in '“"‘«„' and quotes.overlap(lo, hi) > 0.5 * (hi - lo):
        return None
    return Found(lo, hi, speaker, "according to")


BULLET_INTRO = re.compile(r"\b(said|says|added|argued|explained|insisted|stressed|warned|told\s[^:“\"]{1,40}?)\s*:\s*$")
BULLET = re.compile(r"[-•*–]\s+")


def _bullets(text: str, paras: list[tuple[int, int]], reg: Registry) -> list[tuple[Found, tuple[int, int]]]:
    """ "In the interview, President Obama also said:" and a list: each item is a statement of that speaker."""
    out: list[tuple[Found, tuple[int, int]]] = []
    for k, (p0, p1) in enumerate(paras):
        m = BULLET_INTRO.search(text, p0, p1)
        if not m or not BULLET.match(text, paras[k + 1][0] if k + 1 < len(paras) else p1):
            continue
        subject = subject_before(text[max(p0, m.start() - LOOK_BACK) : m.start()], reg)
        speaker = speaker_of(subject, m.start(), reg) if subject else None
        if not speaker:
            continue
        for b0, b1 in paras[k + 1 :]:
            bullet = BULLET.match(text, b0, b1)
            if not bullet:
                break
            lo, hi = _trim(text, bullet.end(), b1)
            if len(text[lo:hi].split()) >= 3:
                out.append((Found(lo, hi, speaker, m.group(1).split()[0]), (b0, b1)))
    return out


def holder_of(reported: list[Statement], starts: list[int], start: int, end: int) -> Statement | None:
    """The reported statement (of `reported`, in reading order, with their `starts`) that holds text[start:end]:
    the last one starting at or before it, if it reaches its end. A partial quote inside one is its words."""
    k = bisect_right(starts, start)
    return reported[k - 1] if k and end <= reported[k - 1].end else None


def find_reported(
    article_id: str, text: str, spans: list[Span], reg: Registry, paras: list[tuple[int, int]], ends: list[int]
) -> list[Statement]:
    """Every reported statement of an article, in reading order (indices are set by the caller)."""
    quotes = Quoted(spans)
    out = []
    bounds = sentences(text, paras, ends)
    memory: dict[str, str | None] = {}
    items = [(f, s0, s1) for s0, s1 in bounds for f in _sentence_items(text, s0, s1, quotes, reg, memory)]
    items += [(f, p0, p1) for f, (p0, p1) in _bullets(text, paras, reg)]  # a list item is its own context
    for f, s0, s1 in sorted(items, key=lambda x: x[0].start):
        if len(text[f.start : f.end].split()) < 2:
            continue  # cut to nothing by a second verb
        body = normalise(re.sub(r"[“”\"«»„]", "", text[f.start : f.end]))
        context = normalise(text[s0:s1])[:500]
        out.append(Statement(article_id, 0, "reported", body, f.start, f.end, f.speaker, f.cue.lower(), False, context))
    return out
