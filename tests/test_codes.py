from __future__ import annotations

import pytest

from mtcheck.codes import is_known, known_codes, suggest_code, validate_codes
from mtcheck.engine import default_ruleset
from mtcheck.errors import UsageError

KNOWN = ["ALL", "MT101", "MT102", "MT205", "glued-word", "calque", "spacing"]


def test_ids_prefixes_names_and_categories_are_known() -> None:
    for code in ("MT101", "MT1", "MT10", "MT", "glued-word", "calque", "ALL"):
        assert is_known(code, KNOWN), code
    for code in ("MT999", "MT3", "mt101", "glued", "", "calques"):
        assert not is_known(code, KNOWN), code


def test_the_nearest_code_is_suggested() -> None:
    assert suggest_code("MT109", KNOWN) == "MT101"
    assert suggest_code("mt205", KNOWN) == "MT205"
    assert suggest_code("mt1", KNOWN) == "MT101"
    assert suggest_code("glued-words", KNOWN) == "glued-word"
    assert suggest_code("calques", KNOWN) == "calque"
    assert suggest_code("zzzzzzzz", KNOWN) is None
    assert suggest_code("MT101", []) is None


def test_validation_names_the_place_and_the_suggestion() -> None:
    validate_codes(["MT1", "calque"], KNOWN, "--select")
    with pytest.raises(
        UsageError, match=r"--ignore: unknown rule code 'MT109'; did you mean 'MT101'"
    ):
        validate_codes(["MT101", "MT109"], KNOWN, "--ignore")
    with pytest.raises(UsageError, match=r"unknown rule code 'qqqqqq' \(see `mtcheck rules`\)"):
        validate_codes(["qqqqqq"], KNOWN, "--select")


def test_the_error_class_can_be_the_callers() -> None:
    class Bad(UsageError):
        pass

    with pytest.raises(Bad):
        validate_codes(["MT999"], KNOWN, "severity", error=Bad)


def test_the_bundled_catalogue_gives_its_codes() -> None:
    ruleset = default_ruleset()
    known = known_codes(ruleset)
    first = next(iter(ruleset)).info
    assert {"ALL", first.id, first.name, first.category} <= set(known)
    assert len(known) == len(set(known))
