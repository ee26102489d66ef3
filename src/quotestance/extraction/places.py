"""Countries and organisations as news text names them: "Russian", "Moscow", "the Kremlin", "NATO".

Country names and ISO 3166 alpha-3 codes come from pycountry; demonyms, capitals, metonyms,
organisations and ambiguous names come from the data file `places.toml` beside this module, so that
teaching quotestance a name is an edit of data, not of code. An ambiguous name ("Georgia", "Congo",
"Niger") gets a code only when the article holds one of its context words; otherwise none, never a guess.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Mention:
    """A country or organisation named in a text: where, and which (its code)."""

    start: int
    end: int
    code: str


def _trie(words: list[str]) -> str:
    """A regular expression matching any of `words`, longest first, as a prefix tree ("Niger|Nigeria" ->
    "Niger(?:ia)?"): Python's `re` tries alternatives one by one, so a flat list of names is slow on long texts."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return walk(tree)


class Places:
    """The lexicon, compiled once: names to codes, codes to canonical short names."""

    def __init__(self, lexicon: dict) -> None:
        import pycountry

        short = lexicon["short"]
        self.names: dict[str, str] = {}  # code -> canonical short name
        alias: dict[str, str] = {}  # surface form -> code ("" blocks a name that is not a place)
        for c in pycountry.countries:
            self.names[c.alpha_3] = short.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
            for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if name and "," not in name and "(" not in name:
                    alias[name] = c.alpha_3
        for code, name in short.items():
            self.names.setdefault(code, name)
            alias[name] = code
        for code, words in lexicon["words"].items():
            alias.update(dict.fromkeys(words, code))
        self.organisations = set(lexicon["organisations"])
        for code, words in lexicon["organisations"].items():
            self.names[code] = code
            alias.update(dict.fromkeys(words, code))
        self.not_places = frozenset(lexicon["not_places"]["names"])  # seas, continents, regions: places, no party
        alias.update(dict.fromkeys(self.not_places, ""))
        # region -> its country's code ("" when claimed by several): no mention of its own, and "New Jersey" is none of Jersey
        self.regions = {name: "" if code == "unknown" else code for code, names in lexicon["regions"].items() for name in names}
        alias.update({name: "" for name in self.regions if name not in alias})
        self._region_pattern = re.compile(r"(?<![\w’'-])(?:" + _trie(list(self.regions)) + r")(?![\w-])")
        self.ambiguous: dict[str, list[tuple[str, list[str]]]] = {name: list(rules.items()) for name, rules in lexicon["ambiguous"].items()}
        for name in self.ambiguous:
            alias[name] = "?"
        self.alias = alias
        self.state_roles = frozenset(lexicon["roles"]["state"])
        self.not_state = frozenset(lexicon["roles"]["not_state"])
        self.institutions = frozenset(lexicon["roles"]["institutions"])
        self.person_roles = frozenset(lexicon["roles"]["people"])
        self.organs = tuple(lexicon["forums"]["organs"])
        self.loose = frozenset(n.lower() for n in lexicon["loose"]["names"])
        self.both_sides = re.compile(r"\b(?:" + "|".join(map(re.escape, lexicon["both_sides"]["phrases"])) + r")\b", re.I)
        # one trie-shaped pattern (longest name first by construction): each position costs a walk down shared
        # prefixes, not a try of ~1,000 names
        # "U.S.-led", "Iran-backed": a party leading or backing is named (not "Guinea-Bissau" nor "Anglo-French")
        self._pattern = re.compile(r"(?<![\w’'-])" + _trie(list(alias)) + r"(?![\w]|-(?!" + BEHIND + r")|’s\w|'s\w)")

    def name(self, code: str | None) -> str | None:
        """The canonical short name of a code ("RUS" -> "Russia", "EU" -> "EU")."""
        return None if code is None else self.names.get(code)

    def region_country(self, text: str) -> str | None:
        """The country of the first region named in `text` ("Texas Gov." -> "USA"), else None."""
        m = self._region_pattern.search(text)
        return self.regions[m.group()] or None if m else None

    def is_organisation(self, code: str | None) -> bool:
        return code in self.organisations

    def mentions(self, text: str, context: str | None = None) -> list[Mention]:
        """Every country or organisation named in text, in order. Ambiguous names are resolved with
        `context` (the whole article; `text` itself when not given), or dropped."""
        out = []
        for m in self._pattern.finditer(text):
            code = self.alias[m.group()]
            if code == "?":
                code = self.disambiguate(m.group(), context if context is not None else text)
            if code:
                out.append(Mention(m.start(), m.end(), code))
        return out

    def disambiguate(self, name: str, context: str) -> str | None:
        """The code of an ambiguous name in this article, or None when its context does not say."""
        for code, words in self.ambiguous[name]:
            if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", context) for w in words):
                return code
        return None

    def code_of(self, name: str | None, context: str = "") -> str | None:
        """The code a whole name stands for ("European Union", "Russia", "domestic" -> None)."""
        if not name:
            return None
        if name in self.names:
            return name
        found = self.mentions(name, context=context or name)
        return found[0].code if found and found[0].end - found[0].start == len(name.strip()) else None


BEHIND = r"(?:led|backed|sponsored|funded|supported|armed|brokered|allied|aligned|based)\b"  # after a hyphen


@cache
def places() -> Places:
    """The lexicon of `places.toml`, loaded once per process."""
    with resources.files(__package__).joinpath("places.toml").open("rb") as f:
        return Places(tomllib.load(f))
