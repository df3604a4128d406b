"""Ten thousand hostile cases (and more): counts, worst time and memory, and with
--strace, proof that nothing outside each case's tree is opened or written.

    .venv/bin/python bench/hostile.py --cases 10000
    .venv/bin/python bench/hostile.py --cases 500 --strace

Each case is ``tests/hostile/fuzzing.run_case``: an attacker's rule pack, a
random article (encodings, BOMs, markup, control characters, format tricks),
a symlink to a secret outside the tree, ``mtcheck fix --write`` on the folder.
The bundled rule files are parsed once (they are trusted and the same for every
case); the attacker's pack is loaded fresh each time.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(cases: int, start: int, folder: Path) -> int:
    from tests.hostile.fuzzing import cache_bundled_rules, run_case

    cache_bundled_rules()
    codes: Counter[int] = Counter()
    failures = []
    worst = (0.0, -1)
    began = time.monotonic()
    for seed in range(start, start + cases):
        outcome = run_case(seed, folder)
        codes[outcome.code] += 1
        worst = max(worst, (outcome.seconds, seed))
        if outcome.problems:
            failures.append((seed, outcome.problems))
        shutil.rmtree(folder / f"case{seed}", ignore_errors=True)
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cases: {cases} (seeds {start}..{start + cases - 1})")
    print(f"exit status: {dict(sorted(codes.items()))}")
    print(f"failures: {len(failures)}")
    for seed, problems in failures[:20]:
        print(f"  seed {seed}: {problems}")
    print(f"worst time: {worst[0]:.2f} s (seed {worst[1]}); total {time.monotonic() - began:.0f} s")
    print(f"peak memory: {memory:.0f} MB")
    return 1 if failures else 0


_OPEN = re.compile(r'^\d+\s+(open|openat|creat)\(.*?"([^"]*)", ([A-Z_|]+)')
_MUTATE = re.compile(r'^\d+\s+(rename|renameat2?|unlink|unlinkat|mkdir|link|symlink)\(.*?"([^"]*)"')


def audit(log: Path, folder: Path) -> list[str]:
    """Opens of the secrets, and writes anywhere but the cases' trees and the cache."""
    allowed = (str(folder), "/dev/null", "/dev/tty", "/dev/pts", "/tmp/pytest", "/proc/self")
    violations = []
    for line in log.read_text(errors="replace").splitlines():
        opened = _OPEN.match(line)
        secret = opened and opened.group(2).startswith(str(folder))
        if secret and ("outside.txt" in opened.group(2) or "/articles/link." in opened.group(2)):
            if "O_CREAT" not in opened.group(3):  # the case's own setup writes the secret
                violations.append(line.strip())
            continue
        writes = opened and any(f in opened.group(3) for f in ("O_WRONLY", "O_RDWR", "O_CREAT"))
        if writes and not opened.group(2).startswith(allowed):
            violations.append(line.strip())
        mutated = _MUTATE.match(line)
        # Relative names are the bench's own rmtree of a case (through a folder descriptor).
        if (
            mutated
            and mutated.group(2).startswith("/")
            and not mutated.group(2).startswith(allowed)
        ):
            violations.append(line.strip())
    return violations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--strace", action="store_true", help="run under strace and audit it")
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="mtcheck-hostile-"))
    if args.folder is None:
        # The caches go into the case folder too, so that every write is accounted for.
        import os

        os.environ["MTCHECK_CACHE_DIR"] = str(folder / "cache")
    if not args.strace:
        return run(args.cases, args.start, folder)
    if shutil.which("strace") is None:
        print("strace is not installed", file=sys.stderr)
        return 2
    log = folder / "strace.log"
    command = [sys.executable, __file__, "--cases", str(args.cases), "--start", str(args.start),
               "--folder", str(folder)]  # fmt: skip
    trace = "open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,link,symlink"
    status = subprocess.call(
        ["strace", "-f", "-qq", "-e", f"trace={trace}", "-o", str(log), *command]
    )
    violations = audit(log, folder)
    print(f"strace: {len(violations)} opens of the outside secret or writes outside {folder}")
    for violation in violations[:20]:
        print(f"  {violation}")
    return status or (1 if violations else 0)


if __name__ == "__main__":
    sys.exit(main())
