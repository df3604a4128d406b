"""The evaluation page: detection, false alarms and fix quality as inline SVG bars."""

from __future__ import annotations

from typing import Any

from mtcheck.eval_report import evaluation_to_dict
from mtcheck.evaluate import OVERALL, Evaluation
from mtcheck.html_report.palette import BAR_WIDTH, style_of


def _css(category: str) -> str:
    return f"cat-{style_of(category).category}"


def _bars(values: dict[str, float], scale: float = 1.0) -> dict[str, int]:
    return {key: round(BAR_WIDTH * value / scale) if scale else 0 for key, value in values.items()}


def page_data(evaluation: Evaluation) -> dict[str, Any]:
    data = evaluation_to_dict(evaluation)
    detection = [
        {
            "category": category,
            "css": _css(category) if category != OVERALL else "cat-other",
            "label": style_of(category).label if category != OVERALL else "ALL",
            **tally,
            "bars": _bars({"precision": tally["precision"], "recall": tally["recall"]}),
        }
        for category, tally in data["detection"].items()
    ]
    alarms = sorted(data["clean"]["by_rule"].items(), key=lambda item: (-item[1], item[0]))
    most = max((count for _, count in alarms), default=0)
    fixes = data["fixes"]
    top = max((m[key] for m in fixes.values() for key in ("bleu", "chrf", "ter")), default=0.0)
    quality = [
        {
            "level": level,
            **metrics,
            "bars": _bars({k: metrics[k] for k in ("bleu", "chrf", "ter")}, top),
        }
        for level, metrics in fixes.items()
    ]
    return {
        "summary": data,
        "detection": detection,
        "alarms": [{"rule": r, "count": c, "bar": _bars({"n": c}, most)["n"]} for r, c in alarms],
        "quality": quality,
        "misses": [
            {
                "path": path,
                "category": span.category,
                "css": _css(span.category),
                "label": style_of(span.category).label,
                "wrong": span.wrong,
                "right": span.right,
            }
            for path, span in evaluation.missed
        ],
        "false_alarms": [
            {
                "path": path,
                "rule": finding.rule_id,
                "category": finding.category,
                "css": _css(finding.category),
                "label": style_of(finding.category).label,
                "matched": finding.matched,
                "message": finding.message,
            }
            for path, finding in evaluation.false_alarms
        ],
    }


def render(evaluation: Evaluation) -> str:
    from mtcheck.html_report.render import eval_page

    return eval_page(page_data(evaluation))
