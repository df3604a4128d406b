"""The commands stay simple: cyclomatic complexity (McCabe) of at most 10 a function.

ruff's C901 guards the whole package in ``ruff check``; this test measures the
command layer itself with a small ast counter, so ``make test`` fails on it too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mtcheck"
LIMIT = 10
# The layer between the command line and the library: held to the limit in full.
HELD = [
    "cli.py",
    "session.py",
    "checking.py",
    "parallel.py",
    "api.py",
    "options.py",
    "codes.py",
    "console.py",
    "writing.py",
    "commands",
    "reporters",
    "review/command.py",
]


_BRANCHES = (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.match_case)


def complexity(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """1 + one for each branch: if, loop, except, case, conditional expression,
    comprehension (and its ifs) and each extra operand of ``and``/``or``. Functions
    defined inside count on their own, as mccabe counts them."""
    count = 1
    pending: list[ast.AST] = list(ast.iter_child_nodes(function))
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(node, _BRANCHES):
            count += 1
        elif isinstance(node, ast.comprehension):
            count += 1 + len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        pending.extend(ast.iter_child_nodes(node))
    return count


def functions(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}", complexity(node))
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def _held_files() -> list[Path]:
    files: list[Path] = []
    for name in HELD:
        path = PACKAGE / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def test_the_counter_counts_like_mccabe() -> None:
    source = (
        "def f(a, b):\n"
        "    if a and b or a:\n"  # if +1, and/or +2
        "        return [x for x in a if x]\n"  # comprehension +1, its if +1
        "    for x in b:\n"  # +1
        "        try:\n            pass\n        except ValueError:\n            pass\n"  # +1
        "    def inner():\n        if a:\n            pass\n"  # its own function
        "    return 1 if a else 2\n"  # +1
    )
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert complexity(function) == 9


@pytest.mark.parametrize("name", ["run_check", "run_fix"])
def test_the_check_and_fix_commands_are_under_the_limit(name: str) -> None:
    found = [
        (where, n) for path in _held_files() for where, n in functions(path) if where.endswith(name)
    ]
    assert found, f"no function {name}"
    for where, n in found:
        assert n < LIMIT, f"{where} has complexity {n}"


def test_no_function_of_the_command_layer_is_over_the_limit() -> None:
    over = [(w, n) for path in _held_files() for w, n in functions(path) if n > LIMIT]
    assert over == []
