"""Benchmark mtcheck against proselint and codespell on the same articles, whole process.

Builds a set of articles by sampling and recombining the paragraphs of the
annotated corpus (raw MT and clean), then times `mtcheck check`, `proselint check`
and `codespell` on them, each as one process, and reports wall time, peak memory,
MB/s, articles/s and the ratios; then the cost of ten times the rules
(bench/scaling.py) and the cold start of `mtcheck check` on one article, with and
without compiled bytecode. Run by hand (`make bench`), not in the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.corpus import recombined  # noqa: E402

# Our own words: the kind of sentence MT leaves in Spanish inside an English article.
SPANISH_SENTENCE = (
    "\nEl ministro dijo que los diputados del partido no tienen una respuesta para la crisis.\n"
)


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    returncode: int
    cpu: float = 0.0  # user + system seconds: steadier than wall time on a shared machine


def build_articles(count: int, out: Path, seed: int) -> tuple[int, int]:
    """Write ``count`` articles recombined from corpus paragraphs; return (files, bytes)."""
    if out.exists():
        shutil.rmtree(out)
    size = 0
    for index, text in enumerate(recombined(ROOT / "corpus", count, seed)):
        folder = out / f"{index // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{index:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return count, size


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name) or name


def timed(
    name: str, command: list[str], env: dict[str, str] | None = None, cwd: str | None = None
) -> Run:
    """Run a command with its output discarded; measure wall time and peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    return Run(name, seconds, usage.ru_maxrss / 1024, code, usage.ru_utime + usage.ru_stime)


def _median(runs: list[Run]) -> str:
    wall = statistics.median(r.seconds for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    return f"median {wall:.3f} s wall, {cpu:.3f} s CPU (min {min(r.seconds for r in runs):.3f})"


def start_up(one: Path, spanish: Path, runs: int) -> list[str]:
    """The start of `mtcheck check FILE` (the default report, to a pipe, no result cache)
    on one article: with bytecode, with every module compiled from source, with a Spanish
    sentence, and the first run ever (empty user cache)."""
    check = [sys.executable, "-m", "mtcheck", "check", "--no-cache"]
    with tempfile.TemporaryDirectory() as here:  # no config file above it
        timed("warm-up", [*check, str(one)], cwd=here)  # user cache: rules, lexicon, profiles
        timed("warm-up", [*check, str(spanish)], cwd=here)
        warm = [timed("warm", [*check, str(one)], cwd=here) for _ in range(runs)]
        with_spanish = [timed("es", [*check, str(spanish)], cwd=here) for _ in range(runs)]
        source = []
        for _ in range(max(3, runs // 2)):  # no .pyc at all: every module compiled, none kept
            with tempfile.TemporaryDirectory() as prefix:
                env = {**os.environ, "PYTHONPYCACHEPREFIX": prefix, "PYTHONDONTWRITEBYTECODE": "1"}
                source.append(timed("no .pyc", [*check, str(one)], env=env, cwd=here))
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "MTCHECK_CACHE_DIR": empty}
            first = timed("cold", [*check, str(one)], env=env, cwd=here)
    return [
        f"start, one article ({one.stat().st_size:,} bytes): {_median(warm)}",
        f"start, the same with a Spanish sentence: {_median(with_spanish)}",
        f"start without any .pyc (every module compiled from source): {_median(source)}",
        f"first run ever (empty user cache: builds the rule, lexicon and language tables): "
        f"{first.seconds:.3f} s wall, {first.cpu:.3f} s CPU",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--proselint", default=_tool("proselint"))
    parser.add_argument("--codespell", default=_tool("codespell"))
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument(
        "--warm-articles", type=int, default=20_000, help="articles for the warm re-run"
    )
    parser.add_argument("--start-runs", type=int, default=11)
    args = parser.parse_args()

    files, size = build_articles(args.articles, args.out, args.seed)
    megabytes = size / 1e6
    print(f"{files} articles, {megabytes:.1f} MB in {args.out}")

    mtcheck = [sys.executable, "-m", "mtcheck", "check", "--format", "concise", "--exit-zero"]
    target = str(args.out.resolve())
    with tempfile.TemporaryDirectory() as here:  # the result cache lives in the current folder
        runs = [
            timed("mtcheck (1 core)", [*mtcheck, "--no-cache", "--jobs", "1", target], cwd=here),
            timed(f"mtcheck ({os.cpu_count()} cores)", [*mtcheck, target], cwd=here),
            timed("mtcheck (cached)", [*mtcheck, target], cwd=here),
        ]
        # The warm re-run: the articles above plus more, every one unchanged since checked.
        extra = args.out.parent / f"{args.out.name}-warm"
        more = max(0, args.warm_articles - files)
        build_articles(more, extra, args.seed + 1)
        warm_dirs = [target, str(extra.resolve())] if more else [target]
        timed("fill the cache", [*mtcheck, *warm_dirs], cwd=here)
        warm = [timed("warm", [*mtcheck, *warm_dirs], cwd=here) for _ in range(3)]
        full = [*mtcheck[:4], "--exit-zero"]  # the default report, to a pipe
        timed("fill the full report's", [*full, *warm_dirs], cwd=here)
        warm_full = [timed("warm", [*full, *warm_dirs], cwd=here) for _ in range(3)]
    others = [timed("codespell", [args.codespell, target])]
    if not args.skip_proselint:
        others.insert(0, timed("proselint check", [args.proselint, "check", target]))
    runs += others
    header = f"{'wall s':>9}{'CPU s':>8}{'peak MB':>9}{'MB/s':>9}{'articles/s':>12}{'exit':>6}"
    print(f"{'tool':<18}{header}")
    for run in runs:
        print(
            f"{run.name:<18}{run.seconds:>9.2f}{run.cpu:>8.2f}{run.peak_mb:>9.0f}"
            f"{megabytes / run.seconds:>9.2f}{files / run.seconds:>12.0f}{run.returncode:>6}"
        )
    one_core, all_cores = runs[0].seconds, runs[1].seconds
    for other in others:
        print(
            f"mtcheck throughput / {other.name}: {other.seconds / one_core:.2f}x on one core, "
            f"{other.seconds / all_cores:.2f}x on all cores"
        )
    total = files + more
    print(f"warm re-run of {total:,} unchanged articles, concise: {_median(warm)}")
    print(f"warm re-run of {total:,} unchanged articles, default report: {_median(warm_full)}")

    sys.path.insert(0, str(ROOT / "bench"))
    import scaling

    small, large, rules, multiplied = scaling.ratio()
    print(
        f"ten times the rules ({rules} -> {multiplied}, generated phrase rules), 300 articles "
        f"in one process: {small:.2f} s -> {large:.2f} s, {large / small:.2f}x the time"
    )

    one = ROOT / "build" / "bench-one-article.txt"
    spanish = ROOT / "build" / "bench-spanish-article.txt"
    one.write_text(recombined(ROOT / "corpus", 1, args.seed)[0], encoding="utf-8")
    spanish.write_text(one.read_text(encoding="utf-8") + SPANISH_SENTENCE, encoding="utf-8")
    for line in start_up(one, spanish, args.start_runs):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
