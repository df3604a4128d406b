"""The run session: one pipeline under check, fix and the library, streaming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mtcheck
from mtcheck.corpus import recombined
from mtcheck.records import file_entry

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated articles, a few in Markdown, in two folders."""
    folder = tmp_path_factory.mktemp("articles")
    for n, text in enumerate(recombined(CORPUS, 300, 16)):
        sub = folder / ("a" if n % 2 else "b")
        sub.mkdir(exist_ok=True)
        suffix = ".md" if n % 7 == 0 else ".txt"
        (sub / f"article-{n:04d}{suffix}").write_text(text, encoding="utf-8")
    return folder


def _entries(results) -> list[dict]:  # type: ignore[no-untyped-def]
    return [file_entry(r) for r in results]


def test_the_library_on_many_files_reports_what_the_cli_reports(run, articles: Path) -> None:
    cli = run("check", "--format", "json", "--no-cache", "--exit-zero", str(articles))
    assert cli.code == 0, cli.err
    reported = json.loads(cli.out)["files"]
    assert len(reported) == 300 and sum(len(f["findings"]) for f in reported) > 300
    assert _entries(mtcheck.check_paths([articles])) == reported
    # The same texts from memory, with their paths, give the same findings.
    items = ((str(p), p.read_text(encoding="utf-8")) for p in map(Path, _paths(reported)))
    assert _entries(mtcheck.check_texts(items)) == reported


def _paths(reported: list[dict]) -> list[str]:
    return [entry["path"] for entry in reported]


def test_a_pool_and_the_cache_change_nothing(articles: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("mtcheck.session.cache_folder", lambda config: tmp_path / "cache")
    serial = _entries(mtcheck.check_paths([articles]))
    pooled = _entries(mtcheck.check_paths([articles], jobs=2, cache=True))
    assert (tmp_path / "cache").is_dir()
    warm = _entries(mtcheck.check_paths([articles], jobs=2, cache=True))
    assert serial == pooled == warm


def test_texts_stream_one_result_per_item_as_they_come() -> None:
    consumed: list[int] = []

    def items():  # type: ignore[no-untyped-def]
        for n in range(1000):
            consumed.append(n)
            yield (f"a{n}.txt", "Vladimir Putinvisited belarus.\n")

    results = mtcheck.check_texts(items())
    first = next(results)
    assert first.path == "a0.txt" and first.findings and consumed == [0]
    second = next(results)
    assert second.path == "a1.txt" and consumed == [0, 1]


def test_a_worker_partition_checks_with_a_prebuilt_rule_set(tmp_path: Path) -> None:
    """What a distributed worker does: (path, text) pairs, a rule set built once."""
    import pickle

    from mtcheck.config import Config

    ruleset = mtcheck.build_ruleset(Config(), select=["MT8"])
    shipped = pickle.loads(pickle.dumps(ruleset))
    pairs = [("x/one.md", "# Title\n\nVladimir Putinvisited belarus.\n"), ("two.txt", "Fine.\n")]
    results = list(mtcheck.check_texts(pairs, shipped))
    assert [r.path for r in results] == ["x/one.md", "two.txt"]
    assert results[0].document is not None and results[0].document.syntax == "md"
    assert {f.rule_id[:3] for f in results[0].findings} == {"MT8"}
    assert results[1].findings == ()


def test_texts_take_an_original(tmp_path: Path) -> None:
    text = "The minister spoke on 12 March.\n"
    (result,) = mtcheck.check_texts([("a.txt", text, "El ministro habló el 21 de marzo.\n")])
    (alone,) = mtcheck.check_texts([("a.txt", text)])
    assert result.document is not None and result.document.original is not None
    assert {f.rule_id for f in result.findings} - {f.rule_id for f in alone.findings}


def test_unreadable_files_are_results_with_their_error(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02 binary \x00")
    (tmp_path / "good.txt").write_text("Fine text.\n", encoding="utf-8")
    results = list(mtcheck.check_paths([tmp_path, tmp_path / "missing.txt"]))
    by_path = {Path(r.path).name: r for r in results}
    assert by_path["missing.txt"].error is not None
    assert by_path["bad.txt"].error is not None and by_path["bad.txt"].document is None
    assert by_path["good.txt"].error is None


def test_a_baseline_filters_library_results(run, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Vladimir Putinvisited belarus.\n", encoding="utf-8")
    baseline = tmp_path / "base.json"
    assert run("check", "--write-baseline", str(baseline), str(article)).code == 0
    (result,) = mtcheck.check_paths([article], baseline=baseline)
    assert result.findings == ()
    (unfiltered,) = mtcheck.check_paths([article])
    assert unfiltered.findings


def test_a_session_hands_on_what_its_result_source_gives(articles: Path) -> None:
    """``mtcheck check --engine dask`` swaps the source; the session stays the same."""
    from mtcheck.options import InputOptions
    from mtcheck.parallel import check_paths
    from mtcheck.session import Session

    calls: list[tuple[int, bool, bool]] = []

    def source(paths, ruleset, *, jobs, options, cache, originals, count_fixes):  # type: ignore[no-untyped-def]
        calls.append((len(paths), cache is None, count_fixes))
        return reversed(list(check_paths(paths, ruleset, jobs=1, options=options)))

    ruleset = mtcheck.default_ruleset()
    inputs = InputOptions((str(articles), str(articles / "missing.txt")))
    swapped = Session(ruleset, inputs, source=source).check(count_fixes=True)
    plain = Session(ruleset, inputs).check()
    expected = list(plain)
    got = list(swapped)
    assert calls == [(300, True, True)]
    assert got[0].error is not None and got[0].path.endswith("missing.txt")
    assert _entries(got[1:]) == _entries(reversed(expected[1:]))
