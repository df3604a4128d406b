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
    index = json.loads((folder / "results-v3.json").read_text(encoding="utf-8"))
    assert index["format"] == 3 and len(index["entries"]) == 1  # data, not a pickle
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
    (folder / "results-v3.json").write_text("\x80 not json", encoding="utf-8")
    again = run("check", "--format", "json", str(article))
    assert again.out == first.out
    assert "results-v3.json: not a result cache; ignored" in again.err


def test_an_invalid_entry_is_ignored_with_a_notice(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, article, first = _cached_run(run, tmp_path, monkeypatch)
    index_path = folder / "results-v3.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    key = next(iter(index["entries"]))
    entry = json.loads(index["entries"][key])
    entry[0][0][5] = -3  # a negative offset
    index["entries"][key] = json.dumps(entry)
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
    index = json.loads((folder / "results-v3.json").read_text(encoding="utf-8"))
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


def _unchanged_archive(run, tmp_path: Path, monkeypatch, count: int = 3):  # type: ignore[no-untyped-def]
    folder = tmp_path / "cache"
    monkeypatch.setattr(session, "cache_folder", lambda config: folder)
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(count):
        text = f"In lima {n}.\n{ARTICLE}" if n != 1 else "A clean line.\n"
        (articles / f"a{n}.txt").write_text(text, encoding="utf-8")
    return folder, articles


def _reads_nothing(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    from mtcheck import checking

    read: list[str] = []
    real = checking.read

    def counting(path, options):  # type: ignore[no-untyped-def]
        read.append(str(path))
        return real(path, options)

    monkeypatch.setattr(checking, "read", counting)
    return read


def test_an_unchanged_file_is_reported_without_being_read(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, articles = _unchanged_archive(run, tmp_path, monkeypatch)
    first = {fmt: run("check", "--format", fmt, str(articles)) for fmt in ("concise", "full")}
    files = json.loads((folder / "files-v3.json").read_text(encoding="utf-8"))
    assert len(files["files"]) == 3 and files["format"] == 3
    read = _reads_nothing(monkeypatch)
    for fmt, before in first.items():
        again = run("check", "--format", fmt, str(articles))
        assert (again.out, again.code) == (before.out, before.code), fmt
    assert read == []
    # Asked for what only the text has (statistics), the file is read, with the same result.
    stats = run("check", "--format", "concise", "--statistics", str(articles))
    assert stats.out.startswith(first["concise"].out) and "MT801" in stats.out
    assert sorted(read) == [str(articles / "a0.txt"), str(articles / "a2.txt")]


def test_a_touched_or_changed_file_is_read_again(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    _, articles = _unchanged_archive(run, tmp_path, monkeypatch)
    run("check", "--format", "concise", str(articles))
    read = _reads_nothing(monkeypatch)
    touched = articles / "a0.txt"
    info = touched.stat()
    os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    changed = articles / "a2.txt"
    changed.write_text("Clean now.\n", encoding="utf-8")
    again = run("check", "--format", "concise", str(articles))
    assert sorted(read) == [str(touched), str(changed)]
    assert "a2.txt" not in again.out and f"{touched}:2:10: MT801" in again.out


def test_a_malformed_file_index_is_ignored_with_a_notice(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder, articles = _unchanged_archive(run, tmp_path, monkeypatch)
    first = run("check", "--format", "concise", str(articles))
    index = folder / "files-v3.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    for record in data["files"].values():
        record[8]["concise"] = ["forged report line\n", -1, 0]  # not counts: not used
    index.write_text(json.dumps(data), encoding="utf-8")
    assert run("check", "--format", "concise", str(articles)).out == first.out
    index.write_text("[1, 2", encoding="utf-8")
    again = run("check", "--format", "concise", str(articles))
    assert again.out == first.out and "files-v3.json: not a result cache; ignored" in again.err


def test_an_edited_word_list_changes_the_fingerprint(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A given name added to the gender lexicon changes findings: no stale cached result.
    import shutil

    from mtcheck import resources
    from mtcheck.cache import ruleset_fingerprint
    from mtcheck.engine import default_ruleset

    shutil.copytree(resources.rules_dir() / "lexicon", tmp_path / "lexicon")
    monkeypatch.setattr(resources, "rules_dir", lambda: tmp_path)
    ruleset = default_ruleset()
    before = ruleset_fingerprint(ruleset)
    names = tmp_path / "lexicon" / "given-names.txt"
    names.write_text(names.read_text(encoding="utf-8") + "Zenaida = f\n", encoding="utf-8")
    assert ruleset_fingerprint(ruleset) != before
