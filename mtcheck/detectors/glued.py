"""Words glued together where a link or bold tag was stripped: ``Putinvisited``.

The evidence is weighed, not listed: a token that is not a word is split where
both halves are words, judged by their frequency in English and by whether the
article itself uses the half as a word of its own (``Putin`` written apart
elsewhere is strong evidence for ``Putin visited`` over ``Put invisited``).
Nothing here assumes Spanish: the same joins appear in any stripped markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.analysis import WORD, Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.casing import proper_nouns
from mtcheck.detectors.name_lexicons import camelcase_names, is_given_name
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

# A glued token is at least this long; shorter unknowns are abbreviations or names.
_MIN_TOKEN = 6
# Longer runs of letters are not two words but data (hashes, a line of x's).
_MAX_TOKEN = 40
# A whole token this frequent is a word of its own (therein, forthwith, YouTube).
_KNOWN_WORD_ZIPF = 3.0
# A Spanish word or name this frequent is left alone (Sheinbaum, Petroperú).
_KNOWN_SPANISH_ZIPF = 2.5
# After a name, the glued word must be common (visited, announced, insisted).
_COMMON_TAIL_ZIPF = 3.1
# Rarer than this, a "word" in the lexicon is web noise (borgin, 1.0), not English.
_LISTED_WORD_ZIPF = 2.0
# A capitalised half this frequent in Spanish is a name (Martín in Martínin).
_SPANISH_NAME_ZIPF = 3.5
# The score a half earns by standing alone elsewhere in the same article.
_DOCUMENT_EVIDENCE = 4.5
# A tail whose Spanish frequency comes this close to its English one is Spanish (mar, vista).
_FOREIGN_MARGIN = 0.6
# The word the article "a" is glued to must be this common (a short, after a).
_ARTICLE_NEIGHBOUR_ZIPF = 4.5

FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor of in on at to by for from with into onto as is are was were be
    been has have had that which who whom whose this these those its his her their our not
    will would can could should may might must than then also after before about over under
    while when where since until during against between amid
    """.split()
)

_PRONOUNS = frozenset("he she it we they his her its".split())
_SUBJECT_PRONOUNS = frozenset("he she we they".split())
# Short past tenses that follow a subject name (Alcarazwon, Petromet).
_SHORT_VERBS = frozenset("won met led saw got hit ran set cut put".split())
_SHORT_CLOSED_CLASS = frozenset("all any now yet".split())
# First halves of compound names: Lacouture, Delvalle, Villamar, Santacruz.
_NAME_PARTICLES = frozenset(
    "la le lo el de del di da du van von mac mc san santa santo villa monte casa puerto porto"
    " mont bel val mar".split()
)
# Endings that make a word of a word the article uses (Cantabria -> Cantabrian,
# Peruvian -> Peruvianness, inaction -> inactions): the token is one word.
_DERIVING_SUFFIXES = ("s", "es", "n", "an", "ns", "ness", "ism", "ist", "ists", "ed", "ing", "ly")
# Heads of closed compounds (monthslong, citywide): left and head make one word.
_COMPOUND_HEADS = frozenset(
    "long wide like less fold ward wards wise side based owned led backed run made free proof"
    " men man women woman".split()
)
# Agent nouns that close an English compound after a common noun (prizewinner,
# titleholder, polesitter, matchmaker): the lower-case token is one word. Only
# lower-case tokens: a name glued to the word (Ramirezwinner) keeps its capital.
_AGENT_HEADS = frozenset(
    "winner winners maker makers holder holders keeper keepers taker takers setter setters"
    " sitter sitters seller sellers breaker breakers changer changers goer goers owner owners"
    " fighter fighters watcher watchers grower growers dealer dealers".split()
)

# Prefixes that make one word with the next (superclassic, antigovernment, postwar).
_WORD_PREFIXES = frozenset(
    "super anti pro ex co non pre post counter inter multi mini mega over under out micro macro"
    " semi mid self cyber eco geo bio narco para neo pluri poly".split()
)

# Function words that are also prefixes of English words: in+stating is instating.
_PREFIX_FUNCTION_WORDS = frozenset("in on over under out by".split())

_SENTENCE_OPENERS = frozenset(
    """The He She It They We However But This These In On According Meanwhile Also""".split()
)
_TITLES = frozenset(
    """secretary president minister director leader spokesman spokeswoman head chairman
    governor mayor coach founder ambassador senator deputy congressman congresswoman judge
    prosecutor""".split()
)

# Surnames and brands built with a capital inside: never glued words.
_INNER_CAPITAL_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|O['’])[A-Z]")
_LEADING_LOWER_BRAND = re.compile(r"^[a-z]{1,2}[A-Z]")  # iPhone, eBay, iOS
_LEADING_ACRONYM = re.compile(r"^[A-Z]{2,}")  # JPMorgan, PNPIt is too ambiguous to split

_FILE_EXTENSIONS = frozenset(
    """
    jpg jpeg png gif webp svg pdf doc docx xls xlsx ppt html htm php asp aspx js css mp3
    mp4 txt csv json xml zip
    """.split()
)
# Top-level domains that follow a name with a dot and no space: a site, not a lost stop.
_DOMAINS = frozenset(
    """
    com net org info news world online site live today press media tv fm io co uk us ca es mx
    pe ar cl ve ec bo py uy cu do gt hn ni sv cr pa pr br in ng fun top xyz biz club blog app
    """.split()
)
_UNITS = frozenset(
    """
    st nd rd th am pm km kg mg ml mm cm mb gb kb tb hz kw mw gw ha bn mn mln bps mph kph
    min mins sec secs hr hrs pts yds ft lbs cal kcal ghz mhz mbps kmh usd eur mxn cop pen ars
    clp brl uyu bob pyg gs mts kms
    """.split()
)


@dataclass(frozen=True)
class Split:
    left: str
    right: str
    score: float
    left_evidence: bool
    right_evidence: bool


def _half_score(half: str, analysis: Analysis) -> tuple[float, bool]:
    """How much a half looks like a word: (score, whether it is known as a name).

    A half the article uses as a word of its own, a name in the gazetteer or a
    common Spanish name is evidence as strong as a common word.
    """
    score, known_name = _lexical_half(half)
    if known_name or any(analysis.stands_alone(v) for v in (half, half.capitalize(), half.lower())):
        return max(score, _DOCUMENT_EVIDENCE), True
    return score, False


@lru_cache(maxsize=1 << 16)
def _lexical_half(half: str) -> tuple[float, bool]:
    """What the lexicons alone say of a half; the same in every article, so cached."""
    known_name = half.lower() in proper_nouns() or (
        len(half) >= 4 and half[0].isupper() and zipf(half, "es") >= _SPANISH_NAME_ZIPF
    )
    return zipf(half), known_name


def _name_shaped(half: str) -> bool:
    """Capitalised, long enough, with a vowel: could be a name the lexicon lacks."""
    return (
        len(half) >= 4
        and half[0].isupper()
        and half[1:].islower()
        and any(c in "aeiouáéíóúy" for c in half.lower())
    )


def _telling_tail(half: str) -> bool:
    """A lower-case word common enough that a name glued to it shows a lost space."""
    frequency = zipf(half)
    return half.islower() and (
        (half in FUNCTION_WORDS and len(half) >= 3)
        or (len(half) >= 7 and frequency >= 3.3)
        or (len(half) >= 5 and frequency >= 4.0)
        or (len(half) >= 4 and frequency >= 5.0)
    )


def _lone_article(left: str, right: str) -> bool:
    """ashort, aftera: the article "a" glued to a common lower-case word."""
    other = right if left == "a" else left if right == "a" else ""
    return len(other) >= 4 and other.islower() and zipf(other) >= _ARTICLE_NEIGHBOUR_ZIPF


def _min_half_score(half: str) -> float:
    """Short halves must be common words: 'is' and 'in', not 'ur' or 'ov'."""
    if half == "a":
        return 5.0
    if len(half) <= 2:
        return 5.0
    if len(half) == 3:
        return 4.0
    return 3.0


def best_split(token: str, analysis: Analysis) -> Split | None:
    """The most likely two-word reading of a token, or None when no reading is good."""
    best: Split | None = None
    best_boosted = False
    for i in range(1, len(token)):
        left, right = token[:i], token[i:]
        if (len(left) == 1 or len(right) == 1) and not _lone_article(left, right):
            continue
        if right[0].isupper() and not left[-1].islower():
            continue
        if right[0].isupper() and not right[1:].islower():
            continue  # OpenAI, BioNTech: not a word boundary
        left_score, left_evidence = _half_score(left, analysis)
        right_score, right_evidence = _half_score(right, analysis)
        boosted = (
            not left_evidence
            and _name_shaped(left)
            and (_telling_tail(right) or right in _CLAUSE_OPENERS)
        )
        if boosted:
            # Banorteexplained, Guajirawhere, GameroHowever: an unknown name, then a word
            # no name ends in.
            left_score = max(left_score, _min_half_score(left))
        if right[0].isupper() and len(right) >= 3:
            # Inside a token, a capital after a lower-case letter is itself the
            # evidence of a lost space; the name after it need not be common.
            right_score = max(right_score, _min_half_score(right))
        if left_score < _min_half_score(left) or right_score < _min_half_score(right):
            continue
        candidate = Split(left, right, left_score + right_score, left_evidence, right_evidence)
        if best is not None and boosted and best_boosted:
            # Two readings as an unknown name and a telling word (Balearics + although,
            # Balearicsal + though): the longer word, tried first, wins unless far weaker.
            if candidate.score > best.score + _LONGER_TAIL_MARGIN:
                best = candidate
        elif best is None or candidate.score > best.score:
            best, best_boosted = candidate, boosted
    return best


_LONGER_TAIL_MARGIN = 1.0


def _confidence(token: str, split: Split, analysis: Analysis) -> Applicability | None:
    """Safe when the join has a telltale shape and a known name; unsafe when only the
    shape or only frequencies speak. A safe fix must never turn one real word into two."""
    camel = split.right[0].isupper()
    name_then_word = split.left[0].isupper() and split.right.islower()
    function_word = split.left.lower() in FUNCTION_WORDS or split.right.lower() in FUNCTION_WORDS
    if zipf(token) >= _LISTED_WORD_ZIPF and not camel:
        # A listed word, however rare, is one word (congresswoman, overpass,
        # Uruguayan) unless both halves are function words (forthe, inthe).
        both_function = {split.left.lower(), split.right.lower()} <= FUNCTION_WORDS
        if not both_function:
            return None
    if camel:
        if split.left.lower() in _WORD_PREFIXES:
            return None  # NeoPanamax, ProChile: a prefix and a name make one name
        return _camel_confidence(split, analysis)
    if name_then_word and split.left.lower() in _WORD_PREFIXES:
        return None  # Plurinational, Antigovernment: a prefix at a sentence's or a name's start
    if name_then_word and split.left.lower() not in FUNCTION_WORDS:  # Forthe is no name
        return _name_then_word_confidence(split, analysis)
    if name_then_word and split.right not in FUNCTION_WORDS:
        return None  # Waston, Ifill: a capitalised function word and a word make a surname
    foreign = any(
        _foreign_tail(half) for half in (split.left, split.right) if half not in FUNCTION_WORDS
    )
    if _common_word_then_function_word(split) or _common_word_then(split, _REPORTING_VERBS):
        return Applicability.SAFE  # pesoswhich, officialssaid: no Spanish name ends so
    if _common_word_then(split, _REPORTING_PARTICIPLES):
        return Applicability.UNSAFE  # managestating: a comma may have gone with the space
    if split.left in _WORD_PREFIXES or foreign:
        return None  # superclassic, antigovernment; discola (Spanish left as it was)
    if split.left.lower() in _PREFIX_FUNCTION_WORDS and split.right not in FUNCTION_WORDS:
        return None  # instating, outplayed: an English prefix, not a lost space
    if function_word and (split.left_evidence or zipf(split.left) >= _KNOWN_WORD_ZIPF):
        return Applicability.SAFE
    if split.right in _SUBJECT_PRONOUNS and zipf(split.left) >= _KNOWN_WORD_ZIPF:
        # inflationhe said, a listed word ending so (soothe) let through above; but MT
        # writes "he" for Spanish "el" too (inflationhe 48.7%: inflation, the 48.7%), so
        # a person decides.
        return Applicability.UNSAFE
    if (split.left_evidence or split.right_evidence) and split.right in _CLOSED_CLASS:
        return Applicability.UNSAFE  # scheduleboth, dutyamong
    if _common_word_then(split, _CONJUNCTIONS):
        return Applicability.UNSAFE  # incomebecause: no compound ends in a conjunction
    # Two content words: English closes compounds so (prizewinner, raceday, pricetag,
    # shotstopper, dealmaking), whatever the article says of the halves.
    return None


# Closed-class words outside FUNCTION_WORDS: no English compound ends in one, so after a
# common word with no space they open the next phrase (scheduleboth, dutyamong).
_CLOSED_CLASS = frozenset(
    """among amongst both each every several many most some such without within through
    toward towards across around behind beyond despite upon via per because although
    though unless whether whose what how why all any more less only even just still
    already now here there very too either neither nor yet""".split()
)


# Conjunctions long enough that no English word ends in one by chance.
_CONJUNCTIONS = frozenset("because although though unless whether despite".split())


def _common_word_then(split: Split, words: frozenset[str]) -> bool:
    """A common lower-case word, then one of ``words`` that no English compound ends in:
    officials said, managestating, income because."""
    return (
        split.right in words
        and split.left.islower()
        and len(split.left) >= 4
        and zipf(split.left) >= 3.5
    )


def _common_word_then_function_word(split: Split) -> bool:
    """A common lower-case word, then a function word of three letters or more."""
    return (
        split.right in FUNCTION_WORDS
        and len(split.right) >= 3
        and split.left.islower()
        and split.left not in FUNCTION_WORDS
        and zipf(split.left) >= _KNOWN_WORD_ZIPF
    )


# Verbs of reporting that open the second half of a news sentence (officialssaid).
_REPORTING_VERBS = frozenset(
    "said says added explained reported announced stated indicated warned noted declared".split()
)


# Participles of reporting that open a clause after a comma (…, stating that): no English
# compound ends in one, so a common word glued to one lost a space.
_REPORTING_PARTICIPLES = frozenset(
    "stating saying adding noting explaining arguing claiming warning insisting indicating"
    " assuring highlighting stressing recalling".split()
)


def _known_name(half: str, analysis: Analysis) -> bool:
    """A name for sure: in the gazetteer, or written capitalised on its own in this article
    (not merely a frequent Spanish word: Rosa, Villa, Banco)."""
    return (
        half.lower() in proper_nouns()
        or is_given_name(half)
        or (half[0].isupper() and analysis.counts.get(half, 0) > 0)
    )


# Words that open a sentence or a clause: after a capitalised word with no space they
# show a lost stop (HealthcareThe, MexicoHe), never the second half of a brand.
_CLAUSE_OPENERS = frozenset(
    "The He She It They We This These Those In On At For And But Or So Only Also However"
    " Meanwhile Subsequently According After Before While When Read See".split()
)


def _camel_confidence(split: Split, analysis: Analysis) -> Applicability | None:
    """Two capitalised halves with no space are the shape of a brand (GameStop,
    BancoEstado, PagaPhone): safe only when both halves are names, the first one known
    (UkraineSerhiy); a common English word after the capital (CubaPhoto) is left to a person.
    A first half that is no known name, before a second that opens no clause, is the
    shape of a brand and nothing else (WeWork, FanDuel, DraftKings, AirPods): not reported."""
    if split.left in _BRAND_PREFIXES and split.right not in _CLAUSE_OPENERS:
        return None
    if not _known_name(split.left, analysis):
        opener = (
            split.left in _CLAUSE_OPENERS
            or split.right in _CLAUSE_OPENERS
            or split.right.lower() in _TITLES  # Xiomara CastroPresident
        )
        if split.left[0].isupper() and not opener:
            return None  # InCantabria, HealthcareThe: a clause opener shows the lost space
        return Applicability.UNSAFE
    if _known_name(split.right, analysis) or zipf(split.right) < _KNOWN_WORD_ZIPF:
        return Applicability.SAFE
    return Applicability.UNSAFE


def _foreign_tail(half: str) -> bool:
    """A lower-case half about as common in Spanish as in English is the end of a
    Spanish compound name (Villamar, Altavista, Bankinter), not an English word."""
    if half.lower() in proper_nouns():
        return False  # putinwhose: a name in both languages
    return zipf(half, "es") >= zipf(half) - _FOREIGN_MARGIN or is_given_name(half)


def _name_then_word_confidence(split: Split, analysis: Analysis) -> Applicability | None:
    """Putinvisited, Petrowho: a name, then an English word no name ends in."""
    left, tail = split.left, split.right
    if left.lower() in _NAME_PARTICLES or len(left) < 3 or _foreign_tail(tail):
        return None
    known = _known_name(left, analysis)
    if len(tail) <= 3:
        # Short tails end names (Bindon, Liberato, Limachi): only function words count,
        # and only after a name known for sure is the split safe.
        if tail in _SHORT_CLOSED_CLASS:
            # Israelall: a known name then "all"; surnames end so too (Tyndall), so a
            # person decides.
            return Applicability.UNSAFE if known else None
        if tail not in FUNCTION_WORDS and tail not in _PRONOUNS and tail not in _SHORT_VERBS:
            return None
        if known and not _given_name_only(left, analysis):
            return Applicability.SAFE
        if known:
            return Applicability.UNSAFE  # Mariato, a district: a given name begins places too
        worded = split.left_evidence or zipf(left) >= _KNOWN_WORD_ZIPF
        return Applicability.UNSAFE if len(tail) == 3 or worded else None
    if tail not in FUNCTION_WORDS and zipf(tail) < _COMMON_TAIL_ZIPF:
        return None  # Sheinbaum is not Shein + baum: a name's tail is seldom a rare word
    if known or split.left_evidence:
        return Applicability.SAFE
    if left.lower().startswith(_ENGLISH_PREFIXES):
        return None  # Superintendency: a rare English word, not Superin + tendency
    # An unknown capitalised word and a plain word may be one surname (Trippier,
    # Stonehouse): only a tail no surname ends in (reported, although) tells a lost space.
    return Applicability.UNSAFE if _telling_tail(tail) or tail in _UNITS else None


# Word-forming prefixes: an unknown capitalised half opening with one is the start of
# a long English word the frequency table lacks (Superintendency, Intergovernmental).
_ENGLISH_PREFIXES = ("super", "inter", "trans", "counter", "under", "over", "multi", "micro")
# Prefixes of company names (PetroBoscan, BancoEstado, TeleSUR): a capitalised half after
# one is the brand's, even where the prefix is also a surname (Petro).
_BRAND_PREFIXES = frozenset({"Petro", "Banco", "Tele", "Grupo", "Agro", "Aero", "Eco", "Bio"})


def _given_name_only(half: str, analysis: Analysis) -> bool:
    """Known as a given name and nothing more: not in the gazetteer, not written alone in
    this article. Places and surnames begin with given names (Mariato, Juanjuí, Pedroza)."""
    return (
        is_given_name(half)
        and half.lower() not in proper_nouns()
        and analysis.counts.get(half, 0) == 0
    )


# Nouns that follow a place's name: a token before one of them is the place's name
# (the Mariato district, the Cipresales neighborhood), whatever its halves look like.
_PLACE_NOUNS = frozenset(
    """district districts neighborhood neighbourhood neighborhoods municipality canton
    province department parish village hamlet settlement sector colony community
    street avenue boulevard road highway river lake stream valley hill volcano
    beach bay island park square market stadium hospital township county region
    corregimiento barrio""".split()
)
_NEXT_WORDS = re.compile(r"[ \t]+(\S+)(?:[ \t]+(\S+))?")


def _before_place_noun(text: str, end: int) -> bool:
    """Whether one of the next two words names a kind of place."""
    following = _NEXT_WORDS.match(text, end)
    if following is None:
        return False
    words = (w.strip(",.;:)").lower() for w in following.groups() if w)
    return any(word in _PLACE_NOUNS for word in words)


def _one_word(token: str, analysis: Analysis) -> bool:
    """A word the lexicon or the article knows whole, with an ending (inactions,
    Cantabrian, Peruvianness) or as a closed compound (monthslong); a word the article
    spells with two casings (Mercopress, MercoPress) is one name."""
    if len(analysis.spellings.get(token.lower(), ())) > 1:
        return True
    for suffix in _DERIVING_SUFFIXES:
        stem = token[: -len(suffix)]
        if not token.endswith(suffix) or len(stem) < 4:
            continue  # the cheap tests first: a frequency look-up may go to disk
        if zipf(stem) >= _LISTED_WORD_ZIPF + 0.5 or analysis.stands_alone(stem):
            return True
    heads = _COMPOUND_HEADS | _AGENT_HEADS if token.islower() else _COMPOUND_HEADS
    lowered = token.lower()
    return any(
        lowered.endswith(head) and zipf(token[: -len(head)]) >= _KNOWN_WORD_ZIPF
        for head in heads
        if len(token) - len(head) >= 3
    )


# A brand in CamelCase with a lower-case function word run into its end: FanZonea.
_BRAND_THEN_WORD = re.compile(
    r"([A-Z][a-z]{2,}(?P<head>[A-Z][a-z]{3,}))(a|and|the|of|in|to|for|is|was|who|which)"
)


def _brand_then_function_word(token: str) -> Split | None:
    """FanZone + a: the brand's second half is a word (Zone), the token's is none (Zonea);
    AstraZeneca and CocaCola end in a letter of their own."""
    match = _BRAND_THEN_WORD.fullmatch(token)
    if match is None or zipf(match.group("head")) < 3.5:
        return None
    return Split(match.group(1), match.group(3), 0.0, False, False)


def _looks_like_word(token: str, analysis: Analysis) -> bool:
    if zipf(token) >= _KNOWN_WORD_ZIPF:
        return True
    if analysis.counts[token] > 1:
        return True  # spelled the same way twice: the article means it
    return zipf(token, "es") >= _KNOWN_SPANISH_ZIPF


def _word_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    # Decide once per distinct word; look up positions only for the few flagged.
    for word in analysis.counts:
        if not _MIN_TOKEN <= len(word) <= _MAX_TOKEN or "'" in word or "’" in word:
            continue
        if zipf(word) >= _KNOWN_WORD_ZIPF:
            continue  # the common case, and the cheapest test
        if _INNER_CAPITAL_NAME.match(word) or _LEADING_LOWER_BRAND.match(word):
            continue
        if _LEADING_ACRONYM.match(word) or _looks_like_word(word, analysis):
            continue
        if word.lower() in camelcase_names() or _one_word(word, analysis):
            continue
        brand_split = _brand_then_function_word(word)
        split = brand_split or best_split(word, analysis)
        if split is None:
            continue
        applicability = Applicability.UNSAFE if brand_split else _confidence(word, split, analysis)
        if applicability is None:
            continue
        options, applicability = _separators(split, applicability)
        message = f"“{word}” looks like two words glued where markup was stripped: “{options[0]}”"
        name_then_word = split.left[0].isupper() and split.right.islower()
        for token in analysis.occurrences(word):
            if _in_code_or_address(document, token.start, token.end):
                continue
            if name_then_word and _before_place_noun(document.text, token.end):
                continue
            yield Hit(token.start, token.end, options, applicability, message)


def _separators(
    split: Split, applicability: Applicability
) -> tuple[tuple[str, ...], Applicability]:
    """The space, or the stop or comma the stripped markup took with it when the words say so.

    InstagramThe: a capitalised sentence opener after a word is a lost full stop;
    Almagrosecretary general: a title after a name is a lost appositive comma.
    Restoring punctuation is a guess, so it is offered as an unsafe fix, the
    bare space as the alternative.
    """
    spaced = f"{split.left} {split.right}"
    if split.right in _SENTENCE_OPENERS and split.left[-1].islower():
        return (f"{split.left}. {split.right}", spaced), Applicability.UNSAFE
    if split.left[0].isupper() and split.right in _TITLES:
        return (f"{split.left}, {split.right}", spaced), Applicability.UNSAFE
    if split.left[0].isupper() and split.right in _NON_RESTRICTIVE:
        # Jamaicawhere, Shadowwhich: a clause after a name is an aside, and English
        # sets it off; the comma went with the link, as the real post-edits restore it.
        return (f"{split.left}, {split.right}",), applicability
    return (spaced,), applicability


# Words that open an aside after a name: on the real tuning shares a comma went with the
# link before every one of them (Aires, who; September, according to).
_NON_RESTRICTIVE = frozenset(
    {"which", "where", "who", "whose", "although", "though", "whereas", "according"}
)


def _in_code_or_address(document: Document, start: int, end: int) -> bool:
    text = document.text
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in "@#/\\._-" or after in "@/\\_-" or before.isdigit() or after.isdigit():
        return True
    if after == "=" or (_CODE_IDENTIFIER.match(text, start, end) and after in ":(=[{."):
        return True  # mediaTypes: {, userAgent.match(: scraped script
    return document.is_protected(start, end)


# lowerCamelCase is the shape of a code identifier, rarely of a glued word.
_CODE_IDENTIFIER = re.compile(r"[a-z]+[A-Z][A-Za-z]*")


# A sentence end or comma with no space after it: January.but, Tuesday.However
_PUNCT_JOIN = re.compile(r"([.,;:!?])([^\W\d_]{2,})")


def _punctuation_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    for match in _PUNCT_JOIN.finditer(text):
        mark, word = match.group(1), match.group(2)
        start = match.start(1)
        left = WORD.match(text, _word_start(text, start))
        left_word = left.group() if left else ""
        if len(left_word) < 3 or left_word.isupper() or "." in text[start - 4 : start]:
            continue  # U.S.A, e.g.i.: abbreviations
        right_end = match.end(2)
        if right_end < len(text) and (text[right_end] == "." and mark == "."):
            continue  # a.b.c
        if word.lower() in _FILE_EXTENSIONS or document.is_protected(start - 1, right_end):
            continue
        if mark == "." and (word in _DOMAINS or _CODE_IDENTIFIER.fullmatch(left_word)):
            continue  # Time.news, latin-american.news; adUnits.push(
        if right_end < len(text) and text[right_end] == "(":
            continue  # a method call: navigator.userAgent.match(
        # A capital after the mark opens a sentence or a name by itself (Monday.The,
        # also:Petro); a lower-case word must be a common one.
        named = word[0].isupper() and word[1:].islower() and len(word) >= 3
        if not named and zipf(word) < 3.5:
            continue
        if zipf(left_word) < 3.0 and not analysis.stands_alone(left_word):
            continue
        if mark == "." and _dotted_name(analysis, left_word, word):
            continue
        if mark == "." and word[0].islower():
            fixed_right = f". {word[0].upper()}{word[1:]}"
        else:
            fixed_right = f"{mark} {word}"
        left_start = start - len(left_word)
        yield Hit(
            left_start,
            right_end,
            (f"{left_word}{fixed_right}",),
            Applicability.SAFE,
            f"No space after “{mark}”: “{left_word}{mark}{word}” → “{left_word}{fixed_right}”",
        )


# A word this common after the stop opens a sentence (Banxico.In, Providencia.While).
_OPENER_ZIPF = 5.0


def _dotted_name(analysis: Analysis, left: str, right: str) -> bool:
    """Alt.Latino, Yahoo.Finance: two capitalised words joined by a dot, the second no
    sentence opener and the first never written alone, is a name with a dot in it."""
    if not (left[0].isupper() and right[0].isupper()) or right in _SENTENCE_OPENERS:
        return False
    return zipf(right.lower()) < _OPENER_ZIPF and analysis.counts.get(left, 0) < 2


def _word_start(text: str, end: int) -> int:
    i = end
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] in "'’"):
        i -= 1
    return i


_SPEECH_VERBS = frozenset(
    "said says added adds explained explains asked stated states noted notes points pointed"
    " warned warns insisted ordered stressed stresses assured assures declared indicated"
    " indicates highlighted highlights affirmed concluded".split()
)
_SPEECH_AFTER = re.compile(r"\s?(?:" + "|".join(sorted(_SPEECH_VERBS)) + r")\b")
# Quotation marks glued to the word outside them: ally”but, said“the
_CLOSING_QUOTE_JOIN = re.compile(r"([”»])([^\W_]+)")
_OPENING_QUOTE_JOIN = re.compile(r"([“«])(?=[^\W_])")


def _closing_quote_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if "”" not in text and "»" not in text:
        return
    for match in _CLOSING_QUOTE_JOIN.finditer(text):
        quote, after = match.groups()
        start = match.start()
        if start == 0 or text[start - 1].isspace() or text[start - 1] in "([":
            continue  # a quotation mark that opens, as some styles write it
        speech = after in _SPEECH_VERBS and text[start - 1].isalpha()
        quote_start = start
        while start > 0 and not text[start - 1].isspace():
            start -= 1  # report the whole run before the quote: ally”but
        before = text[start : match.start()]
        spaced = f"{before}{quote} {after}"
        options: tuple[str, ...] = (spaced,)
        applicability = Applicability.SAFE
        if speech:
            # forward”points out: the comma before the speech verb went with the space.
            # Certain after a quoted sentence; after a quoted phrase (the “experts”say)
            # a person decides.
            with_comma = f"{before},{quote} {after}"
            if _opens_sentence(text, text.rfind("“", 0, quote_start)):
                options = (with_comma,)
            else:
                options, applicability = (with_comma, spaced), Applicability.UNSAFE
        yield Hit(
            start,
            match.end(),
            options,
            applicability,
            f"No space after the closing quotation mark: “{before}{quote}{after}” → “{options[0]}”",
        )


def _opens_sentence(text: str, mark: int) -> bool:
    """Whether the opening quotation mark at ``mark`` starts a line or a sentence."""
    if mark < 0:
        return False
    before = text[max(0, mark - 2) : mark]
    return mark == 0 or before.endswith("\n") or before in {". ", ": ", "! ", "? "}


def _opening_quote_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if "“" not in text and "«" not in text:
        return
    for match in _OPENING_QUOTE_JOIN.finditer(text):
        quote = match.group(1)
        start = _word_start(text, match.start())
        if start == match.start():
            continue  # a space or punctuation before it: nothing glued
        before = text[start : match.start()]
        if _SPEECH_AFTER.match(text, match.end()):
            continue  # Producer“said: an opening mark closing the quotation (punctuation)
        yield Hit(
            start,
            match.end(),
            (f"{before} {quote}",),
            Applicability.SAFE,
            f"No space before the opening quotation mark after “{before}”",
        )


# Digits glued to a word: 31989that, 8.7%in
_DIGIT_JOIN = re.compile(r"(?<![\w.,])(\d[\d.,]*\d%?|\d%?)([a-z]{2,})\b")


def _digit_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    for match in _DIGIT_JOIN.finditer(document.text):
        number, word = match.groups()
        if word in _UNITS or zipf(word) < 4.0 or word in _FILE_EXTENSIONS:
            continue
        if len(word) < 3 and not number.endswith("%"):
            continue  # 2nd, 4x4, 3D: only a per cent sign makes a short word glued
        if document.is_protected(match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{number} {word}",),
            Applicability.SAFE,
            f"A number glued to a word: “{match.group()}” → “{number} {word}”",
        )


# A figure glued to the sentence after it (2023.This) or a word to the figure after it
# (rescued14); a closing parenthesis glued to the next word ((Banxico)which).
_FIGURE_STOP_JOIN = re.compile(r"(?<![\w.,])(\d+)\.([A-Z][a-z]{1,})\b")
_WORD_FIGURE_JOIN = re.compile(r"\b([a-z]{3,})(\d{1,4})\b(?![.,]\d)")
_PAREN_JOIN = re.compile(r"\(([^()\n]{3,60})\)([a-z]{2,}|[A-Z][a-z]{2,})\b")
# The junction every match of the first two patterns above holds: searching for it first is
# several times quicker than either pattern over an article that has none (most).
_DIGIT_STOP_CAPITAL = re.compile(r"\d\.[A-Z]")
_LETTER_DIGIT = re.compile(r"[a-z]\d")
# A year glued to the name or word after it where a line or a link was stripped:
# "Latam 2025Ebrard detailed", "December 6, 2021Updated".
_YEAR_WORD_JOIN = re.compile(r"(?<![\w.,])((?:19|20)\d{2})([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\b")
_DIGIT_CAPITAL = re.compile(r"[\d%][A-ZÁÉÍÓÚÑ]")
# A decimal, an amount or a percentage glued to the word that opens the next sentence
# ($75.92It was, 3%The bank): no unit or model name is written so.
_FIGURE_OPENER_JOIN = re.compile(
    r"(?<![\w.,])(\$?\d[\d.,]*[.,]\d+%?|\$?\d+%)"
    r"(The|It|He|She|They|We|This|These|In|On|At|For|And|But|According|However|Meanwhile)\b"
)
# Words that take a figure without a space as a name: covid19, top10, mp3, windows11.
_FIGURE_NAMES = frozenset("covid top mp windows android ios sars web word ipad fifa".split())


def _figure_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    stop_joins = _FIGURE_STOP_JOIN.finditer(text) if _DIGIT_STOP_CAPITAL.search(text) else ()
    for match in stop_joins:
        figure, word = match.groups()
        if zipf(word) < 3.5 or document.is_protected(match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{figure}. {word}",),
            Applicability.SAFE,
            f"No space after the full stop: “{match.group()}” → “{figure}. {word}”",
        )
    figure_joins = _WORD_FIGURE_JOIN.finditer(text) if _LETTER_DIGIT.search(text) else ()
    for match in figure_joins:
        word, figure = match.groups()
        telling = word.endswith("ed") or word in FUNCTION_WORDS
        if word in _FIGURE_NAMES or zipf(word) < (3.0 if telling else 4.0):
            continue
        if _in_code_or_address(document, match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{word} {figure}",),
            Applicability.SAFE if telling else Applicability.UNSAFE,
            f"A word glued to a number: “{match.group()}” → “{word} {figure}”",
        )
    year_joins = _YEAR_WORD_JOIN.finditer(text) if _DIGIT_CAPITAL.search(text) else ()
    for match in year_joins:
        year, word = match.groups()
        if document.is_protected(match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{year} {word}",),
            Applicability.SAFE,
            f"A year glued to the word after it: “{match.group()}” → “{year} {word}”",
        )
    opener_joins = _FIGURE_OPENER_JOIN.finditer(text) if _DIGIT_CAPITAL.search(text) else ()
    for match in opener_joins:
        figure, word = match.groups()
        if document.is_protected(match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{figure}. {word}", f"{figure}, {word.lower()}"),
            Applicability.UNSAFE,  # the stop or the comma went with the space
            f"A figure glued to the sentence after it: “{match.group()}” → “{figure}. {word}”",
        )
    for match in _PAREN_JOIN.finditer(text):
        inner, word = match.groups()
        if zipf(word) < 3.5 or document.is_protected(match.start(), match.end()):
            continue
        start = match.start()
        yield Hit(
            start,
            match.end(),
            (f"({inner}) {word}",),
            Applicability.SAFE,
            f"No space after the closing parenthesis: “({inner}){word}”",
        )


# A possessive glued to the next word where bold or a link was stripped: Petro’sadministration
_POSSESSIVE_JOIN = re.compile(r"(?<![\w’'])([A-Z][^\W\d_]+[’'])s([a-z]{3,})\b")
# What every match holds and few articles have: looked for first, it spares the pattern
# a try at every capitalised word.
_GLUED_AFTER_POSSESSIVE = re.compile(r"[’']s[a-z]")


def _possessive_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if not _GLUED_AFTER_POSSESSIVE.search(text):
        return
    for match in _POSSESSIVE_JOIN.finditer(text):
        owner, word = match.groups()
        if zipf(word) < 3.5 or zipf("s" + word) >= _LISTED_WORD_ZIPF:
            continue  # Peru’sixty is not Peru’s ixty
        if document.is_protected(match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{owner}s {word}",),
            Applicability.SAFE,
            f"No space after the possessive: “{match.group()}” → “{owner}s {word}”",
        )


# A Markdown link left in plain text, glued to the word after or before it:
# [Vladimir Putin](https://…)visited, said[Putin](https://…).
_LINK_THEN_WORD = re.compile(r"\]\((?:https?://|www\.|/)[^()\s]{0,500}\)(?P<word>[^\W\d_]+)")
_WORD_THEN_LINK = re.compile(r"(?P<word>[^\W\d_]+)\[[^\[\]\n]{1,120}\]\((?:https?://|www\.|/)")


def _link_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if "](" not in text:
        return
    for match in _LINK_THEN_WORD.finditer(text):
        close = match.start("word") - 1
        word = match.group("word")
        # The address's protected span runs on into the glued word (its pattern stops
        # only at a space), so the link's own shape is the evidence here.
        yield Hit(
            close,
            match.end(),
            (f") {word}",),
            Applicability.SAFE,
            f"No space after the link: “){word}” → “) {word}”",
        )
    for match in _WORD_THEN_LINK.finditer(text):
        word = match.group("word")
        yield Hit(
            match.start(),
            match.end("word") + 1,
            (f"{word} [",),
            Applicability.SAFE,
            f"No space before the link: “{word}[” → “{word} [”",
        )


def detect_glued_words(document: Document, analysis: Analysis) -> Iterator[Hit]:
    yield from _word_joins(document, analysis)
    yield from _punctuation_joins(document, analysis)
    yield from _closing_quote_joins(document, analysis)
    yield from _opening_quote_joins(document, analysis)
    yield from _digit_joins(document, analysis)
    yield from _figure_joins(document, analysis)
    yield from _link_joins(document, analysis)
    yield from _possessive_joins(document, analysis)
    yield from _pronoun_i_joins(document, analysis)


# The pronoun I glued to the word before it where a quotation's link was stripped:
# "Costa RicaI think", "the problem isI’m tired". No English word ends in a capital I
# after lower-case letters.
_PRONOUN_I_JOIN = re.compile(
    r"\b([A-Za-z][a-z]{1,})(I(?:[’'](?:m|ll|ve|d))?)(?= [a-z]|[’'][a-z]* )"
)
_CAPITAL_I_AFTER_LOWER = re.compile(r"[a-z]I\b")


def _pronoun_i_joins(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if not _CAPITAL_I_AFTER_LOWER.search(text):
        return
    for match in _PRONOUN_I_JOIN.finditer(text):
        word, pronoun = match.groups()
        known = zipf(word.lower()) >= _KNOWN_WORD_ZIPF or analysis.stands_alone(word)
        if not known or document.is_protected(match.start(), match.end()):
            continue
        yield Hit(
            match.start(),
            match.end(),
            (f"{word} {pronoun}",),
            Applicability.SAFE,
            f"“{match.group()}” looks like two words glued where markup was stripped: "
            f"“{word} {pronoun}”",
        )
