"""``mtcheck review``: the full-screen reviewer on a terminal, the line mode elsewhere.

Each file is written once, atomically, after the editor confirms, with its
original kept as ``FILE.orig``; ``--remember`` records rejections in the baseline.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console

from mtcheck.baseline import Baseline
from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.errors import InputError
from mtcheck.files import write_atomically
from mtcheck.model import Severity
from mtcheck.review.decisions import Decisions, Key
from mtcheck.review.session import baseline_keys, checker


def full_screen_wanted(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> bool:
    """The full-screen reviewer needs the process's own terminal on both ends."""
    if getattr(args, "plain", False) or os.environ.get("TERM", "dumb") in ("", "dumb"):
        return False
    return stdin is sys.stdin and out is sys.stdout and stdin.isatty() and out.isatty()


def run_review(
    args: argparse.Namespace, ruleset: RuleSet, console: Console, errors: Console, stdin: TextIO
) -> int:
    from mtcheck.commands import (
        EXIT_CLEAN,
        EXIT_ERROR,
        EXIT_FINDINGS,
        STDIN_NAME,
        _documents,
        _report_error,
    )

    if not stdin.isatty():
        raise InputError(
            "<stdin>", "review needs a terminal; use `mtcheck check` or `mtcheck fix` in scripts"
        )
    baseline_path = args.baseline or (Path(".mtcheck-baseline.json") if args.remember else None)
    baseline = (
        Baseline.load(baseline_path)
        if baseline_path is not None and baseline_path.exists()
        else Baseline()
    )
    min_severity = Severity.parse(args.min_severity)
    documents: list[Document] = []
    failed = False
    for item in _documents(args, ruleset, stdin):
        if isinstance(item, InputError):
            _report_error(errors, item)
            failed = True
        elif item.path == STDIN_NAME:
            raise InputError(STDIN_NAME, "cannot review standard input; name the file")
        else:
            documents.append(item)

    def engine_for(document: Document) -> Decisions:
        def known(text: str, finding, path: str = document.path) -> bool:  # type: ignore[no-untyped-def]
            return baseline.knows(path, text, finding)

        return Decisions(document, checker(document, ruleset, min_severity, known))

    def keep(document: Document, text: str, rejected: list[Key], save: bool) -> None:
        if save:
            _write(document, text, not args.no_backup)
            console.print(f"Wrote {document.path}.", markup=False)
        if args.remember and rejected:
            # Positions refer to the reviewed text: remember them only if the file now holds it.
            if save or text == document.text:
                for key in baseline_keys(document, ruleset, text, rejected):
                    baseline.add(key)
                assert baseline_path is not None
                baseline.save(baseline_path)
                console.print(
                    f"Remembered {len(rejected)} rejected in {baseline_path}.", markup=False
                )
            else:
                console.print("Rejections not remembered: the file was not written.")

    if documents and full_screen_wanted(args, stdin, console.file):
        from mtcheck.review.app import review_in_full_screen

        engines = [engine_for(document) for document in documents]
        saves = review_in_full_screen(engines, ruleset, dry_run=args.dry_run)
        for engine, save in zip(engines, saves, strict=True):
            keep(engine.document, engine.text, engine.rejected(), save)
        return EXIT_ERROR if failed else EXIT_CLEAN

    from mtcheck.commands import line_reader
    from mtcheck.review.keys import key_reader
    from mtcheck.review.line import Review, finish

    ask = line_reader(stdin, console)
    read_key = key_reader(stdin, console)
    for document in documents:
        review = Review(engine_for(document), console, read_key, ask)
        try:
            outcome = review.run()
            save = finish(
                console, document, outcome.text, outcome.decisions, read_key, args.dry_run
            )
        except EOFError:
            console.print("\nInput ended; nothing written.")
            return EXIT_FINDINGS
        keep(document, outcome.text, outcome.rejected, save)
        if outcome.quit:
            break
    return EXIT_ERROR if failed else EXIT_CLEAN


def _write(document: Document, text: str, backup: bool) -> None:
    path = Path(document.path)
    if backup:
        write_atomically(path.with_name(path.name + ".orig"), document.encode())
    write_atomically(path, document.with_text(text).encode())
