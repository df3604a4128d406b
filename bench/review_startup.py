"""Start-up of the full-screen reviewer, and its screens, measured in a real terminal.

Runs ``mtcheck review`` in tmux (a server of its own) on a 1,000-word article
built from our own test article, and times, from the moment the process is
started, until the first finding is on the screen (tmux polled every 5 ms),
over several runs. Then captures the screens of the first finding, the help
and the save diff into build/screens/ (plain text, ``tmux capture-pane -p``).

    .venv/bin/python bench/review_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "review_article.txt"
SCREENS = ROOT / "build" / "screens"


class Tmux:
    def __init__(self, command: str, cwd: Path, width: int = 100, height: int = 32) -> None:
        self.base = ["tmux", "-L", f"mtcheck-bench-{id(self)}", "-f", "/dev/null"]
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", "b", "-x", str(width), "-y", str(height),
             "-c", str(cwd), command],
            check=True,
        )  # fmt: skip

    def screen(self) -> str:
        return subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 30, poll: float = 0.005) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(poll)
        raise SystemExit(f"{text!r} never showed:\n{self.screen()}")

    def press(self, key: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", "b", key], check=True)

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)


def long_article(words: int = 1000) -> str:
    """Our test article, its paragraphs repeated (minus the chrome) to about ``words`` words."""
    paragraphs = [p for p in ARTICLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    head, body, tail = paragraphs[:2], paragraphs[2:-1], paragraphs[-1:]
    out = list(head)
    while sum(len(p.split()) for p in out) < words:
        out.extend(body)
    return "\n\n".join(out + tail) + "\n"


def time_startup(folder: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall time to the first finding on screen, and the CPU time the process had used
    when Textual painted it (which the load of a shared machine does not inflate)."""
    walls, cpus = [], []
    record = folder / "cpu.txt"
    for _ in range(runs):
        record.unlink(missing_ok=True)
        start = time.monotonic()
        tmux = Tmux(f"{sys.executable} {Path(__file__).resolve()} --child {record}", folder)
        try:
            tmux.wait_for("MT011 skip-link")
            walls.append(time.monotonic() - start)
            tmux.press("q")
            deadline = time.monotonic() + 10
            while not record.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            cpus.append(float(record.read_text()))
        finally:
            tmux.close()
    return walls, cpus


def child(record: Path) -> None:
    """`mtcheck review long.txt`, noting the process's CPU time once the first screen is up."""
    import os

    from mtcheck.cli import main
    from mtcheck.review import app

    first = app.ReviewScreen.refresh_view

    async def refresh_view(self: app.ReviewScreen) -> None:
        await first(self)
        if not record.exists():

            def note() -> None:
                times = os.times()
                record.write_text(f"{times.user + times.system:.3f}")

            self.app.call_after_refresh(note)

    app.ReviewScreen.refresh_view = refresh_view  # type: ignore[method-assign]
    sys.exit(main(["review", "--no-backup", "long.txt"]))


def time_check(folder: Path, runs: int) -> tuple[list[float], list[float]]:
    """The same article through `mtcheck check` (no result cache): the cost the reviewer
    shares with every command, for comparison."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "mtcheck", "check", "--no-cache", "--exit-zero", "long.txt"],
            cwd=folder, capture_output=True, check=True,
        )  # fmt: skip
        walls.append(time.monotonic() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


def _summary(times: list[float]) -> str:
    return (
        f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s"
    )


def capture_screens(folder: Path) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_bytes(ARTICLE.read_bytes())
    tmux = Tmux(f"{sys.executable} -m mtcheck review --dry-run article.txt", folder)
    try:
        (SCREENS / "first-finding.txt").write_text(tmux.wait_for("1/8"))
        tmux.press("?")
        (SCREENS / "help.txt").write_text(tmux.wait_for("Any key closes this help"))
        tmux.press("Space")  # not Escape: a key right after it would read as Alt+key
        tmux.wait_for("1/8")
        steps = ["2/8", "[-peru-]", "[-lima-]", "[-madurowhose-]", "follow-up", "MT101"]
        for then in steps:  # accept each, and the follow-up
            tmux.press("y")
            tmux.wait_for(then)
        tmux.press("2")
        tmux.wait_for("SIGHT")
        tmux.press("q")
        (SCREENS / "save-diff.txt").write_text(tmux.wait_for("Dry run"))
        tmux.press("n")
    finally:
        tmux.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        text = long_article()
        (folder / "long.txt").write_text(text, encoding="utf-8")
        # One run first, so the lexicon cache is warm as in daily use.
        time_startup(folder, 1)
        times, cpus = time_startup(folder, args.runs)
        checks, check_cpus = time_check(folder, args.runs)
        print(f"article: {len(text.split())} words; {args.runs} runs each")
        print(f"review, start to the first finding on screen, wall: {_summary(times)}")
        print(f"review, CPU time used by then:                      {_summary(cpus)}")
        print(f"check --no-cache, start to exit, wall:              {_summary(checks)}")
        print(f"check --no-cache, CPU time:                         {_summary(check_cpus)}")
        print(
            "the reviewer's own share of CPU (median difference): "
            f"{statistics.median(cpus) - statistics.median(check_cpus):.3f} s"
        )
        capture_screens(folder)
        print(f"screens: {', '.join(sorted(p.name for p in SCREENS.glob('*.txt')))} in {SCREENS}")


if __name__ == "__main__":
    main()
