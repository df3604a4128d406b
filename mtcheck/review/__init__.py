"""Interactive review: decide each finding, save each file once at the end.

Two reviewers share one decisions engine (:mod:`.decisions`): the full-screen
one (:mod:`.app`, Textual, imported only when it opens) and the line mode
(:mod:`.line`). Neither ``check`` nor ``fix`` imports this package.
"""

from mtcheck.review.decisions import Decision, Decisions
from mtcheck.review.line import HELP, Review, ReviewOutcome, finish, summary_table

__all__ = ["HELP", "Decision", "Decisions", "Review", "ReviewOutcome", "finish", "summary_table"]
