"""Benchmark mtcheck against proselint on the same articles, whole process.

Builds a set of articles by sampling and recombining the paragraphs of the
annotated corpus (raw MT and clean), then times `mtcheck check` and
`proselint check` on them, each as one process, and reports wall time, peak
memory, MB/s, articles/s and the ratio; then the cold start of `mtcheck check`
on one article. Run by hand (`make bench`), not in the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
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

from mtcheck.corpus import corpus_files, load_article  # noqa: E402


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    returncode: int


def build_articles(count: int, out: Path, seed: int) -> tuple[int, int]:
    """Write ``count`` articles recombined from corpus paragraphs; return (files, bytes)."""
    paragraphs: list[str] = []
    headlines: list[str] = []
    for path in corpus_files(ROOT / "corpus"):
        blocks = [b for b in load_article(path).raw.split("\n\n") if b.strip()]
        headlines.append(blocks[0])
        paragraphs.extend(blocks[1:])
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    size = 0
    for index in range(count):
        folder = out / f"{index // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = rng.sample(paragraphs, rng.randint(2, 14))
        text = "\n\n".join([rng.choice(headlines), *body]) + "\n"
        (folder / f"article-{index:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return count, size


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
    beside = Path(sys.executable).parent / "proselint"
    default = str(beside) if beside.exists() else shutil.which("proselint") or "proselint"
    parser.add_argument("--proselint", default=default)
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
    if not args.skip_proselint:
        runs.append(timed("proselint check", [args.proselint, "check", target]))
    print(f"{'tool':<18}{'wall s':>9}{'peak MB':>9}{'MB/s':>9}{'articles/s':>12}{'exit':>6}")
    for run in runs:
        print(
            f"{run.name:<18}{run.seconds:>9.2f}{run.peak_mb:>9.0f}{megabytes / run.seconds:>9.2f}"
            f"{files / run.seconds:>12.0f}{run.returncode:>6}"
        )
    if len(runs) == 4:
        proselint = runs[3].seconds
        print(
            f"throughput ratio to proselint: {proselint / runs[0].seconds:.2f}x on one core, "
            f"{proselint / runs[1].seconds:.2f}x on all cores"
        )

    one = next(args.out.rglob("*.txt"))
    warm = [timed("warm", [*mtcheck, str(one)]).seconds for _ in range(10)]
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "MTCHECK_CACHE_DIR": empty}
        cold = timed("cold", [*mtcheck, str(one)], env=env).seconds
    print(
        f"cold start, one article: median {statistics.median(warm):.3f} s (lexicon cached), "
        f"{cold:.3f} s (empty cache, first run ever)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
