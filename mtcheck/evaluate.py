"""Measure mtcheck on the annotated corpus: detection, false alarms, fix quality.

Detection counts a finding as right when it overlaps a gold span of the same
category (exact-span matches are reported too); F0.5 weighs precision, as in
grammatical error correction (BEA-2019). Fix quality compares the raw MT and
the fixed text with the human post-edit, line by line, with sacrebleu: BLEU,
chrF and case-sensitive TER, and a per-line win/tie/loss count on TER edits.
"""

from __future__ import annotations

import difflib
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.api import fix_document
from mtcheck.bilingual.confirm import without_chrome_additions
from mtcheck.corpus import Article, GoldSpan, corpus_files, load_article
from mtcheck.diff import pair_lines
from mtcheck.document import Document
from mtcheck.engine import RuleSet, check
from mtcheck.errors import InputError
from mtcheck.model import CATEGORIES, Applicability, Finding
from mtcheck.rule_scores import RuleScore, overlaps, score_rules

OVERALL = "overall"
LEVELS = {"safe": Applicability.SAFE, "unsafe": Applicability.UNSAFE}


@dataclass
class Tally:
    """Counts for one category; precision and recall follow from them."""

    gold: int = 0
    found: int = 0  # gold spans overlapped by a finding of the category
    flagged: int = 0
    correct: int = 0  # findings overlapping a gold span of the category
    exact: int = 0  # findings whose span is exactly a gold span of the category

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.flagged += other.flagged
        self.correct += other.correct
        self.exact += other.exact

    @property
    def precision(self) -> float:
        return self.correct / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    @property
    def exact_precision(self) -> float:
        return self.exact / self.flagged if self.flagged else 1.0

    @property
    def exact_recall(self) -> float:
        return self.exact / self.gold if self.gold else 1.0


@dataclass
class Segment:
    """One line of an article: the raw MT, the fixed text and the reference."""

    path: str
    line: int
    raw: str
    reference: str
    fixed: dict[str, str] = field(default_factory=dict)


@dataclass
class Metrics:
    bleu: float
    chrf: float
    ter: float


@dataclass
class Evaluation:
    detection: dict[str, Tally]
    clean_words: int
    clean_findings: Counter[str]
    metrics: dict[str, Metrics]  # "raw", "safe", "unsafe"
    outcomes: dict[str, Counter[str]]  # level -> win/tie/loss
    worse: dict[str, list[Segment]]
    articles: int
    clean_articles: int
    seconds: float
    missed: list[tuple[str, GoldSpan]] = field(default_factory=list)
    false_alarms: list[tuple[str, Finding]] = field(default_factory=list)
    bilingual: Bilingual | None = None
    # Of the false alarms on annotated articles: those on no gold span at all, and those on
    # a gold span of another category (the right words, the annotator's other category).
    mt_words: int = 0
    outside_annotations: int = 0
    other_category: int = 0
    rules: dict[str, RuleScore] = field(default_factory=dict)

    @property
    def outside_rate(self) -> float:
        """Findings on no annotated span, per 1,000 words of machine-translated text."""
        return self.outside_annotations * 1000 / self.mt_words if self.mt_words else 0.0

    @property
    def clean_rate(self) -> float:
        """Findings per 1,000 words of clean text."""
        total = sum(self.clean_findings.values())
        return total * 1000 / self.clean_words if self.clean_words else 0.0


@dataclass
class Bilingual:
    """The checks against the original, alone, on the articles that have one.

    Recall is over the artefacts the original settles (tagged ``, source``, and
    every omission and addition); a finding is right when it overlaps any gold
    artefact of its category.
    """

    articles: int
    detection: dict[str, Tally]
    # Overall detection on the same articles by all rules, without and with the original.
    without_original: Tally
    with_original: Tally
    # False alarms: the checks run on each human post-edit with its original.
    reference_words: int = 0
    reference_findings: Counter[str] = field(default_factory=Counter)
    # Findings of the other rules on these articles, and how many the original confirmed
    # or made safe (an unsafe fix that became safe).
    monolingual: int = 0
    confirmed: int = 0
    made_safe: int = 0
    missed: list[tuple[str, GoldSpan]] = field(default_factory=list)
    false_alarms: list[tuple[str, Finding]] = field(default_factory=list)

    @property
    def reference_rate(self) -> float:
        """Findings per 1,000 words of post-edited text checked against its original."""
        total = sum(self.reference_findings.values())
        return total * 1000 / self.reference_words if self.reference_words else 0.0


def tally_article(
    article: Article, findings: Sequence[Finding]
) -> tuple[dict[str, Tally], list[GoldSpan], list[Finding]]:
    """Per-category counts for one article, with its misses and false alarms."""
    tallies = {c: Tally() for c in CATEGORIES}
    missed: list[GoldSpan] = []
    alarms: list[Finding] = []
    for span in article.artefacts:
        tally = tallies[span.category]
        tally.gold += 1
        if any(f.category == span.category and overlaps(f, span) for f in findings):
            tally.found += 1
        else:
            missed.append(span)
    for finding in findings:
        tally = tallies[finding.category]
        tally.flagged += 1
        same = [s for s in article.artefacts if s.category == finding.category]
        if any(overlaps(finding, s) for s in same):
            tally.correct += 1
            if any(
                (finding.span.start, finding.span.end) == (s.start, s.end)
                or finding.matched.strip() == s.wrong.strip()
                for s in same
            ):
                tally.exact += 1
        else:
            alarms.append(finding)
    return tallies, missed, alarms


def _tally_bilingual(article: Article, findings: Sequence[Finding], into: Bilingual) -> None:
    for span in article.artefacts:
        if not span.for_bilingual:
            continue
        tally = into.detection.setdefault(span.category, Tally())
        tally.gold += 1
        if any(f.category == span.category and overlaps(f, span) for f in findings):
            tally.found += 1
        else:
            into.missed.append((article.path, span))
    for finding in findings:
        tally = into.detection.setdefault(finding.category, Tally())
        tally.flagged += 1
        same = [s for s in article.artefacts if s.category == finding.category]
        if any(overlaps(finding, s) for s in same):
            tally.correct += 1
        else:
            into.false_alarms.append((article.path, finding))


def _count_confirmations(
    alone: Sequence[Finding], both: Sequence[Finding], comparing: RuleSet, into: Bilingual
) -> None:
    from mtcheck.bilingual.confirm import CONFIRMED

    compared = {rule.info.id for rule in comparing}
    before = {(f.rule_id, f.span): f for f in alone}
    for finding in both:
        if finding.rule_id in compared:
            continue
        into.monolingual += 1
        into.confirmed += CONFIRMED in finding.message
        old = before.get((finding.rule_id, finding.span))
        if old is not None and old.fix is not None and finding.fix is not None:
            into.made_safe += (old.fix.applicability, finding.fix.applicability) == (
                Applicability.UNSAFE,
                Applicability.SAFE,
            )


def _overall(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    return total


def reference_lines(article: Article) -> list[str]:
    """The post-edit of each raw line (empty where the line is deleted)."""
    lines: list[str] = []
    start = 0
    for line in article.raw.split("\n"):
        end = start + len(line)
        fixed = line
        for span in sorted(
            _spans_on_line(article, start, end), key=lambda s: s.start, reverse=True
        ):
            # A span over several lines (a block of chrome) is cut from each line it covers;
            # its post-edit goes on the line where it starts.
            cut_from, cut_to = max(span.start, start) - start, min(span.end, end) - start
            right = span.right if span.start >= start else ""
            fixed = fixed[:cut_from] + right + fixed[cut_to:]
        lines.append(fixed.strip() and fixed)
        start = end + 1
    return lines


def _spans_on_line(article: Article, start: int, end: int) -> list[GoldSpan]:
    """The artefacts on the line from ``start`` to ``end`` (its newline at ``end``)."""
    return [
        span
        for span in article.artefacts
        if (start <= span.start <= end) or (span.start < start and span.end > start)
    ]


def aligned_fixed_lines(raw: str, fixed: str) -> list[str]:
    """For each raw line, the line it became after fixing ('' when deleted)."""
    all_raw = raw.split("\n")
    result = [""] * len(all_raw)
    # Blank lines are left out of the alignment: as anchors they split a block where
    # chrome above an edited line was removed, and the line lands in the wrong block.
    raw_at = [i for i, line in enumerate(all_raw) if line.strip()]
    raw_lines = [all_raw[i] for i in raw_at]
    fixed_lines = [line for line in fixed.split("\n") if line.strip()]
    matcher = difflib.SequenceMatcher(None, raw_lines, fixed_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for offset in range(i2 - i1):
                result[raw_at[i1 + offset]] = fixed_lines[j1 + offset]
        elif op == "replace":
            for old, new in pair_lines(raw_lines[i1:i2], fixed_lines[j1:j2]):
                if old is not None and new is not None:
                    result[raw_at[i1 + old]] = fixed_lines[j1 + new]
    return result


def _interchange_copies(raw_lines: list[str], fixed: list[str], references: list[str]) -> None:
    """Lines scraped twice are interchangeable: deleting either copy gives the same text, so
    each copy's outcome goes where the post-edit has it (the aligner may pick either)."""
    copies: dict[str, list[int]] = {}
    for index, line in enumerate(raw_lines):
        if line.strip():
            copies.setdefault(line, []).append(index)
    for indices in copies.values():
        if len(indices) < 2:
            continue
        outcomes = [fixed[i] for i in indices]
        matched = set()
        for index in indices:
            # Two copies may want the same outcome (both kept, one deleted): one gets it.
            if references[index] in outcomes:
                outcomes.remove(references[index])
                fixed[index] = references[index]
                matched.add(index)
        for index in (i for i in indices if i not in matched):
            fixed[index] = outcomes.pop(0)


def _segments(article: Article, fixed_texts: dict[str, str]) -> list[Segment]:
    references = reference_lines(article)
    raw_lines = article.raw.split("\n")
    fixed_by_level = {lvl: aligned_fixed_lines(article.raw, t) for lvl, t in fixed_texts.items()}
    for lines in fixed_by_level.values():
        _interchange_copies(raw_lines, lines, references)
    segments = []
    for index, raw_line in enumerate(raw_lines):
        if not raw_line.strip() and not references[index].strip():
            continue
        segment = Segment(article.path, index + 1, raw_line, references[index])
        segment.fixed = {lvl: lines[index] for lvl, lines in fixed_by_level.items()}
        segments.append(segment)
    return segments


def _metrics(hypotheses: list[str], references: list[str]) -> Metrics:
    from sacrebleu.metrics import BLEU, CHRF, TER  # heavy: numpy, lxml

    if not hypotheses:  # a folder of clean articles only: nothing was fixed to score
        return Metrics(bleu=0.0, chrf=0.0, ter=0.0)
    refs = [references]
    return Metrics(
        bleu=BLEU().corpus_score(hypotheses, refs).score,
        chrf=CHRF().corpus_score(hypotheses, refs).score,
        ter=TER(case_sensitive=True).corpus_score(hypotheses, refs).score,
    )


def _outcomes(segments: Iterable[Segment], level: str) -> tuple[Counter[str], list[Segment]]:
    from sacrebleu.metrics import TER

    ter = TER(case_sensitive=True)
    counts: Counter[str] = Counter(win=0, tie=0, loss=0)
    worse = []
    for segment in segments:
        before = ter.sentence_score(segment.raw, [segment.reference]).num_edits
        after = ter.sentence_score(segment.fixed[level], [segment.reference]).num_edits
        if after < before:
            counts["win"] += 1
        elif after > before:
            counts["loss"] += 1
            worse.append(segment)
        else:
            counts["tie"] += 1
    return counts, worse


def evaluate(corpus: Path, ruleset: RuleSet) -> Evaluation:
    """Run every measure over the annotated articles under ``corpus``."""
    started = time.perf_counter()
    detection = {c: Tally() for c in CATEGORIES}
    clean_words = 0
    clean_findings: Counter[str] = Counter()
    segments: list[Segment] = []
    missed: list[tuple[str, GoldSpan]] = []
    alarms: list[tuple[str, Finding]] = []
    articles = clean_articles = 0
    mt_words = outside = other_category = 0
    bilingual = Bilingual(0, {}, Tally(), Tally())
    rules: dict[str, RuleScore] = {}
    comparing = RuleSet(tuple(r for r in ruleset if r.compares_original), ruleset.config)
    paths = corpus_files(corpus)
    if not paths:
        raise InputError(
            str(corpus), "no annotated articles (*.ann) under this folder; see corpus/README.md"
        )
    for path in paths:
        article = load_article(path)
        document = article.document()
        findings = check(document, ruleset)
        score_rules(article, findings, rules)
        if article.original is not None:
            bilingual.articles += 1
            compared = without_chrome_additions(check(document, comparing), findings)
            _tally_bilingual(article, compared, bilingual)
            alone = check(article.without_original(), ruleset)
            bilingual.without_original.add(_overall(tally_article(article, alone)[0]))
            bilingual.with_original.add(_overall(tally_article(article, findings)[0]))
            _count_confirmations(alone, findings, comparing, bilingual)
            post_edit = Document(
                article.reference,
                path=article.path,
                syntax=article.syntax,
                original=article.original,
            )
            bilingual.reference_words += len(article.reference.split())
            bilingual.reference_findings.update(
                f"{f.rule_id} {f.name}" for f in check(post_edit, comparing)
            )
        tallies, article_missed, article_alarms = tally_article(article, findings)
        for category, tally in tallies.items():
            detection[category].add(tally)
        missed += [(article.path, s) for s in article_missed]
        alarms += [(article.path, f) for f in article_alarms]
        if not article.artefacts:
            clean_articles += 1
            clean_words += len(article.raw.split())
            clean_findings.update(f"{f.rule_id} {f.name}" for f in findings)
            continue
        articles += 1
        mt_words += len(article.raw.split())
        on_gold = [any(overlaps(f, s) for s in article.artefacts) for f in article_alarms]
        other_category += sum(on_gold)
        outside += len(on_gold) - sum(on_gold)
        fixed = {
            name: fix_document(document, ruleset, level).text for name, level in LEVELS.items()
        }
        segments += _segments(article, fixed)
    detection[OVERALL] = _overall(detection)
    if bilingual.articles:
        bilingual.detection[OVERALL] = _overall(bilingual.detection)
    references = [s.reference for s in segments]
    metrics = {"raw": _metrics([s.raw for s in segments], references)}
    outcomes: dict[str, Counter[str]] = {}
    worse: dict[str, list[Segment]] = {}
    for level in LEVELS:
        metrics[level] = _metrics([s.fixed[level] for s in segments], references)
        outcomes[level], worse[level] = _outcomes(segments, level)
    return Evaluation(
        detection=detection,
        clean_words=clean_words,
        clean_findings=clean_findings,
        metrics=metrics,
        outcomes=outcomes,
        worse=worse,
        articles=articles,
        clean_articles=clean_articles,
        seconds=time.perf_counter() - started,
        missed=missed,
        false_alarms=alarms,
        bilingual=bilingual if bilingual.articles else None,
        mt_words=mt_words,
        outside_annotations=outside,
        other_category=other_category,
        rules=rules,
    )
