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
        render_evaluation(make_console(out), evaluation, options.verbose)
    failures = _below_thresholds(options, evaluation)
    for failure in failures:
        err.write(f"mtcheck eval: below threshold: {failure}\n")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def _below_thresholds(options: EvalOptions, evaluation: Evaluation) -> list[str]:
    from mtcheck.evaluate import OVERALL

    overall = evaluation.detection[OVERALL]
    failures = []
    if options.min_precision is not None and overall.precision < options.min_precision:
        failures.append(f"precision {overall.precision:.3f} < {options.min_precision}")
    if options.min_recall is not None and overall.recall < options.min_recall:
        failures.append(f"recall {overall.recall:.3f} < {options.min_recall}")
    if options.max_clean_rate is not None and evaluation.clean_rate > options.max_clean_rate:
        failures.append(f"clean-text rate {evaluation.clean_rate:.2f} > {options.max_clean_rate}")
    worse = max(len(v) for v in evaluation.worse.values()) if evaluation.worse else 0
    if options.max_worse is not None and worse > options.max_worse:
        failures.append(f"{worse} lines made worse > {options.max_worse}")
    return failures
