"""Checks against the Spanish original: alignment, numbers, names, and the CLI around them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.bilingual.align import align
from mtcheck.bilingual.names import translated_names
from mtcheck.bilingual.numbers import english_form, english_numbers, spanish_numbers
from mtcheck.bilingual.segments import split
from mtcheck.document import Document
from mtcheck.engine import check, default_ruleset
from mtcheck.model import Applicability
from mtcheck.sources import Originals, check_pattern

SPANISH = (
    "El Congreso aprobó la ley con 87 votos. "
    "La oposición votó en contra y anunció que recurrirá al Tribunal Constitucional. "
    "Según el diario El Tiempo, la norma costará 1.385 millones de dólares.\n"
)
ENGLISH = (
    "Congress approved the law with 78 votes. "
    "According to the newspaper The Time, the rule will cost 1.385 million dollars.\n"
)


def _findings(english: str, spanish: str | None):  # type: ignore[no-untyped-def]
    original = Document(spanish) if spanish is not None else None
    return check(Document(english, original=original), default_ruleset())


# Sentences and alignment


def test_sentences_keep_abbreviations_and_initials_whole() -> None:
    text = "El Sr. Pérez viajó a EE.UU. el lunes. Juan F. Kennedy habló.\nOtra línea"
    assert [s.text for s in split(text)] == [
        "El Sr. Pérez viajó a EE.UU. el lunes.",
        "Juan F. Kennedy habló.",
        "Otra línea",
    ]


def test_alignment_leaves_a_dropped_sentence_unpaired() -> None:
    alignment = align(SPANISH, ENGLISH)
    assert [(p.source, p.target) for p in alignment.pairs] == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
    ]


def test_alignment_pairs_two_sentences_with_one_glued_across_the_stop() -> None:
    spanish = "El peso cerró en 3.890 por dólar. La moneda se apreció 4% en el mes."
    english = "The peso closed at 3,890 per dollar.the currency appreciated 4% in the month."
    pairs = align(spanish, english).pairs
    assert [(p.source, p.target) for p in pairs] == [((0, 1), (0,))]


def test_alignment_of_an_empty_side_reports_every_sentence_unpaired() -> None:
    pairs = align("Una frase. Otra frase.", "").pairs
    assert [(p.source, p.target) for p in pairs] == [((0,), ()), ((1,), ())]


# Numbers


@pytest.mark.parametrize(
    ("spanish", "value", "expected"),
    [
        ("200.000", Decimal(200000), "200,000"),
        ("3,5", Decimal("3.5"), "3.5"),
        ("1.385 millones", Decimal("1385e6"), "1.385 billion"),
        ("71.000 millones", Decimal("71e9"), "71 billion"),
        ("1 billón", Decimal("1e12"), "1 trillion"),
        ("2,4 millones", Decimal("2.4e6"), "2.4 million"),
        ("30 mil", Decimal(30000), "30,000"),
        ("dos", Decimal(2), "two"),
        ("2024", Decimal(2024), "2024"),
    ],
)
def test_spanish_numbers_read_and_written_the_english_way(
    spanish: str, value: Decimal, expected: str
) -> None:
    (number,) = spanish_numbers(f"Son {spanish} en total.")
    assert number.values[0] == value
    assert english_form(value, number) == expected


def test_english_numbers_keep_the_spanish_reading_as_foreign() -> None:
    (number,) = english_numbers("It cost 200.000 pesos.")
    assert number.values == (Decimal("200.000"),) and number.foreign == (Decimal(200000),)


def test_clock_times_are_not_compared() -> None:
    assert spanish_numbers("a las 15.00 horas") == []
    assert english_numbers("at 3 p.m.") == []


@pytest.mark.parametrize(
    ("spanish", "english", "fixed"),
    [
        ("Marcharon 200.000 personas.", "200.000 people marched.", "200,000 people marched."),
        ("Subió 3,5%.", "It rose 3,5%.", "It rose 3.5%."),
        ("Debe 1 billón de pesos.", "It owes 1 billion pesos.", "It owes 1 trillion pesos."),
        ("Debe un billón de pesos.", "It owes one billion pesos.", "It owes one trillion pesos."),
        ("Costó 1.385 millones.", "It cost 1.385 million.", "It cost 1.385 billion."),
    ],
)
def test_number_conversions_the_original_settles_are_safe(
    spanish: str, english: str, fixed: str
) -> None:
    findings = [f for f in _findings(english, spanish) if f.category == "number-format"]
    assert findings and all(f.fix is not None for f in findings)
    assert any(f.fix.applicability == Applicability.SAFE for f in findings if f.fix)
    from mtcheck.api import fix_document

    document = Document(english, original=Document(spanish))
    assert fix_document(document, default_ruleset()).text == fixed


def test_a_different_figure_is_an_unsafe_fix_and_a_converted_one_is_fine() -> None:
    findings = _findings(
        "It left 41 dead and 200,000 homeless.", "Dejó 14 muertos y 200.000 damnificados."
    )
    (wrong,) = [f for f in findings if f.rule_id == "MT950"]
    assert wrong.matched == "41" and wrong.suggestions == ("14",)
    assert wrong.fix is not None and wrong.fix.applicability == Applicability.UNSAFE


def test_a_number_missing_from_the_translation_is_an_omission() -> None:
    findings = _findings(
        "The earthquake left injured in Arica.", "El sismo de magnitud 6,2 dejó heridos en Arica."
    )
    (missing,) = [f for f in findings if f.rule_id == "MT951"]
    assert missing.category == "omission" and "6,2" in missing.message


# Names


def test_translated_names_are_found_word_by_word_and_in_english_order() -> None:
    found = translated_names(
        "Pablo Iglesias habló en la Casa Rosada con el diario El Tiempo.",
        "Paul Churches spoke at the Pink House with the newspaper The Time.",
    )
    assert [f.name for f in found] == ["Pablo Iglesias", "Casa Rosada", "El Tiempo"]


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("Biden habló en la Casa Blanca.", "Biden spoke at the White House."),
        ("Visitó las iglesias de Lima.", "He visited the churches of Lima."),
        ("Fuentes de Génova replicaron.", "Sources of Génova replied."),
        ("Pablo Iglesias habló.", "Pablo Iglesias spoke."),
    ],
)
def test_names_kept_or_rightly_translated_are_not_flagged(spanish: str, english: str) -> None:
    assert translated_names(spanish, english) == []


def test_a_translated_name_gets_the_originals_form_as_a_safe_fix() -> None:
    findings = _findings("Minister Joseph Mary Pérez spoke.", "El ministro José María Pérez habló.")
    names = [f for f in findings if f.category == "translated-name"]
    assert names and all(
        f.fix is not None and f.fix.applicability == Applicability.SAFE for f in names
    )
    assert any("José María" in f.suggestions[0] for f in names)


# Omissions, additions, untranslated, quotations


def test_a_dropped_sentence_is_reported_where_it_belongs() -> None:
    findings = _findings(ENGLISH, SPANISH)
    (omission,) = [f for f in findings if f.category == "omission"]
    assert omission.matched.startswith("Congress approved")
    assert "La oposición votó en contra" in omission.message


def test_chrome_of_the_spanish_site_is_no_omission() -> None:
    spanish = "El Congreso aprobó la ley.\nComparte esta noticia en tus redes sociales\n"
    assert not [
        f for f in _findings("Congress approved the law.\n", spanish) if f.category == "omission"
    ]


def test_an_added_line_that_is_site_chrome_is_reported_once_as_chrome() -> None:
    findings = _findings(
        "Congress approved the law.\nFollow us on Google News\n", "El Congreso aprobó la ley.\n"
    )
    assert {f.category for f in findings} == {"boilerplate"}
    (chrome,) = findings
    assert "the original confirms it" in chrome.message


def test_untranslated_sentence_and_lost_quotation() -> None:
    findings = _findings(
        "Congress approved the law. La norma entra en vigor en el mes de enero.\n"
        "We will not back down, said the minister.\n",
        "El Congreso aprobó la ley. La norma entra en vigor en el mes de enero.\n"
        "«No vamos a retroceder», dijo la ministra.\n",
    )
    rules = {f.rule_id for f in findings}
    assert "MT956" in rules
    assert "MT955" in rules or any("original confirms" in f.message for f in findings)


# Confidence


def test_the_original_confirms_a_guess_and_makes_it_safe() -> None:
    english = "Putin visited belarus on Monday.\n"
    alone = [f for f in _findings(english, None) if f.category == "casing"]
    both = [
        f for f in _findings(english, "Putin visitó Belarús el lunes.\n") if f.category == "casing"
    ]
    assert len(alone) == len(both) == 1
    assert "original confirms" in both[0].message and "original" not in alone[0].message


def test_an_unsafe_guess_becomes_safe_when_the_original_settles_it() -> None:
    english = "He posted it on InstagramThe minister replied.\n"
    spanish = "Lo publicó en Instagram. El ministro respondió.\n"
    (alone,) = [f for f in _findings(english, None) if f.category == "glued-words"]
    (both,) = [f for f in _findings(english, spanish) if f.category == "glued-words"]
    assert alone.fix is not None and alone.fix.applicability == Applicability.UNSAFE
    assert both.fix is not None and both.fix.applicability == Applicability.SAFE


def test_without_an_original_the_comparing_rules_find_nothing() -> None:
    assert not [f for f in _findings(ENGLISH, None) if f.rule_id.startswith("MT95")]


# Locating originals


def test_pattern_names_and_recognises_originals(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "a.es.md").write_text("x", encoding="utf-8")
    (tmp_path / "b.es.md").write_text("x", encoding="utf-8")
    originals = Originals()
    assert originals.locate(str(tmp_path / "a.md")) == tmp_path / "a.es.md"
    assert originals.is_original(tmp_path / "a.es.md")
    assert not originals.is_original(tmp_path / "b.es.md")  # no article beside it
    assert not Originals(beside=False).is_original(tmp_path / "a.es.md")


def test_source_dir_mirrors_the_article_tree(tmp_path: Path) -> None:
    (tmp_path / "es" / "politics").mkdir(parents=True)
    original = tmp_path / "es" / "politics" / "x.md"
    original.write_text("x", encoding="utf-8")
    originals = Originals(folder=tmp_path / "es")
    assert originals.locate("en/politics/x.md") == original
    assert originals.locate("en/sport/y.md") is None


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("{stem}.es{suffix}", None),
        ("{stem}_es{suffix}", None),
        ("es-{name}", None),
        ("{suffix}", "must contain"),
        ("{stem}{suffix}", "would name the article itself"),
        ("es/{name}", "source-dir"),
        ("{stem}.{lang}{suffix}", "unknown field"),
    ],
)
def test_source_patterns_are_validated(pattern: str, problem: str | None) -> None:
    result = check_pattern(pattern)
    assert (result is None) if problem is None else (problem in (result or ""))


# The command line


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "article.es.txt").write_text(SPANISH, encoding="utf-8")
    return tmp_path


def test_check_finds_the_original_beside_the_article(run, pair: Path) -> None:
    result = run("check", "--format", "json", str(pair / "article.txt"))
    report = json.loads(result.out)
    (entry,) = report["files"]
    assert entry["source"] == str(pair / "article.es.txt")
    rules = {f["rule"] for f in entry["findings"]}
    assert {"MT950", "MT953"} <= rules


def test_walking_a_folder_skips_the_originals(run, pair: Path) -> None:
    result = run("check", "--format", "json", str(pair))
    assert [f["path"] for f in json.loads(result.out)["files"]] == [str(pair / "article.txt")]


def test_no_source_checks_alone(run, pair: Path) -> None:
    result = run("check", "--no-source", "--format", "json", str(pair / "article.txt"))
    (entry,) = json.loads(result.out)["files"]
    assert entry["source"] is None
    assert not [f for f in entry["findings"] if f["rule"].startswith("MT95")]


def test_explicit_source_and_source_dir(run, tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "en" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "es" / "a.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "en" / "b.txt").write_text("Congress met on Monday.\n", encoding="utf-8")
    explicit = run("check", "--format", "concise", str(tmp_path / "en" / "a.txt"),
                   "--source", str(tmp_path / "es" / "a.txt"))  # fmt: skip
    assert "MT953" in explicit.out
    folder = run(
        "check", "--format", "concise", "--source-dir", str(tmp_path / "es"), str(tmp_path / "en")
    )
    assert "MT953" in folder.out
    assert "1 of 2 articles have no original" in folder.err


def test_source_errors_are_one_line_with_exit_two(run, pair: Path, tmp_path: Path) -> None:
    missing = run("check", str(pair / "article.txt"), "--source", str(tmp_path / "none.txt"))
    assert missing.code == 2 and "none.txt: no such file" in missing.err
    two = run(
        "check",
        str(pair / "article.txt"),
        str(pair / "article.txt"),
        "--source",
        str(pair / "article.es.txt"),
    )
    assert two.code == 2 and "--source names the original of one article" in two.err
    bad = tmp_path / "bad.es.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    (tmp_path / "bad.txt").write_text(ENGLISH, encoding="utf-8")
    broken = run("check", str(tmp_path / "bad.txt"), "--source", str(bad), "--encoding", "ascii")
    assert (
        broken.code == 2
        and "bad.es.txt" in broken.err
        and len(broken.err.strip().splitlines()) == 1
    )
    nodir = run("check", str(pair / "article.txt"), "--source-dir", str(tmp_path / "nowhere"))
    assert nodir.code == 2 and "nowhere: source folder" in nodir.err


def test_fix_applies_the_fixes_the_original_settles(run, pair: Path) -> None:
    result = run("fix", "--stdout", str(pair / "article.txt"))
    assert "1.385 billion dollars" in result.out and "El Tiempo" in result.out
    assert "78 votes" in result.out  # a different figure is an unsafe fix: left for a person


def test_markdown_with_a_markdown_original(run, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "# Peso\n\nThe peso rose [0,8%](https://example.com) on *Friday*.\n", encoding="utf-8"
    )
    (tmp_path / "note.es.md").write_text(
        "# Peso\n\nEl peso subió [0,8%](https://example.com) el *viernes*. "
        "Los analistas esperan más volatilidad en las próximas semanas.\n",
        encoding="utf-8",
    )
    result = run("check", "--format", "json", str(tmp_path / "note.md"))
    findings = json.loads(result.out)["files"][0]["findings"]
    number = next(f for f in findings if f["category"] == "number-format")
    assert number["matched"] == "0,8" and "original confirms" in number["message"]
    assert number["fix"]["applicability"] == "safe"
    assert any(f["category"] == "omission" for f in findings)
    fixed = run("fix", "--stdout", str(tmp_path / "note.md")).out
    assert "[0.8%](https://example.com)" in fixed


def test_config_source_pattern_and_its_errors(run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a_es.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text(
        'source-pattern = "{stem}_es{suffix}"\n', encoding="utf-8"
    )
    result = run("check", "--format", "json", str(tmp_path))
    (entry,) = json.loads(result.out)["files"]
    assert entry["source"] == str(tmp_path / "a_es.txt")
    (tmp_path / "mtcheck.toml").write_text('source-pattern = "{suffix}"\n', encoding="utf-8")
    bad = run("check", str(tmp_path / "a.txt"))
    assert bad.code == 2 and "mtcheck.toml" in bad.err and "source-pattern" in bad.err


def test_the_cache_knows_the_original(run, pair: Path) -> None:
    first = run("check", "--format", "concise", str(pair / "article.txt"))
    (pair / "article.es.txt").write_text(SPANISH.replace("87", "78"), encoding="utf-8")
    second = run("check", "--format", "concise", str(pair / "article.txt"))
    assert "“78” differs" in first.out and "“78” differs" not in second.out


def test_many_files_on_two_cores_match_one(run, tmp_path: Path) -> None:
    for index in range(70):
        (tmp_path / f"a{index:02}.txt").write_text(ENGLISH, encoding="utf-8")
        (tmp_path / f"a{index:02}.es.txt").write_text(SPANISH, encoding="utf-8")
    serial = run("check", "--no-cache", "--jobs", "1", "--format", "concise", str(tmp_path))
    pooled = run("check", "--no-cache", "--jobs", "2", "--format", "concise", str(tmp_path))
    assert serial.out == pooled.out and serial.out.count("MT953") == 70


# Properties


_WORDS = st.sampled_from(
    "el la de Congreso ley votos 87 200.000 3,5% dijo Pablo Iglesias the law votes said "
    "Churches 1.385 millones billion «No» “Yes” Sr. EE.UU. .".split()
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(lambda w: " ".join(w) + ".")
_TEXT = st.lists(_SENTENCE, max_size=12).map(lambda s: "\n".join(s))


@given(_TEXT, _TEXT)
@settings(max_examples=150, deadline=None)
def test_alignment_covers_every_sentence_once_in_order(spanish: str, english: str) -> None:
    alignment = align(spanish, english)
    sources = [i for p in alignment.pairs for i in p.source]
    targets = [j for p in alignment.pairs for j in p.target]
    assert sources == list(range(len(alignment.source)))
    assert targets == list(range(len(alignment.target)))
    assert all(len(p.source) <= 2 and len(p.target) <= 2 for p in alignment.pairs)


@given(_TEXT, _TEXT)
@settings(max_examples=100, deadline=None)
def test_findings_with_any_original_point_into_the_text(spanish: str, english: str) -> None:
    if not english.strip():
        return
    for finding in _findings(english, spanish):
        assert 0 <= finding.span.start <= finding.span.end <= len(english)
        assert english[finding.span.start : finding.span.end] == finding.matched
