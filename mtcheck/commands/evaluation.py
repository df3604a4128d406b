"""``mtcheck eval``: detection, false alarms and fix quality on an annotated corpus."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from mtcheck.console import make_console
from mtcheck.engine import RuleSet
from mtcheck.errors import InputError
from mtcheck.exits import EXIT_CLEAN, EXIT_FINDINGS
from mtcheck.options import EvalOptions

if TYPE_CHECKING:
    from mtcheck.evaluate import Evaluation


def run_eval(options: EvalOptions, ruleset: RuleSet, out: TextIO, err: TextIO) -> int:
    from mtcheck.eval_report import evaluation_to_dict, render_evaluation
    from mtcheck.evaluate import evaluate

    if not options.corpus.is_dir():
        raise InputError(str(options.corpus), "corpus folder does not exist")
    evaluation = evaluate(options.corpus, ruleset)
    if options.format == "json":
        out.write(json.dumps(evaluation_to_dict(evaluation), indent=2, ensure_ascii=False) + "\n")
    elif options.format == "html":
        from mtcheck.html_report.evaluation import render

        out.write(render(evaluation))
    else:
        render_evaluation(make_console(out), evaluation, options.verbose, options.by_rule)
    failures = _below_thresholds(options, evaluation)
    for failure in failures:
        err.write(f"mtcheck eval: below threshold: {failure}\n")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def _below_thresholds(options: EvalOptions, evaluation: Evaluation) -> list[str]:
    from mtcheck.evaluate import OVERALL

    overall = evaluation.detection[OVERALL]
    worse = max(len(v) for v in evaluation.worse.values()) if evaluation.worse else 0
    # (threshold, measured, failed when measured is below it, how to say it)
    checks = [
        (options.min_precision, overall.precision, True, "precision {:.3f} < {}"),
        (options.min_recall, overall.recall, True, "recall {:.3f} < {}"),
        (options.max_clean_rate, evaluation.clean_rate, False, "clean-text rate {:.2f} > {}"),
        (options.max_worse, worse, False, "{} lines made worse > {}"),
    ]
    return [
        text.format(measured, threshold)
        for threshold, measured, minimum, text in checks
        if threshold is not None and (measured < threshold if minimum else measured > threshold)
    ]
