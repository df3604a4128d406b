"""The compiled-rule cache and the lexicon table: data on disk, reused, rebuilt when bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck import compiled, lexicon
from mtcheck.loader import load_rules
from mtcheck.resources import rules_dir


def _fresh_rules():  # type: ignore[no-untyped-def]
    return load_rules([rules_dir()])


def test_derived_values_are_written_then_read_back(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = _fresh_rules()
    compiled.prepare(first, tmp_path)
    [written] = list(tmp_path.glob("compiled-*.json"))
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["MT105"]["_anchors"] == sorted(
        first[[r.info.id for r in first].index("MT105")].anchors()
    )

    second = _fresh_rules()
    monkeypatch.setattr(
        "mtcheck.kinds.phrase.PhraseRule.derive_anchors",
        lambda self: pytest.fail("derived again despite a valid cache"),
    )
    compiled.prepare(second, tmp_path)
    assert [r.anchors() for r in second] == [r.anchors() for r in first]
    assert [getattr(r, "reach", None) for r in second] == [getattr(r, "reach", None) for r in first]


def test_a_cached_translation_runs_the_same_engine_without_parsing_the_pattern(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    first = _fresh_rules()
    compiled.prepare(first, tmp_path)
    engines = {r.info.id: r.regex.engine for r in first if r.kind in ("pattern", "line")}
    assert set(engines.values()) == {"re2", "budget"}

    second = _fresh_rules()
    compiled.prepare(second, tmp_path)
    monkeypatch.setattr(
        "mtcheck.safe_regex.translate", lambda *a: pytest.fail("translated again despite a cache")
    )
    regexes = {r.info.id: r.regex for r in second if r.kind in ("pattern", "line")}
    assert {rule_id: regex.engine for rule_id, regex in regexes.items()} == engines
    on_re2 = [regex for regex in regexes.values() if regex.engine == "re2"]
    assert all("python" not in regex.__dict__ for regex in on_re2)  # Python's never compiled
    sample = next(r for r in second if engines.get(r.info.id) == "re2" and r.info.examples)
    for example in sample.info.examples:
        assert any(True for _ in sample.regex.finditer(example.text))


def test_a_teams_own_rules_never_make_the_bundled_ones_be_derived_again(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    compiled.prepare(_fresh_rules(), cache)
    derived: list[set[str]] = []
    derive = compiled._derive_and_store

    def counted(rules, path):  # type: ignore[no-untyped-def]
        derived.append({rule.info.id for rule in rules})
        derive(rules, path)

    monkeypatch.setattr(compiled, "_derive_and_store", counted)
    team = tmp_path / "team"
    team.mkdir()
    for version in ("hearing", "hearings"):
        (team / "house.toml").write_text(
            f'[[rule]]\nid = "HS001"\nname = "house-{version}"\ncategory = "calque"\n'
            f'kind = "phrase"\nmessage = "House style"\nmatch = ["the {version} was"]\n',
            encoding="utf-8",
        )
        rules = load_rules([rules_dir(), team])
        compiled.prepare(rules, cache)
        assert next(r for r in rules if r.info.id == "HS001").anchors()
    assert derived == [{"HS001"}, {"HS001"}]  # the bundled catalogue came from its cache
    assert len(list(cache.glob("compiled-*.json"))) == 3


def test_an_invalid_compiled_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    rules = _fresh_rules()
    compiled.prepare(rules, tmp_path)
    [written] = list(tmp_path.glob("compiled-*.json"))
    data = json.loads(written.read_text(encoding="utf-8"))
    data["MT105"]["reach"] = ["x", 1, 2, 3]
    written.write_text(json.dumps(data), encoding="utf-8")
    again = _fresh_rules()
    compiled.prepare(again, tmp_path)
    assert [r.anchors() for r in again] == [r.anchors() for r in rules]
    assert json.loads(written.read_text(encoding="utf-8"))["MT105"]["reach"][0] != "x"


def test_a_corrupt_lexicon_table_is_rebuilt(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    table = tmp_path / f"lexicon-v{lexicon._FORMAT}-{lexicon._source_stamp()}.sqlite"
    table.write_bytes(b"not a database at all" * 100)
    fresh = lexicon._Table()
    assert fresh.lookup("en", "the") > 7.0 and fresh.lookup("es", "que") > 7.0
    assert fresh.lookup("en", "qzxv") == 0.0
    assert table.read_bytes()[:15] == b"SQLite format 3"


def _pack(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(body, encoding="utf-8")
    return folder


_RULE = """
[[rule]]
id = "XX{n}"
name = "rule-{n}"
category = "calque"
kind = "{kind}"
message = "flagged"
{body}
"""


def test_rule_tables_are_cached_and_read_back_without_parsing_toml(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    pack = _pack(
        tmp_path / "rules",
        _RULE.format(n=101, kind="pattern", body='pattern = "\\\\bfoo(?P<flag>bar)"')
        + _RULE.format(n=102, kind="phrase", body='match = ["in charge of"]'),
    )
    first = load_rules([pack])
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 1
    monkeypatch.setattr("tomllib.loads", lambda text: pytest.fail("parsed again"))
    second = load_rules([pack])
    assert [r.info for r in second] == [r.info for r in first]
    assert second[0].info.line == first[0].info.line == 2
    assert "python" not in second[0].regex.__dict__  # compiled on first use, not at load
    assert second[0].regex.search("a foobar") is not None


def test_a_changed_rule_file_is_parsed_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    pack = _pack(tmp_path / "rules", _RULE.format(n=101, kind="phrase", body='match = ["a b"]'))
    assert [r.info.id for r in load_rules([pack])] == ["XX101"]
    more = _RULE.format(n=101, kind="phrase", body='match = ["a b"]') + _RULE.format(
        n=102, kind="phrase", body='match = ["c d"]'
    )
    _pack(pack, more)
    assert [r.info.id for r in load_rules([pack])] == ["XX101", "XX102"]


@pytest.mark.parametrize(
    "corrupt",
    [
        "not json at all {",
        "[]",
        '[["elsewhere.toml", [2], [{}]]]',
        json.dumps([["PATH", [2], [{"id": "XX101", "kind": "nonsense"}]]]),
        json.dumps([["PATH", [2, 3], [{}]]]),
    ],
)
def test_a_corrupt_rule_cache_is_ignored_and_rebuilt(
    tmp_path: Path,
    monkeypatch,
    corrupt: str,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    pack = _pack(tmp_path / "rules", _RULE.format(n=101, kind="phrase", body='match = ["a b"]'))
    load_rules([pack])
    [written] = list((tmp_path / "cache").glob("rules-*.json"))
    written.write_text(corrupt.replace("PATH", str(pack / "pack.toml")), encoding="utf-8")
    rules = load_rules([pack])
    assert [r.info.id for r in rules] == ["XX101"] and rules[0].phrases == ("a b",)
    assert json.loads(written.read_text(encoding="utf-8"))[0][2][0]["id"] == "XX101"


def test_a_rule_file_with_an_error_is_never_cached(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck.errors import RuleError

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    bad = _RULE.format(n=101, kind="pattern", body='pattern = "(unclosed"')
    pack = _pack(tmp_path / "rules", bad)
    for _ in range(2):  # the second time too: the error is found by parsing, not cached
        with pytest.raises(RuleError, match="bad regular expression"):
            load_rules([pack])
    assert not list((tmp_path / "cache").glob("rules-*.json"))


def _langdetect_own(text: str) -> list[tuple[str, float]]:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return [(guess.lang, guess.prob) for guess in detect_langs(text)]


_SENTENCES = [
    "El presidente dijo que los ministros del gobierno no tienen una respuesta.",
    "The minister said that the government has no answer to the crisis yet.",
    "Los diputados aprobaron la reforma para que el Congreso vote el martes.",
    "O governo disse que a reforma será votada na próxima semana.",
    "Il governo ha detto che la riforma sarà votata la prossima settimana.",
    "dijo que",
    "Banco de la República",
]


def test_the_stored_language_profiles_give_langdetects_own_guesses(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from mtcheck import langprofiles

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    langprofiles.factory.cache_clear()
    try:
        made = langprofiles.factory()
        assert len(list(tmp_path.glob("langprofiles-*.sqlite"))) == 1
        assert isinstance(made.word_lang_prob_map, langprofiles._Vectors)
        for sentence in _SENTENCES:
            detector = made.create()
            detector.append(sentence)
            guesses = [(g.lang, g.prob) for g in detector.get_probabilities()]
            assert guesses == _langdetect_own(sentence), sentence
    finally:
        langprofiles.factory.cache_clear()


def test_a_corrupt_language_profile_table_is_rebuilt(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck import langprofiles

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    stamp = langprofiles._stamp(langprofiles._profiles_directory())
    table = tmp_path / f"langprofiles-v{langprofiles._FORMAT}-{stamp}.sqlite"
    table.write_bytes(b"not a database" * 100)
    langprofiles.factory.cache_clear()
    try:
        detector = langprofiles.factory().create()
        detector.append(_SENTENCES[0])
        assert detector.detect() == "es"
        assert table.read_bytes()[:15] == b"SQLite format 3"
    finally:
        langprofiles.factory.cache_clear()
