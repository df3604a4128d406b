"""`mtcheck review` in a real terminal (tmux), driven one keystroke at a time.

.ci/run installs tmux and requires it (MTCHECK_REQUIRE_TMUX); elsewhere the test is
skipped when tmux is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = Path(__file__).parent / "review_article.txt"


class Tmux:
    """One tmux server of our own (its own socket), one window running a command."""

    def __init__(self, socket: str, command: str, cwd: Path, width: int = 100, height: int = 32):
        self.base = ["tmux", "-L", socket]
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(width)}
        env.pop("NO_COLOR", None)
        subprocess.run(
            [*self.base, "-f", "/dev/null", "new-session", "-d", "-s", "review",
             "-x", str(width), "-y", str(height), "-c", str(cwd), command],
            check=True, env=env,
        )  # fmt: skip

    def screen(self) -> str:
        result = subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", "review"], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, *texts: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{texts} never showed; the screen:\n{screen}")
            time.sleep(0.05)

    def press(self, key: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", "review", key], check=True)

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)


@pytest.fixture
def tmux_available() -> None:
    if shutil.which("tmux") is None:
        if os.environ.get("MTCHECK_REQUIRE_TMUX"):
            pytest.fail("tmux is missing in CI (.ci/run installs it)")
        pytest.skip("tmux is not installed")


def test_review_in_tmux_one_key_a_decision(tmp_path: Path, tmux_available: None) -> None:
    article = tmp_path / "article.txt"
    original = ARTICLE.read_bytes()
    article.write_bytes(original)
    done = tmp_path / "exit-status"
    command = f"{sys.executable} -m mtcheck review article.txt; echo $? > {done}"
    tmux = Tmux(f"mtcheck-test-{os.getpid()}", command, tmp_path)
    try:
        tmux.wait_for("1/8", "MT011 skip-link")
        tmux.press("y")  # accept: Skip to content goes
        tmux.wait_for("2/8", "Madurovisited")
        tmux.press("n")  # reject
        tmux.wait_for("3/8", "[-peru-]")
        tmux.press("u")  # undo the rejection
        tmux.wait_for("Undone.", "2/8", "Madurovisited")
        tmux.press("y")  # accept it after all
        tmux.wait_for("[-peru-]")
        tmux.press("n")  # reject peru
        tmux.wait_for("[-lima-]")
        tmux.press("y")
        tmux.wait_for("[-madurowhose-]")
        tmux.press("y")  # the split creates a follow-up: maduro → Maduro
        tmux.wait_for("follow-up of your change", "[-maduro-]{+Maduro+}", "line 7, column 1")
        tmux.press("y")  # accept the follow-up
        tmux.wait_for("MT101 overall-maximum")
        tmux.press("q")
        tmux.wait_for("Save the changes to article.txt?", "{+Maduro whose+}")
        tmux.press("y")
        deadline = time.monotonic() + 30
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert done.read_text().strip() == "0"
    finally:
        tmux.close()
    expected = (
        original.decode("utf-8")
        .replace("Skip to content\n\n", "")
        .replace("Madurovisited peru", "Maduro visited peru")
        .replace("doubts in lima", "doubts in Lima")
        .replace("\nmadurowhose", "\nMaduro whose")
    )
    assert article.read_text(encoding="utf-8") == expected
    assert (tmp_path / "article.txt.orig").read_bytes() == original
