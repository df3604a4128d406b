from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.engine import default_ruleset
from mtcheck.errors import RuleError
from mtcheck.loader import load_file, load_rules
from mtcheck.resources import rules_dir

GOOD = """\
[defaults]
category = "calque"
kind = "phrase"

[[rule]]
id = "HS101"
name = "house-rule"
message = "m"
match = ["alpha beta"]
replace = ["gamma"]
fix = "safe"
examples = [{ text = "x alpha beta y", fixed = "x gamma y" }]
counterexamples = ["alphabet"]
"""


def _write(tmp_path: Path, text: str, name: str = "house.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads(tmp_path: Path) -> None:
    (rule,) = load_file(_write(tmp_path, GOOD))
    assert rule.info.id == "HS101" and rule.info.line == 5
    assert rule.info.category == "calque"


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (('id = "HS101"', 'id = "bad id"'), 6, "must look like MT123"),
        (('name = "house-rule"', 'name = "House Rule"'), 7, "kebab-case"),
        (
            ('message = "m"', 'message = "m"\ncolour = "red"'),
            9,
            "unknown key(s) for kind 'phrase': colour",
        ),
        (('fix = "safe"', 'fix = "maybe"'), 11, "unknown fix applicability"),
        (('replace = ["gamma"]', 'replace = ["gamma"\n'), 12, "Unclosed array"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, change, line: int, message: str) -> None:
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as error:
        load_file(path)
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)


def test_bad_regex_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace('kind = "phrase"', 'kind = "pattern"').replace(
        'match = ["alpha beta"]', "pattern = '(unclosed'"
    )
    with pytest.raises(RuleError, match=r"house\.toml:\d+: bad regular expression"):
        load_file(_write(tmp_path, text))


def test_unknown_category(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="unknown category 'calques'"):
        load_file(_write(tmp_path, GOOD.replace('category = "calque"', 'category = "calques"')))


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    _write(tmp_path, GOOD, "a.toml")
    _write(tmp_path, GOOD, "b.toml")
    with pytest.raises(RuleError, match=r"b\.toml:5: duplicate rule id HS101"):
        load_rules([tmp_path])


def test_bundled_rules_have_unique_ids_and_names() -> None:
    rules = list(default_ruleset())
    assert len({r.info.id for r in rules}) == len(rules)
    assert len({r.info.name for r in rules}) == len(rules)
    assert all(r.info.path.startswith(str(rules_dir())) for r in rules)


def test_no_phrase_is_listed_twice() -> None:
    seen: dict[str, str] = {}
    for rule in default_ruleset():
        for phrase in getattr(rule, "phrases", ()):
            key = phrase if rule.case_sensitive else phrase.lower()
            assert key not in seen, f"{phrase!r} in {rule.info.id} and {seen[key]}"
            seen[key] = rule.info.id


def _ordinal_rule(tmp_path: Path, group: str) -> Path:
    text = GOOD.replace('kind = "phrase"', 'kind = "pattern"').replace(
        'match = ["alpha beta"]', "pattern = 'at minute (?P<n>\\d+)'"
    )
    text = text.replace('replace = ["gamma"]', f"replace = ['in the \\o<{group}> minute']")
    text = text.replace('examples = [{ text = "x alpha beta y", fixed = "x gamma y" }]', "")
    return _write(tmp_path, text)


@pytest.mark.parametrize(
    ("number", "written"),
    [
        ("1", "1st"),
        ("2", "2nd"),
        ("3", "3rd"),
        ("11", "11th"),
        ("12", "12th"),
        ("13", "13th"),
        ("21", "21st"),
        ("33", "33rd"),
        ("90", "90th"),
        ("112", "112th"),
    ],
)
def test_an_ordinal_template_writes_the_number_as_an_ordinal(
    tmp_path: Path, number: str, written: str
) -> None:
    from mtcheck import check_text
    from mtcheck.engine import RuleSet

    (rule,) = load_file(_ordinal_rule(tmp_path, "n"))
    (finding,) = check_text(f"He scored at minute {number}.", ruleset=RuleSet([rule]))
    assert finding.suggestions == (f"in the {written} minute",)


def test_an_ordinal_of_an_unknown_group_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"house\.toml:\d+: .*unknown group 'm'"):
        load_file(_ordinal_rule(tmp_path, "m"))


def test_rule_format_lists_every_detector() -> None:
    """docs/rule-format.md names each detector a rule file may use."""
    from mtcheck.detectors import DETECTORS

    doc = (Path(__file__).parent.parent / "docs" / "rule-format.md").read_text(encoding="utf-8")
    assert [name for name in DETECTORS if f"`{name}`" not in doc] == []
