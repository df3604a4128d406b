"""``mtcheck review``: the full-screen reviewer on a terminal, the line mode elsewhere.

Each file is written once, atomically, after the editor confirms, with its
original kept as ``FILE.orig``; ``--remember`` records rejections in the baseline.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

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


def full_screen_wanted(options: ReviewOptions | None, stdin: IO[str], out: IO[str]) -> bool:
    """The full-screen reviewer needs the process's own terminal on both ends."""
    plain = options is not None and options.plain
    if plain or os.environ.get("TERM", "dumb") in ("", "dumb"):
        return False
    return stdin is sys.stdin and out is sys.stdout and stdin.isatty() and out.isatty()


def run_review(options: ReviewOptions, ruleset: RuleSet, streams: Streams) -> int:
    if not streams.stdin.isatty():
        raise InputError(
            "<stdin>", "review needs a terminal; use `mtcheck check` or `mtcheck fix` in scripts"
        )
    reviewing = Reviewing(options, ruleset, streams)
    documents = reviewing.documents()
    if documents and full_screen_wanted(options, streams.stdin, streams.out.file):
        reviewing.in_full_screen(documents)
    elif not reviewing.in_lines(documents):
        return EXIT_FINDINGS  # the input ended: nothing written
    return EXIT_ERROR if reviewing.failed else EXIT_CLEAN


class Reviewing:
    """One review run: the files read, the baseline remembered, what could not be written."""

    def __init__(self, options: ReviewOptions, ruleset: RuleSet, streams: Streams) -> None:
        self.options, self.ruleset, self.streams = options, ruleset, streams
        remembered = Path(".mtcheck-baseline.json") if options.remember else None
        self.baseline_path = options.baseline or remembered
        path = self.baseline_path
        self.baseline = Baseline.load(path) if path is not None and path.exists() else Baseline()
        self.min_severity = Severity.parse(options.min_severity)
        self.session = Session(ruleset, options.inputs, streams.stdin)
        self.tree = self.session.options.tree
        self.failed = False

    def documents(self) -> list[Document]:
        documents: list[Document] = []
        for item in self.session.documents():
            if isinstance(item, InputError):
                report_error(self.streams.errors, item)
                self.failed = True
            elif item.path == STDIN_NAME:
                raise InputError(STDIN_NAME, "cannot review standard input; name the file")
            else:
                documents.append(item)
        return documents

    def engine_for(self, document: Document) -> Decisions:
        baseline = self.baseline

        def known(text: str, finding: Finding, path: str = document.path) -> bool:
            return baseline.knows(path, text, finding)

        return Decisions(document, checker(document, self.ruleset, self.min_severity, known))

    def in_full_screen(self, documents: list[Document]) -> None:
        from mtcheck.review.app import review_in_full_screen

        engines = [self.engine_for(document) for document in documents]
        saves = review_in_full_screen(engines, self.ruleset, dry_run=self.options.dry_run)
        for engine, save in zip(engines, saves, strict=True):
            self.keep(engine.document, engine.text, engine.rejected(), save)

    def in_lines(self, documents: list[Document]) -> bool:
        """The line mode, file by file; False when the input ended before the end."""
        from mtcheck.review.keys import key_reader
        from mtcheck.review.line import Review, finish
        from mtcheck.review.prompt import line_reader

        console, stdin = self.streams.out, self.streams.stdin
        ask = line_reader(stdin, console)
        read_key = key_reader(stdin, console)
        for document in documents:
            review = Review(self.engine_for(document), console, read_key, ask)
            try:
                outcome = review.run()
                save = finish(
                    console, document, outcome.text, outcome.decisions, read_key,
                    self.options.dry_run,
                )  # fmt: skip
            except EOFError:
                console.print("\nInput ended; nothing written.")
                return False
            if self.keep(document, outcome.text, outcome.rejected, save) and outcome.quit:
                break
        return True

    def keep(self, document: Document, text: str, rejected: list[Key], save: bool) -> bool:
        """Write and remember what the review decided; False if the file could not be written."""
        if save and not self._write(document, text):
            self.failed = True
            return False
        if self.options.remember and rejected:
            self._remember(document, text, rejected, save)
        return True

    def _write(self, document: Document, text: str) -> bool:
        try:
            data = encoded(document, text)  # before the backup: a failure writes nothing
            path = Path(document.path)
            if not self.options.no_backup:
                # The bytes read, verified against their digest: a copy, not a re-encoding.
                backup = path.with_name(path.name + ".orig")
                write_new(backup, document.encode(), like=os.stat(path), tree=self.tree)
            write_back(document, text, self.tree, data)
        except (InputError, OSError) as error:
            report_error(self.streams.errors, as_input_error(document.path, error))
            return False
        self.streams.out.print(f"Wrote {one_line(document.path)}.", markup=False)
        return True

    def _remember(self, document: Document, text: str, rejected: list[Key], saved: bool) -> None:
        console = self.streams.out
        # Positions refer to the reviewed text: remember them only if the file now holds it.
        if not (saved or text == document.text):
            console.print("Rejections not remembered: the file was not written.")
            return
        for key in baseline_keys(document, self.ruleset, text, rejected):
            self.baseline.add(key)
        assert self.baseline_path is not None
        self.baseline.save(self.baseline_path)
        console.print(f"Remembered {len(rejected)} rejected in {self.baseline_path}.", markup=False)
