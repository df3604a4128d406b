"""The HTML report in a real browser: headless Chromium driven by Selenium.

Each report is checked from the DOM against the JSON report of the same run:
every finding is present, focusable and shows its message; nothing planted in
an article runs or renders; the page asks the network for nothing. Screenshots
go to build/screenshots/ for a person to look at. Outside CI the tests skip
when no Chromium is installed; in CI (CI=true) a missing browser fails them.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.archive import write_archive
from tests.conftest import ROOT, SEED

SHOTS = ROOT / "build" / "screenshots"
# Planted in every test article: markup that must show as text and never run.
PLANTED = '<script>window.planted = 1</script> <img src="x" onerror="window.planted = 2">'


def _browser() -> tuple[str, str] | None:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    found = _browser()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests: chromium and chromedriver are missing")
        pytest.skip("no chromium and chromedriver (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def _reports(run: Any, tmp_path: Path, *paths: Path) -> tuple[Path, dict[str, Any]]:
    page = tmp_path / "report.html"
    result = run("check", "--no-cache", "--format", "html", "-o", str(page), *map(str, paths))
    assert result.code in (0, 1), result.err
    listed = run("check", "--no-cache", "--format", "json", *map(str, paths))
    return page, json.loads(listed.out)


def _open(driver: Any, page: Path) -> float:
    """Load the page; return the seconds until its script has drawn it."""
    driver.get_log("performance")  # drop what earlier pages logged
    started = time.perf_counter()
    driver.get(page.as_uri())
    driver.execute_async_script(
        "const done = arguments[0];"
        "(function wait() { document.documentElement.dataset.ready ? done() :"
        " setTimeout(wait, 5); })();"
    )
    return time.perf_counter() - started


def _requests(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _assert_offline_and_inert(driver: Any, page: Path) -> None:
    requests = _requests(driver)
    assert requests, "the performance log recorded nothing: the check would be blind"
    assert [u for u in requests if not u.startswith(page.as_uri())] == []
    assert driver.execute_script("return window.planted") is None
    assert driver.find_elements("css selector", "img, iframe, object, embed") == []
    scripts = driver.execute_script(
        "return Array.from(document.scripts).filter(s => s.type !== 'application/json').length"
    )
    assert scripts == 1  # the report's own, nothing from an article
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _check_findings(
    driver: Any, number: int, expected: list[dict[str, Any]], marked_up: bool = False
) -> None:
    """Open article ``number``; each finding must be focusable and show its message."""
    driver.execute_script(f"location.hash = '#/a/{number}'")
    for i, finding in enumerate(expected):
        badge = driver.find_element("id", f"f-{i}")
        badge.click()  # a real click, where a reader would
        assert driver.switch_to.active_element == badge
        detail = driver.find_element("id", "detail").text
        assert finding["message"] in detail
        assert finding["rule"] in detail
        shown = driver.execute_script(
            "return Array.from(document.querySelectorAll('#prose mark'))"
            f".filter(m => m.dataset.f.split(' ').includes('{i}'))"
            ".map(m => m.textContent).join('')"
        )
        if finding["end"] > finding["start"]:
            assert shown, f"finding {i} ({finding['rule']}) has no marked text"
        # The marked prose is the flagged source (without its markup, for Markdown/HTML).
        matched = finding["matched"]
        prose = html.unescape(re.sub(r"<[^>]*>|[*_`]", "", matched)) if marked_up else matched
        if shown and prose:
            assert shown.strip() == prose.strip()


def test_seed_article(browser: Any, run: Any, tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    article = tmp_path / "seed.txt"
    article.write_text(SEED.read_text(encoding="utf-8") + f"\n{PLANTED}\n", encoding="utf-8")
    page, report = _reports(run, tmp_path, article)
    _open(browser, page)
    _assert_offline_and_inert(browser, page)
    expected = report["files"][0]["findings"]
    assert len(expected) > 10
    _check_findings(browser, 0, expected)
    prose = browser.find_element("id", "prose").text
    assert "<script>window.planted = 1</script>" in prose  # shown, as text
    # The keyboard alone walks the findings: j forward, k back, Tab to the next badge.
    from selenium.webdriver.common.keys import Keys

    browser.find_element("id", "f-0").click()
    browser.switch_to.active_element.send_keys("j")
    assert browser.switch_to.active_element.get_attribute("id") == "f-1"
    browser.switch_to.active_element.send_keys("k")
    assert browser.switch_to.active_element.get_attribute("id") == "f-0"
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "f-1"
    assert expected[1]["message"] in browser.find_element("id", "detail").text
    browser.find_element("id", "f-3").click()
    browser.save_screenshot(str(SHOTS / "seed-article.png"))


MARKDOWN = f"""\
---
title: Minister Carla Ruizannounced a plan
---

# The plan

**Vladimir Putin**visited Minsk on Tuesday, said the [ministry](https://example.org/x).

The delegation travelled to peru, where `code stays` as it is.

SIGHT: Floods close the main road

{PLANTED}
"""

PAGE = """\
<!DOCTYPE html>
<html><head><title>t</title><script>window.planted = 3</script></head>
<body>
<h1>The plan</h1>
<p><strong>Vladimir Putin</strong>visited Minsk on Tuesday.</p>
<p>The delegation travelled to peru and then to bolivia.</p>
<p>&lt;script&gt;window.planted = 4&lt;/script&gt; &lt;img src=x onerror="window.planted=5"&gt;</p>
<p>SIGHT: Floods close the main road</p>
<img src="https://example.org/photo.jpg" onerror="window.planted = 6">
</body></html>
"""


@pytest.mark.parametrize(("name", "text"), [("plan.md", MARKDOWN), ("plan.html", PAGE)])
def test_marked_up_article(browser: Any, run: Any, tmp_path: Path, name: str, text: str) -> None:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    page, report = _reports(run, tmp_path, article)
    _open(browser, page)
    _assert_offline_and_inert(browser, page)
    expected = report["files"][0]["findings"]
    assert {f["rule"] for f in expected} >= {"MT801", "MT811", "MT001"}
    _check_findings(browser, 0, expected, marked_up=True)
    prose = browser.find_element("id", "prose").text
    assert "**" not in prose and "<p>" not in prose and "https://example.org" not in prose
    assert "Putinvisited" in prose  # the prose the rules read
    if name.endswith(".html"):
        assert "<script>window.planted = 4</script>" in prose  # decoded entities, as text
    browser.find_element("id", "f-0").click()
    browser.save_screenshot(str(SHOTS / f"article-{name.replace('.', '-')}.png"))


def test_archive_index(browser: Any, run: Any, tmp_path: Path) -> None:
    write_archive(tmp_path / "archive", 2000)
    page, report = _reports(run, tmp_path, tmp_path / "archive")
    files = report["files"]
    assert len(files) == 2000
    seconds = _open(browser, page)
    _assert_offline_and_inert(browser, page)
    (SHOTS / "archive-2000-load.json").write_text(
        json.dumps({"articles": 2000, "seconds_to_drawn_index": round(seconds, 3)}) + "\n"
    )
    print(f"2,000-article index drawn in {seconds:.2f} s")
    rows = browser.find_elements("css selector", "#index-rows tr")
    assert len(rows) == 50  # one page, not two thousand rows
    scores = [f["score"] for f in files]
    first = browser.find_element("css selector", "#index-rows tr td:nth-child(2)").text
    assert float(first) == min(s for s in scores if s is not None)  # worst first
    browser.save_screenshot(str(SHOTS / "archive-index.png"))

    # Filters: a rule, then a search, each against the JSON report's own count.
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "filter-rule")).select_by_value("MT811")
    with_rule = sum(1 for f in files if any(x["rule"] == "MT811" for x in f["findings"]))
    assert browser.find_element("id", "shown-count").text == f"{with_rule} of 2000 files"
    Select(browser.find_element("id", "filter-rule")).select_by_value("")
    browser.find_element("id", "filter-search").send_keys("article-0012")
    assert browser.find_element("id", "shown-count").text == "10 of 2000 files"
    browser.find_element("id", "filter-search").clear()
    browser.find_element("id", "filter-search").send_keys(" ")  # input event after clear
    browser.find_element("id", "page-next").click()
    assert browser.find_element("id", "page-of").text.startswith("page 2 of ")

    # Every finding of every article, checked in the page: drawn, focusable, showing its
    # message (one script for all two thousand articles; the per-click path is above).
    problems = browser.execute_script(
        """
        const expected = arguments[0], problems = [];
        expected.forEach((messages, n) => {
          window.mtcheckReport.open(n);
          messages.forEach((message, i) => {
            const badge = document.getElementById('f-' + i);
            if (!badge) { problems.push([n, i, 'missing']); return; }
            badge.focus();
            if (document.activeElement !== badge) problems.push([n, i, 'not focusable']);
            else if (!document.getElementById('detail').textContent.includes(message))
              problems.push([n, i, 'message not shown']);
          });
          if (document.getElementById('f-' + messages.length)) problems.push([n, -1, 'extra']);
        });
        return problems;
        """,
        [[x["message"] for x in f["findings"]] for f in files],
    )
    assert problems == []
    browser.execute_script("location.hash = '#/a/7'")
    browser.find_element("id", "f-0").click()
    browser.save_screenshot(str(SHOTS / "archive-article.png"))


def test_fix_and_eval_pages(browser: Any, run: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Minister Carla Ruizannounced the plan in peru.\n\n"
        f"SIGHT: Floods close the main road\n\n{PLANTED}\n",
        encoding="utf-8",
    )
    page = tmp_path / "fix.html"
    result = run("fix", "--diff", "--format", "html", "-o", str(page), str(article))
    assert result.code == 1, result.err
    _open_static(browser, page)
    _assert_offline_and_inert_static(browser, page)
    inserted = [e.text for e in browser.find_elements("css selector", ".diff ins")]
    deleted = [e.text for e in browser.find_elements("css selector", ".diff del")]
    assert "Ruiz announced" in inserted and "Ruizannounced" in deleted
    assert "SEE ALSO" in " ".join(inserted)
    assert "<img" in browser.find_element("css selector", ".diff").text
    browser.save_screenshot(str(SHOTS / "fix-diff.png"))

    page = tmp_path / "eval.html"
    result = run("eval", "--format", "html", "-o", str(page), str(ROOT / "corpus"))
    assert result.code == 0, result.err
    _open_static(browser, page)
    _assert_offline_and_inert_static(browser, page)
    bars = browser.find_elements("css selector", "table svg rect")
    assert bars and all(float(b.get_attribute("width")) > 0 for b in bars)
    assert "overall" in browser.find_element("tag name", "main").text
    browser.save_screenshot(str(SHOTS / "eval.png"))


def _open_static(driver: Any, page: Path) -> None:
    driver.get_log("performance")
    driver.get(page.as_uri())


def _assert_offline_and_inert_static(driver: Any, page: Path) -> None:
    requests = _requests(driver)
    assert requests and [u for u in requests if not u.startswith(page.as_uri())] == []
    assert driver.execute_script("return window.planted") is None
    assert driver.find_elements("css selector", "img, script, iframe, object, embed") == []
