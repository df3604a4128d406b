"""``mtcheck rules``: the catalogue sorted by id, or one rule explained (like ``ruff rule``)."""

from __future__ import annotations

from typing import TextIO

from mtcheck import catalogue
from mtcheck.console import make_console
from mtcheck.engine import RuleSet
from mtcheck.exits import EXIT_CLEAN
from mtcheck.options import RulesOptions


def run_rules(options: RulesOptions, ruleset: RuleSet, out: TextIO) -> int:
    rules = catalogue.choose(ruleset, options.categories, options.codes)
    if options.format == "json":
        out.write(catalogue.as_json(rules))
    elif options.codes:
        for rule in rules:
            catalogue.explain(rule, make_console(out))
    else:
        catalogue.print_table(rules, make_console(out))
    return EXIT_CLEAN
