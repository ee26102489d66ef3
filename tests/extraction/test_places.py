"""The places lexicon: names, demonyms, capitals, metonyms and organisations to codes; ambiguous names only with context."""

import re

import pytest

from quotestance.extraction.places import places


def codes(text, context=None):
    return [m.code for m in places().mentions(text, context=context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian Deputy Foreign Minister Sergey Ryabkov", ["RUS"]),
        ("China’s foreign ministry spokesman", ["CHN"]),
        ("the Kremlin and the White House", ["RUS", "USA"]),
        ("Downing Street and the Quai d'Orsay", ["GBR", "FRA"]),
        ("Brussels said", ["EU"]),
        ("NATO Secretary General and the IAEA chief", ["NATO", "IAEA"]),
        ("a UN spokesperson", ["UN"]),
        ("the U.S. and South Korea", ["USA", "KOR"]),
        ("Nigeria and Niamey", ["NGA", "NER"]),
        ("Papua New Guinea and South Sudan", ["PNG", "SSD"]),
    ],
)
def test_names_resolve_to_codes(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", ["the South China Sea", "the Indian Ocean", "Latin American leaders", "the Niger Delta", "New Mexico"])
def test_names_that_are_not_countries(text):
    assert codes(text) == []


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Georgia", "Georgia said so.", []),
        ("Georgia", "Georgia said so in Tbilisi.", ["GEO"]),
        ("Georgia", "Georgia's governor spoke in Atlanta.", ["USA"]),
        ("Congo", "Congo said so.", []),
        ("Congo", "Congo said so in Kinshasa.", ["COD"]),
        ("Congo", "Congo said so in Brazzaville.", ["COG"]),
        ("Niger", "Niger said so.", []),
        ("Niger", "Niger's junta spoke in Niamey.", ["NER"]),
        ("Korea", "Korea said so.", []),
        ("Korea", "Korea said so, according to Pyongyang's news agency.", ["PRK"]),
    ],
)
def test_ambiguous_names_need_context(name, context, expected):
    assert codes(name, context=context) == expected


def test_canonical_names_and_whole_names():
    p = places()
    assert p.name("RUS") == "Russia" and p.name("KOR") == "South Korea" and p.name("XKX") == "Kosovo" and p.name("EU") == "EU"
    assert p.code_of("European Union") == "EU" and p.code_of("United Nations") == "UN" and p.code_of("Arab League") == "Arab League"
    assert p.code_of("domestic") is None and p.code_of("Russia") == "RUS" and p.code_of("Georgia") is None


def test_the_prefix_tree_pattern_matches_the_longest_name_and_whole_words_only():
    from quotestance.extraction.places import _trie

    pattern = re.compile(r"(?<!\w)" + _trie(["Niger", "Nigeria", "Nice", "New Zealand", "New"]) + r"(?!\w)")
    text = "Niger and Nigeria met in Nice; New Zealand and New York; Nigerian officials"
    assert [m.group() for m in pattern.finditer(text)] == ["Niger", "Nigeria", "Nice", "New Zealand", "New"]


def test_a_region_is_no_party_and_hides_the_place_inside_its_name():
    lexicon = places()
    assert lexicon.code_of("New Jersey") is None and lexicon.code_of("Texas") is None
    assert [m.code for m in lexicon.mentions("Voters in New Jersey, Northern Ireland and Jersey")] == [
        "GBR",
        "JEY",
    ]  # a known name keeps its code
    assert "Texas" in lexicon.regions


def test_the_un_nuclear_watchdog_is_the_iaea():
    assert places().code_of("U.N. nuclear watchdog") == "IAEA"
