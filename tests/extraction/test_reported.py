"""Reported speech: one behaviour per test, the patterns of data/GUIDELINE.md ("Reported speech")."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotestance.extraction import extract_statements
from quotestance.records import Article

INTRO = "Anika Voss, Germany’s foreign minister, arrived in Warsaw on Monday. "


def reported(text, intro=INTRO):
    return [(s.text, s.speaker, s.cue) for s in extract_statements(Article("t", intro + text)) if s.kind == "reported"]


@pytest.mark.parametrize(
    "sentence, text, cue",
    [
        ("Voss said that Berlin was ready to resume talks.", "Berlin was ready to resume talks", "said"),
        ("Voss said Berlin was ready to resume talks.", "Berlin was ready to resume talks", "said"),
        ("Voss told reporters that Berlin was ready to resume talks.", "Berlin was ready to resume talks", "told"),
        ("Voss told the newspaper Die Welt that Berlin was ready to resume talks.", "Berlin was ready to resume talks", "told"),
        ("Berlin is ready to resume talks, Voss said.", "Berlin is ready to resume talks", "said"),
        ("Berlin is ready to resume talks, Voss said on Tuesday.", "Berlin is ready to resume talks", "said"),
        ("Berlin is ready to resume talks, said Voss.", "Berlin is ready to resume talks", "said"),
        ("Voss insisted that the sanctions would stay in place.", "the sanctions would stay in place", "insisted"),
        ("Voss vowed that Germany would defend its allies.", "Germany would defend its allies", "vowed"),
    ],
)
def test_clause_verbs_give_the_clause(sentence, text, cue):
    assert reported(sentence) == [(text, "Anika Voss", cue)]


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Voss accused Moscow of dragging its feet on data sharing.", "accused Moscow of dragging its feet on data sharing"),
        ("Voss urged Warsaw to reopen the border crossings.", "urged Warsaw to reopen the border crossings"),
        ("Voss called on both sides to show restraint.", "called on both sides to show restraint"),
        ("Voss warned Minsk against any further provocation.", "warned Minsk against any further provocation"),
        ("Voss welcomed Poland’s decision to release the crew.", "welcomed Poland’s decision to release the crew"),
        ("Voss condemned the attack on the border post.", "condemned the attack on the border post"),
        ("Voss rejected the claims of a secret deal.", "rejected the claims of a secret deal"),
        ("Voss denied that Berlin had been consulted.", "denied that Berlin had been consulted"),
    ],
)
def test_stance_verbs_keep_the_verb(sentence, text):
    [(got, speaker, _)] = reported(sentence)
    assert (got, speaker) == (text, "Anika Voss")


def test_according_to_before_and_after():
    assert reported("According to Voss, the talks will resume in June.") == [
        ("the talks will resume in June", "Anika Voss", "according to")
    ]
    assert reported("The talks will resume in June, according to Voss.") == [
        ("The talks will resume in June", "Anika Voss", "according to")
    ]


@pytest.mark.parametrize(
    "subject", ["Moscow", "the Kremlin", "the Foreign Ministry", "Russia’s foreign ministry", "the White House", "Beijing"]
)
def test_institutions_and_metonyms_speak_under_their_surface_form(subject):
    assert reported(f"{subject} said the exercise was purely defensive.") == [("the exercise was purely defensive", subject, "said")]


def test_pronouns_titles_and_surnames_resolve_to_the_full_name():
    assert reported("She said Berlin was ready.")[0][1] == "Anika Voss"
    assert reported("The minister said Berlin was ready.")[0][1] == "Anika Voss"
    assert reported("Voss said Berlin was ready.")[0][1] == "Anika Voss"


def test_two_verbs_give_two_statements():
    got = reported("Voss accused Moscow of stalling, but said Berlin was still ready to talk.")
    assert got == [("accused Moscow of stalling", "Anika Voss", "accused"), ("Berlin was still ready to talk", "Anika Voss", "said")]
    got = reported("Voss said the border would stay open, adding that trucks would be checked.")
    assert [t for t, _, _ in got] == ["the border would stay open", "trucks would be checked"]


@pytest.mark.parametrize(
    "sentence, cue",
    [
        (
            "“We are ready,” Voss, who leads the German delegation at the talks in Warsaw, said in a statement, adding that Berlin had no lessons to receive from Moscow.",
            "adding",
        ),
        ("Germany will stay away, Voss said on Monday, complaining that Berlin had no lessons to receive from Moscow.", "complaining"),
    ],
)
def test_a_clause_after_a_second_verb_is_one_statement_not_two(sentence, cue):
    assert [(t, c) for t, _, c in reported(sentence) if "lessons" in t] == [("Berlin had no lessons to receive from Moscow", cue)]


def test_a_partial_quote_inside_reported_speech_gives_both_and_is_linked():
    text = INTRO + "Voss said Berlin remained “fully committed to the treaty” and preferred talks."
    statements = extract_statements(Article("t", text))
    [rep] = [s for s in statements if s.kind == "reported"]
    [quote] = [s for s in statements if s.kind == "direct"]
    assert rep.text == "Berlin remained fully committed to the treaty and preferred talks"
    assert quote.text == "fully committed to the treaty" and quote.partial and quote.part_of == rep.index
    assert [s.index for s in statements] == [0, 1] and statements[0] is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "India on Friday ruled out taking part in the exercise.",  # narration: no communication verb
        "Voss said: “We are ready to talk.”",  # the attribution of a direct quote
        "“We are ready to talk,” Voss said on Monday.",
        "Voss declined to comment on the report.",  # a cue with no content
        "Officials believe the talks will fail.",  # thinking verbs are not speech
        "Experts fear a new arms race.",
        "The report said exports fell by a third.",  # a document is not a speaker
        "The two countries recalled their ambassadors in 2024.",  # an action, not speech, without "that"
        "China claims almost all of the South China Sea.",
        "The shoal, which China calls Huangyan Dao, was blockaded.",  # naming
        "The drills had been announced in advance.",  # passive
        "Venezuela and the United States exchanged prisoners.",  # "States" is no verb
    ],
)
def test_not_reported_speech(sentence):
    assert reported(sentence) == []


def test_unusual_whitespace_after_a_verb_is_no_crash():
    for text in ("“We will fight back,” said\t.", "« Nous ne céderons pas », said\u202f; the talks ended.", "“Yes,” warned\u2003."):
        assert [s.kind for s in extract_statements(Article("t", text))] == ["direct"]


def test_pathological_sentences_finish():
    long = "Voss said that " + " ".join(["the talks"] * 2500) + " would resume."
    assert len(reported(long)) == 1
    assert reported("Voss said" + " " * 5000 + "x.") == [] and reported("moscow warned that the talks would fail " * 800) == []
    nested = " ".join(["Voss said that"] * 200) + " Berlin was ready."
    assert reported(nested)  # 200 nested clauses: one statement each at most, no error
    assert len(reported(nested)) <= 200


WORDS = st.sampled_from(
    [
        "Voss",
        "said",
        "that",
        "told",
        "reporters",
        "according",
        "to",
        "accused",
        "Moscow",
        "of",
        "“",
        "”",
        '"',
        ",",
        ".",
        "\n\n",
        "the",
        "minister",
        "warned",
        "against",
        "Berlin",
        "he",
        "She",
        "and",
        "but",
        "called",
        "on",
        "is",
        "ready",
        "«",
        "»",
        ":",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60), st.text(max_size=200))
def test_any_text_gives_ordered_spans_inside_it(words, noise):
    text = " ".join(words) + noise
    statements = extract_statements(Article("t", text))
    assert [s.index for s in statements] == list(range(len(statements)))
    starts = [s.start for s in statements]
    assert starts == sorted(starts)
    for s in statements:
        assert 0 <= s.start <= s.end <= len(text) and s.kind in ("direct", "reported")
        assert s.part_of is None or statements[s.part_of].kind == "reported"


def test_a_list_after_said_colon_gives_one_statement_per_item():
    text = (
        "In a wide-ranging interview, Voss also said:\n"
        "- The UK must stay in the EU to keep its influence\n"
        "- She is confident the nuclear deal will pass\n"
        "- ok\n"
        "The interview was recorded on Tuesday."
    )
    got = reported(text)
    assert got == [
        ("The UK must stay in the EU to keep its influence", "Anika Voss", "said"),
        ("She is confident the nuclear deal will pass", "Anika Voss", "said"),
    ]


@pytest.mark.parametrize("verb", ["blasted", "lambasted", "decried", "rebuked", "downplayed"])
def test_more_stance_verbs_start_the_text(verb):
    assert reported(f"Voss {verb} recent claims that the pipeline is unsafe.") == [
        (f"{verb} recent claims that the pipeline is unsafe", "Anika Voss", verb)
    ]


def test_disputed_as_an_adjective_is_no_cue():
    assert reported("Voss met the winner of the disputed 2020 presidential election.") == []


def test_an_adverbial_opening_the_sentence_is_not_its_subject():
    text = (
        "President Yoon Suk Yeol declared martial law on Tuesday.\n"
        "Earlier Saturday, Yoon apologized for his actions in a brief address, saying they caused anxiety to the public."
    )
    found = [(s.speaker, s.cue) for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert found == [("Yoon Suk Yeol", "apologized"), ("Yoon Suk Yeol", "saying")]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("A Malian security source said the drone was one of several aircraft Mali acquired.", "a Malian security source"),
        ("Some slow-and-steady advocates say the pool of companies would suffer unnecessarily.", "some slow-and-steady advocates"),
        ("A gas chromatograph said nothing, and a painkiller said the sample was pure enough.", None),
    ],
)
def test_people_described_not_named_speak_as_described(sentence, speaker):
    assert {s[1] for s in reported(sentence)} == ({speaker} if speaker else set())


def test_they_after_a_group_that_spoke_is_that_group():
    text = (
        "Biden administration officials said they were not notified in advance. "
        "But they have repeatedly reaffirmed the ironclad nature of the alliance with South Korea."
    )
    found = reported(text, intro="")
    assert [(s, c) for _, s, c in found] == [("Biden administration officials", "said"), ("Biden administration officials", "reaffirmed")]


def test_who_said_hangs_on_the_name_before_it():
    text = (
        "Margie Kim, a resident, watched. Since then, Yoon has accepted the resignation of his defense minister "
        "Kim Yong-hyun, who said he took full responsibility for what happened."
    )
    assert [(t, s) for t, s, _ in reported(text, intro="")] == [("he took full responsibility for what happened", "Kim Yong-hyun")]


@pytest.mark.parametrize(
    "sentence, speaker, cue",
    [
        ("Large crowds of protesters have called for Yoon’s ouster.", "Large crowds of protesters", "called"),
        ("Lee expressed concern about how the declaration might affect relations with Washington.", "Lee Jae-myung", "expressed"),
        ("Yoon apologized for his actions in a brief televised address.", "Yoon Suk Yeol", "apologized"),
    ],
)
def test_groups_named_by_a_plural_and_more_speech_act_verbs(sentence, speaker, cue):
    found = reported(sentence, intro="Lee Jae-myung and Yoon Suk Yeol met on Monday. ")
    assert [(s, c) for _, s, c in found] == [(speaker, cue)]


def test_they_does_not_reach_past_a_sentence_without_reported_speech():
    text = "Officials said the crew had been cooperative. Farmers in the region were furious.\n\nThey said they would block the roads."
    assert [s for _, s, _ in reported(text, intro="")] == ["officials"]


def test_a_contraction_is_no_subject():
    text = "I'm aware that agents swindle kids all the time, telling the athletes what they want to hear. We’re told that we reveal our character."
    assert [s for _, s, _ in reported(text, intro="")] == []


def test_a_bodys_proper_name_with_for_or_of_is_the_speaker_as_written():
    from quotestance.extraction import extract_statements
    from quotestance.records import Article

    text = (
        "The Centers for Disease Control recommends that everyone get a flu vaccine by the end of October.\n"
        "Secretary of State Mike Pompeo said the release of the hostages gave hope."
    )
    got = {s.speaker for s in extract_statements(Article(id="a", text=text)) if s.kind == "reported"}
    assert got == {"the Centers for Disease Control", "Mike Pompeo"}


def test_a_new_clause_after_but_has_its_own_subject():
    got = reported(
        "US President Donald Trump has been eager to withdraw, but General Mark Milley, chairman of the Joint Chiefs "
        "of Staff, told US media that its forces are likely to remain for several more years."
    )
    assert got == [("its forces are likely to remain for several more years", "Mark Milley", "told")]


def test_a_subordinate_clause_before_the_subject_names_no_speaker():
    got = reported("When Arthur Waite died in 1942, his obituary, published in the Brooklyn Eagle, called him the author of many books.")
    assert got == []


def test_an_absolute_construction_names_its_own_speaker():
    got = reported(
        "Egypt and Jordan also sharply criticised the US policy shift, with Jordanian Foreign Minister Ayman Safadi "
        "warning of dangerous consequences."
    )
    assert got == [
        ("criticised the US policy shift", "Egypt and Jordan", "criticised"),
        ("warning of dangerous consequences", "Ayman Safadi", "warning"),
    ]


def test_a_description_after_an_inverted_verb_gives_way_to_the_name_it_describes():
    text = (
        "Sondland was known for telling others that he was in charge of Ukraine, said another witness in the "
        "impeachment probe, former White House Russia adviser Fiona Hill."
    )
    assert [s for _, s, _ in reported(text)] == ["Fiona Hill"]
    direct = "“He was in charge of Ukraine,” said another witness in the probe, former White House adviser Fiona Hill."
    assert [s.speaker for s in extract_statements(Article("t", INTRO + direct)) if s.kind == "direct"] == ["Fiona Hill"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The United Nations and European Union stressed that the settlements were illegal.", "the United Nations and European Union"),
        ("The only two Arab states at peace with Israel - Egypt and Jordan - also sharply criticised the shift.", "Egypt and Jordan"),
        ("Russian and Syrian defense ministries said that the camp was a base for militants.", "Russian and Syrian defense ministries"),
        ("Kurt Volker and Tim Morrison both said that the call was not in line with policy.", "Kurt Volker and Tim Morrison"),
        ("Officials in Paris and Berlin said that the talks would go on.", "officials in Paris and Berlin"),
    ],
)
def test_two_parties_joined_by_and_speak_together(sentence, speaker):
    assert [s for _, s, _ in reported(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # an aside after ", and" or ", while" is no new clause (review of the coordination rule)
        (
            "Rep. Adam Schiff, chairman of the House Intelligence Committee, and a frequent target of President Donald Trump, "
            "said that the whistleblower must be protected.",
            "Adam Schiff",
        ),
        (
            "Prime Minister Justin Trudeau, while meeting President Joe Biden in Washington, said that the tariffs were unjustified.",
            "Justin Trudeau",
        ),
        ("The United States and Britain said that the sanctions would stay.", "The United States and Britain"),
        ("In Brussels, Germany and France said that the deal was close.", "Germany and France"),
        ("Separately, Egypt and Qatar said that talks would resume.", "Egypt and Qatar"),
        ("The U.S., Britain and France said that the strikes were justified.", "The U.S., Britain and France"),
        ("Labour said that the government’s plan was unfunded.", "Labour"),
    ],
)
def test_clauses_lists_and_parties_as_subjects(sentence, speaker):
    assert [s for _, s, _ in reported(sentence, intro="")] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“It was a frank conversation,” said a senior administration official, who requested anonymity to discuss the "
            "call with Chinese leader Xi Jinping.",
            "a senior administration official",
        ),
        ("“It will pass,” said one lawmaker, a close ally of President Donald Trump.", "one lawmaker"),
    ],
)
def test_a_name_after_a_description_that_is_no_role_is_not_the_speaker(text, speaker):
    assert [s.speaker for s in extract_statements(Article("t", text)) if s.kind == "direct"] == [speaker]


def test_a_document_described_after_an_inverted_verb_names_nobody():
    text = "The plan is flawed and must be withdrawn, said the letter, addressed to Secretary of State Antony Blinken."
    assert [s.speaker for s in extract_statements(Article("t", text))] == []


def test_joint_speakers_before_a_time_phrase_and_in_direct_quotes():
    assert [s for _, s, _ in reported("China and Russia on Monday said that they opposed new sanctions.", intro="")] == ["China and Russia"]
    text = "“We reject any attempt to annex the land,” Egypt and Jordan said in a joint statement."
    assert [s.speaker for s in extract_statements(Article("t", text))] == ["Egypt and Jordan"]
    named = "A new report released on Monday by the Center on Poverty and Inequality calls that into question."
    assert reported(named, intro="") == []  # a document, not "Inequality"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Blue House struck a measured note. Late on Monday it said the navy would shadow the vessel.", "the Blue House"),
        ("Voss was calm. Late on Monday she said the navy would shadow the vessel.", "Anika Voss"),
        ("Voss was calm. It said the navy would shadow the vessel.", None),  # "it" is never a person
    ],
)
def test_a_pronoun_after_an_adverbial_lead_in_is_the_subject(sentence, speaker):
    got = reported(sentence)
    assert [s for _, s, _ in got] == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Berlin is in every forum, and eight of ten capitals back it, Voss told Benioff.",
        "Berlin is in every forum, and eight of ten capitals back it, Voss told reporters in Geneva.",
    ],
)
def test_a_closing_attribution_may_name_its_listener(sentence):
    assert [(s, c) for _, s, c in reported(sentence)] == [("Anika Voss", "told")]


def test_a_verb_whose_content_follows_as_a_participle_closes_no_clause_before_it():
    got = reported("Then, last week, Voss posted on Twitter accusing Moscow of blocking the talks.")
    assert ("Then, last week", "Anika Voss", "posted") not in got
    kept = reported("Berlin will stay closed, the ministry said on Wednesday, blaming Minsk for the balloons.")
    assert ("Berlin will stay closed", "the ministry", "said") in kept


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Berlin may go further, people familiar with the talks say.", "people familiar with the talks"),
        ("Two people briefed on the talks said Berlin may go further.", "two people briefed on the talks"),
        (
            "Berlin may go further, a second person briefed on last weekend's phone call said.",
            "a second person briefed on last weekend's phone call",
        ),
        ("Berlin may go further, White House advisers say.", "White House advisers"),
        ("In fact, prosecutors in San Francisco and Los Angeles say Uber has been lying.", "prosecutors in San Francisco and Los Angeles"),
    ],
)
def test_unnamed_sources_as_wire_stories_describe_them(sentence, speaker):
    assert [s for _, s, _ in reported(sentence)] == [speaker]


def test_a_verb_first_phrase_is_no_group():
    got = reported("Voss keeps a tough stance, which holds appeal to voters in key states like Ohio and Michigan.")
    assert all("holds" not in (s or "") for _, s, _ in got)


def test_a_campaign_speaks_as_an_institution():
    assert [s for _, s, _ in reported("Reid's campaign said her zeal for Social Security is disingenuous.")] == ["Reid's campaign"]


def test_a_stray_closing_mark_is_no_part_of_the_subject():
    text = 'During the call, he called Omar a “terrorist” and said, “somebody ought to stop her," the prosecutor’s office said.'
    speakers = {s for _, s, _ in reported(text, intro="")}
    assert "the prosecutor’s office" in speakers and not any(s and s[0] in '"“' for s in speakers)


@pytest.mark.parametrize(
    "sentence, speaker, code",
    [
        ("Thomas Grady, a former U.S. ambassador, said the Kremlin saw no reason to compromise.", "Thomas Grady", None),
        ("Chad Mitchell, a senior U.S. Treasury official, said Iran was using front companies.", "Chad Mitchell", "USA"),
        ("Beijing has agreed to resume military talks, a U.S. official said.", "a U.S. official", "USA"),
        ("A U.N. spokesperson said aid was blocked.", "a U.N. spokesperson", "UN"),
    ],
)
def test_dotted_abbreviations_end_no_sentence_and_name_nobody(sentence, speaker, code):
    found = [s for s in extract_statements(Article("t", sentence)) if s.kind == "reported"]
    assert [(s.speaker, s.speaker_affiliation_code) for s in found] == [(speaker, code)]


def test_quoted_as_saying_gives_the_person_quoted():
    text = "Interfax quoted Andrei Gromov as saying Moscow would respond."
    found = [(s.text, s.speaker) for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert found == [("Moscow would respond", "Andrei Gromov")]


def test_told_closing_a_clause_after_an_apposition_names_the_speaker_not_the_listener():
    text = "Israel had no right to annex the West Bank, Algeria's U.N. ambassador, Nadir Belkacem, told the Security Council."
    found = [(s.text, s.speaker) for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert found == [("Israel had no right to annex the West Bank", "Nadir Belkacem")]


@pytest.mark.parametrize(
    "sentence, text, speaker",
    [
        ("Chen Wen-hsiung vowed to defend the island's democracy.", "vowed to defend the island's democracy", "Chen Wen-hsiung"),
        ("The Quai d'Orsay said France would send an envoy.", "France would send an envoy", "The Quai d'Orsay"),
        ("Number 10 said the prime minister would call the king.", "the prime minister would call the king", "Number 10"),
        (
            "The U.N. nuclear watchdog said Iran had enriched more uranium.",
            "Iran had enriched more uranium",
            "the U.N. nuclear watchdog",
        ),  # IAEA
        ("Shipping giant Maersk said it would pause transits.", "it would pause transits", "Maersk"),
        (
            "TOKYO (Reuters) - According to Kazuo Nakamura, Chinese vessels entered Japanese waters.",
            "Chinese vessels entered Japanese waters",
            "Kazuo Nakamura",
        ),
    ],
)
def test_wire_style_speakers_and_promises(sentence, text, speaker):
    found = [(s.text, s.speaker) for s in extract_statements(Article("t", sentence)) if s.kind == "reported"]
    assert found == [(text, speaker)]


def test_a_pledge_to_someone_is_no_promise_reported():
    assert not [s for s in extract_statements(Article("t", "The donors pledged to the fund.")) if s.kind == "reported"]


@pytest.mark.parametrize(
    "sentence, text, speaker",
    [
        (
            "India's foreign ministry alleged that Pakistan-based groups were behind the attack.",
            "Pakistan-based groups were behind the attack",
            "India's foreign ministry",
        ),
        (
            "Janet Holloway cautioned Chinese banks against helping Russia.",
            "cautioned Chinese banks against helping Russia",
            "Janet Holloway",
        ),
        (
            "Mehmet Yildiz said on the sidelines of the U.N. General Assembly that Israel was committing genocide.",
            "Israel was committing genocide",
            "Mehmet Yildiz",
        ),
        (
            "U.S. Ambassador to the United Nations Linda Carver accused Russia of blocking aid.",
            "accused Russia of blocking aid",
            "Linda Carver",
        ),
    ],
)
def test_alleged_cautioned_against_sidelines_and_an_ambassador_to_the_un(sentence, text, speaker):
    found = [(s.text, s.speaker) for s in extract_statements(Article("t", sentence)) if s.kind == "reported"]
    assert found == [(text, speaker)]


def test_a_bare_group_is_the_group_as_first_described():
    text = "Federal prosecutors said the guards had lied.\n\nProsecutors said no checks were made."
    found = [s.speaker for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert found == ["Federal prosecutors", "Federal prosecutors"]
