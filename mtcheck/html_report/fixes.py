"""The fix diff as data for the page: hunks of lines, changed lines as word pieces.

It follows ``mtcheck.diff.render_diff`` line for line (a line of context, lines
of a changed block paired by similarity), so the page and the terminal agree.
"""

from __future__ import annotations

import difflib
from typing import Any

from mtcheck.diff import pair_lines, word_ops
from mtcheck.fixer import FixResult
from mtcheck.html_report.palette import style_of


def _strip(line: str) -> str:
    return line.rstrip("\r\n")


def _row(number: int | None, mark: str, pieces: list[tuple[str, str]]) -> dict[str, Any]:
    return {"number": number, "mark": mark, "pieces": pieces}


def hunks(old: str, new: str, context: int = 1) -> list[dict[str, Any]]:
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    out = []
    for group in matcher.get_grouped_opcodes(context):
        rows: list[dict[str, Any]] = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                rows += [_row(n + 1, " ", [("equal", _strip(old_lines[n]))]) for n in range(i1, i2)]
            elif op == "delete":
                rows += [
                    _row(n + 1, "-", [("delete", _strip(old_lines[n]) or "⏎")])
                    for n in range(i1, i2)
                ]
            elif op == "insert":
                rows += [_row(None, "+", [("insert", _strip(new_lines[n]))]) for n in range(j1, j2)]
            else:
                for a, b in pair_lines(old_lines[i1:i2], new_lines[j1:j2]):
                    if b is None:
                        assert a is not None
                        line = _strip(old_lines[i1 + a]) or "⏎"
                        rows.append(_row(i1 + a + 1, "-", [("delete", line)]))
                    elif a is None:
                        rows.append(_row(None, "+", [("insert", _strip(new_lines[j1 + b]))]))
                    else:
                        pieces = word_ops(_strip(old_lines[i1 + a]), _strip(new_lines[j1 + b]))
                        rows.append(_row(i1 + a + 1, "~", pieces))
        out.append({"first": group[0][1] + 1, "rows": rows})
    return out


def file_entry(path: str, old: str, result: FixResult) -> dict[str, Any]:
    """One file of the page: its diff and what was applied, skipped and left."""

    def listed(findings: Any) -> list[dict[str, str]]:
        return [
            {
                "rule": f.rule_id,
                "category": f.category,
                "css": f"cat-{style_of(f.category).category}",
                "label": style_of(f.category).label,
                "message": f.message,
                "safety": f.fix.applicability.label if f.fix is not None else "no fix",
            }
            for f in findings
        ]

    return {
        "path": path,
        "applied_count": len(result.applied),
        "hunks": hunks(old, result.text),
        "applied": listed(result.applied),
        "skipped": listed(result.skipped),
        "remaining": listed(result.remaining),
    }
