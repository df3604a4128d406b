"""The field study's evidence: rule metadata and the per-artefact records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck import check_text
from mtcheck.engine import default_ruleset
from mtcheck.errors import RuleError
from mtcheck.evidence import OUT_OF_REACH, bundled_records, read_records
from mtcheck.loader import load_file

RULES = {rule.info.id: rule for rule in default_ruleset()}
RECORDS = bundled_records()


def _rule_file(tmp_path: Path, evidence: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(
        '[[rule]]\nid = "HS001"\nname = "house"\ncategory = "calque"\nkind = "phrase"\n'
        f'message = "m"\nmatch = ["x y"]\n{evidence}\n',
        encoding="utf-8",
    )
    return path


def test_evidence_is_read_from_the_rule_table(tmp_path: Path) -> None:
    path = _rule_file(tmp_path, 'evidence = { pages = 3, urls = ["https://example.org/a"] }')
    (rule,) = load_file(path)
    assert rule.info.evidence is not None
    assert rule.info.evidence.pages == 3
    assert rule.info.evidence.urls == ("https://example.org/a",)


@pytest.mark.parametrize(
    "evidence",
    [
        'evidence = { pages = 0, urls = ["https://example.org/a"] }',
        'evidence = { pages = 2, urls = ["ftp://example.org/a"] }',
        'evidence = { pages = 2, seen = "often" }',
        'evidence = "often"',
    ],
)
def test_bad_evidence_names_file_and_line(tmp_path: Path, evidence: str) -> None:
    with pytest.raises(RuleError) as error:
        load_file(_rule_file(tmp_path, evidence))
    assert error.value.path == str(tmp_path / "house.toml")
    assert error.value.line == 8


def test_bad_evidence_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    header = "artefact\tcategory\tcorrect\tspanish\tpages\turls\tcovered_by\tprobe"
    path.write_text(
        f"# comment\n{header}\nSIGHT:\tcrossref-label\tSEE ALSO:\tVEA:\tmany\t\tMT001\t\n"
    )
    with pytest.raises(RuleError) as error:
        list(read_records(path))
    assert error.value.line == 3


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r.covered_by}:{r.artefact}")
def test_every_record_is_covered_by_its_rule(record) -> None:  # type: ignore[no-untyped-def]
    if record.covered_by == OUT_OF_REACH:
        return
    rule = RULES.get(record.covered_by)
    assert rule is not None, f"{record.path}:{record.line}: no rule {record.covered_by}"
    assert rule.info.category == record.category, f"{record.path}:{record.line}: category"
    found = check_text(record.text_to_check, ruleset=default_ruleset().select([rule.info.id]))
    assert found, f"{record.path}:{record.line}: {record.covered_by} misses {record.artefact!r}"


def test_out_of_reach_records_are_explained_in_the_field_study() -> None:
    study = (Path(__file__).parent.parent / "docs" / "field-study.md").read_text(encoding="utf-8")
    study = " ".join(study.split())  # an artefact may wrap across lines of the page
    for record in RECORDS:
        if record.covered_by == OUT_OF_REACH:
            assert record.artefact in study, f"{record.path}:{record.line}: not explained"


def test_rules_explains_one_rule_with_its_evidence(run) -> None:  # type: ignore[no-untyped-def]
    covered = next((r for r in RECORDS if r.covered_by in RULES), None)
    if covered is None:
        pytest.skip("no evidence records yet")
    shown = run("rules", covered.covered_by).out
    assert covered.covered_by in shown and "Evidence:" in shown
    assert covered.artefact in shown
    rows = json.loads(run("rules", "--format", "json", covered.covered_by).out)
    assert rows[0]["evidence"]["artefacts"]


def test_rules_sorted_by_id_and_unknown_code_is_an_error(run) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("rules", "--format", "json").out)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    result = run("rules", "MT999")
    assert result.code == 2 and "MT999" in result.err
