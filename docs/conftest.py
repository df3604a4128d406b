"""The doctests of docs/library.md: the word-list cache goes to a temporary folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "mtcheck-cache"))
