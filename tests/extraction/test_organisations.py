"""Organisations by the name the article gives them: "the company said" -> "Apple" (names made up where they could be)."""

import pytest

from quotestance.extraction import extract_statements
from quotestance.extraction.organisations import named_body, organisations
from quotestance.extraction.people import person_names
from quotestance.records import Article


def speakers(text):
    return [(s.kind, s.speaker) for s in extract_statements(Article("t", text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Genentech Inc. said on Monday it had won approval.", "Genentech"),
        ("Members of Apple's board met on Tuesday.", "Apple"),
        ("The doctors belong to a recently formed group Doctors for Camp Closure, which wrote to officials.", "Doctors for Camp Closure"),
        ("The group, called Energy Control, runs a testing service.", "Energy Control"),
        ("Algeria’s Defence Ministry summoned the envoy.", "Algeria’s Defence Ministry"),
        ("A spokesman for the Department of Conservation was at the beach.", "Department of Conservation"),
        ("Vidyard announced updates yesterday. Users of Vidyard welcomed them.", "Vidyard"),
    ],
)
def test_how_prose_introduces_an_organisation(text, name):
    assert name in [o.name for o in organisations(text)]


def test_an_acronym_stands_for_the_full_name_it_spells():
    text = "Customs and Border Protection runs the camps. In August, CBP announced a new policy."
    assert [o.name for o in organisations(text)][-1] == "Customs and Border Protection"


def test_people_weekdays_places_and_titles_are_no_organisations():
    text = "On Monday, Voss said the talks had failed. Monday was quiet. France has agreed. Minister Voss has left."
    assert organisations(text, people={"Anika Voss"}) == []


def test_a_body_named_in_a_title_is_not_the_agency_that_speaks():
    text = "Alex Azar, the Health and Human Services secretary, said they would help."
    assert organisations(text) == []


def test_a_description_takes_the_nearest_organisation_of_its_kind():
    text = "Acme Corp. sued Globex Ltd. on Monday. Russia's foreign ministry declined to comment. Later, "
    orgs = organisations(text)
    assert named_body("the company", len(text), orgs) == "Globex"
    assert named_body("the ministry", len(text), orgs) == "Russia's foreign ministry"
    assert named_body("the department", len(text), orgs) is None  # no department named: the description stands
    assert named_body("the company", 0, orgs) is None  # nothing named before it
    assert named_body("the Russian company", len(text), orgs) is None  # only the bare description


def test_the_company_said_speaks_under_the_companys_name():
    text = (
        "Vidyard announced updates to its video platform yesterday, and shares in Vidyard rose.\n"
        "The company said it had made video easier for beginners.\n"
        "“We are delighted,” the company said."
    )
    assert speakers(text) == [("reported", "Vidyard"), ("reported", "Vidyard"), ("direct", "Vidyard")]


def test_the_agency_said_after_an_acronym_and_the_ministry_after_its_name():
    text = (
        "Customs and Border Protection did not accept the offer. In August, CBP announced it would not vaccinate families.\n"
        "At the time, the agency said in a statement that it chose not to provide the vaccinations.\n"
        "Algeria’s Defence Ministry summoned the ambassador on Monday.\n"
        "“Algeria will not allow its airspace to become a corridor,” the ministry said."
    )
    got = speakers(text)
    assert ("reported", "Customs and Border Protection") in got
    assert got[-1] == ("direct", "Algeria’s Defence Ministry")


def test_without_a_named_organisation_the_description_stands():
    text = "Shares fell sharply on Monday.\n“We are reviewing our options,” the company said."
    assert speakers(text) == [("direct", "the company")]


def test_a_group_introduced_without_a_name_is_not_an_earlier_organisation():
    text = (
        "Hamas said on Monday it had accepted the proposal, a Hamas official told reporters.\n"
        "A group of doctors wrote to the minister.\n"
        "“We implore you to act,” the group said."
    )
    assert speakers(text)[-1] == ("direct", "the group")
    assert speakers(text.replace("A group of doctors", "Doctors"))[-1] == ("direct", "Hamas")


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was $4.1 billion. Analysts said the results were weak. Shares had fallen. Police said it was calm.",
        "Residents said the raids continued. Shares of Brenmoor had fallen.",
        "The Federal Emergency Management Agency sent teams. Officials met in the Oval Office.",
    ],
)
def test_common_nouns_opening_a_sentence_and_rooms_are_no_organisations(text):
    names = [o.name for o in organisations(text)]
    assert not {"Revenue", "Analysts", "Shares", "Police", "Residents", "Shares of Brenmoor", "Oval Office"} & set(names)


def test_names_with_the_a_final_title_word_or_a_metonym_are_bodies():
    text = (
        "The International Atomic Energy Agency sent inspectors. Britain's Ministry of Defence said a ship was shadowed. "
        "The State Department declined to comment. Calloway Holdings Inc. said it would settle."
    )
    names = [o.name for o in organisations(text)]
    assert {"International Atomic Energy Agency", "Britain's Ministry of Defence", "State Department", "Calloway Holdings"} <= set(names)


def test_review_cases_the_nearest_fitting_organisation_and_no_legal_suffix():
    ministry = "Russia's Foreign Ministry said a drone fell. Britain's Ministry of Defence said a ship was shadowed.\nThe ministry said the ship left."
    assert speakers(ministry)[-1] == ("reported", "Britain's Ministry of Defence")
    hamas = "Hamas said on Monday it was studying the text.\nThe group said it would reply within days."
    assert speakers(hamas)[-1] == ("reported", "Hamas")
    suffix = "Nordvik Systems Inc. reported strong demand on Monday.\n“We will begin shipping in May,” the company said."
    assert speakers(suffix) == [("direct", "Nordvik Systems")]
    assert speakers("“We will ship in May,” Brightwater Ltd said.") == [("direct", "Brightwater")]
    bidder = "Marston Ports Ltd said it would sell its terminal. Last week a Chinese company bid for the port.\nThe company said it would invest."
    assert speakers(bidder)[-1] == ("reported", "the company")  # the unnamed bidder, not Marston Ports
    spokesman = (
        "Hezbollah said on Monday it had fired rockets. A spokesman for the group was defiant.\n“It was retaliation,” the group said."
    )
    assert speakers(spokesman)[-1] == ("direct", "Hezbollah")


def test_a_company_word_ends_a_bodys_name_not_a_persons():
    names = [name for _, name, _ in person_names("Dick Clark Productions denied it. Big Machine Records said so.")]
    assert names == []


def test_a_description_with_a_lower_case_modifier_finds_the_body_the_journalist_named():
    text = (
        "Dick Clark Productions denied that it had settled with the music label.\n"
        "“At no time did we agree to a statement with Big Machine Label Group,” the production company said."
    )
    assert [s.speaker for s in extract_statements(Article("t", text)) if s.kind == "direct"] == ["Dick Clark Productions"]


def test_a_bodys_name_in_an_apposition_is_the_subject():
    text = "The company that runs the awards, Dick Clark Productions, denies that anything has been sorted."
    assert [s.speaker for s in extract_statements(Article("t", text))] == ["Dick Clark Productions"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“Our forces struck a depot,” the Israeli military said in a statement.", "the Israeli military"),
        ("“Drones were shot down overnight,” Ukraine's military said on Telegram.", "Ukraine's military"),
        ("The Bank of Ghana raised its key rate.\n\n“Inflation expectations remain elevated,” the central bank said.", "Bank of Ghana"),
        ("The Metropolitan Police said officers were called.\n\n“A man was pronounced dead,” the force said.", "Metropolitan Police"),
        ("“We have made it clear,” Israeli officials said, speaking on condition of anonymity.", "Israeli officials"),
    ],
)
def test_bodies_whose_head_is_a_title_or_a_common_word_speak(text, speaker):
    assert [s for k, s in speakers(text) if k == "direct"] == [speaker]
