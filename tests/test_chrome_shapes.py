"""Site chrome and scraped code recognised by their shape."""

from __future__ import annotations

import pytest

from mtcheck import check_text, fix_text

_SCRIPT = (
    "The vote is on Monday.\n\n"
    "slots.push({\ncode: 'politics_inner',\nmediaTypes: {\nbanner: {\n"
    "sizes: (navigator.userAgent.match(/iPhone/i)) ? [[300, 250]] : [[728, 90]]\n}\n},\n"
    "bids: [{\nbidder: 'acme',\nparams: {\nplacementId: '1234'\n}\n}]\n});\n\n"
    "Congress met on Tuesday.\n"
)


def test_scraped_code_is_one_finding_with_nothing_inside() -> None:
    findings = check_text(_SCRIPT)
    assert [f.rule_id for f in findings] == ["MT026"]
    assert fix_text(_SCRIPT) == "The vote is on Monday.\n\nCongress met on Tuesday.\n"


def test_prose_with_brackets_is_not_code() -> None:
    text = "The law (article 5) sets a cap [of 10%]; the court agreed.\nIt said: fine.\nIt ended.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT026"]


def test_a_capital_word_the_article_uses_again_is_a_subheading() -> None:
    text = "Miners invest.\n\nGLENCORE\n\nGlencore said output rose.\n\nBRIEFCASE\n"
    flagged = [f.matched for f in check_text(text) if f.rule_id == "MT027"]
    assert flagged == ["BRIEFCASE"]


def test_a_named_byline_and_a_live_blog_time_stay() -> None:
    text = "By Ana Ruiz\n\n10:05 a.m.\n\nThe storm hit the coast.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]


def test_a_lone_word_among_short_lines_is_a_table_cell_or_menu_item() -> None:
    text = "The vote passed after a long debate.\n\nBench\n\nFuerza Popular 21\n\nIt ended late.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]


def _chrome(text: str) -> list[str]:
    return [f.matched for f in check_text(text) if f.category == "boilerplate"]


def test_a_headline_scraped_twice_loses_its_second_copy() -> None:
    text = (
        "Prosecutors appeal the ruling on the sentence\n\nMADRID, 15 Sep.\n\n"
        "Prosecutors appeal the ruling on the sentence\n\nThe office said it would appeal.\n"
    )
    assert fix_text(text) == (
        "Prosecutors appeal the ruling on the sentence\n\nThe office said it would appeal.\n"
    )


def test_a_short_line_may_repeat() -> None:
    text = "Results\n\nThe first round ended.\n\nResults\n\nThe second round ended too.\n"
    assert not [f for f in check_text(text) if "twice" in f.message]


def test_the_headline_under_a_story_link_goes_with_it() -> None:
    text = "The minister spoke.\n\nPrevious Story\n\nThe Senate once again expands the “Trai\n"
    assert fix_text(text) == "The minister spoke.\n"


def test_a_sentence_after_a_story_link_is_not_a_headline() -> None:
    text = "Previous story\n\nThe Senate met on Monday and approved the law.\n"
    assert "The Senate met" in fix_text(text)


def test_a_row_of_tags_is_chrome_but_a_title_case_headline_is_not() -> None:
    tags = "The court ruled.\n\nFeatured CGPJ Russia Carles Puigdemont Ukraine Terrorism\n"
    assert _chrome(tags) == ["Featured CGPJ Russia Carles Puigdemont Ukraine Terrorism"]
    headline = "The court ruled.\n\nPutin Arrives In Minsk For Talks With Lukashenko\n"
    assert _chrome(headline) == []


def test_a_city_before_the_header_date_and_a_dateline_before_the_story() -> None:
    assert _chrome("The court ruled.\n\nMADRID, 15 Sep.\n") == ["MADRID, 15 Sep."]
    assert _chrome("MADRID, 15 Sep. (EUROPA PRESS) - The court ruled.\n") == []


def test_markdown_keeps_its_title_repeated_in_the_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mtcheck.api import check_file

    article = tmp_path / "a.md"
    article.write_text(
        '---\ntitle: "Santiago registers the year\'s highest heat"\n---\n\n'
        "Santiago registers the year's highest heat\n"
        "==========================================\n\nThe city reached 37 degrees.\n"
    )
    assert not [f for f in check_file(article) if "twice" in f.message]


def test_the_stored_date_goes_and_the_line_it_ran_into_stays() -> None:
    text = "date 2023-05-08 The minister resigned on Monday.\n"
    assert fix_text(text) == "The minister resigned on Monday.\n"


def test_a_source_credit_stays_for_its_name_to_be_mended() -> None:
    # The seed and MT3100 keep "Source: OUTLET" and mend the outlet's name.
    text = "The canal needs more water.\n\nSource: Lima City Council\n\nSource: AP\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]


def test_the_page_title_with_the_site_goes_above_its_headline() -> None:
    text = "Rain will go on until tonight - Expat News\nRain will go on until tonight\nIt rained.\n"
    assert fix_text(text) == "Rain will go on until tonight\nIt rained.\n"


def test_a_headline_with_a_dash_but_no_copy_below_stays() -> None:
    text = "Peru beat Chile in Lima - a night to remember\nThe team won 2-0.\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]


def test_an_agency_dateline_stays_and_a_trailing_date_is_unsafe() -> None:
    text = (
        "LIMA, 15 Sep. (EUROPA PRESS) -\n\nThe court met.\n\n"
        "Tigers vs Lions in Caracas.\nNovember 25, 2019\n"
    )
    chrome = [f for f in check_text(text) if f.rule_id == "MT027"]
    assert [f.matched for f in chrome] == ["November 25, 2019"]
    assert chrome[0].fix is not None and chrome[0].fix.applicability.name == "UNSAFE"


def test_a_spanish_comment_form_line_is_deleted_not_sent_for_translation() -> None:
    text = "The beds are full.\n\nLeave a Reply\n\nTu dirección de correo no será publicada.\n"
    findings = check_text(text)
    assert [(f.rule_id, f.category) for f in findings] == [
        ("MT028", "boilerplate"),
        ("MT028", "boilerplate"),
    ]
    assert fix_text(text) == "The beds are full.\n"


def test_a_table_delimiter_row_is_part_of_the_table_and_a_lone_rule_is_chrome() -> None:
    table = "Results rose.\n\nItem | Q2 | Q1 |\n---|---|---|\nRevenue | 6.8 | 6.7 |\n"
    assert not [f for f in check_text(table) if f.rule_id == "MT027"]
    lone = "Results rose.\n\n---|---|---|\n\nThe board met.\n"
    assert [f.matched for f in check_text(lone) if f.rule_id == "MT027"] == ["---|---|---|"]


def test_ad_slot_image_names_go_and_a_code_word_in_prose_stays() -> None:
    text = (
        "The court ruled on Monday.\n\n20240604_campaign_728x90\n\nsummer_sale-300x250\n\n"
        "20231124_health_week\n\nThe file was named case_2023 in the ruling.\n"
    )
    assert (
        fix_text(text)
        == "The court ruled on Monday.\n\nThe file was named case_2023 in the ruling.\n"
    )


def test_slider_controls_go_but_a_sentence_about_arrows_stays() -> None:
    text = (
        "The court ruled on Monday.\n\nprevious arrow\nnext arrow\n\n"
        "The next arrow pointed to the exit.\n"
    )
    assert _chrome(text) == ["previous arrow", "next arrow"]


def test_a_site_dateline_with_its_glued_update_stamp_goes() -> None:
    text = (
        "Lima, December 6, 2021Updated on 12/06/2021 09:18 pm\n\n"
        "The court ruled on Monday.\n\nLima, December 6, 2021, was a cold day.\n"
    )
    assert _chrome(text) == ["Lima, December 6, 2021Updated on 12/06/2021 09:18 pm"]


def test_a_day_and_month_before_an_empty_bar_goes_but_a_timeline_date_stays() -> None:
    text = "October 24 |\n\nThe court ruled.\n\nOctober 24\n\nThe appeal was heard.\n"
    assert _chrome(text) == ["October 24 |"]


def test_an_archive_header_and_a_cut_teaser_go_but_an_elided_quotation_stays() -> None:
    text = (
        "Tag Archives: blockade\n\nThe court ruled on Monday.\n\n"
        "Ministers met in the palace to discuss the budget and […]\n\n"
        "He said the plan […] would be ready in May.\n"
    )
    assert _chrome(text) == [
        "Tag Archives: blockade",
        "Ministers met in the palace to discuss the budget and […]",
    ]


def test_a_credit_under_two_photos_keeps_one_copy_of_each_pair() -> None:
    credit = "Facebook / Archdiocese of Santiago de Cuba"
    text = (
        f"The pilgrims walked to El Cobre on Sunday.\n\n{credit}\n\n{credit}\n\n"
        f"The archbishop spoke at noon in the square.\n\n{credit}\n\n{credit}\n\nIt ended.\n"
    )
    fixed = fix_text(text)
    assert fixed.count(credit) == 2 and "The archbishop spoke" in fixed


def test_a_headline_scraped_again_below_its_date_is_still_removed() -> None:
    headline = "Rain returns to Lima this week"
    text = f"{headline}\n\nMay 3, 2024\n\n{headline}\n\nIt rained.\n"
    assert fix_text(text).count("Rain returns to Lima this week") == 1


def test_a_caption_with_its_credit_is_offered_not_removed() -> None:
    text = "The parade went on.\n\nMontevideo Carnival. Photo: Ana Ruiz\n\nIt ended at dawn.\n"
    caption = [f for f in check_text(text) if "Carnival" in f.matched]
    assert caption and all(f.fix is None or f.fix.applicability.label != "safe" for f in caption)
    assert "Montevideo Carnival" in fix_text(text)


def test_a_word_alone_on_its_line_is_offered_for_removal_not_removed() -> None:
    text = (
        "Rain will fall in Mendoza all week, the service said on Monday.\n\n"
        "Themes\n\nThe roads were closed.\n"
    )
    lone = [f for f in check_text(text) if f.matched.strip() == "Themes"]
    assert lone and lone[0].fix is not None and lone[0].fix.applicability.label == "unsafe"
    assert "Themes" in fix_text(text)


# Shapes counted on the tuning set of 2026-12-04 (our own text in the same shapes).
@pytest.mark.parametrize(
    "line",
    [
        "Andes Courier 2023-05-31 17:37:13",  # the site's name and the post's stamp
        "Ana Ruiz 20220513",  # a photo's alt text: a name and the file's date
        "<! –",  # an HTML comment whose dashes were made typographic
        "Video: LPG/Ana Ruiz. pic.twitter.com/Fw2qHHoYX2",  # an embedded video's credit
        "Your browser doesn’t support iframes",
        "RECOMMENDED VIDEO",
        "Relatives wait outside the prison in Guayaquil, on April 14, 2023. ANA RUIZ (REUTERS)",
        "The change has been reflected in the exchange rate. (Infobae)",
    ],
)
def test_chrome_shapes_of_the_2026_12_04_tuning_set_go(line: str) -> None:
    text = f"The team trained on Monday, the coach said.\n\n{line}\n\nIt rained on Tuesday.\n"
    assert fix_text(text, unsafe=True) == (
        "The team trained on Monday, the coach said.\n\nIt rained on Tuesday.\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "The vote is set for 2023-05-31 in Lima.",
        "Ana Ruiz scored 20220513 points in the game",
        "The minister spoke. Then he left for the airport. (EFE)",
        "Six held in raids pic.twitter.com/AbC123 — City Police (@citypolice) June 3, 2024",
    ],
)
def test_prose_in_those_shapes_stays(line: str) -> None:
    text = f"The team trained on Monday, the coach said.\n\n{line}\n"
    assert not [f for f in check_text(text) if f.rule_id == "MT027"]


def test_a_section_kicker_before_the_headline_goes() -> None:
    text = "LIVE | Colo Colo gets its striker back for the final\n\nThe team trained.\n"
    assert fix_text(text) == "Colo Colo gets its striker back for the final\n\nThe team trained.\n"


def test_a_row_of_names_between_bars_is_not_a_kicker() -> None:
    text = "The team trained.\n\nTEAM | POINTS | GOALS\n\nIt rained.\n"
    assert not [f for f in check_text(text) if "kicker" in f.message]


def test_a_byline_scraped_twice_loses_its_copy() -> None:
    text = "Rain in Lima\n\nAna Ruiz\nAna Ruiz\n\nIt rained on Monday.\n"
    assert fix_text(text) == "Rain in Lima\n\nAna Ruiz\n\nIt rained on Monday.\n"
