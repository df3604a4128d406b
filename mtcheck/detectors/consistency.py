"""One thing written two ways in one article: ``Alexandr`` / ``Alexander``,
``Covid`` / ``COVID``, ``8.11 percent`` / ``7.62%``, ``country”.`` / ``said.”``.

MT translates sentence by sentence, so nothing holds a spelling or a style
steady across an article; the article's own majority is the evidence of what
it means to write, and only the minority is reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache

from mtcheck.analysis import WORD, Analysis
from mtcheck.detectors.base import Hit
from mtcheck.document import Document
from mtcheck.folding import fold
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

_MIN_LENGTH = 5
_MIN_SIMILARITY = 85.0
# Two spellings that are both common English words are two words (Austria, Australia).
_COMMON_ZIPF = 3.5
# Two rare spellings this close are one name misspelt (Zaluzhniy / Zaluzhny).
_RARE_ZIPF = 2.5
# Neighbouring names are compared by their first letters (Lukashenko / Lukashenkois).
_STEM = 6


def _related_by_inflection(a: str, b: str) -> bool:
    """Russia/Russian, Belarus/Belarusian, Peru/Peruvian: a word and its derivative;
    a possessive is its word (Guatemala's / Guatemalans)."""
    short, long = sorted((_without_possessive(a), _without_possessive(b)), key=len)
    return long.startswith(short) or (long.startswith(short[:-1]) and len(long) - len(short) >= 2)


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _neighbours(analysis: Analysis) -> dict[str, set[str]]:
    """For each capitalised spelling, the stems of the capitalised words beside it."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    tokens = analysis.tokens
    text = analysis.text
    for i, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(tokens):
                continue
            other = tokens[j]
            gap = text[min(token.end, other.end) : max(token.start, other.start)]
            if other.text[:1].isupper() and gap.strip() == "":
                found[token.text].add(other.text[:_STEM])
    return found


def _accent_variants(names: list[str], analysis: Analysis) -> dict[str, str]:
    """Spellings of a name with and without its accents (Cazares, Cázares), each mapped to
    the accented one: MT and the sites that republish it drop accents here and there, and
    a post-editor restores them."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[fold(name)].append(name)
    variants: dict[str, str] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        accented = max(group, key=lambda n: (sum(not c.isascii() for c in n), analysis.counts[n]))
        for name in group:
            if name.lower() != accented.lower() and name.isascii():
                variants[name] = accented
    return variants


def _candidate_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Pairs that could be one name: same first two letters, lengths within two."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[name[:2]].append(name)
    return [
        (a, b)
        for group in groups.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
        if abs(len(a) - len(b)) <= 2
    ]


def detect_inconsistent_names(document: Document, analysis: Analysis) -> Iterator[Hit]:
    # A word in capitals throughout is an acronym or a ticker (IGPA, SPCLXIGPA), which
    # differ from each other by design.
    names = sorted(
        w for w in analysis.counts if w[:1].isupper() and len(w) >= _MIN_LENGTH and not w.isupper()
    )
    neighbours = cache(lambda: _neighbours(analysis))  # only when a pair needs it
    minority = _similar_spellings(names, analysis, neighbours)
    for rejected, preferred in _accent_variants(names, analysis).items():
        if neighbours()[rejected] & neighbours()[preferred]:
            minority.setdefault(rejected, preferred)  # Ernesto Cazares / Ernesto Cázares
    for rejected, preferred in sorted(minority.items()):
        message = f"“{rejected}” is also spelled “{preferred}” in this article; use one spelling"
        for token in analysis.occurrences(rejected):
            yield Hit(token.start, token.end, (preferred,), Applicability.DISPLAY_ONLY, message)


def _plural_pair(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.endswith("es") and short.endswith("s") and long[:-2] + "s" == short


def _spanish_gender_pair(a: str, b: str) -> bool:
    """Deportivo / Deportiva, Colombiano / Colombiana: a Spanish word in two genders, each
    in its own name (Liga Deportiva Alajuelense, Deportivo Saprissa)."""
    if len(a) != len(b):
        return False
    if a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}:
        return True
    return a[:-2] == b[:-2] and {a[-2:], b[-2:]} == {"as", "os"}


def _similar_spellings(
    names: list[str], analysis: Analysis, neighbours: Callable[[], dict[str, set[str]]]
) -> dict[str, str]:
    """Each minority spelling of a name the article spells two close ways, to the majority."""
    from rapidfuzz.fuzz import ratio

    spellings = analysis.counts
    minority: dict[str, str] = {}
    for name, other in _candidate_pairs(names):
        if _related_by_inflection(name, other) or ratio(name, other) < _MIN_SIMILARITY:
            continue
        if name.replace("’", "'") == other.replace("’", "'"):
            continue  # two apostrophes, one spelling
        if _plural_pair(name, other):
            continue  # Caribes / Caribs: a Spanish plural and its English one, not a misspelling
        if _spanish_gender_pair(name, other):
            continue  # Deportivo / Deportiva, Nacional clubs: two Spanish words, two names
        if fold(name) == fold(other):
            # Telefonica / Telefónica: native wire copy drops accents here and there too,
            # so an accent alone is weighed by _accent_variants, with a neighbour as proof.
            continue
        if zipf(name) >= _COMMON_ZIPF and zipf(other) >= _COMMON_ZIPF:
            continue
        if max(zipf(name), zipf(other)) >= _RARE_ZIPF and not (
            neighbours()[name] & neighbours()[other]
        ):
            continue  # Ukrainian / Ukrainein: similar, but nothing says one entity
        preferred = max((name, other), key=lambda n: (spellings[n], zipf(n), n))
        rejected = other if preferred == name else name
        minority[rejected] = preferred
    return minority


# An acronym and its title-case spelling (COVID / Covid, MINSA / Minsa) are one name
# written two ways; a common word (This / THIS) is a heading or a shout, not a name.
_CASING_MAX_ZIPF = 4.0
_CASING_MIN_LENGTH = 4
# A line this much in capitals is a heading or a label: its capitals say nothing.
_SHOUTING_SHARE = 0.6
# A fix follows the article's majority when it outnumbers the minority this many times.
_SAFE_MAJORITY = 2


def _shouting(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) >= _SHOUTING_SHARE * len(letters)


# A dateline or a label in capitals at the start of a line: VIÑA DEL MAR, / VALENCIA: / CULIACAN (
_CAPITAL_WORDS = r"(?:[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'’-]*[ \t]+){0,4}[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'’-]*[ \t]*"
# VIÑA DEL MAR, Chile — and TEGUCIGALPA, HONDURAS. : the city, and its country in capitals too.
_DATELINE = re.compile(
    rf"[ \t]*{_CAPITAL_WORDS}(?:,[ \t]*{_CAPITAL_WORDS}(?=[.:—–-]))?(?:[,:—–(]|[.-][ \t])"
)


_BESIDE_CAPITALS = re.compile(r"[A-ZÁÉÍÓÚÑÜ]+[ \t]+[A-ZÁÉÍÓÚÑÜ]{2,}\b")
_AFTER_CAPITALS = re.compile(r"\b[A-ZÁÉÍÓÚÑÜ]{2,}[ \t]+$")


def _telling_casing(text: str, offset: int) -> bool:
    """Whether the casing of a word here is a choice of spelling: not in a heading, a
    label or a dateline in capitals (VIÑA DEL MAR, Chile —), nor an acronym's definition."""
    line_start = text.rfind("\n", 0, offset) + 1
    dateline = _DATELINE.match(text, line_start)
    if dateline and dateline.end() > offset:
        return False
    if text[offset - 1 : offset] == "(":
        return False  # (DICOM) after the full name defines the acronym; the text may not use it
    if _BESIDE_CAPITALS.match(text, offset) or _AFTER_CAPITALS.search(
        text, max(0, offset - 40), offset
    ):
        return False  # LOS ANGELES, BUENOS AIRES: a phrase in capitals, not an acronym
    return not _shouting(text, offset)


def _majority_fix(majority: int, minority: int) -> Applicability:
    if majority >= _SAFE_MAJORITY * minority:
        return Applicability.SAFE
    return Applicability.DISPLAY_ONLY


def detect_casing_variants(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """COVID-19 twice and Covid-19 once: the minority casing of an acronym."""
    text = analysis.text
    for lower, spellings in analysis.spellings.items():
        if len(spellings) < 2 or len(lower) < _CASING_MIN_LENGTH:
            continue
        if zipf(lower) >= _CASING_MAX_ZIPF:
            continue
        acronym = [s for s in spellings if s.isupper()]
        titled = [s for s in spellings if s[0].isupper() and s[1:].islower()]
        if not acronym or not titled:
            continue
        counted = {
            spelling: [t for t in analysis.occurrences(spelling) if _telling_casing(text, t.start)]
            for spelling in (acronym[0], titled[0])
        }
        (major, major_tokens), (minor, minor_tokens) = sorted(
            counted.items(), key=lambda item: (-len(item[1]), item[0])
        )
        if not minor_tokens or len(major_tokens) <= max(len(minor_tokens), 1):
            continue  # a tie, or one against one, says nothing of what the article means
        applicability = _majority_fix(len(major_tokens), len(minor_tokens))
        message = f"“{minor}” is written “{major}” elsewhere in this article; use one spelling"
        for token in minor_tokens:
            yield Hit(token.start, token.end, (major,), applicability, message)


_PERCENT = re.compile(
    r"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)?)(?P<mark>\s?%|\s(?:percent|per cent)\b)"
)


def detect_percent_style(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """7.62% ten times and 8.11 percent once: the minority way of writing per cent."""
    text = document.text
    if "%" not in text or "cent" not in text:
        return
    signs: list[re.Match[str]] = []
    words: list[re.Match[str]] = []
    for match in _PERCENT.finditer(text):
        (signs if match.group("mark").endswith("%") else words).append(match)
    if min(len(signs), len(words)) == 0:
        return
    if max(len(signs), len(words)) < _SAFE_MAJORITY * min(len(signs), len(words)):
        return  # no clear majority: the article has no style of its own to follow
    if len(signs) > len(words):
        minority, majority, style = words, signs, "%"
    else:
        minority, majority = signs, words
        style = " per cent" if any("per cent" in m.group("mark") for m in words) else " percent"
    applicability = _majority_fix(len(majority), len(minority))
    for match in minority:
        fixed = f"{match.group('number')}{style}"
        message = (
            f"“{match.group()}”: this article writes “{fixed.strip()}” style "
            f"{len(majority)} times; use one style"
        )
        yield Hit(match.start(), match.end(), (fixed,), applicability, message)


# Punctuation after a closing quotation mark (country”.), as Spanish writes it: inside the
# mark after a whole quoted sentence in every English style, and after a reported clause
# where the article also puts it inside (said,”) and spells the American way.
_INSIDE = re.compile(r"[.,!?]”")
_OUTSIDE = re.compile(r"(?<=[^\W\d_])”(?P<mark>[.,])")
# A quotation of fewer words is a phrase (a “scam”.), which some styles close outside.
_MIN_QUOTED_WORDS = 4
# A single word in quotation marks (a “scam”.) is a scare quote, left as written; a
# long quotation that is no sentence (would address “an aggression … on the ground”.)
# is a reported fragment either style may close outside.
_MIN_PHRASE_WORDS = 2
_MAX_PHRASE_WORDS = 6
_SPEECH_NEXT = re.compile(r",? (?:[\w’'-]+ ){0,2}(?:said|says|added|explained|asked|concluded)\b")


# Spellings that tell American from British English. British news closes a partial
# quotation outside the mark (logical punctuation), American news always inside; so the
# stop is moved only in an article that spells the American way.
_AMERICAN = frozenset(
    """color colors honor favor labor center centers theater defense organize organized
    organization organizations recognize recognized realize realized criticize criticized
    apologize analyze analyzed traveled canceled vigor behavior neighbor neighbors meter
    meters kilometer kilometers liter liters gray jewelry program programs""".split()
)
_BRITISH = frozenset(
    """colour colours honour favour labour centre centres theatre defence organise organised
    organisation organisations recognise recognised realise realised criticise criticised
    apologise analyse analysed travelled cancelled vigour behaviour neighbour neighbours
    metre metres kilometre kilometres litre litres grey jewellery programme programmes""".split()
)


# A quotation opened mid-sentence and closed with the stop inside: American punctuation.
_PARTIAL_QUOTE_INSIDE = re.compile(r"[a-z] “[^“”\n]{1,200}[.,]”")


def _american_style(text: str, analysis: Analysis) -> bool:
    counts = analysis.counts
    if any(counts.get(w) for w in _BRITISH):
        return False
    return any(counts.get(w) for w in _AMERICAN) or bool(_PARTIAL_QUOTE_INSIDE.search(text))


def _quotes_a_clause(text: str, opening: int) -> bool:
    """A quotation that is a sentence of its own or a reported clause (added that “now it
    is…”), which Spanish closes outside the mark and American English inside."""
    before = text[max(0, opening - 8) : opening].rstrip(" \t")
    return not before or before[-1] in ".:!?\n" or before.endswith(" that")


def _curled(text: str) -> str:
    """The text with each line's straight quotation marks read as opening and closing in
    turn (the same length, so offsets hold); a line with an odd number is left alone."""
    if '"' not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if line.count('"') % 2 == 0:
            parts = line.split('"')
            line = parts[0] + "".join(
                ("“" if index % 2 == 0 else "”") + part for index, part in enumerate(parts[1:])
            )
        lines.append(line)
    return "\n".join(lines)


def detect_quote_punctuation_style(document: Document, analysis: Analysis) -> Iterator[Hit]:
    written = document.text
    text = _curled(written)  # "home", and: straight marks are read as the curly ones
    if "”" not in text or not _OUTSIDE.search(text):
        return
    american = bool(_INSIDE.search(text)) and _american_style(text, analysis)
    british = any(analysis.counts.get(w) for w in _BRITISH)
    for match in _OUTSIDE.finditer(text):
        opening = text.rfind("“", 0, match.start())
        if opening < 0 or text.rfind("”", opening, match.start()) >= 0:
            continue
        mark = match.group("mark")
        if mark == "," and _SPEECH_NEXT.match(text, match.end() - 1):
            continue  # the comma before a speech verb: MT607 reports it
        # A whole sentence quoted closes inside in every English style, British too;
        # a reported clause (added that “now it is…”) only in the American one.
        words = len(WORD.findall(text[opening : match.start()]))
        whole = words >= _MIN_QUOTED_WORDS and (
            _quotes_a_sentence(text, opening) or (american and _quotes_a_clause(text, opening))
        )
        # A reported clause (insisted that “it has failed”.) is moved only on the
        # article's own evidence of American style, above.
        # A nickname or a title in quotes before a comma (the “Reds”, who) is a phrase
        # of one word too; before a stop, one word is as often a term cited (“ok”.).
        shortest = 1 if mark == "," else _MIN_PHRASE_WORDS
        phrase = shortest <= words <= _MAX_PHRASE_WORDS
        phrase = phrase and not _quotes_a_clause(text, opening) and not _a_title(text, opening)
        if not whole and (british or mark not in ".," or not phrase):
            continue  # would address “an aggression”.: a quoted phrase, closed either way
        # A quoted phrase (the “sacred flock”.) closes inside too in American style,
        # which the article follows; a person decides, as the style is a house's.
        start = match.start() - 1
        quote = written[match.start()]
        sign = "comma" if mark == "," else "stop"
        what = (
            f"English puts the {sign} of a quoted sentence"
            if whole
            else f"American style puts the {sign}"
        )
        yield Hit(
            start,
            match.end(),
            (f"{text[start]}{mark}{quote}",),
            Applicability.SAFE if whole else Applicability.UNSAFE,
            f"“{written[start : match.end()]}”: {what} inside the closing quotation mark; "
            f"write “{text[start]}{mark}{quote}”",
        )


def _a_title(text: str, opening: int) -> bool:
    """A quotation that opens with a capital after a lower-case word (her role in
    “Something Is About to Happen”): a title or a name, whose punctuation is the house's."""
    before = text[max(0, opening - 2) : opening].rstrip(" \t")
    first = text[opening + 1 : opening + 3]
    speaks = first[:1] == "I" and not first[1:].isalpha()  # "I feel safe at home": a speaker
    closing = text.find("”", opening)
    words = len(WORD.findall(text[opening:closing])) if closing > 0 else 0
    # A nickname of a word or two (the “Reds”, who) stays a phrase the style settles.
    return words >= 3 and first[:1].isupper() and not speaks and before[-1:].islower()


def _quotes_a_sentence(text: str, opening: int) -> bool:
    """A quotation that opens a sentence or follows the speaker's colon or comma with a
    capital (said: “We will…), a sentence of its own."""
    if not text[opening + 1 : opening + 2].isupper():
        return False
    before = text[max(0, opening - 4) : opening].rstrip(" \t")
    return not before or before[-1] in ".:!?,\n"


# An aside between spaced hyphens (- from 15 to 14 -), the Spanish way of setting it off,
# in an article that writes true dashes elsewhere. Web copy that sets every aside this
# way (British sites, wire copy whose dashes a republisher flattened) is left alone.
_SPACED_PAIR = re.compile(
    r"(?<=[^\W\d_] )- (?P<inner>[^\W\d_][^\n\-–—]{0,80}?[^\W_]) -(?= [^\W\d_])"
)


def detect_dash_style(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if "—" not in text and "–" not in text:
        return
    for match in _SPACED_PAIR.finditer(text):
        dashed = f"— {match.group('inner')} —"
        yield Hit(
            match.start(),
            match.end(),
            (dashed,),
            Applicability.SAFE,
            f"“{match.group()}”: an aside set off by spaced hyphens where the article writes "
            f"dashes elsewhere: “{dashed}”",
        )
