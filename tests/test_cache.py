from __future__ import annotations

import json
from pathlib import Path

from mtcheck import commands

ARTICLE = "Vladimir Putinvisited belarus. Putin spoke.\n"


def test_cache_hits_and_misses(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck import parallel

    folder = tmp_path / "cache"
    monkeypatch.setattr(commands, "cache_folder", lambda ruleset: folder)
    checked: list[str] = []
    real = parallel.check_with_suppressions

    def counting(document, ruleset):  # type: ignore[no-untyped-def]
        checked.append(document.path)
        return real(document, ruleset)

    monkeypatch.setattr(parallel, "check_with_suppressions", counting)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = run("check", "--format", "json", str(article))
    assert checked == [str(article)] and list((folder / "results-v1").rglob("*.pickle"))
    second = run("check", "--format", "json", str(article))
    assert second.out == first.out and len(checked) == 1  # from the cache
    article.write_text(ARTICLE + "In lima.\n", encoding="utf-8")
    third = run("check", "--format", "json", str(article))
    assert len(checked) == 2
    assert len(json.loads(third.out)["files"][0]["findings"]) == 3
    run("check", "--no-cache", "--format", "json", str(article))
    assert len(checked) == 3  # --no-cache reads nothing from it


def test_clean_removes_the_cache(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "cache"
    monkeypatch.setattr(commands, "cache_folder", lambda ruleset: folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("check", str(article))
    assert folder.is_dir()
    result = run("clean")
    assert f"Removed {folder}" in result.out and not folder.exists()
