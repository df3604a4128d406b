"""Rendering the pages from the templates beside this module."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.html_report import articles
from mtcheck.html_report.palette import BAR_WIDTH, STYLES, style_of
from mtcheck.model import CATEGORIES
from mtcheck.results import FileResult
from mtcheck.rule import RuleInfo
from mtcheck.version import __version__

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    import jinja2  # only when an HTML page is asked for

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def safe_json(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in, or open a comment."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _page(template: str, title: str, script: str | None, **context: Any) -> str:
    """A page whose policy allows its own style and script, and no network at all."""
    env = environment()
    style = env.get_template("report.css").render(styles=list(STYLES.values()))
    policy = [
        "default-src 'none'",
        f"style-src '{_digest(style)}'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if script is not None:
        policy.append(f"script-src '{_digest(script)}'")
    return env.get_template(template).render(
        title=title,
        style=style,
        script=script,
        policy="; ".join(policy),
        **context,
    )


def _category(category: str) -> dict[str, str]:
    style = style_of(category)
    return style.as_dict() | {"category": category, "css": f"cat-{style.category}"}


def check_page(
    results: Sequence[FileResult], catalogue: Mapping[str, RuleInfo] | None = None
) -> str:
    """The report of a check: an index of the files and each article marked up, with
    the rules of ``catalogue`` (by id; by default the bundled ones) described."""
    if catalogue is None:
        from mtcheck.engine import default_ruleset

        catalogue = {rule.info.id: rule.info for rule in default_ruleset()}
    categories = articles.categories_of(results, CATEGORIES)
    read = [(n, r) for n, r in enumerate(results)]
    used_rules = sorted({f.rule_id for r in results for f in r.findings})
    index = {
        "version": __version__,
        "categories": [_category(c) for c in categories],
        "severities": ["error", "warning", "info"],
        "rules": {
            rule_id: articles.rule_data(catalogue[rule_id]) if rule_id in catalogue else {}
            for rule_id in used_rules
        },
        "files": [articles.index_entry(n, r, categories) for n, r in read],
    }
    bodies = [(n, safe_json(articles.article_data(r))) for n, r in read if r.document is not None]
    script = environment().get_template("report.js").render()
    title = results[0].path if len(results) == 1 else f"{len(results)} articles"
    return _page(
        "check.html.j2",
        f"mtcheck report: {title}",
        script,
        index=safe_json(index),
        articles=bodies,
    )


def fix_page(files: Sequence[dict[str, Any]]) -> str:
    """The diff of the fixes, per file, for an editor to read before accepting them."""
    return _page("fix.html.j2", "mtcheck: proposed fixes", None, files=files)


def eval_page(data: dict[str, Any]) -> str:
    """The evaluation as charts, with the misses and false alarms listed."""
    return _page("eval.html.j2", "mtcheck evaluation", None, data=data, bar_width=BAR_WIDTH)
