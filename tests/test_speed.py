"""The start-up and warm re-run figures of issue 17, guarded (run with ``pytest -m benchmark``).

Measured as CPU time of whole processes (user + system, medians), which a shared machine
disturbs far less than wall time; bench/bench.py reports both.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.corpus import recombined

ROOT = Path(__file__).resolve().parent.parent
_SPANISH = "\nEl ministro dijo que los diputados del partido no tienen una respuesta.\n"
# Targets: one article 0.15 s, with a Spanish sentence 0.25 s, 20,000 unchanged in 3 s.
_START, _START_SPANISH, _WARM_PER_ARTICLE = 0.15, 0.25, 3.0 / 20_000


def _cpu(argv: list[str], cwd: Path) -> float:
    process = subprocess.Popen(
        [sys.executable, "-m", "mtcheck", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=cwd,
    )
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime


def _median_cpu(argv: list[str], cwd: Path, runs: int = 7) -> float:
    _cpu(argv, cwd)  # fills the user cache (rules, lexicon, language profiles)
    return statistics.median(_cpu(argv, cwd) for _ in range(runs))


@pytest.mark.benchmark
def test_a_check_of_one_article_starts_within_its_budget(tmp_path: Path) -> None:
    article = tmp_path / "one-article.txt"
    article.write_text(recombined(ROOT / "corpus", 1, 1)[0], encoding="utf-8")
    seconds = _median_cpu(["check", "--no-cache", str(article)], tmp_path)
    assert seconds <= _START, f"{seconds:.3f} s CPU"
    article.write_text(article.read_text(encoding="utf-8") + _SPANISH, encoding="utf-8")
    seconds = _median_cpu(["check", "--no-cache", str(article)], tmp_path)
    assert seconds <= _START_SPANISH, f"with a Spanish sentence: {seconds:.3f} s CPU"


@pytest.mark.benchmark
def test_an_unchanged_archive_rechecks_within_its_budget(tmp_path: Path) -> None:
    count = 2_000
    archive = tmp_path / "archive"
    for index, text in enumerate(recombined(ROOT / "corpus", count, 4)):
        folder = archive / f"{index // 500:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{index:05d}.txt").write_text(text, encoding="utf-8")
    start = _median_cpu(
        ["check", "--isolated", "--no-cache", str(archive / "00" / "a00000.txt")], tmp_path, 3
    )
    for argv in (["--format", "concise"], []):
        command = ["check", "--exit-zero", *argv, str(archive)]
        seconds = _median_cpu(command, tmp_path, 3)
        budget = start + count * _WARM_PER_ARTICLE
        assert seconds <= budget, f"{argv}: {seconds:.3f} s CPU for {count} (budget {budget:.3f})"
