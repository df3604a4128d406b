"""What the full-screen reviewer shows, as rich Text: the article's lines with the
findings highlighted, the panel of the finding in view, the status bar and the diff.

Pure functions of the engine's state, so the screens are tested without a terminal.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from mtcheck.diff import render_diff, word_diff
from mtcheck.engine import RuleSet
from mtcheck.model import Finding
from mtcheck.printable import one_line
from mtcheck.review.context import context
from mtcheck.review.decisions import Current, Decisions, key_of

# One colour a category, on a dark or a light terminal alike.
COLOURS: dict[str, str] = {
    "glued-words": "orange1",
    "casing": "deep_sky_blue1",
    "crossref-label": "magenta",
    "boilerplate": "grey62",
    "calque": "gold1",
    "false-friend": "red1",
    "translated-name": "green3",
    "untranslated": "turquoise2",
    "number-format": "plum2",
    "punctuation": "khaki1",
    "grammar": "salmon1",
    "consistency": "medium_purple1",
    "encoding": "bright_red",
    "omission": "cyan",
    "addition": "light_green",
}

KEYS = "y accept n reject 1-9 alt e edit a rule s skip u undo j/k / filter ? help q quit"

HELP = """\
 y      accept the proposed change        n      reject it (not asked again)
 1-9    pick that alternative             e      edit the replacement (prefilled)
 a      accept all remaining of this rule in this file, at once
 s      skip this finding                 u      undo (again to go further back)
 j / ↓  next finding                      k / ↑  previous finding
 /      show only a category or rule      [ / ]  previous / next file
 ?      this help                         q      quit: the diff, then save or not

 Follow-ups of an accepted change are checked at once and come next.
 Any key closes this help."""


def colour(category: str) -> str:
    return COLOURS.get(category, "white")


def article_lines(engine: Decisions, current: Current | None) -> list[tuple[Text, Text]]:
    """The article as it stands, a line at a time: its number on disk, and its text."""
    text = engine.text
    document = engine.document.with_text(text)
    open_findings = engine.open()
    focus = key_of(current.finding) if current else None
    lines = []
    for number in range(1, document.line_count + 1):
        start, end, _ = document.line_bounds(number)
        body = Text(text[start:end])
        for finding in open_findings:
            first, last = finding.span.start, max(finding.span.end, finding.span.start + 1)
            if first < end and start < last:
                style = f"bold black on {colour(finding.category)}"
                if key_of(finding) == focus:
                    style = f"bold reverse {colour(finding.category)} underline"
                body.stylize(style, max(first, start) - start, min(last, end) - start)
        disk_line = engine.disk_position(start)[0]
        gutter = Text(f"{disk_line}" if end > start else "", style="dim")
        lines.append((gutter, body))
    return lines


def wrapped_article(
    engine: Decisions, current: Current | None, width: int
) -> tuple[Text, list[int]]:
    """The article wrapped to ``width`` cells, continuation lines clear of the gutter;
    and the screen row at which each line of the text begins."""
    gutter = gutter_width(engine) + 2  # and a mark for the line in view
    focus = line_of(engine, current.finding) if current else -1
    console = Console(width=width, color_system=None)
    out = Text()
    rows: list[int] = []
    row = 0
    for line, (number, body) in enumerate(article_lines(engine, current)):
        if line == focus:
            number = Text("▶ ", style="bold") + number
        rows.append(row)
        wrapped = body.wrap(console, max(1, width - gutter - 1)) if body else [Text()]
        for index, part in enumerate(wrapped):
            if row:
                out.append("\n")
            prefix = number if index == 0 else Text()
            out.append(" " * (gutter - len(prefix)))
            out.append_text(prefix)
            out.append(" ")
            out.append_text(part)
            row += 1
    return out, rows


def gutter_width(engine: Decisions) -> int:
    return len(str(engine.document.line_count))


def line_of(engine: Decisions, finding: Finding) -> int:
    """The 0-based line of the current text where a finding starts."""
    return engine.document.with_text(engine.text).position(finding.span.start)[0] - 1


def panel(engine: Decisions, current: Current | None, rules: RuleSet | None = None) -> Text:
    """The finding in view: rule, message, the Spanish, the change, alternatives, evidence."""
    if current is None:
        what = "No findings left in this file." if not engine.codes else "No findings match /."
        return Text(f"{what} ] next file · u undo · q quit (shows the diff, then save or not)")
    finding = current.finding
    out = Text()
    out.append(f"{finding.rule_id} ", style="bold yellow")
    out.append(f"{finding.name} ", style="yellow")
    out.append(f"[{finding.category}]", style=f"bold {colour(finding.category)}")
    out.append(f" {finding.severity.label} · line {current.line}, column {current.column}")
    if current.follow_up:
        out.append("  ↳ follow-up of your change", style="bold cyan")
    out.append("\n")
    out.append(finding.message + "\n")
    spanish = _spanish(finding)
    if spanish:
        out.append("Spanish: ", style="dim")
        out.append(spanish + "\n", style="italic")
    text = engine.text
    before, after = context(text, finding.span.start, finding.span.end)
    flagged = text[finding.span.start : finding.span.end]
    if current.options:
        out.append("  ")
        out.append_text(
            word_diff(before + flagged + after, before + current.options[0] + after, True)
        )
        out.append("\n")
        for number, option in enumerate(current.options, 1):
            out.append(f"  {number} ", style="bold")
            out.append(f"“{option}”" if option else "remove")
        out.append("\n")
    else:
        out.append("  " + before)
        out.append(flagged, style="bold underline")
        out.append(after + "\n")
        out.append("  no fix: e edits the text, n goes on\n", style="dim")
    evidence = _evidence(finding, rules)
    if evidence:
        out.append(evidence, style="dim")
    out.rstrip()  # in place
    return out


def status(engines: list[Decisions], index: int, current: Current | None) -> Text:
    engine = engines[index]
    out = Text()
    progress = (
        f"{current.number}/{current.total}" if current else f"{len(engine.state.decisions)} decided"
    )
    out.append(f" {progress} ", style="bold reverse")
    if len(engines) > 1:
        out.append(f" file {index + 1}/{len(engines)}")
    out.append(f" {one_line(engine.document.path)} ", style="bold")
    if engine.codes:
        out.append(f"/{','.join(engine.codes)} ", style="cyan")
    for category, count in sorted(engine.counts().items()):
        out.append(f" {category} {count}", style=colour(category))
    out.append("\n")
    out.append(KEYS, style="dim")
    return out


def diff_text(engines: Iterable[Decisions], width: int = 100) -> Text:
    """The full word diff of every changed file, as the line mode prints it."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system="truecolor")
    for engine in engines:
        if engine.changed:
            render_diff(
                engine.document.text, engine.text, engine.document.path, console, markers=True
            )
    return Text.from_ansi(buffer.getvalue())


def _spanish(finding: Finding) -> str:
    from mtcheck.evidence import records_for

    matched = finding.matched.casefold()
    for record in records_for(finding.rule_id):
        if record.spanish and record.artefact.casefold() == matched:
            return record.spanish
    return ""


def _evidence(finding: Finding, rules: RuleSet | None) -> str:
    if rules is None:
        return ""
    try:
        evidence = rules.by_id(finding.rule_id).info.evidence
    except KeyError:
        return ""
    if evidence is None:
        return ""
    seen = f"seen on {evidence.pages} page{'s' if evidence.pages != 1 else ''}"
    where = f" · {evidence.urls[0]}" if evidence.urls else ""
    return f"evidence: {seen}{where}"
