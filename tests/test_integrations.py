"""The pre-commit hooks, run for real with pre-commit try-repo on a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml  # pre-commit depends on PyYAML

ROOT = Path(__file__).resolve().parent.parent


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["mtcheck"]["entry"].startswith("mtcheck check")
    assert hooks["mtcheck-fix"]["entry"] == "mtcheck fix --write"
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert "--format github" in action["runs"]["steps"][-1]["run"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is installed by make test")
    repo = tmp_path / "content"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.invalid")
    _git(repo, "config", "user.name", "test")
    article = repo / "article.md"
    article.write_text("Vladimir **Putin**visited Minsk. Putin spoke.\n", encoding="utf-8")
    _git(repo, "add", "article.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    check = subprocess.run(
        [str(pre_commit), "try-repo", str(ROOT), "mtcheck", "--files", "article.md"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert check.returncode == 1, check.stdout + check.stderr
    assert "article.md:1:12: MT801" in check.stdout
    fix = subprocess.run(
        [str(pre_commit), "try-repo", str(ROOT), "mtcheck-fix", "--files", "article.md"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert "Passed" in fix.stdout or "Failed" in fix.stdout
    assert article.read_text(encoding="utf-8") == "Vladimir **Putin** visited Minsk. Putin spoke.\n"
