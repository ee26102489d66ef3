"""Cleaning: page furniture dropped, story lines kept (patterns from data/real_news)."""

import pytest

from quotestance.extraction import extract_statements
from quotestance.extraction.cleaning import clean_text, without_headline
from quotestance.records import Article


@pytest.mark.parametrize(
    ("text", "title", "kept"),
    [
        (
            "Obama admits gun laws are his 'biggest frustration'\nPresident Barack Obama has said…",
            "Obama admits gun laws are his ‘biggest frustration’ - BBC News",
            False,
        ),
        (
            "Obama admits gun laws are his 'biggest frustration'\nPresident Barack Obama has said…",
            "Obama admits gun laws are his 'biggest frustration'",
            False,
        ),
        (
            "Obama admits\nPresident Barack Obama has said…",
            "Obama admits gun laws are his 'biggest frustration'",
            True,
        ),  # a short prefix only
        ("“We are ready,” Voss said.\nMore text.", None, True),
    ],
)
def test_a_first_line_repeating_the_headline_is_dropped(text, title, kept):
    out = without_headline(text, title)
    assert (out == text) is kept and out.endswith(text.split("\n")[-1])


def test_section_headings_that_are_a_quoted_phrase_and_see_more_lines_are_dropped():
    text = (
        '3. "Not some irregular channel"\n'
        "Volker disputed the notion. “My role was not some irregular channel,” he said.\n"
        "“U.S.-controlled bandit formations”\n"
        "SEE MORE: Hong Kong protests: students under siege\n"
        "“We will not back down.”\n"
    )
    assert clean_text(text).split("\n") == [
        "Volker disputed the notion. “My role was not some irregular channel,” he said.",
        "“We will not back down.”",
    ]


def test_clean_text_keeps_story_lines():
    text = "Read more carefully, he said.\nREAD MORE: other story\nShare this story"
    assert clean_text(text) == "Read more carefully, he said."


def test_teasers_after_an_end_of_article_heading_are_cut():
    body = "“We will not back down,” the minister said.\n\n" + "The talks resume on Monday in Geneva.\n\n" * 5
    tail = "You Might Also Like\nFeatured Slide Shows\n“One girl can be silenced” slideshow A photo contest winner"
    cleaned = clean_text(body + tail)
    assert "We will not back down" in cleaned and "slideshow" not in cleaned and "Also Like" not in cleaned
    early = "Comments\n" + body  # the heading in the first half: not the end of the article
    assert clean_text(early).count("talks resume") == 5


@pytest.mark.parametrize(
    "line",
    [
        "In this photo dated Tuesday, Nov. 29, the rocket is installed on a launch pad, the agency said.",
        "The cargo ship broke up, the agency said.(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)",
    ],
)
def test_gallery_slides_and_photo_captions_are_dropped(line):
    assert clean_text(f"The story begins here.\n{line}\nIt ends here.") == "The story begins here.\nIt ends here."


def test_teasers_before_the_article_are_dropped_when_the_page_opens_with_its_lede():
    lede = "An unmanned Russian cargo spaceship heading to the space station broke up over Siberia on Thursday, the agency said."
    text = f"{lede} It said most debris burnt up.\nA designer said he would not dress the first lady.\nMOSCOW (AP) — {lede}\nMore text."
    assert clean_text(text) == f"MOSCOW (AP) — {lede}\nMore text."
    assert clean_text(f"{lede}\nMore text.") == f"{lede}\nMore text."  # a lede said once stays


def test_a_bracketed_promotion_line_is_dropped():
    text = "The story begins here.\n[What you need to know to start the day: Get New York Today in your inbox.]\nIt ends here."
    assert clean_text(text) == "The story begins here.\nIt ends here."


@pytest.mark.parametrize(
    "line",
    [
        "In a photo posted on X on Tuesday, the minister was seen shaking hands with the envoy.",
        "In one image, soldiers can be seen dragging a man from a car.",
        "This picture of a divided country is misleading, Voss said.",
        "In his image-conscious campaign, the candidate rarely smiled.",
        "Voss said the crowd numbered 3,000 (a police photo suggested far fewer).",
        "[The ministry later said the figure was 40, not 400.]",
        "- 9/11 families said they were angry about the deal.",
    ],
)
def test_story_lines_that_look_like_furniture_stay(line):
    assert clean_text(f"The story begins here.\n{line}\nIt ends here.") == f"The story begins here.\n{line}\nIt ends here."


def test_a_gallery_is_three_or_more_slides_of_the_same_total():
    slides = "\n".join(f"- {k}/50 Slide number {k} of the business gallery." for k in range(1, 4))
    assert clean_text(f"The story begins here.\n{slides}\nIt ends here.") == "The story begins here.\nIt ends here."


def test_a_story_line_opening_with_more_is_kept():
    text = "Floods hit the coast again.\nMore – and deadlier – storms are coming, the weather agency warned.\nMore: Storm live blog"
    assert clean_text(text).split("\n") == text.split("\n")[:2]


def test_doubled_single_marks_of_wire_copy_are_double_marks():
    text = clean_text("‘‘It was an attempt to mislead voters,’’ Will Moy told the BBC. ‘‘That is wrong.’’")
    assert text == "“It was an attempt to mislead voters,” Will Moy told the BBC. “That is wrong.”"
    article = Article("t", text)
    assert [(s.text, s.speaker) for s in extract_statements(article) if s.kind == "direct"][0] == (
        "It was an attempt to mislead voters,",
        "Will Moy",
    )


def test_british_nested_closing_marks_stay_single():
    text = "‘We will not accept what they call ‘reform’’, the union leader Mick Lynch said. ‘It is a cut by another name.’"
    assert clean_text(text) == text
    assert clean_text("‘‘He called it ‘a disgrace’’’ Moy said.") == "“He called it ‘a disgrace’” Moy said."


def test_numbered_section_headings_go_but_numbered_lists_stay():
    text = "He warned.\n2. Never urged Ukraine to investigate Joe Biden\n“At no time was I aware,” he said.\n3. Questioning the judgment\nMore."
    assert clean_text(text) == "He warned.\n“At no time was I aware,” he said.\nMore."
    demands = "The demands:\n1. Withdraw all troops\n2. Release the prisoners\nEnd."
    assert clean_text(demands) == demands


def test_a_hard_wrapped_number_is_no_heading():
    text = "The bill passed by 312 votes to\n48. Labour MP Diane Abbott said the vote was a dark day\nfor the country."
    assert clean_text(text) == text
