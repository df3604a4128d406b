"""What a check of one article loads: none of the heavy libraries it does not need.

Not timed (see bench/ and ``pytest -m benchmark`` for the figures): the modules a
process imports decide most of its start-up, and they do not vary with the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_PROBE = """
import json, sys
from mtcheck.cli import main
status = main(sys.argv[1:])
factory = sys.modules.get("langdetect.detector_factory")
# langdetect's own loader reads every profile into its module-wide factory.
loaded = factory is not None and factory._factory is not None
print(json.dumps({"modules": sorted(sys.modules), "profiles": loaded}), file=sys.stderr)
sys.exit(status)
"""

# Only for a terminal, another command, another format, or an article that needs them.
_NOT_ON_THE_COMMON_PATH = (
    "rich",
    "textual",
    "langdetect",
    "wordfreq",
    "jinja2",
    "sacrebleu",
    "tomllib",
    "xml",
    "mtcheck.review",
    "mtcheck.bilingual.checks",
)


def _probe(tmp_path: Path, text: str, *argv: str) -> dict:
    article = tmp_path / "one-article.txt"
    article.write_text(text, encoding="utf-8")
    command = [sys.executable, "-c", _PROBE, "check", "--isolated", "--no-cache", *argv]
    for _ in range(2):  # the first run of all may build the user cache (rules, lexicon)
        done = subprocess.run(
            [*command, str(article)], capture_output=True, text=True, timeout=120, cwd=tmp_path
        )
    assert done.returncode == 1, done.stderr  # findings
    return json.loads(done.stderr.strip().splitlines()[-1])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(
        m for m in modules if any(m == h or m.startswith(h + ".") for h in _NOT_ON_THE_COMMON_PATH)
    )


def test_a_check_to_a_pipe_loads_no_heavy_library(tmp_path: Path) -> None:
    text = "Vladimir Putinvisited belarus on monday. The minister assisted to the meeting.\n"
    for argv in ((), ("--format", "concise")):
        assert _heavy(set(_probe(tmp_path, text, *argv)["modules"])) == [], argv


def test_an_article_with_a_spanish_sentence_does_not_load_the_language_profiles(
    tmp_path: Path,
) -> None:
    text = (
        "Vladimir Putinvisited belarus on monday.\n\n"
        "El presidente dijo que los ministros del gobierno no tienen una respuesta.\n"
    )
    probe = _probe(tmp_path, text)
    modules = set(probe["modules"])
    assert "mtcheck.langprofiles" in modules  # the sentence was weighed
    assert "langdetect.detector" in modules  # by langdetect's own detector
    assert not probe["profiles"]  # with the profiles read n-gram by n-gram
    assert "rich" not in modules and "wordfreq" not in modules
