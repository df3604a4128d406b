"""The rule packs ship inside the wheel: an installed mtcheck needs no checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
    )
    (path,) = out.glob("mtcheck-*.whl")
    return path


def test_wheel_carries_rules(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "mtcheck/rules/detectors.toml" in names
    assert "mtcheck/rules/lexicon/proper-nouns.txt" in names
    for template in ("base.html.j2", "check.html.j2", "report.js", "report.css"):
        assert f"mtcheck/html_report/templates/{template}" in names


def test_installed_wheel_finds_its_rules(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    article = tmp_path / "a.txt"
    article.write_text("SIGHT: Other news\n", encoding="utf-8")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import mtcheck.resources as r; "
        "print(r.rules_dir()); from mtcheck.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    env = {**os.environ, "PYTHONPATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), "check", "--format", "concise", str(article)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert result.stdout.splitlines()[0] == str(target / "mtcheck" / "rules")
    assert "MT001" in result.stdout and result.returncode == 1
    # The HTML report renders from the templates inside the installed package.
    page = tmp_path / "report.html"
    html = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(target),
            "check",
            "--format",
            "html",
            "-o",
            str(page),
            str(article),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert html.returncode == 1, html.stderr
    assert "MT001" in page.read_text(encoding="utf-8")
