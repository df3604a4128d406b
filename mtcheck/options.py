"""What each command was asked to do: typed, frozen options, built only by ``cli.py``.

argparse stops at the command line; the library and the commands read these.
The defaults are the library's: ``InputOptions(("article.md",))`` checks one file
as ``mtcheck check article.md`` would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.errors import UsageError


@dataclass(frozen=True)
class InputOptions:
    """Which files to read and how: what ``check``, ``fix`` and ``review`` share."""

    paths: tuple[str, ...]
    encoding: str | None = None
    syntax: str | None = None  # txt, md or html for every file; None: by extension
    exclude: tuple[str, ...] = ()  # gitignore patterns, added to the config's
    force_exclude: bool = False  # excludes apply to the paths given explicitly too
    max_file_size: int | None = None  # bytes; None: the config's; 0: no limit
    source: Path | None = None  # the original of the one article given
    source_dir: Path | None = None  # a folder of originals
    no_source: bool = False  # do not look for originals beside the articles

    def __post_init__(self) -> None:
        if self.source is not None and len(self.paths) != 1:
            raise UsageError(
                "--source names the original of one article; use --source-dir for more"
            )
        if self.max_file_size is not None and self.max_file_size < 0:
            raise UsageError(f"--max-file-size must be 0 or more, not {self.max_file_size}")


# Articles per Dask task: large enough that a task's overhead (about a millisecond on
# the scheduler) is lost in its work, small enough to spread an archive over many workers.
DEFAULT_PARTITION_SIZE = 1000


@dataclass(frozen=True)
class EngineOptions:
    """Where ``check`` checks the files: on this machine, or on a Dask cluster
    (docs/scale.md)."""

    name: str = "local"  # local or dask
    scheduler: str | None = None  # tcp://HOST:PORT; None: start a local cluster
    workers: int = 0  # local cluster processes; 0: every core
    partition_size: int = DEFAULT_PARTITION_SIZE
    output_dir: str | None = None  # write finding rows here instead of a report
    output_format: str = "jsonl"  # jsonl or parquet

    def __post_init__(self) -> None:
        if self.name != "dask":
            for flag, given in (
                ("--scheduler", self.scheduler is not None),
                ("--workers", self.workers != 0),
                ("--output-dir", self.output_dir is not None),
            ):
                if given:
                    raise UsageError(f"{flag} goes with --engine dask")
        if self.scheduler is not None and self.workers:
            raise UsageError("--workers starts a local cluster; a --scheduler has its own workers")
        if self.workers < 0 or self.partition_size < 1:
            raise UsageError("--workers and --partition-size must be 1 or more")

    @property
    def dask(self) -> bool:
        return self.name == "dask"


# What a report needs that finding rows written to --output-dir cannot give.
_WHOLE_REPORT = (
    ("--write-baseline", "write_baseline"),
    ("--baseline", "baseline"),
    ("--statistics", "statistics"),
    ("--fail-under", "fail_under"),
    ("--report-unused-suppressions", "report_unused_suppressions"),
)


@dataclass(frozen=True)
class CheckOptions:
    inputs: InputOptions
    format: str = "full"
    exit_zero: bool = False
    report_unused_suppressions: bool = False
    fail_under: float | None = None  # a quality score, 0-100
    statistics: bool = False
    write_baseline: Path | None = None
    baseline: Path | None = None
    prune_baseline: bool = False
    cache: bool = True
    jobs: int = 0  # 0: the config's, else every core
    engine: EngineOptions = field(default_factory=EngineOptions)

    def __post_init__(self) -> None:
        self._check_engine()
        if self.jobs < 0:
            raise UsageError(f"--jobs must be 1 or more (0: every core), not {self.jobs}")
        if self.fail_under is not None and not 0 <= self.fail_under <= 100:
            raise UsageError(
                f"--fail-under takes a quality score from 0 to 100, not {self.fail_under:g}"
            )
        if self.prune_baseline and self.baseline is None:
            raise UsageError("--prune-baseline needs --baseline FILE")

    @property
    def local_cache(self) -> bool:
        """Whether to use the result cache: Dask workers on other machines share none
        with this one."""
        return self.cache and not self.engine.dask

    def _check_engine(self) -> None:
        if not self.engine.dask:
            return
        if "-" in self.inputs.paths:
            raise UsageError("--engine dask checks files; standard input (-) is not one")
        if self.engine.output_dir is None:
            return
        for flag, name in _WHOLE_REPORT:
            if getattr(self, name) not in (None, False):
                raise UsageError(f"{flag} needs the whole report; it cannot go with --output-dir")


@dataclass(frozen=True)
class FixOptions:
    inputs: InputOptions
    diff: bool = False
    write: bool = False
    stdout: bool = False
    unsafe_fixes: bool = False
    exit_zero: bool = False
    format: str = "text"  # text or html

    def __post_init__(self) -> None:
        if self.format == "html" and self.stdout:
            raise UsageError("--format html writes a page of the diff; it cannot go with --stdout")

    @property
    def show_diff(self) -> bool:
        """Without --write or --stdout, fix shows what it would change."""
        return self.diff or not (self.write or self.stdout)


@dataclass(frozen=True)
class ReviewOptions:
    inputs: InputOptions
    dry_run: bool = False
    no_backup: bool = False
    plain: bool = False
    baseline: Path | None = None
    remember: bool = False
    min_severity: str = "info"


@dataclass(frozen=True)
class EvalOptions:
    corpus: Path = Path("corpus")
    format: str = "table"
    verbose: bool = False
    by_rule: bool = False
    min_precision: float | None = None
    min_recall: float | None = None
    max_clean_rate: float | None = None
    max_worse: int | None = None

    def __post_init__(self) -> None:
        for name in ("min_precision", "min_recall"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 1:
                option = "--" + name.replace("_", "-")
                raise UsageError(f"{option} takes a fraction from 0 to 1, not {value:g}")
        if self.max_clean_rate is not None and self.max_clean_rate < 0:
            raise UsageError(f"--max-clean-rate must be 0 or more, not {self.max_clean_rate:g}")
        if self.max_worse is not None and self.max_worse < 0:
            raise UsageError(f"--max-worse must be 0 or more, not {self.max_worse}")


@dataclass(frozen=True)
class RulesOptions:
    codes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    format: str = "table"


@dataclass(frozen=True)
class CleanOptions:
    paths: tuple[str, ...] = ()
