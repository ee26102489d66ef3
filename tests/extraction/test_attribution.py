"""Span finding and attribution, one behaviour per test."""

import pytest

from quotestance.extraction import extract_quotes, extract_statements
from quotestance.extraction.spans import classify_mark, find_spans
from quotestance.records import Article


def quotes(text):
    return [(q.text, q.speaker, q.cue, q.partial) for q in extract_quotes(Article("t", text))]


@pytest.mark.parametrize("open_, close", [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“")])
def test_every_mark_style(open_, close):
    text = f"Anika Voss, the foreign minister, spoke on Monday. {open_}We are ready to talk,{close} Voss said."
    assert quotes(text) == [("We are ready to talk,", "Anika Voss", "said", False)]


def test_apostrophes_are_not_quote_marks():
    text = "Lee Min-jun said: ‘We don’t accept the Kremlin’s terms, not since the ’90s, and our partners’ patience is gone.’"
    assert quotes(text)[0][0] == "We don’t accept the Kremlin’s terms, not since the ’90s, and our partners’ patience is gone."
    assert classify_mark("don’t", 3) is None and classify_mark("the ’90s", 4) is None


def test_missing_opening_mark_runs_from_paragraph_start():
    text = "Tor Aasheim is the coast guard chief.\n\nWe will not be intimidated by anyone,” Aasheim said."
    assert quotes(text) == [("We will not be intimidated by anyone,", "Tor Aasheim", "said", False)]


def test_quote_over_two_paragraphs_is_merged():
    text = "Anika Voss said: “We will keep talking.\n\n“Nobody gains from escalation,” she added."
    [(t, speaker, _, _)] = quotes(text)
    assert t == "We will keep talking. Nobody gains from escalation," and speaker == "Anika Voss"


def test_unclosed_quote_not_followed_by_reopening_ends_with_paragraph():
    text = "Anika Voss said: “We will keep talking.\n\nThe talks resume on Monday."
    assert quotes(text)[0][0] == "We will keep talking."


def test_endings_and_doubled_period():
    text = "Ivan Petrov said: “We will respond..” He left. “They know why,” Petrov said."
    assert [q[0] for q in quotes(text)] == ["We will respond..", "They know why,"]


def test_partial_quote_and_non_speech():
    text = (
        "Officials met to discuss the “New START” treaty and the so-called “peacekeepers”. Anika Voss called the move "
        "“reckless and dangerous” and left. The “peace” they advertise is a slogan."
    )
    assert quotes(text) == [("reckless and dangerous", "Anika Voss", "called", True)]


def test_nicknames_are_not_speech():
    text = "Norway, often called the “green battery of Europe”, sells power. A trader known in the city as “the Fuel King” was named."
    assert quotes(text) == []


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("“We are ready,” said Anika Voss.", "said"),
        ("“We are ready,” Anika Voss said.", "said"),
        ("“We are ready,” Anika Voss, the foreign minister, said.", "said"),
        ("Anika Voss said: “We are ready.”", "said"),
        ("Anika Voss told reporters: “We are ready.”", "told"),
        ("“We are ready,” according to Anika Voss.", "according to"),
        ("According to Anika Voss, “we are ready.”", "according to"),
        ("Anika Voss warned that “any incursion will be met with force.”", "warned"),
        ("In Berlin, Foreign Minister Anika Voss told a news conference: “We are ready.”", "told"),
    ],
)
def test_attribution_forms(sentence, cue):
    [(_, speaker, got_cue, _)] = quotes(sentence)
    assert speaker == "Anika Voss" and got_cue == cue


def test_pronouns_titles_and_surnames_resolve_to_full_names():
    text = (
        "Sergey Ryabkov, Russia’s deputy foreign minister, met Anika Voss, the German envoy, in Geneva.\n\n"
        "“We are not closing the door,” Ryabkov said.\n\n“Nor are we,” the envoy said.\n\n"
        "“The next round is in May,” she added.\n\n“We will see,” the minister said."
    )
    assert [q[1] for q in quotes(text)] == ["Sergey Ryabkov", "Anika Voss", "Anika Voss", "Sergey Ryabkov"]


def test_unattributed_follow_up_quote_keeps_the_last_speaker():
    text = "“We are ready,” Anika Voss said.\n\n“The offer stands until Friday.”"
    assert [q[1] for q in quotes(text)] == ["Anika Voss", "Anika Voss"]


def test_offsets_point_at_the_quoted_words():
    text = "Anika Voss said: “We are ready.” Then she left."
    [q] = extract_quotes(Article("t", text))
    assert text[q.start : q.end] == "We are ready." and q.index == 0 and q.article_id == "t"
    assert "Anika Voss said" in q.context


def test_spans_of_text_without_quotes():
    assert find_spans("No quotes here, just the Kremlin’s view.") == []


def test_a_ner_pipeline_decides_who_is_a_person():
    """With an `nlp` (a spaCy pipeline), what its NER calls an organisation is no person: a ship that "said" something."""
    import contextlib
    from types import SimpleNamespace

    text = (
        "Teodoro Salcedo, the coast guard spokesman, spoke first. Later, Bright Horizon, the rescue ship, said in a "
        "signal that all was well.\n\n“Both men are stable,” he said."
    )

    class FakeNER:  # the spaCy interface not_people uses: pipe_names, select_pipes, pipe -> docs with ents
        pipe_names = ["ner"]

        def select_pipes(self, enable):
            return contextlib.nullcontext()

        def pipe(self, texts, batch_size=64):
            for t in texts:
                ents = []
                for name, label in (("Teodoro Salcedo", "PERSON"), ("Bright Horizon", "ORG")):
                    if name in t:
                        ents.append(SimpleNamespace(start_char=t.index(name), end_char=t.index(name) + len(name), label_=label))
                yield SimpleNamespace(ents=ents)

    assert [q.speaker for q in extract_quotes(Article("t", text))] == ["Bright Horizon"]  # the rules alone are fooled
    assert [q.speaker for q in extract_quotes(Article("t", text), FakeNER())] == ["Teodoro Salcedo"]


def test_a_speaker_with_an_initial_and_a_later_sentence_end():
    """The cue's subject runs past an initial ("C.") even when a full stop follows later in the sentence."""
    text = "“It’s very much something to worry about,” said C. Eugene Steuerle, a fellow at the Urban Institute. “It is squeezed.”"
    assert {q.speaker for q in extract_quotes(Article(id="a", text=text))} == {"C. Eugene Steuerle"}


def test_a_pull_quote_repeating_the_body_is_one_statement():
    text = (
        "“It is very emotional. Our ancestors tell us the strandings are a sign. We need to listen,” said Hori Parata.\n"
        "‘We need to listen’\n"
        "Harvest rights were recognised in 1998."
    )
    assert [q[0] for q in quotes(text)] == ["It is very emotional. Our ancestors tell us the strandings are a sign. We need to listen,"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Not Munn. “Everybody cares. Somebody needs to say it,” says Munn.", "Munn"),
        ("Enter Stuart R. Kaplan, a graduate of Wharton. “I’m all yours, really,” he tells me.", "Stuart R. Kaplan"),
        ("“They will do a structural analysis of the crack,” National Parks Service spokesperson Bill Line said.", "Bill Line"),
    ],
)
def test_a_capitalised_word_opening_the_sentence_or_an_organisation_is_not_the_speaker(text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


def test_a_description_right_before_the_verb_beats_an_earlier_clause():
    """ "…to all 2,000 US colleges, and when asked, the Facebook founder said, “…”": the founder, not "US"."""
    text = (
        "Facebook founder Mark Zuckerberg gave an interview in 2005.\n"
        "His goal was to expand to all 2,000 US colleges, and when asked what was next the Facebook founder said, "
        "“There doesn’t necessarily have to be more.”"
    )
    assert [q[1] for q in quotes(text)] == ["Mark Zuckerberg"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“He’s amazing. A gift to this community,” one user wrote on the forum.", "one user"),
        ("“It will be on the agenda, like every incident,” a senior ASEAN diplomat said.", "a senior ASEAN diplomat"),
        ("“These deals take years to build,” according to a transcript reviewed by the paper.", None),
    ],
)
def test_a_speaker_nobody_names_is_the_description(text, speaker):
    """GUIDELINE: a speaker given only by a description is recorded as that description; a document is nobody."""
    assert [q[1] for q in quotes(text)] == [speaker]


def test_a_name_in_the_apposition_after_the_quote_is_the_speaker():
    text = (
        "Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April.\n"
        "“The drug was in her system, and she had taken eight,” her mother, Fiona, said in a statement.\n"
        "She added: “They never stood a chance of saving her.”\n"
        "Fiona Parry issued a plea for people to stay away from the pills."
    )
    assert [q[1] for q in quotes(text)] == ["Fiona Parry", "Fiona Parry"]


def test_instructed_is_a_reporting_verb():
    assert [q[1] for q in quotes("“Don’t get nervous,” instructed Milton Velez, the district supervisor.")] == ["Milton Velez"]


def test_it_said_is_the_institution_the_last_sentence_opened_with():
    text = (
        "Police are investigating the sale of the pills.\n"
        "The Food Standards Agency warned people to stay away from slimming products that contained DNP.\n"
        "“We advise the public not to take any tablets containing DNP,” it said in a statement."
    )
    assert [q[1] for q in quotes(text)] == ["the Food Standards Agency"]


def test_a_fuller_form_of_a_name_seen_first_in_part_becomes_the_name():
    text = (
        "- Kauri (Te Kaurinui Robert) Parata carves a design at home.\n"
        "Parata and his son, Te Kaurinui Robert Parata, were called in to assist.\n"
        "“We are not foreigners in this land,” says Te Kaurinui."
    )
    assert [q[1] for q in quotes(text)] == ["Te Kaurinui Robert Parata"]


@pytest.mark.parametrize(
    "text, speakers",
    [
        ("“We will appeal,” said Smith. The case, Smith vs. Jones, was heard on Monday. “It is over,” Jones said.", ["Smith", "Jones"]),
        ("“We found him,” said Det. Insp. Mark Evans.", ["Mark Evans"]),
        ("“The results are promising,” said George Church, a geneticist.", ["George Church"]),
        ("“The archives are open,” said Robert Service, a historian.", ["Robert Service"]),
        ("“We will not back down,” the minister, speaking in Geneva, said.", [None]),
        ("Sales rose 5% in the quarter at the firm. “We are pleased with the quarter,” it said.", [None]),
    ],
)
def test_names_with_abbreviations_surnames_that_are_words_and_what_is_no_speaker(text, speakers):
    assert [q[1] for q in quotes(text)] == speakers


def test_a_statement_released_on_a_day_is_a_document_not_a_speaker():
    assert [q[1] for q in quotes("“We will respond to this provocation,” a statement released Monday said.")] == [None]


def test_a_surname_takes_the_full_name_the_headline_gives():
    text = "In a letter to the board, Jobs said he “always said I would be the first to let you know.”"
    found = extract_quotes(Article("t", text, title="Apple says Steve Jobs resigning as CEO"))
    assert [q.speaker for q in found] == ["Steve Jobs"]
    assert [q.speaker for q in extract_quotes(Article("t", text))] == ["Jobs"]  # no headline, no full name


def test_a_speaker_named_in_the_next_sentence_owns_the_quote():
    text = (
        "Officials met on Monday.\n“We will not back down.” The warning came from Defence Minister Ana Lucía Restrepo "
        "Gómez, who spoke in Bogotá.\n“It is over,” Restrepo said."
    )
    got = [(s.speaker, s.cue) for s in extract_quotes(Article("t", text))]
    assert got == [("Ana Lucía Restrepo Gómez", "came from"), ("Ana Lucía Restrepo Gómez", "said")]


def test_an_interview_label_names_the_speaker_but_a_sign_does_not():
    text = "Joe Biden spoke to reporters.\nQ: Will you meet Putin?\nBiden: “Not now, we are not ready.”"
    assert [s.speaker for s in extract_quotes(Article("t", text))] == ["Joe Biden"]
    for label in ("Update", "BREAKING", "Moscow", "The Daily Mail", "Warning"):  # labels that are nobody
        text = f"Storms hit Florida.\n{label}: “All flights out of Miami are cancelled until further notice.”"
        assert [s.speaker for s in extract_quotes(Article("t", text))] == [None], label
    text = "Crowds gathered.\nThe sign read: “No entry for anyone at all.”"
    assert [s.speaker for s in extract_quotes(Article("t", text))] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Iran issued a warning. “We will close the Strait of Hormuz if we are attacked.” The response came from Washington within hours.",
        "Neighbours heard shouting. “Please help me, he has a gun.” The call came from a house on Elm Street, police said.",
    ],
)
def test_came_from_a_place_or_a_thing_names_no_speaker(text):
    assert [s.speaker for s in extract_quotes(Article("t", text))] == [None]


def test_a_live_blogs_next_post_does_not_inherit_the_last_speaker():
    text = "14:05: “We have lost contact with the aircraft,” the airline said.\n14:20: “Search teams are on their way to the area.”\n"
    got = [(s.text, s.speaker) for s in extract_statements(Article("t", text)) if s.kind == "direct"]
    assert got == [("We have lost contact with the aircraft,", "the airline"), ("Search teams are on their way to the area.", None)]
    same_post = "Voss spoke on Monday. “We will go,” Voss said.\n“And we will stay there.”"
    assert [s.speaker for s in extract_statements(Article("t", same_post))] == ["Voss", "Voss"]


def test_a_quote_said_again_word_for_word_is_one_statement_the_body_one():
    text = (
        '"You are going to see things that Stadia can do that no platform can," says Jack Buser, director for games.\n'
        "Google's streaming service launched on Tuesday.\n"
        "“Since 2008, there has not been a single year of revenue gain in the industry.”\n"
        '"Stadia is a cloud platform," Jack Buser said. "You are going to see things that Stadia can do that no platform can."\n'
        "“Since 2008, there has not been a single year of revenue gain in the industry,” says analyst Ken Doctor."
    )
    got = [(s.text, s.speaker) for s in extract_statements(Article("t", text)) if s.kind == "direct"]
    assert got == [
        ("Stadia is a cloud platform,", "Jack Buser"),
        ("You are going to see things that Stadia can do that no platform can.", "Jack Buser"),
        ("Since 2008, there has not been a single year of revenue gain in the industry,", "Ken Doctor"),
    ]


@pytest.mark.parametrize("title", ["spokesman", "deputy spokesman", "spokeswoman", "coach", "police spokesman Sgt.", "union leader"])
def test_a_lower_case_title_glued_to_the_name_after_a_quote(title):
    text = f"The Kremlin said the decision was for the courts. “This is a technical question,” {title} Kirill Zhdanov told reporters."
    assert quotes(text)[0][1] == "Kirill Zhdanov"


def test_a_clause_before_the_verb_is_no_glued_title():
    text = "Gordon Sondland spoke. Sondland said “he was in charge of Ukraine” despite being the U.S. envoy in Brussels, said Fiona Hill."
    assert all(q[1] != "S." for q in quotes(text))


def test_a_paragraph_ending_with_a_colon_attributes_the_quote_that_opens_the_next():
    text = (
        "Nurlan Zhaksybekov spoke first.\n\n"
        "Aigerim Dzhumabayeva, the minister, said it was fine.\n\n"
        "Asked about the route, Zhaksybekov said:\n\n"
        "“The Middle Corridor is not a replacement for CPC. It is insurance.\n\n"
        "“Any responsible government diversifies.”"
    )
    assert [q[1] for q in quotes(text)] == ["Nurlan Zhaksybekov"]


def test_a_quote_whose_sentence_goes_on_before_the_inverted_cue():
    text = (
        "Two people briefed on the talks said the deal was close.\n"
        '"The president wants the option of a bigger deal. Bigger than just the little deal" announced in October, '
        "said Derek Scissors, a China scholar in Washington."
    )
    assert quotes(text)[0][1] == "Derek Scissors"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“We have seen no sign of a withdrawal,” U.S. officials told reporters.", "U.S. officials"),
        ("“The government has not met its burden,” U.S. District Judge Carla Benítez wrote.", "Carla Benítez"),
        ("“We are running out of food,” said Dana Whitlock, the U.N.'s humanitarian coordinator for Sudan.", "Dana Whitlock"),
        ("“It was magic,” J.K. Rowling said.", "J.K. Rowling"),
    ],
)
def test_initials_and_an_abbreviations_possessive(text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Two people familiar with the negotiations said: “There is a deal on the table.”", "two people familiar with the negotiations"),
        ("“The deal is done,” two people familiar with the negotiations told Reuters.", "two people familiar with the negotiations"),
        ("“The fire spread very quickly,” firefighters said.", "firefighters"),
    ],
)
def test_counted_and_plain_groups_speak_as_written(text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


def test_quoted_as_saying_before_a_direct_quote():
    text = "The Interfax news agency quoted Deputy Foreign Minister Grigory Lavrin as saying: “We see no grounds for optimism.”"
    assert [q[1] for q in quotes(text)] == ["Grigory Lavrin"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The Israeli army said it struck targets.\n\n“The strikes targeted Hezbollah,” the army said in a statement.", "the Israeli army"),
        ("U.S. officials said the drone was shot down.\n\n“This was an unprovoked act,” the officials said.", "U.S. officials"),
        ("Mercy General Hospital said three were critical.\n\n“Our teams are working,” the hospital said.", "Mercy General Hospital"),
        ("“We expect to raise $40 million,” company co-founder Mira Sandoval said.", "Mira Sandoval"),
        (
            "Dr Helen Osei said: “We see the same patients.”\n\nThe practice manager, Sanjay Patel, warned of delays. “The system is broken,” he said.",
            "Sanjay Patel",
        ),
    ],
)
def test_bare_descriptions_and_appositions_find_who_was_named_just_before(text, speaker):
    assert quotes(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Thandiwe Mokoena, a spokeswoman for the South African Police Service, said: “The suspects were arrested.”", "Thandiwe Mokoena"),
        ("“These allegations are without merit,” Meridian Health Partners said in a statement.", "Meridian Health Partners"),
        (
            "The attack was “a direct attack on press freedom,” according to the Committee to Protect Journalists.",
            "the Committee to Protect Journalists",
        ),
        (
            "A U.S. official said sanctions were coming.\n\n“All options are on the table,” said the official, who spoke on condition of anonymity.",
            "a U.S. official",
        ),
    ],
)
def test_bodies_named_with_service_partners_or_to_and_a_dotted_description(text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Striker Jonas Lindqvist has been linked with a move to Italy.\n\n“I'm happy here,” the 24-year-old said after the match.",
        "Jonas Lindqvist won in straight sets.\n\n“I'm happy here,” the Dane said.",
    ],
)
def test_an_age_or_a_nationality_refers_to_the_person_the_story_is_about(text):
    assert [q[1] for q in quotes(text)] == ["Jonas Lindqvist"]


def test_an_age_refers_to_the_stories_protagonist_not_the_last_name():
    text = (
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as manager.\n"
        "Pochettino was sacked last night after five years in charge.\n"
        'The 56-year-old said after his appointment: "I am excited to be joining a club with such a great heritage."'
    )
    assert [q[1] for q in quotes(text)] == ["Jose Mourinho"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“It's like a war zone out there.” So said Ricky Dunn, a tow-truck driver.", "Ricky Dunn"),
        ("“I thought it was the end of the world.”\n\nThat is how Maryam Haidari, 67, remembers the night.", "Maryam Haidari"),
    ],
)
def test_a_speaker_named_in_the_sentence_after_so_said_or_that_is_how(text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("As one farmer put it: “The rain comes when it wants.”", "one farmer"),
        ("As Finance Minister Olusegun Adeyemi put it on Tuesday, “There is no free petrol.”", "Olusegun Adeyemi"),
        ("The mood was grim. Said Donna Kaye, a machinist for 23 years: “They could have warned us.”", "Donna Kaye"),
        ("“We will talk,” Said Jalili said.", "Said Jalili"),
    ],
)
def test_as_x_put_it_and_a_sentence_opening_said(text, speaker):
    assert [q[1] for q in quotes(text)] == [speaker]


def test_two_leaders_with_long_titles_speak_jointly():
    text = (
        "“We condemn this attack,” Australian Prime Minister Grace Holloway and New Zealand Prime Minister "
        "Tane Parata said in a joint statement."
    )
    assert [q[1] for q in quotes(text)] == ["Grace Holloway and Tane Parata"]


def test_the_lawyer_is_the_person_described_as_a_lawyer():
    text = "Maria Esposito, a lawyer for the family, said they would sue.\n\n“The city knew this,” the lawyer said."
    assert [q[1] for q in quotes(text)] == ["Maria Esposito"]
