"""One sentence splitter and one set of word lists for every stage of extraction."""

import pytest

from quotestance.extraction import extract_quotes, lexicon
from quotestance.extraction.text import first_end_in, last_end_in, sentence_ends, starts_sentence
from quotestance.records import Article


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Voss met Gen. Okafor and J. Smith. They talked. Then Dr. Lee left!"
    ends = sentence_ends(text)
    assert [text[:e].split()[-1] for e in ends] == ["Smith.", "talked.", "left!"][: len(ends)]
    assert len(ends) == 2  # the last end has no sentence after it


def test_window_helpers():
    ends = [10, 20, 30]
    assert last_end_in(ends, 0, 25) == 20 and last_end_in(ends, 20, 25) == 20 and last_end_in(ends, 21, 25) == 21
    assert first_end_in(ends, 10, 40) == 20 and first_end_in(ends, 30, 40) == 40


def test_missing_opening_mark_after_a_title_keeps_the_whole_sentence():
    """The span finder now splits sentences as attribution does: "Mr." is not a sentence end."""
    text = "“We are ready,” Voss said. Talks with Mr. Petrov will resume soon and without conditions,” she added."
    quotes = [q.text for q in extract_quotes(Article("t", text))]
    assert quotes[1] == "Talks with Mr. Petrov will resume soon and without conditions,"


def test_lexicon_lists_refuse_repeats():
    with pytest.raises(ValueError, match="repeats said"):
        lexicon._words("said told said")
    assert "said" in lexicon.REPORTING_VERBS and "minister" in lexicon.TITLE_WORDS and "van" in lexicon.NAME_PARTICLES


def test_an_abbreviated_title_before_a_name_that_opens_the_sentence():
    text = "The storm passed. Gov. Kate Ambrose thanked the crews."
    assert starts_sentence(text, text.index("Kate"))


@pytest.mark.parametrize(
    ("text", "name", "opens"),
    [
        ("It rained. Agency director Tom Hale said so.", "Tom", True),
        ("It rained. Retired teacher Beatrix Holm said so.", "Beatrix", True),
        ("Venezuela’s deputy foreign minister for Latin America, José Rivas, is due.", "Latin", False),
    ],
)
def test_lower_case_titles_before_a_name_open_the_sentence_but_links_do_not(text, name, opens):
    assert starts_sentence(text, text.index(name)) is opens
