"""What a run says about each file beyond its findings, for the reports to show with the
reason: the suppressions that hid nothing (with ``--report-unused-suppressions``) and a
quality score below ``--fail-under``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from mtcheck import quality
from mtcheck.results import FileResult, Shortfall


def judge(
    results: Iterable[FileResult], *, fail_under: float | None, report_unused: bool
) -> list[FileResult]:
    """The results as the reports show them: unused suppressions kept only when asked
    for, and each file below ``fail_under`` marked with its shortfall."""
    judged = []
    for result in results:
        unused = result.unused_suppressions if report_unused else ()
        score = quality.score(result) if fail_under is not None else None
        shortfall = None
        if fail_under is not None and score is not None and score < fail_under:
            shortfall = Shortfall(score, fail_under)
        judged.append(replace(result, unused_suppressions=unused, shortfall=shortfall))
    return judged


def failing(results: Iterable[FileResult]) -> bool:
    """Whether a verdict fails the run: a suppression that hid nothing, or a shortfall."""
    return any(r.unused_suppressions or r.shortfall is not None for r in results)


UNUSED_SUPPRESSION = "mtcheck/unused-suppression"
FAIL_UNDER = "mtcheck/fail-under"
# For the reports that list rules (SARIF): the checks of the run itself, not of the text.
VERDICT_RULES = {
    UNUSED_SUPPRESSION: "An inline suppression comment that hides no finding any more.",
    FAIL_UNDER: "The file's quality score is below the --fail-under threshold.",
}


@dataclass(frozen=True)
class Verdict:
    """One verdict as a report line: the file, the line (None: the whole file), the reason."""

    rule: str
    path: str
    line: int | None
    level: str  # "warning" or "error", as GitHub and SARIF name them
    reason: str


def verdicts(results: Iterable[FileResult]) -> list[Verdict]:
    """Every verdict of the judged results, in file order."""
    found = []
    for result in results:
        for s in result.unused_suppressions:
            found.append(
                Verdict(UNUSED_SUPPRESSION, result.path, s.line, "warning", s.unused_reason)
            )
        if result.shortfall is not None:
            found.append(Verdict(FAIL_UNDER, result.path, None, "error", result.shortfall.reason))
    return found
