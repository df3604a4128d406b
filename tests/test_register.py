"""Rules gated by the article's register run only where its words show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck import check_text
from mtcheck.engine import RuleSet
from mtcheck.errors import RuleError
from mtcheck.loader import load_file


def _pack(tmp_path: Path, register: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(
        '[[rule]]\nid = "HS001"\nname = "house-host"\ncategory = "false-friend"\n'
        'kind = "phrase"\nmessage = "m"\nmap = { "the driver" = "the host" }\nfix = "safe"\n'
        f"{register}\n",
        encoding="utf-8",
    )
    return path


def test_a_register_rule_runs_only_where_its_words_stand(tmp_path: Path) -> None:
    rules = RuleSet(
        tuple(load_file(_pack(tmp_path, 'register = { words = ["show", "TV"], min = 2 }')))
    )
    assert check_text("The TV show thanked the driver.", ruleset=rules)
    assert not check_text("The bus crashed and the driver fled.", ruleset=rules)
    assert not check_text("The show thanked the driver.", ruleset=rules)  # one word of two


@pytest.mark.parametrize(
    "register",
    [
        "register = { words = [], min = 1 }",
        'register = { words = ["morning show"], min = 1 }',
        'register = { words = ["show"], min = 0 }',
        'register = { words = ["show"], at_least = 1 }',
    ],
)
def test_a_bad_register_names_the_file(tmp_path: Path, register: str) -> None:
    with pytest.raises(RuleError) as error:
        load_file(_pack(tmp_path, register))
    assert error.value.path == str(tmp_path / "house.toml")
