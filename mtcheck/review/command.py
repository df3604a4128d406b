"""``mtcheck review``: the full-screen reviewer on a terminal, the line mode elsewhere.

Each file is written once, atomically, after the editor confirms, with its
original kept as ``FILE.orig``; ``--remember`` records rejections in the baseline.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from mtcheck.baseline import Baseline
from mtcheck.console import Streams, report_error
from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.errors import InputError
from mtcheck.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.files import write_new
from mtcheck.model import Finding, Severity
from mtcheck.options import ReviewOptions
from mtcheck.printable import one_line
from mtcheck.review.decisions import Decisions, Key
from mtcheck.review.session import baseline_keys, checker
from mtcheck.session import STDIN_NAME, Session
from mtcheck.writing import as_input_error, encoded, write_back


def full_screen_wanted(options: ReviewOptions | None, stdin: TextIO, out: TextIO) -> bool:
    """The full-screen reviewer needs the process's own terminal on both ends."""
    plain = options is not None and options.plain
    if plain or os.environ.get("TERM", "dumb") in ("", "dumb"):
        return False
    return stdin is sys.stdin and out is sys.stdout and stdin.isatty() and out.isatty()


def run_review(options: ReviewOptions, ruleset: RuleSet, streams: Streams) -> int:
    console, errors, stdin = streams.out, streams.errors, streams.stdin
    if not stdin.isatty():
        raise InputError(
            "<stdin>", "review needs a terminal; use `mtcheck check` or `mtcheck fix` in scripts"
        )
    baseline_path = options.baseline or (
        Path(".mtcheck-baseline.json") if options.remember else None
    )
    baseline = (
        Baseline.load(baseline_path)
        if baseline_path is not None and baseline_path.exists()
        else Baseline()
    )
    min_severity = Severity.parse(options.min_severity)
    session = Session(ruleset, options.inputs, stdin)
    tree = session.options.tree
    documents: list[Document] = []
    failed = False
    for item in session.documents():
        if isinstance(item, InputError):
            report_error(errors, item)
            failed = True
        elif item.path == STDIN_NAME:
            raise InputError(STDIN_NAME, "cannot review standard input; name the file")
        else:
            documents.append(item)

    def engine_for(document: Document) -> Decisions:
        def known(text: str, finding: Finding, path: str = document.path) -> bool:
            return baseline.knows(path, text, finding)

        return Decisions(document, checker(document, ruleset, min_severity, known))

    def keep(document: Document, text: str, rejected: list[Key], save: bool) -> bool:
        """Write and remember what the review decided; False if the file could not be written."""
        if save:
            try:
                data = encoded(document, text)  # before the backup: a failure writes nothing
                path = Path(document.path)
                if not options.no_backup:
                    # The bytes read, verified against their digest: a copy, not a re-encoding.
                    backup = path.with_name(path.name + ".orig")
                    write_new(backup, document.encode(), like=os.stat(path), tree=tree)
                write_back(document, text, tree, data)
            except (InputError, OSError) as error:
                report_error(errors, as_input_error(document.path, error))
                return False
            console.print(f"Wrote {one_line(document.path)}.", markup=False)
        if options.remember and rejected:
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
        return True

    if documents and full_screen_wanted(options, stdin, console.file):
        from mtcheck.review.app import review_in_full_screen

        engines = [engine_for(document) for document in documents]
        saves = review_in_full_screen(engines, ruleset, dry_run=options.dry_run)
        for engine, save in zip(engines, saves, strict=True):
            if not keep(engine.document, engine.text, engine.rejected(), save):
                failed = True
        return EXIT_ERROR if failed else EXIT_CLEAN

    from mtcheck.review.keys import key_reader
    from mtcheck.review.line import Review, finish
    from mtcheck.review.prompt import line_reader

    ask = line_reader(stdin, console)
    read_key = key_reader(stdin, console)
    for document in documents:
        review = Review(engine_for(document), console, read_key, ask)
        try:
            outcome = review.run()
            save = finish(
                console, document, outcome.text, outcome.decisions, read_key, options.dry_run
            )
        except EOFError:
            console.print("\nInput ended; nothing written.")
            return EXIT_FINDINGS
        if not keep(document, outcome.text, outcome.rejected, save):
            failed = True
            continue
        if outcome.quit:
            break
    return EXIT_ERROR if failed else EXIT_CLEAN
