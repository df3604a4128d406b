"""The self-contained HTML report: check results, fix diffs and evaluations as pages.

Each page is one file with its CSS and JavaScript inline and a Content
Security Policy that forbids every network request and runs only the page's
own script (by hash), so it can be opened offline, attached to a mail or kept
as a CI artefact. Templates are Jinja2 with autoescaping; the check report
embeds its data as JSON and renders it with ``textContent``.
"""

from mtcheck.html_report.render import check_page, eval_page, fix_page

__all__ = ["check_page", "eval_page", "fix_page"]
