from __future__ import annotations

import io
from pathlib import Path

import pytest

from mtcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    # One lexicon cache for the session, never the developer's own; result caches
    # go to a fresh folder per test, never into the checkout.
    cache = tmp_path_factory.getbasetemp() / "mtcheck-cache"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(cache))
    results = tmp_path_factory.mktemp("result-cache")
    monkeypatch.setattr("mtcheck.session.cache_folder", lambda config: results)


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    return SEED.read_text(encoding="utf-8")


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run():
    def _run(*argv: str, stdin: str | bytes = b"") -> Run:
        out, err = io.StringIO(), io.StringIO()
        data = stdin.encode() if isinstance(stdin, str) else stdin
        stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        code = main(list(argv), stdout=out, stderr=err, stdin=stream)
        return Run(code, out.getvalue(), err.getvalue())

    return _run
