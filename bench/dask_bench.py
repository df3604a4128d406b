"""mtcheck on Dask against the plain CLI on the same files: 1 and 2 workers, the overhead.

Builds articles by recombining the corpus's paragraphs (as bench/bench.py does), then
times, each as one whole process: the plain ``mtcheck check --format json`` on 1 and 2
processes, and ``--engine dask`` on a local cluster of 1 and 2 workers, both printing
the JSON report and writing JSON-lines partitions (``--output-dir``). Then, in this
process, a local cluster's steady state: the time of the tasks alone (no start-up) and
each worker's peak memory; from it, a sizing for five million articles (~15 GB).
Run by hand (``make bench-dask``), never in the test suite: it times things.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import build_articles  # noqa: E402  (bench/bench.py, beside this script)

# The archive of the sizing: five million articles, about 15 GB of text.
ARCHIVE_ARTICLES = 5_000_000
ARCHIVE_BYTES = 15e9


@dataclass
class Run:
    name: str
    seconds: float
    cpu: float  # user + system seconds of the process and the processes it waited for
    returncode: int


def timed(name: str, command: list[str], cwd: str) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return Run(name, seconds, cpu, os.waitstatus_to_exitcode(status))


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    return time.process_time()


@dataclass
class Steady:
    seconds: float  # wall time of the tasks alone, the cluster started
    cpu: float  # CPU seconds the workers spent on them, all workers together
    peak_mb: float  # the largest worker's peak memory
    partitions: int


def steady_state(target: Path, workers: int, partition_size: int) -> Steady:
    """The tasks alone on a started cluster (no start-up): wall and worker CPU time."""
    import dask.bag as db

    from mtcheck.config import Config
    from mtcheck.engine import build_ruleset
    from mtcheck.files import collect
    from mtcheck.scale import write_findings
    from mtcheck.scale.cluster import connect
    from mtcheck.scale.engine import RETRIES
    from mtcheck.sources import Originals

    paths, _ = collect([str(target)], [], Originals().is_original)
    with tempfile.TemporaryDirectory() as out, connect(None, workers) as client:
        ruleset = build_ruleset(Config())
        before = client.run(_cpu_seconds)
        started = time.perf_counter()
        tasks = write_findings(
            db.from_sequence(paths, partition_size=partition_size),
            f"{out}/parts",
            "jsonl",
            ruleset,
            originals=Originals(),
        )
        client.gather(client.compute(tasks, retries=RETRIES))
        seconds = time.perf_counter() - started
        after = client.run(_cpu_seconds)
        peak = max(client.run(_peak_rss_mb).values())
    cpu = sum(after[worker] - before[worker] for worker in after)
    return Steady(seconds, cpu, peak, len(tasks))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench-dask")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--partition-size", type=int, default=1000)
    args = parser.parse_args()

    _, size = build_articles(args.articles, args.out, args.seed)
    files, megabytes = args.articles, size / 1e6
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"{files} articles, {megabytes:.1f} MB in {args.out}; {os.cpu_count()} cores, "
        f"load average {load}"
    )
    target = str(args.out.resolve())
    check = [sys.executable, "-m", "mtcheck", "check", "--no-cache", "--exit-zero"]
    json = [*check, "--format", "json"]
    dask = [*check, "--engine", "dask", "--partition-size", str(args.partition_size)]
    with tempfile.TemporaryDirectory() as here:
        runs = [
            timed("plain, 1 process", [*json, "--jobs", "1", target], here),
            timed("plain, 2 processes", [*json, "--jobs", "2", target], here),
            timed(
                "dask, 1 worker, json", [*dask, "--format", "json", "--workers", "1", target], here
            ),
            timed(
                "dask, 2 workers, json", [*dask, "--format", "json", "--workers", "2", target], here
            ),
        ]
        for workers in (1, 2):
            folder = f"{here}/parts-{workers}"
            runs.append(
                timed(
                    f"dask, {workers} worker{'s' if workers > 1 else ''}, jsonl",
                    [*dask, "--workers", str(workers), "--output-dir", folder, target],
                    here,
                )
            )
        one = next(args.out.rglob("*.txt"))
        start_up = timed("dask, 2 workers, 1 article", [*dask, "--workers", "2", str(one)], here)
        plain_one = timed("plain, 1 article", [*check, str(one)], here)
    print(f"{'run':<26}{'wall s':>9}{'CPU s':>9}{'MB/s':>9}{'articles/s':>12}{'exit':>6}")
    for run in runs:
        print(
            f"{run.name:<26}{run.seconds:>9.2f}{run.cpu:>9.2f}{megabytes / run.seconds:>9.2f}"
            f"{files / run.seconds:>12.0f}{run.returncode:>6}"
        )
    plain1, plain2, json1, json2, lines1, lines2 = runs
    for label, measure in (("wall", "seconds"), ("CPU", "cpu")):

        def ratio(a: Run, b: Run, measure: str = measure) -> str:
            return f"{getattr(a, measure) / getattr(b, measure):.2f}x"

        print(
            f"{label}, dask / plain on the same files: 1 worker {ratio(json1, plain1)} (json), "
            f"{ratio(lines1, plain1)} (jsonl); 2 workers {ratio(json2, plain2)} (json), "
            f"{ratio(lines2, plain2)} (jsonl)"
        )
    print(
        f"wall, 1 worker / 2 workers: {json1.seconds / json2.seconds:.2f}x (json), "
        f"{lines1.seconds / lines2.seconds:.2f}x (jsonl); "
        f"plain 1 / 2 processes: {plain1.seconds / plain2.seconds:.2f}x"
    )
    print(
        f"fixed cost, one article: dask {start_up.seconds:.2f} s wall, {start_up.cpu:.2f} s CPU "
        f"(starts a 2-worker cluster); plain {plain_one.seconds:.2f} s, {plain_one.cpu:.2f} s CPU"
    )

    for workers in (1, 2):
        steady = steady_state(args.out, workers, args.partition_size)
        print(
            f"steady state, {workers} worker(s), {steady.partitions} partitions: "
            f"{steady.seconds:.2f} s wall, {files / steady.seconds:.0f} articles/s; "
            f"worker CPU {steady.cpu:.2f} s: {files / steady.cpu:.0f} articles and "
            f"{megabytes / steady.cpu:.2f} MB per CPU-second; worker peak {steady.peak_mb:.0f} MB"
        )
    per_core = megabytes / steady.cpu  # MB per CPU-second of a worker, from the 2-worker run
    core_hours = ARCHIVE_BYTES / 1e6 / per_core / 3600
    partitions = math.ceil(ARCHIVE_ARTICLES / args.partition_size)
    print(f"load average at the end {', '.join(f'{v:.1f}' for v in os.getloadavg())}")
    print(
        f"sizing, {ARCHIVE_ARTICLES:,} articles ({ARCHIVE_BYTES / 1e9:.0f} GB) at "
        f"{per_core:.2f} MB per worker CPU-second: {core_hours:.0f} worker-hours, so "
        f"{math.ceil(core_hours):,} one-core workers for one hour (before start-up "
        f"and stragglers); {partitions:,} partitions of {args.partition_size}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
