"""Grammar and casing constructions recognised by their shape and by what the
article says elsewhere (teams, introduced acronyms, pieces after a stop)."""

from __future__ import annotations

from mtcheck import check_text, fix_text


def _flagged(text: str, rule_id: str) -> list[str]:
    return [f.matched for f in check_text(text) if f.rule_id == rule_id]


def test_a_short_piece_after_a_stop_is_grammar_a_long_one_casing() -> None:
    short = "Rates will rise at a lower rate. minor rhythm.\n"
    long = "They meet at the polls. and with Petro we have found ourselves in new times.\n"
    assert _flagged(short, "MT718") == ["minor rhythm."] and not _flagged(short, "MT815")
    assert _flagged(long, "MT815") == ["and"] and not _flagged(long, "MT718")


def test_abbreviations_before_a_stop_are_not_sentence_ends() -> None:
    text = (
        "Fires near Sacramento, Calif. and Reno, Nev. spread; Smith Bros. and others fled, etc.\n"
    )
    assert not _flagged(text, "MT815") and not _flagged(text, "MT718")


def test_a_capitalised_sentence_after_a_piece_closes_it() -> None:
    # The piece must end in a stop of its own with a sentence (or nothing) after it.
    assert _flagged("It rose. new rate (BCV). Prices fell.\n", "MT718") == ["new rate (BCV)."]
    assert not _flagged("It rose. new rate, and prices fell sharply all week.\n", "MT718")


def test_a_piece_opening_with_a_preposition_goes_on_the_sentence_before() -> None:
    text = "It rose. of Venezuela (BCV). Prices fell.\n"
    assert not _flagged(text, "MT718")
    assert _flagged(text, "MT625") == [". of"]


def test_a_lower_case_sentence_gets_its_capital_only_as_an_unsafe_fix() -> None:
    text = "They meet at the polls. and with Petro we have found ourselves in new times.\n"
    assert fix_text(text) == text
    assert "polls. And with" in fix_text(text, unsafe=True)


def test_institution_he_needs_nobody_named_before_it() -> None:
    text = "The court ruled on Monday. Specifically, he explained that the minimum falls.\n"
    assert _flagged(text, "MT719") == ["he"]
    named = "Judge Pablo Llarena spoke.\n\n" + text
    assert not _flagged(named, "MT719")


def test_an_acronym_counts_once_the_article_introduces_it_after_a_name() -> None:
    introduced = "The Ministry of Health (Minsa) spoke. Later Minsa indicated that he will sue.\n"
    assert _flagged(introduced, "MT719") == ["he"]
    nickname = "Luiz Inácio da Silva (Lula) spoke. Later Lula indicated that he will sue.\n"
    assert not _flagged(nickname, "MT719")


def test_team_he_only_in_a_sports_story_for_a_name_shown_to_be_a_team() -> None:
    story = (
        "Tolima vs. Junior opens the league round of matches. Tolima is the team with the best "
        "run, and now he wants the title.\n"
    )
    assert _flagged(story, "MT729") == ["he"]
    # Nothing here says Tolima is a team rather than a man.
    no_evidence = "The league round of matches opens. Tolima won, and now he wants the title.\n"
    assert not _flagged(no_evidence, "MT729")


def test_team_he_stops_at_a_person_who_acts() -> None:
    story = (
        "Tolima vs. Junior opens the league round of matches. Tolima won, and Soto said he "
        "wants the title.\n"
    )
    assert not _flagged(story, "MT729")


def test_your_is_left_where_the_sentence_speaks_to_the_reader() -> None:
    assert _flagged("TV Azteca made changes to your schedule this year.\n", "MT723") == ["your"]
    for text in (
        "If you travel, check your passport before the trip.\n",
        "Here is what your vote means for the city council.\n",
        "Will the new law change your pension next year?\n",
    ):
        assert not _flagged(text, "MT723"), text


def test_capital_openers_after_a_lower_case_word_but_not_in_names() -> None:
    assert _flagged("Sixty men were held After attacking the hospital.\n", "MT814") == ["After"]
    for text in (
        "The Group of Seven nations met.\n",
        "The twist came in season Two of the show.\n",
        "Peru Beat Chile After Extra Time And Reach The Final\n",
    ):
        assert not _flagged(text, "MT814"), text


def test_acronym_opener_takes_the_article_the_article_gives_it() -> None:
    text = "Rates rose, the BCV said. BCV reported the result.\n"
    fixed = fix_text(text, unsafe=True)
    assert fixed == "Rates rose, the BCV said. The BCV reported the result.\n"
    assert not _flagged("NATO met. NATO reported no losses.\n", "MT730")


def test_a_pronoun_after_a_subject_that_has_no_verb_repeats_it() -> None:
    assert _flagged("The police and the prosecutors They raided six houses.\n", "MT740") == ["They"]
    assert _flagged("On Sunday, Tigres and Rayados they tied at one goal.\n", "MT740") == ["they"]
    assert fix_text("Tigres and Rayados they tied.\n", unsafe=True) == "Tigres and Rayados tied.\n"


def test_a_capital_pronoun_after_a_name_is_one_finding_of_the_casing_rule() -> None:
    text = "The coach Ana Díaz She has won the league.\n"
    assert not _flagged(text, "MT740")
    assert _flagged(text, "MT813") == ["She"]


def test_a_clause_english_allows_keeps_its_pronoun() -> None:
    native = (
        "In Lima they celebrated. Years later they met again. The jump it made was big. "
        "Officials disputed claims he had fled. The man Soto told he would win left. "
        "A thumping it may well have been.\n"
    )
    assert not _flagged(native, "MT740")


def test_which_with_a_time_phrase_and_a_pronoun_is_a_second_subject() -> None:
    assert _flagged("The peso, which on Tuesday it fell 12 cents, closed low.\n", "MT740") == ["it"]
    # "which" as the object of a transitive verb: English is right.
    assert not _flagged("The report, which on Monday it published, names ten.\n", "MT740")


def test_a_woman_named_with_a_title_is_the_title_later() -> None:
    text = (
        "Opposition leader Marta Gil won the primary. A court barred her. "
        "The opposition leader rejected the ruling, arguing that he should run.\n"
    )
    assert _flagged(text, "MT720") == ["he"]
    shared = text.replace("A court barred her.", "Opposition leader Pablo Ruiz lost.")
    assert not _flagged(shared, "MT720")


def test_the_before_a_person_or_a_city_the_article_names_bare_elsewhere() -> None:
    person = "Nicolás Maduro spoke. The rate was set by the Nicolás Maduro to counter it.\n"
    assert _flagged(person, "MT742") == ["the "]
    city = "Guadalajara waits. It saw the debut of the Guadalajara Sergio Pérez.\n"
    assert _flagged(city, "MT742") == ["the Guadalajara"]
    # Written with "the" every time, the name takes it (the Kremlin, the Hague).
    assert not _flagged("The rate was set by the Nicolás Maduro to counter it.\n", "MT742")
    modifiers = (
        "Nicolás Maduro and Lima spoke. The Nicolás Maduro government and the Lima office "
        "met; the Bilbao, Spain-based bank.\n"
    )
    assert not _flagged(modifiers, "MT742")


def test_a_speaker_given_as_a_pronoun_and_a_name() -> None:
    text = "“It will not change,” he added Soto during the ceremony.\n"
    assert fix_text(text, unsafe=True) == "“It will not change,” Soto added during the ceremony.\n"
    assert not _flagged("“It will not change,” he said Monday.\n", "MT741")


def test_a_womans_surname_as_a_possessive_keeps_her_as_the_subject() -> None:
    text = (
        "The new face is Violeta Gómez, a presenter in Cali.\n\n"
        "Gómez’s career did not begin with his appearance on the show, since he also sings."
    )
    assert _flagged(text, "MT720") == ["his", "he"]


def test_a_person_named_by_a_noun_after_a_woman_may_be_the_one_meant() -> None:
    text = (
        "The detainee’s sister, Miriam Apaza, said she went to the station in La Paz. "
        "According to her, the leader was arrested when he arrived at the market."
    )
    assert _flagged(text, "MT720") == []


def test_a_bare_percentage_loses_the_spanish_article() -> None:
    assert fix_text("The show in Madrid led with a 11.5% and 900,000 viewers.") == (
        "The show in Madrid led with 11.5% and 900,000 viewers."
    )
    assert _flagged("A 5% rise in Lima surprised analysts.", "MT747") == []


def test_a_nationality_before_a_persons_name_loses_the_spanish_article() -> None:
    text = "She recorded with the Colombian J Balvin and the Spanish Rosalía in Madrid.\n"
    assert _flagged(text, "MT742") == ["the ", "the "]
    assert _flagged("The Spanish Civil War and the Mexican Congress met.\n", "MT742") == []


def test_an_agency_acronym_said_as_a_word_is_named_bare() -> None:
    text = "The State Meteorological Agency (Aemet) expects rain. The Aemet warns of storms.\n"
    assert fix_text(text).endswith("Aemet warns of storms.\n")
    assert _flagged("The Aemet headquarters in Madrid closed.\n", "MT748") == []


def test_an_adverb_opening_the_sentence_is_no_subject_said_twice() -> None:
    assert _flagged("Previously she had sung with Rosalía in Madrid.\n", "MT740") == []


def test_an_article_before_a_known_word_acronym_in_capitals() -> None:
    assert (
        fix_text("The AEMET warns of rain in Valencia.\n") == "AEMET warns of rain in Valencia.\n"
    )
    assert _flagged("The Sinager said the alert stays.\n", "MT748") == ["The Sinager"]


def test_capitals_that_are_no_known_word_acronym_keep_their_article() -> None:
    assert _flagged("The NASA said the launch moved. The BEATLES were a band.\n", "MT748") == []


def test_a_body_named_in_two_capitals_is_no_one_the_pronoun_may_mean() -> None:
    text = (
        "The Minister of Government, María Paula Romo, spoke in Quito.\n\n"
        "Later, Romo said that the Ecuadorian Police took part, but he gave no names.\n"
    )
    assert _flagged(text, "MT720") == ["he"]
    # Two capitals that may be a person's name still stop the woman from carrying over.
    other = text.replace("the Ecuadorian Police", "Carlos Vela")
    assert _flagged(other, "MT720") == []


def test_he_after_an_opening_phrase_in_the_paragraph_after_hers() -> None:
    text = (
        "Interior Minister María Paula Romo said on Twitter that the police ran an operation.\n\n"
        "As a first result of the operations, he mentioned a ton of seized drugs.\n"
    )
    assert _flagged(text, "MT720") == ["he"]
    # A man named in the opening phrase is the one the pronoun may mean.
    other = text.replace("As a first result of the operations", "Asked by Juan Soto")
    assert _flagged(other, "MT720") == []


def test_the_paragraph_after_an_institution_may_go_on_with_he() -> None:
    text = (
        "The Honduran government regretted the deaths and sent its condolences.\n\n"
        "He also requested respect for the families.\n"
    )
    assert _flagged(text, "MT719") == ["He"]
    named = text.replace("sent its condolences", "thanked Juan Soto")
    assert _flagged(named, "MT719") == []
    two_paragraphs_on = text.replace("\n\nHe", "\n\nThe rains went on.\n\nHe")
    assert _flagged(two_paragraphs_on, "MT719") == []


def test_a_known_club_as_subject_of_a_sport_story_is_it() -> None:
    text = (
        "River Plate won 2-0 and reached the best run in his history.\n"
        "The coach praised the players after the match.\n"
    )
    assert _flagged(text, "MT729") == ["his"]
    # Outside a sport story the name is no team's; a player who acts stops the search.
    assert _flagged("River Plate rose in his history.\n", "MT729") == []
    acted = text.replace("and reached", "and Julián Álvarez scored in")
    assert _flagged(acted, "MT729") == []
