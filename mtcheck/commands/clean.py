"""``mtcheck clean``: the result cache, the word-list cache and stale temporary files."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TextIO

from mtcheck import session
from mtcheck.cache import clean
from mtcheck.engine import RuleSet
from mtcheck.exits import EXIT_CLEAN
from mtcheck.files import stale_temporaries
from mtcheck.lexicon import cache_dir
from mtcheck.options import CleanOptions
from mtcheck.printable import one_line


def run_clean(options: CleanOptions, ruleset: RuleSet, out: TextIO) -> int:
    for folder in (session.cache_folder(ruleset.config), cache_dir()):
        removed = clean(folder)
        if removed == "link":
            shown = one_line(str(folder))
            out.write(f"Removed the link {shown} (what it points to is left alone)\n")
        else:
            out.write(f"{'Removed' if removed else 'No cache at'} {one_line(str(folder))}\n")
    now = time.time()
    swept = 0
    for root in options.paths or (str(ruleset.config.root),):
        for stale in stale_temporaries(Path(root), now):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
                swept += 1
                out.write(f"Removed stale temporary file {one_line(str(stale))}\n")
    if not swept:
        out.write("No stale temporary files\n")
    return EXIT_CLEAN
