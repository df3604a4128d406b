from __future__ import annotations

import json
from pathlib import Path

from mtcheck import session

ARTICLE = "Vladimir Putinvisited belarus. Putin spoke.\n"


def test_cache_hits_and_misses(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck import checking

    folder = tmp_path / "cache"
    monkeypatch.setattr(session, "cache_folder", lambda config: folder)
    checked: list[str] = []
    real = checking.check_with_suppressions

    def counting(document, ruleset):  # type: ignore[no-untyped-def]
        checked.append(document.path)
        return real(document, ruleset)

    monkeypatch.setattr(checking, "check_with_suppressions", counting)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = run("check", "--format", "json", str(article))
    assert checked == [str(article)]
    index = json.loads((folder / "results-v2.json").read_text(encoding="utf-8"))
    assert index["format"] == 2 and len(index["entries"]) == 1  # data, not a pickle
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
    monkeypatch.setattr(session, "cache_folder", lambda config: folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run("check", str(article))
    assert folder.is_dir()
    result = run("clean")
    assert f"Removed {folder}" in result.out and not folder.exists()


def _cached_run(run, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "cache"
    monkeypatch.setattr(session, "cache_folder", lambda config: folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return folder, article, run("check", "--format", "json", str(article))


def test_a_malformed_index_is_ignored_with_a_notice(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, article, first = _cached_run(run, tmp_path, monkeypatch)
    (folder / "results-v2.json").write_text("\x80 not json", encoding="utf-8")
    again = run("check", "--format", "json", str(article))
    assert again.out == first.out
    assert "results-v2.json: not a result cache; ignored" in again.err


def test_an_invalid_entry_is_ignored_with_a_notice(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, article, first = _cached_run(run, tmp_path, monkeypatch)
    index_path = folder / "results-v2.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    key = next(iter(index["entries"]))
    index["entries"][key][0][0][5] = -3  # a negative offset
    index_path.write_text(json.dumps(index), encoding="utf-8")
    again = run("check", "--format", "json", str(article))
    assert again.out == first.out and "invalid entry ignored" in again.err


def test_a_symlinked_cache_is_neither_used_nor_followed_by_clean(
    run, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("precious", encoding="utf-8")
    folder = tmp_path / "cache"
    folder.symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.setattr(session, "cache_folder", lambda config: folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--format", "json", str(article))
    assert "a symbolic link; the result cache is not used" in result.err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
    cleaned = run("clean")
    assert "Removed the link" in cleaned.out
    assert (
        not folder.exists() and (elsewhere / "keep.txt").read_text(encoding="utf-8") == "precious"
    )


def test_entries_round_trip_as_data() -> None:
    from mtcheck.api import check_text
    from mtcheck.cache import entry_from_data, entry_to_data

    findings = tuple(check_text("Vladimir Putinvisited belarus. It owes 200.000 pesos."))
    data = json.loads(json.dumps(entry_to_data((findings, ()))))
    assert entry_from_data(data) == (findings, ())


def test_a_pool_fills_the_cache_and_reads_it_back(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mtcheck import parallel

    folder = tmp_path / "cache"
    monkeypatch.setattr(session, "cache_folder", lambda config: folder)
    articles = tmp_path / "articles"
    articles.mkdir()
    count = parallel.MIN_FILES_FOR_POOL + 2
    for n in range(count):
        (articles / f"a{n:03d}.txt").write_text(f"In lima {n}.\n{ARTICLE}", encoding="utf-8")
    first = run("check", "--format", "json", "--jobs", "2", str(articles))
    index = json.loads((folder / "results-v2.json").read_text(encoding="utf-8"))
    assert len(index["entries"]) == count
    served: list[str] = []
    real = parallel.cached_result

    def counting(path, *args):  # type: ignore[no-untyped-def]
        result = real(path, *args)
        if result is not None:
            served.append(path)
        return result

    monkeypatch.setattr(parallel, "cached_result", counting)
    second = run("check", "--format", "json", "--jobs", "2", str(articles))
    assert second.out == first.out and len(served) == count
