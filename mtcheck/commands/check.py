"""``mtcheck check``: report findings as the session streams them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mtcheck.baseline import Baseline, BaselineFilter
from mtcheck.console import PlainConsole, Streams, notice, report_error
from mtcheck.engine import RuleSet
from mtcheck.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.model import Severity
from mtcheck.options import CheckOptions
from mtcheck.printable import plural
from mtcheck.reporters import ReportContext, Reporter, reporter_class, reporter_for
from mtcheck.reporters.statistics import StatisticsReporter
from mtcheck.results import FileResult
from mtcheck.session import Session
from mtcheck.verdicts import failing, judge, notices
from mtcheck.warm import Fragment, fails


@dataclass
class Outcome:
    """What decides the exit status, gathered as the judged results go by."""

    fail_on: Severity
    errors: int = 0
    severe: bool = False
    failing: bool = False  # a verdict: an unused suppression, a score below --fail-under
    notices: list[str] = field(default_factory=list)  # the log's copy of the verdicts

    def add(self, result: FileResult) -> None:
        if result.error is not None:
            self.errors += 1
            return
        self.severe = self.severe or fails(result, self.fail_on)
        self.failing = self.failing or failing([result])
        self.notices.extend(notices(result))

    def status(self, options: CheckOptions) -> int:
        if self.errors:
            return EXIT_ERROR
        found = self.severe or self.failing
        return EXIT_FINDINGS if found and not options.exit_zero else EXIT_CLEAN


def run_check(options: CheckOptions, ruleset: RuleSet, streams: Streams) -> int:
    engine = options.engine
    if engine.dask and engine.output_dir is not None:
        from mtcheck.scale.command import write_archive

        return write_archive(options, ruleset, streams)
    session = _session(options, ruleset, streams)
    # The human report says how many findings `mtcheck fix` would fix: counted here.
    counted = options.format == "full" and options.write_baseline is None
    if options.write_baseline is not None:
        results = session.check(jobs=options.jobs, cache=options.local_cache)
        return _write_baseline(options, results, session, streams)
    # An unchanged file's part of this report is kept in the cache and written again.
    kept = _fragments(options.format, streams)
    results = session.check(
        jobs=options.jobs, cache=options.local_cache, count_fixes=counted, fragments=kept
    )
    outcome = Outcome(ruleset.config.fail_on)
    sieve = BaselineFilter(Baseline.load(options.baseline)) if options.baseline else None
    _report(options, results, sieve, outcome, _reporters(options, ruleset, streams), streams)
    for line in outcome.notices:
        notice(streams.errors, line)  # the reports carry these too; stderr is the log's copy
    for text in session.notices:
        notice(streams.errors, f"mtcheck: {text}")
    if sieve is not None:
        _stale_entries(options, sieve, streams)
    return outcome.status(options)


def _session(options: CheckOptions, ruleset: RuleSet, streams: Streams) -> Session:
    """The run's session; with --engine dask its files are checked on the cluster."""
    session = Session(ruleset, options.inputs, streams.stdin)
    if options.engine.dask:
        from mtcheck.scale.command import dask_source

        session.source = dask_source(options.engine)
    return session


def _report(
    options: CheckOptions,
    results: Iterable[FileResult],
    sieve: BaselineFilter | None,
    outcome: Outcome,
    reporters: list[Reporter],
    streams: Streams,
) -> None:
    """Each result, as it comes, past the baseline, judged, and to every reporter."""
    for reporter in reporters:
        reporter.start()
    for result in results:
        if result.error is not None:
            report_error(streams.errors, result.error)
        shown = sieve.apply(result) if sieve is not None else result
        shown = judge(
            shown,
            fail_under=options.fail_under,
            report_unused=options.report_unused_suppressions,
        )
        outcome.add(shown)
        for reporter in reporters:
            reporter.add(shown)
    for reporter in reporters:
        reporter.finish()


def _fragments(report_format: str, streams: Streams) -> dict[str, Callable[[FileResult], Fragment]]:
    """The per-file parts of this report worth keeping in the cache, if it has them: the
    plain full report only for output that is no terminal (a terminal's is styled to
    its width)."""
    reporter = reporter_class(report_format)
    name = getattr(reporter, "fragment_name", None)
    plain = isinstance(streams.out, PlainConsole)
    if name is None or (name == "full-plain" and not plain):
        return {}
    render: Callable[[FileResult], Fragment] = reporter.fragment  # type: ignore[attr-defined]
    return {name: render}


def _reporters(options: CheckOptions, ruleset: RuleSet, streams: Streams) -> list[Reporter]:
    """The report, and the statistics after it (on stderr when the report is data)."""
    context = ReportContext.of(ruleset, options.fail_under)
    reporters = [reporter_for(options.format, streams.out, context)]
    if options.statistics:
        human = options.format in ("full", "concise")
        reporters.append(StatisticsReporter(streams.out if human else streams.errors, context))
    return reporters


def _write_baseline(
    options: CheckOptions, results: Iterable[FileResult], session: Session, streams: Streams
) -> int:
    """Record every finding; the run then reports nothing and exits 0 (unless a file
    could not be read: the baseline would be incomplete)."""
    assert options.write_baseline is not None
    baseline = Baseline()
    errors = files = findings = 0
    for result in results:
        if result.error is not None:
            report_error(streams.errors, result.error)
            errors += 1
            continue
        files += 1
        findings += len(result.findings)
        baseline.add_result(result)
    baseline.save(options.write_baseline)
    for text in session.notices:
        notice(streams.errors, f"mtcheck: {text}")
    notice(
        streams.errors,
        f"Baseline written to {options.write_baseline}: "
        f"{plural(findings, 'finding')} in {plural(files, 'file')}.",
    )
    return EXIT_ERROR if errors else EXIT_CLEAN


def _stale_entries(options: CheckOptions, sieve: BaselineFilter, streams: Streams) -> None:
    stale = sieve.stale()
    if not stale:
        return
    assert options.baseline is not None
    total = sum(stale.values())
    if options.prune_baseline:
        Baseline.load(options.baseline).without(stale).save(options.baseline)
        notice(
            streams.errors,
            f"Pruned {plural(total, 'stale entry', 'stale entries')} from {options.baseline}.",
        )
    else:
        notice(
            streams.errors,
            f"{options.baseline}: {plural(total, 'entry', 'entries')} "
            f"{'matches' if total == 1 else 'match'} nothing any more "
            "(fixed?); --prune-baseline removes them",
        )
