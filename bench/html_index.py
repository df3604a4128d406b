"""How long a browser takes to open the HTML report of a large archive.

    .venv/bin/python bench/html_index.py [ARTICLES [LENGTH]]   # default 10,000 and 1

LENGTH repeats each article's paragraphs: 1 gives about 50 words, 10 about 500.

Writes the made-up archive of tests/archive.py, checks it with
``mtcheck check --format html``, opens the page in headless Chromium and
prints the size of the page and the seconds until the index is drawn (from
navigation start to the script's ready mark), then the same for one article.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.archive import write_archive  # noqa: E402

_WAIT = (
    "const done = arguments[0];"
    "(function wait() { document.documentElement.dataset.ready ? done() :"
    " setTimeout(wait, 5); })();"
)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    length = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive"
        write_archive(archive, count, length)
        page = Path(folder) / "report.html"
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mtcheck",
                "check",
                "--no-cache",
                "--exit-zero",
                "--format",
                "html",
                "-o",
                str(page),
                str(archive),
            ],
            check=True,
        )
        print(f"{count} articles checked and rendered in {time.perf_counter() - started:.1f} s")
        print(f"page: {page.stat().st_size / 1e6:.1f} MB")
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu"):
            options.add_argument(argument)
        binary = shutil.which("chromium")
        if binary:
            options.binary_location = binary
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            for attempt in range(3):
                driver.get("about:blank")
                driver.get(page.as_uri())
                driver.execute_async_script(_WAIT)
                # Milliseconds from navigation start: an upper bound on the drawing.
                drawn = driver.execute_script("return performance.now()")
                rows = len(driver.find_elements("css selector", "#index-rows tr"))
                print(
                    f"run {attempt + 1}: index of {count} drawn {drawn / 1000:.2f} s "
                    f"after navigation start ({rows} rows on the page)"
                )
            started = time.perf_counter()
            driver.execute_script("location.hash = '#/a/7'")
            driver.find_element("id", "prose")
            print(f"one article opened in {time.perf_counter() - started:.3f} s")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
