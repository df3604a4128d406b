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


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    returncode: int


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
    return Run(name, seconds, usage.ru_maxrss / 1024, code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--proselint", default=_tool("proselint"))
    parser.add_argument("--codespell", default=_tool("codespell"))
    parser.add_argument("--skip-proselint", action="store_true")
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
    others = [timed("codespell", [args.codespell, target])]
    if not args.skip_proselint:
        others.insert(0, timed("proselint check", [args.proselint, "check", target]))
    runs += others
    print(f"{'tool':<18}{'wall s':>9}{'peak MB':>9}{'MB/s':>9}{'articles/s':>12}{'exit':>6}")
    for run in runs:
        print(
            f"{run.name:<18}{run.seconds:>9.2f}{run.peak_mb:>9.0f}{megabytes / run.seconds:>9.2f}"
            f"{files / run.seconds:>12.0f}{run.returncode:>6}"
        )
    one_core, all_cores = runs[0].seconds, runs[1].seconds
    for other in others:
        print(
            f"mtcheck throughput / {other.name}: {other.seconds / one_core:.2f}x on one core, "
            f"{other.seconds / all_cores:.2f}x on all cores"
        )

    sys.path.insert(0, str(ROOT / "bench"))
    import scaling

    small, large, rules, multiplied = scaling.ratio()
    print(
        f"ten times the rules ({rules} -> {multiplied}, generated phrase rules), 300 articles "
        f"in one process: {small:.2f} s -> {large:.2f} s, {large / small:.2f}x the time"
    )

    one = next(args.out.rglob("*.txt"))
    single = [*mtcheck, "--no-cache", str(one)]
    timed("warm-up", single)  # fills the lexicon table and the compiled-rule cache
    warm = [timed("warm", single).seconds for _ in range(10)]
    cold_code = []
    for _ in range(5):  # no compiled bytecode: every module is compiled from source
        with tempfile.TemporaryDirectory() as prefix:
            env = {**os.environ, "PYTHONPYCACHEPREFIX": prefix}
            cold_code.append(timed("no .pyc", single, env=env).seconds)
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "MTCHECK_CACHE_DIR": empty}
        first = timed("cold", single, env=env).seconds
    print(
        f"start, one article: median {statistics.median(warm):.3f} s "
        f"(min {min(warm):.3f}); without .pyc median {statistics.median(cold_code):.3f} s; "
        f"{first:.3f} s on the first run ever (empty user cache: builds the lexicon table)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
