"""Speaker affiliation and target, from the article: roles, appositions, metonyms, datelines and the main dyad."""

import pytest

from quotestance.extraction import extract_statements
from quotestance.records import Article


def statements(text, title=None):
    return {s.text: s for s in extract_statements(Article(id="a", text=text, title=title))}


def test_affiliation_from_title_apposition_and_metonym():
    found = statements(
        "Russian Deputy Foreign Minister Sergey Ryabkov said: “Washington must stop the drills.”\n\n"
        "Lin Wei, a spokesman for the Chinese foreign ministry, said: “We urge restraint by all.”\n\n"
        "“We have made our position clear,” Moscow said."
    )
    assert found["Washington must stop the drills."].speaker_affiliation_code == "RUS"
    assert found["Washington must stop the drills."].target == "United States"
    assert found["We urge restraint by all."].speaker_affiliation == "China"
    assert found["We have made our position clear,"].speaker_affiliation_code == "RUS"


def test_no_affiliation_for_analysts_and_former_officials():
    found = statements(
        "“Talks will fail,” said Anna Berg, an analyst at the Nordic Institute.\n\n“They never listen,” said former ambassador Karl Roth."
    )
    assert found["Talks will fail,"].speaker_affiliation is None
    assert found["They never listen,"].speaker_affiliation is None


def test_untold_role_takes_the_dateline_and_target_the_counterpart():
    found = statements(
        "ATHENS — Greece protested to Turkey on Thursday after jets crossed into its airspace.\n\n"
        "Foreign Minister Eleni Papadaki summoned the ambassador. “This was a deliberate provocation,” Papadaki said.",
        title="Greece protests to Turkey over airspace",
    )
    s = found["This was a deliberate provocation,"]
    assert s.speaker_affiliation_code == "GRC" and s.target_code == "TUR" and s.target_from == "article"


def test_target_named_in_the_statement_and_both_sides():
    found = statements(
        "BRUSSELS — The EU and Serbia met on Monday.\n\n"
        "“Our Kosovar partners must do more,” said Serbian envoy Marko Ilic.\n\n"
        "“Both sides must show restraint,” said EU envoy Lena Sorensen."
    )
    assert found["Our Kosovar partners must do more,"].target_code == "XKX"
    assert found["Our Kosovar partners must do more,"].target_from == "statement"
    both = found["Both sides must show restraint,"]
    assert both.speaker_affiliation_code == "EU" and both.target is None


def test_a_neutral_statement_keeps_only_a_target_it_names():
    s = statements(
        "ATHENS — Greece protested to Turkey on Thursday.\n\nForeign Minister Eleni Papadaki said: “The talks start on Monday.”",
        title="Greece protests to Turkey",
    )["The talks start on Monday."]
    assert s.target_code == "TUR"
    result = {"label": "neutral", "confidence": 0.9, "probs": {"neutral": 0.9}, "score": 0.0}
    assert s.with_stance(result, "m").target is None
    assert s.with_stance({**result, "label": "hostile"}, "m").target == "Turkey"


def test_the_party_just_before_the_role_word_is_the_speakers():
    found = statements(
        "The talks followed a meeting in Addis Ababa between the AU’s special envoy for the Nile, Olusegun Adeyemi, "
        "and officials from Egypt.\n\n“The first round will take place in Kigali,” Adeyemi said."
    )
    assert found["The first round will take place in Kigali,"].speaker_affiliation_code == "AU"


def test_a_plural_role_in_the_clause_before_a_name_is_not_its_title():
    found = statements(
        "Paweł Zaremba, a spokesman for the Polish foreign ministry, spoke first.\n\n"
        "Asked whether Poland would expel Belarusian diplomats, Zaremba declined to speculate. “We are consulting our allies,” Zaremba said."
    )
    assert found["We are consulting our allies,"].speaker_affiliation_code == "POL"


def test_speakers_for_both_sides_have_no_affiliation():
    found = statements(
        "Armenia and Azerbaijan exchanged detainees on Monday, officials on both sides said.\n\n"
        "Both governments described the swap as a step towards a treaty."
    )
    assert found["Armenia and Azerbaijan exchanged detainees on Monday"].speaker_affiliation is None
    assert all(s.speaker_affiliation is None for s in found.values())


def test_a_venue_is_not_a_target():
    found = statements(
        "Egypt and Ethiopia will resume talks on the dam, the AU said.\n\n"
        "“The first round will take place in Kigali, and Ethiopia has agreed to attend,” said Olusegun Adeyemi, the AU envoy."
    )
    assert found["The first round will take place in Kigali, and Ethiopia has agreed to attend,"].target_code == "ETH"


def test_a_speakers_occurrences_are_whole_words_in_order():
    from quotestance.extraction.parties import Parties

    text = "Sergey Ryabkov spoke. The Ryabkovs left. Later Ryabkov said no; Sergey Ryabkov-Ivanov did not. Ryabkov again."
    p = Parties(Article(id="a", text=text))
    got = [text[a:b] for a, b in p._occurrences("Sergey Ryabkov", "Ryabkov")]
    assert got == ["Sergey Ryabkov", "Ryabkov", "Ryabkov"]
    assert [a for a, _ in p._occurrences("Sergey Ryabkov", "Ryabkov")] == sorted(a for a, _ in p._occurrences("Sergey Ryabkov", "Ryabkov"))


def test_a_role_naming_a_known_institution_takes_that_institutions_country():
    found = statements(
        "BEIJING — China said on Friday its coast guard had expelled Philippine boats from the shoal.\n\n"
        "In Manila, the Department of Foreign Affairs said it had lodged a protest.\n\n"
        "“We will not be pushed out of our own waters,” said Ana Cruz, a spokeswoman for the department.\n\n"
        "The tanker was stopped for smuggling, the Revolutionary Guards said.\n\n"
        "“Any vessel that breaks our laws will be dealt with,” said Reza Amini, the Guards’ naval commander.\n\n"
        "In Beijing, Foreign Ministry spokeswoman Mao Lin said the boats had entered illegally."
    )
    assert found["We will not be pushed out of our own waters,"].speaker_affiliation_code == "PHL"  # not the dateline's
    assert found["Any vessel that breaks our laws will be dealt with,"].speaker_affiliation_code == "IRN"
    assert found["the boats had entered illegally"].speaker_affiliation_code == "CHN"  # a title: around the name


def test_abbreviated_ranks_before_a_name_do_not_hide_the_role_clause():
    found = statements(
        "ADDIS ABABA — Ethiopia rejected the charge on Monday.\n\n"
        "The army's deputy chief of staff, Lt. Gen. Birhanu Kebede Tola, was more combative. “Patience has a limit,” Tola said."
    )
    assert found["Patience has a limit,"].speaker_affiliation_code == "ETH"


def test_a_reporting_verb_ends_an_apposition():
    """ "Voss, added that farmers …": what follows the verb is the statement, not the speaker's role."""
    found = statements(
        "CARACAS — Venezuela detained three men on Thursday.\n\n"
        "The speaker, spokeswoman Daniela Parra, added that the farmers had been caught with stolen fuel."
    )
    assert {s.speaker_affiliation_code for s in found.values() if s.speaker == "Daniela Parra"} == {"VEN"}


def test_a_third_party_speaks_about_the_storys_first_party():
    found = statements(
        "DUBAI — Iran seized a British-flagged tanker in the Strait of Hormuz on Friday, and Britain summoned Iran's ambassador.\n\n"
        "“Our focus is on getting those sailors home safely,” said Dana Whitfield, a US State Department spokeswoman.",
        title="Iran seizes tanker, Britain summons ambassador",
    )
    s = found["Our focus is on getting those sailors home safely,"]
    assert s.speaker_affiliation_code == "USA" and s.target_code == "IRN" and s.target_from == "article"


def test_a_partys_both_sides_agreed_is_aimed_at_the_other_but_both_sides_must_is_at_both():
    text = (
        "GENEVA — US and Russian negotiators met on Tuesday.\n\n"
        "“Nobody expected a breakthrough, but both sides agreed to keep talking,” said US envoy Rebecca Hollings.\n\n"
        "“Both sides must show restraint,” said US envoy Rebecca Hollings."
    )
    found = statements(text, title="US and Russian negotiators meet in Geneva")
    assert found["Nobody expected a breakthrough, but both sides agreed to keep talking,"].target_code == "RUS"
    assert found["Both sides must show restraint,"].target is None


def test_a_loose_name_gives_way_to_the_counterpart():
    text = (
        "TUNIS — Italy and Tunisia signed a new deal on migration on Monday.\n\n"
        "“Tunisia will not be Europe’s border guard,” said Tunisian Foreign Minister Hichem Ben Salah.\n\n"
        "“Europe must share the burden,” said Anna Berg, an analyst at the Nordic Institute."
    )
    found = statements(text, title="Italy and Tunisia sign new deal on migration")
    assert found["Tunisia will not be Europe’s border guard,"].target_code == "ITA"
    assert found["Europe must share the burden,"].target_code == "EU"  # no counterpart: the loose name it is


def test_a_group_described_not_named_takes_the_party_around_each_statement():
    text = (
        "OSLO — Norway's coast guard detained a Russian trawler on Monday.\n\n"
        "Officials said the crew had been cooperative.\n\n"
        "In Moscow, the matter was seen differently. Officials said the detention was illegal."
    )
    found = {s.text: s.speaker_affiliation_code for s in extract_statements(Article(id="a", text=text)) if s.kind == "reported"}
    assert found == {"the crew had been cooperative": "NOR", "the detention was illegal": "RUS"}


def test_company_speakers_and_an_upper_case_place_as_speaker():
    from quotestance.extraction.parties import Parties

    parties = Parties(Article(id="a", text="ADDIS ABABA — Ethiopia said the route was suspended."))
    assert parties.affiliation("an airline spokesman") is None and parties.affiliation("the Croatian operator") is None
    assert parties.affiliation("ABU DHABI") == "ARE" and parties.affiliation("NATO") == "NATO"


def test_a_role_given_without_a_name_is_filled_by_the_next_name():
    text = (
        "UNITED NATIONS — Pakistan’s foreign minister accused India on Friday of using the river as a weapon.\n\n"
        "In a 20-minute address, Naveed Akhtar Chaudhry devoted most of his time to the river. "
        "“We are ready to sit down,” Chaudhry said."
    )
    assert statements(text)["We are ready to sit down,"].speaker_affiliation_code == "PAK"
    named = "UNITED NATIONS — Pakistan’s foreign minister Amir Khan spoke.\n\nLater, Naveed Chaudhry said: “We are ready.”"
    assert statements(named)["We are ready."].speaker_affiliation_code is None  # that role had its own name


def test_an_organisation_as_the_forum_is_not_a_party_of_the_story():
    text = (
        "UNITED NATIONS — Pakistan accused India on Friday at the UN of using the river as a weapon.\n\n"
        "“We will take all measures,” said Pakistani Foreign Minister Naveed Chaudhry."
    )
    found = statements(text, title="Pakistan takes Indus waters dispute to UN General Assembly, India hits back")
    assert found["We will take all measures,"].target_code == "IND"


@pytest.mark.parametrize(
    "text, code",
    [
        # a sentence end before the name is not a rank: the clause before it is not the speaker's role
        ("The delegation met senior officials from Iran. Anika Voss said: “The talks went well.”", None),
        # a verb inside an apposition does not cut it: "the newly confirmed ambassador of Colombia"
        ("“We are here to help,” said Maria Lopez, the newly confirmed ambassador of Colombia.", "COL"),
    ],
)
def test_ranks_and_appositions_read_only_what_they_should(text, code):
    [s] = [s for s in extract_statements(Article(id="a", text=text)) if s.kind == "direct"]
    assert s.speaker_affiliation_code == code


def test_a_private_person_named_after_a_leaders_role_is_not_the_leader():
    text = (
        "KYIV — Residents fled on Monday, days after Russia’s president threatened new strikes.\n\n"
        "Olena Petrenko, 54, stood outside her flat. “We have nowhere to go,” Petrenko said."
    )
    assert statements(text)["We have nowhere to go,"].speaker_affiliation_code is None


def test_an_organisation_addressed_with_to_is_still_a_party():
    text = "MOSCOW — Russia warned NATO on Monday over Finland.\n\n“This is a provocation,” said Dmitry Peskov, the Kremlin spokesman."
    found = statements(text, title="Russia issues new warning to NATO over Finland")
    assert found["This is a provocation,"].target_code == "NATO"


def test_an_abbreviated_rank_is_a_role_and_a_name_is_not_a_description():
    found = statements(
        "HANOI — Vietnam lodged a protest with China on Monday.\n\n"
        "Deputy Foreign Minister Ngo Quang Tuan summoned the ambassador. “This is unacceptable,” Tuan said.\n\n"
        "In Washington, Republican Sen. Margaret Ellison-Pryor welcomed the protest. “A serious step,” she said."
    )
    assert found["This is unacceptable,"].speaker_affiliation_code == "VNM"  # "Ngo" is a name, not an NGO
    assert found["A serious step,"].speaker_affiliation_code == "USA"


def test_a_single_quoted_statement_with_apostrophes_is_not_prose():
    found = statements(
        "SEOUL — South Korea will stay away from a Japanese memorial ceremony.\n\n"
        "Opposition politicians in Seoul were less restrained. ‘Japan’s government still refuses to do so,’ said Yoon Ji-ho, "
        "a lawmaker who sits on the foreign affairs committee."
    )
    assert found["Japan’s government still refuses to do so,"].speaker_affiliation_code == "KOR"


def test_a_party_named_as_the_means_is_not_the_target():
    text = (
        "GEORGETOWN — Guyana rejected Venezuela's claim on Monday.\n\n"
        "Foreign Minister Desmond Ramkissoon said the border would be settled by the International Court of Justice."
    )
    found = {s.text: s for s in extract_statements(Article(id="a", text=text, title="Guyana rejects Venezuela's claim"))}
    assert found["the border would be settled by the International Court of Justice"].target_code == "VEN"


def test_an_embassy_speaks_for_its_country_not_for_where_it_stands():
    found = statements(
        "TOKYO — Japan demanded the release of its citizen.\n\n"
        "The Chinese embassy in Tokyo said in a post: “Some Japanese politicians are stirring up feeling.”"
    )
    quote = found["Some Japanese politicians are stirring up feeling."]
    assert quote.speaker == "the Chinese embassy in Tokyo" and quote.speaker_affiliation_code == "CHN"


def test_the_ministry_refers_back_to_the_ministry_named_just_before():
    found = statements(
        "Mali said its drone had been shot down near the border.\n\n"
        "Algeria’s Defence Ministry said the drone had violated Algerian airspace.\n\n"
        "“Algeria will not allow its airspace to become a corridor for anyone’s drones,” the ministry said."
    )
    assert found["Algeria will not allow its airspace to become a corridor for anyone’s drones,"].speaker_affiliation_code == "DZA"


def test_a_role_opening_the_sentence_before_a_name_is_that_persons():
    found = statements(
        "BELMOPAN — Belize protested to Guatemala on Friday over a patrol on the Sarstoon river.\n\n"
        "The prime minister struck a defiant tone at a rally in Punta Gorda. ‘Not one inch,’ said Marlon Castillo-Young.\n\n"
        "The Organization of American States offered an observer. Its assistant secretary general arrived on Monday.\n\n"
        "“We are here to help two neighbours,” said Jerome Alleyne."
    )
    assert found["Not one inch,"].speaker_affiliation_code == "BLZ"
    assert found["We are here to help two neighbours,"].speaker_affiliation_code == "OAS"


def test_a_role_sentence_that_names_its_own_person_gives_nothing_to_the_next_name():
    found = statements("The foreign minister, Ana Ruiz, flew to Lima.\n\n“We will see,” said Tomas Berg.")
    assert found["We will see,"].speaker_affiliation_code is None


def test_an_untold_role_takes_the_party_opening_the_paragraph_before_over_the_dateline():
    found = statements(
        "MOGADISHU — Somalia ordered Kenya’s ambassador to leave.\n\n"
        "Kenya said it regretted the decision. Officials in Nairobi insisted the visit was routine.\n\n"
        "“We will not answer one mistake with another,” said Daniel Kiprono Mutai, the cabinet secretary for foreign affairs."
    )
    assert found["We will not answer one mistake with another,"].speaker_affiliation_code == "KEN"


def test_an_organisations_executive_secretary_speaks_for_it_but_a_company_executive_for_nobody():
    found = statements(
        "“Calm down,” said Abebe Tsegaye Wolde, the executive secretary of the regional bloc IGAD.\n\n"
        "“Prices will rise,” said Lars Holm, a senior executive at the shipping company Maersk."
    )
    assert found["Calm down,"].speaker_affiliation_code == "IGAD"
    assert found["Prices will rise,"].speaker_affiliation_code is None


@pytest.mark.parametrize(
    ("text", "speaker", "code"),
    [
        # the paragraph before opens with the other side acting, not speaking: the dateline still decides
        (
            "KYIV, Ukraine — Ukrainian officials reported heavy shelling overnight.\n\n"
            "Russian forces fired more than 40 missiles at the city, killing four people.\n\n"
            "Foreign Minister Dmytro Kuleba said the attack was a war crime.",
            "Dmytro Kuleba",
            "UKR",
        ),
        # a private person described otherwise takes no role from the sentence before
        (
            "The head of the World Health Organization warned on Monday that cases were rising fast. "
            "Sarah Kim, a nurse, said hospitals were already full.",
            "Sarah Kim",
            None,
        ),
    ],
)
def test_review_cases_keep_their_affiliation(text, speaker, code):
    found = [s for s in extract_statements(Article(id="a", text=text)) if s.speaker == speaker]
    assert found and all(s.speaker_affiliation_code == code for s in found)


def test_a_dateline_that_is_no_party_is_a_venue():
    text = (
        "LUXEMBOURG — Hungary on Tuesday blocked the opening of Ukraine’s EU membership talks, saying Kyiv had failed "
        "to restore minority rights.\n\n"
        "“Hungary is not against Ukraine,” Foreign Minister Bálint Szabó-Kertész told reporters as he arrived."
    )
    found = statements(text, title="Hungary blocks Ukraine’s EU talks")
    assert found["Hungary is not against Ukraine,"].speaker_affiliation_code == "HUN"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TOKYO — Prime Minister Fumio Kishida said on Monday that the government would raise the minimum wage.", "JPN"),
        ("BERLIN — Chancellor Olaf Scholz said on Wednesday that the coalition would agree a budget with China in mind.", "DEU"),
    ],
)
def test_a_home_dateline_still_gives_an_untold_role_its_country(text, code):
    assert [s.speaker_affiliation_code for s in extract_statements(Article("a", text))] == [code]


def test_a_joint_speaker_of_several_parties_speaks_for_none_of_them():
    found = statements(
        "Russia and China said that the decision was a violation of international law.\n\n"
        "China said it would appeal. Bosnia and Herzegovina said it would abstain."
    )
    assert found["the decision was a violation of international law"].speaker == "Russia and China"
    assert found["the decision was a violation of international law"].speaker_affiliation_code is None
    assert found["it would appeal"].speaker_affiliation_code == "CHN"
    assert found["it would abstain"].speaker_affiliation_code == "BIH"  # one country with "and" in its name


def test_joint_people_share_a_party_only_when_both_have_it():
    found = statements(
        "Russian President Vladimir Putin and Chinese leader Xi Jinping said that their partnership had no limits.\n\n"
        "US envoy Kurt Volker and US official Tim Morrison said that the call was improper."
    )
    assert found["their partnership had no limits"].speaker == "Vladimir Putin and Xi Jinping"
    assert found["their partnership had no limits"].speaker_affiliation_code is None
    assert found["the call was improper"].speaker == "Kurt Volker and Tim Morrison"
    assert found["the call was improper"].speaker_affiliation_code == "USA"


@pytest.mark.parametrize(
    ("sentence", "speaker", "code"),
    [
        (
            "The White House and the State Department said the United States would not attend.",
            "the White House and the State Department",
            "USA",
        ),
        ("China’s Ministry of Industry and Information Technology said it would tighten export controls.", None, "CHN"),
        ("Hamas and Islamic Jihad said they would not disarm.", "Hamas and Islamic Jihad", None),
        ("Trump and Elon Musk said that the agency would close.", "Trump and Elon Musk", None),
        ("Trinidad and Tobago said that it would close its border.", "Trinidad and Tobago", "TTO"),
        ("Trinidad and Tobago Foreign Minister Amery Browne said that the border would stay shut.", "Amery Browne", "TTO"),
        (
            "Israeli Prime Minister Benjamin Netanyahu and Defence Minister Israel Katz said the army would strike.",
            "Benjamin Netanyahu and Israel Katz",
            "ISR",
        ),
    ],
)
def test_joint_speakers_keep_every_member_and_a_shared_party(sentence, speaker, code):
    (found,) = extract_statements(Article("a", sentence))
    assert found.speaker_affiliation_code == code
    if speaker:
        assert found.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "AUSTIN — Texas Gov. Greg Abbott said the state would send more troops.",
        "“We will appeal,” said Phil Murphy, the governor of New Jersey.",
        "Sen. Lindsey Graham of South Carolina said the bill was dead.",
    ],
)
def test_a_role_held_in_a_region_speaks_for_its_country(text):
    assert {s.speaker_affiliation for s in statements(text).values()} == {"United States"}


def test_a_private_person_from_a_region_speaks_for_nobody():
    assert {s.speaker_affiliation for s in statements("Sarah Kim of Texas said the bill was dead.").values()} == {None}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Council met.\nCatherine Ellsworth-Boateng of the United States said: “We support the dialogue.”", "USA"),
        ("The Council met.\nFor France, Jean-Baptiste de La Roche-Vallier said: “We support the dialogue.”", "FRA"),
        (
            "The African Union’s envoy for the talks, former Mozambican foreign minister Ana Paula Mondlane-Sitoe, said: "
            "“We support the dialogue.”",
            "AU",
        ),
        ("The panel met.\nSarah Kim of the Brookings Institution said: “We support the dialogue.”", None),
        ("The panel met.\nSarah Kim of Texas said: “We support the dialogue.”", None),
        ("The panel met.\nFormer foreign minister Karl Roth said: “We support the dialogue.”", None),
    ],
)
def test_a_debate_speaker_of_or_for_a_country_and_a_former_minister_with_a_role_now(text, code):
    assert statements(text)["We support the dialogue."].speaker_affiliation_code == code


def test_a_provincial_vice_chairman_speaks_for_the_country():
    found = statements(
        "HANOI — Vietnam protested to China on Monday.\n"
        "Dang Van Truong, vice-chairman of the Quang Ngai provincial People’s Committee, said: “The province will pay.”"
    )
    assert found["The province will pay."].speaker_affiliation_code == "VNM"


def test_a_round_ups_second_dyad_has_its_own_counterpart():
    title = "Summit round-up: Pakistan and Afghanistan trade blame; Morocco and Algeria spar over the border"
    text = (
        "DOHA — Pakistan accused Afghanistan of sheltering militants on Friday, while Morocco and Algeria traded barbs.\n\n"
        "Pakistan’s foreign minister Ali Raza said: “Kabul must act against the camps.”\n\n"
        "Afghanistan denied it. Pakistan closed the crossing, and Afghanistan recalled its envoy from Pakistan.\n\n"
        "Morocco offered to reopen the border with Algeria.\n\n"
        "Algeria’s foreign ministry spokeswoman Nadia Ait-Hamouda said: “That is a public relations exercise.”\n\n"
        "A spokesperson for the British Foreign Office said: “We urge calm in the region.”"
    )
    found = statements(text, title)
    assert found["Kabul must act against the camps."].target_code == "AFG"
    assert found["That is a public relations exercise."].target_code == "MAR"


@pytest.mark.parametrize(
    "who", ["Tom Lee of the Singapore Management University", "Sam Lee of the China Daily", "Ana Ruiz of the Mexico Institute"]
)
def test_of_a_body_named_after_a_country_is_not_of_the_country(who):
    assert (
        statements(f"The panel met.\n{who} said: “We support the dialogue.”")["We support the dialogue."].speaker_affiliation_code is None
    )


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("Sudan’s Minister of Energy and Oil", "SDN"),  # "and" inside a title ends no clause
        ("Kenya’s Minister of Trade and Industry", "KEN"),
    ],
)
def test_a_title_with_and_keeps_its_country(role, code):
    found = statements(f"The talks stalled.\n{role}, Ali Hassan, said: “We will not pay.”")
    assert found["We will not pay."].speaker_affiliation_code == code


def test_a_possessive_role_serves_the_person_just_named_of_that_gender():
    text = (
        "GENEVA — The delegations arrived on Monday.\n\n"
        "Armenia’s foreign minister, Anahit Ter-Grigoryan, spoke first. “We hope for progress,” she said.\n\n"
        "Her spokesman, Aram Avetisyan, said: “The minister is here in good faith.”\n\n"
        "Tigran Sarkisov, his deputy, said: “Nothing is agreed.”\n\n"
        "His spokesman, Jon Reed, said: “We wait.”"
    )
    found = statements(text)
    assert found["The minister is here in good faith."].speaker_affiliation_code == "ARM"
    assert found["Nothing is agreed."].speaker_affiliation_code == "ARM"  # Avetisyan's deputy
    # "his": the last man named before Reed is Sarkisov, who speaks for Armenia
    assert found["We wait."].speaker_affiliation_code == "ARM"


def test_a_possessive_role_whose_owner_has_no_party_has_none():
    text = "The panel met.\n\nAnalyst Maria Lopez spoke first.\n\nHer spokesman, Aram Avetisyan, said: “She is busy.”"
    assert statements(text)["She is busy."].speaker_affiliation_code is None


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Pakistan's Foreign Office spokeswoman Sadia Rahim said India had violated the ceasefire.", "PAK"),
        ("Zhu Lanying, a spokeswoman for China's Taiwan Affairs Office, said Taipei was provoking tension.", "CHN"),
        ("China's U.N. Ambassador Zhang Wei told the council that sanctions would not work.", "CHN"),
    ],
)
def test_an_office_named_after_a_party_belongs_to_its_possessor(sentence, code):
    found = [s for s in extract_statements(Article("t", sentence)) if s.kind == "reported"]
    assert [s.speaker_affiliation_code for s in found] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UNITED NATIONS (Reuters) — Russia's deputy U.N. ambassador Dmitry Orlov said Britain was prolonging the war.", "RUS"),
        ("Pakistan's Foreign Office spokeswoman said New Delhi's remarks were irresponsible.", "PAK"),
        (
            "SEOUL (AP) — South Korean Foreign Minister Park Soo-jin is visiting Tokyo.\n\nHer office said she would urge Japan to act.",
            "KOR",
        ),
        ("MOSCOW (Reuters) — TASS cited Kremlin aide Yuri Belov as saying that Moscow had received no proposals.", "RUS"),
        ("Later, Tim Morrison, another top NSC aide, said the call with Zelensky was not in line with policy.", None),
    ],
)
def test_owned_offices_a_persons_office_and_an_aide_of_a_named_party(text, code):
    found = [s for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert [s.speaker_affiliation_code for s in found][-1:] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Iran's foreign ministry condemned the U.S.-led strikes on Yemen.", "USA"),
        ("Congo's government accused Rwandan-backed rebels of killing civilians in Goma.", "RWA"),
    ],
)
def test_the_party_leading_or_backing_is_the_target(text, code):
    found = [s for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert [s.target_code for s in found] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [("Iran said that the CIA was behind the plot.", "USA"), ("Khamenei warned that the Zionist regime would pay.", "ISR")],
)
def test_agencies_and_epithets_name_their_country(text, code):
    found = [s for s in extract_statements(Article("t", text)) if s.kind == "reported"]
    assert [s.target_code for s in found] == [code]
