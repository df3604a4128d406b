from __future__ import annotations

import json
from pathlib import Path

from mtcheck import commands

ARTICLE = "Vladimir Putinvisited belarus. Putin spoke.\n"


def test_cache_hits_and_misses(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "cache"
    monkeypatch.setattr(commands, "cache_folder", lambda ruleset: folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = run("check", "--format", "json", str(article))
    assert list((folder / "results-v1").rglob("*.pickle"))
    calls = []
    real = commands.check_paths

    def counting(paths, ruleset, **kwargs):  # type: ignore[no-untyped-def]
        from mtcheck import parallel

        original = parallel._check_all

        def spy(todo, *rest):  # type: ignore[no-untyped-def]
            calls.append(list(todo))
            return original(todo, *rest)

        monkeypatch.setattr(parallel, "_check_all", spy)
        return real(paths, ruleset, **kwargs)

    monkeypatch.setattr(commands, "check_paths", counting)
    second = run("check", "--format", "json", str(article))
    assert second.out == first.out and calls[-1] == []  # everything from the cache
    article.write_text(ARTICLE + "In lima.\n", encoding="utf-8")
    third = run("check", "--format", "json", str(article))
    assert calls[-1] == [str(article)]
    assert len(json.loads(third.out)["files"][0]["findings"]) == 3
    run("check", "--no-cache", "--format", "json", str(article))
    assert calls[-1] == [str(article)]  # --no-cache reads nothing from it


def test_clean_removes_the_cache(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "cache"
    monkeypatch.setattr(commands, "cache_folder", lambda ruleset: folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("check", str(article))
    assert folder.is_dir()
    result = run("clean")
    assert f"Removed {folder}" in result.out and not folder.exists()
