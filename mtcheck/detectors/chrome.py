"""Site chrome recognised by its shape, not by a list of phrases.

Aggregators scrape the whole page: the script that bids for ad slots, the date
and time the post went up, a byline naming the site, breadcrumb trails, section
kickers, hashtag rows, separators, orphan photo credits. Each has a shape that
no sentence of an article has; the fix removes the line (or the whole block of
scraped code), and no other rule reports anything inside what is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePath

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.glued import FUNCTION_WORDS
from mtcheck.document import Document, removal_span
from mtcheck.model import Applicability

# Characters that code is made of and prose seldom uses.
_CODE_CHARS = frozenset("{}[]();=<>|&$\\")
# Deleting the code characters counts them in C (a generator over every character of
# every line was the detector's main cost).
_WITHOUT_CODE_CHARS = str.maketrans(dict.fromkeys(_CODE_CHARS))
# A line is code when this share of it is code syntax...
_CODE_DENSITY = 0.06
# ...or it has a shape only code has: key: value, a call, a lone brace.
_CODE_LINE = re.compile(
    r"""^(?:
        [{}\[\]()]+[,;]?                                  # lone braces: }, }]  });
      | [}\])]*\s*[,;]?\s*[{\[(]+                          # },{
      | [A-Za-z_$][\w$]*\s*:\s*(?:[{\[]|['‘’"][^'‘’"]*['‘’"],?|-?\d+,?|true,?|false,?|null,?)$
      | (?:var|let|const|function|if|return|window|document|googletag|pbjs|adUnits)\b.*[;{(]
      | [\w$.]+\.[\w$]+\(.*                                 # a.b(...)
      | <\/?[a-z][^>]*>                                    # a tag
      | [.#]?[\w-]+\s*\{.*                                 # CSS selector {
      | [\w-]+\s*:\s*[^;]+;                                # CSS property;
    )\s*$""",
    re.VERBOSE,
)
# A block of scraped code is at least this many lines (one odd line is left to other rules).
_MIN_CODE_LINES = 3

_DATE_WORDS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo)"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|hrs?\.?|h)?(?:\s*[A-Z]{2,4})?)"
# A date; a weekday before a day of the month dates it without the year ("Saturday,
# September 18"), and one after a date goes with it ("01 June 2023 Thursday 05:06").
_DATE = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]{_TIME})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
    rf"{_DATE_WORDS},?\s+{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!,?\s+\d{{4}})|"
    rf"(?:{_DATE_WORDS},?\s+)?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:\s+de)?\s+{_MONTHS}(?:\s+(?:de\s+)?\d{{4}})?))"
)
# A header may put the city before the date, as agencies do: "MADRID, 15 Sep.", or as a
# site's dateline does: "Lima, December 6, 2021".
_CITY = (
    r"(?:(?:[A-ZÁÉÍÓÚÑ]{3,}(?:\s+[A-ZÁÉÍÓÚÑ]{2,}){0,2}"
    r"|[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){0,2}),\s*)"
)
# The stamp of a later edit after the first date, often run into it where the markup
# was stripped: "…, 2021Updated on 12/06/2021 09:18 pm".
_EDITED = r"(?i:(?:updated|modified|actualizado|modificado)(?:\s+(?:on|at|el))?\s*:?\s*)"
# Header lines: a date with or without its time, "Updated on", a weekday. (A time alone
# stamps an entry of a live blog.)
_DATE_LINE = re.compile(
    rf"^{_CITY}?(?i:(?:(?:date|published|updated|posted|last updated|publicado|actualizado)"
    rf"(?:\s+(?:on|at|el))?\s*:?\s*)?(?:{_DATE}|{_DATE_WORDS})"
    rf"(?:\s*(?:[-|,•·]|at|a las)?\s*{_EDITED}?(?:{_DATE}|{_TIME}|{_DATE_WORDS}))*\s*[.|]?\s*)$"
)
# A post's meta line: its date, then its sections and comment count between bars ("Oct 27,
# 2023 | Costa Rica, News | 0 comments"). An agency dateline with its dash ("MADRID, 15
# Sep. (EUROPA PRESS) -") is the story's own: the real set keeps it.
_META_LINE = re.compile(
    rf"(?i)^(?:{_DATE}(?:[ \t]*\|[ \t]*[^|\n]{{1,40}}){{1,4}}"
    # A day and month whose section was a link the scraper dropped: "October 24 |".
    rf"|{_MONTHS}\s+\d{{1,2}}[ \t]*\|)\s*$"
)
# The date the store or the scraper put before the first line: "date 2023-05-08 The
# minister..." (field study: 19 pages; field pass 2026-12: 9 of 29 pages). The prefix
# goes; the line it was run into stays.
_DATE_PREFIX = re.compile(r"date \d{4}-\d{2}(?:-\d{2})?(?=[ \t])[ \t]+(?=\S)")
# Bylines: "by", "By Editorial Staff", "byTime News", "Written by admin", "Redacción".
# A byline of a named reporter is part of a page; one naming nobody, the site's staff or
# the site in lower case is what the scraper left ("by", "by admin", "by time news").
_BYLINE = re.compile(
    r"^(?:[Bb]y|[Pp]or|[Ww]ritten by|[Pp]osted by)(?:\s+(?:admin|staff|editor|newsroom|"
    r"redacci[óo]n|[Ee]ditorial [Ss]taff|[a-z][\w.-]*(?:\s+[a-z][\w.-]*){0,3}))?\s*$"
    r"|^(?:Written|Posted|Published) in [A-Z]{2,}\b.{0,30}$"
)
_BYLINE_GLUED = re.compile(r"^by(?=[A-Z])[\w .&'’-]{2,40}$")
# A desk or author with a social-media handle and nothing else: "NewsDesk @handle".
_BYLINE_HANDLE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+@\w{2,30}\s*$")
# A breadcrumb trail ending in the headline: "Home » News » Minister resigns after…".
_BREADCRUMB_HEADLINE = re.compile(
    r"(?i)^(?:home|inicio|portada)\s*(?:[»›>]\s*[\w ,áéíóúñ&-]{2,30}\s*[»›>]|[»›])\s*\S.{0,200}$"
)
# Reading time and loading lines: "3 min read", "Reading time: 2 minutes", "Loading...".
_READING = re.compile(
    r"(?i)^(?:\d+\s*(?:min(?:ute)?s?|minutos?)\s*(?:read|de lectura)|(?:reading time|tiempo de "
    r"lectura)\s*:?.{0,20}|loading\W*|cargando\W*)\s*$"
)
# Separators and lone marks: "| |", "***", "---", "• • •", ".".
_SEPARATOR = re.compile(r"^[|•·*=_~.\-–—/\\#>«»]+(?:\s*[|•·*=_~.\-–—/\\#>«»]+)*\s*$")
# The delimiter row under a table's header row (Markdown or a scraped table): part of
# the table, not a separator, when the header row above it has cells too.
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# A kicker: "| The State", "| SPORTS" (a bullet, "• Politics", is a list item).
_KICKER = re.compile(r"^\|\s*[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}\s*$")
# A section kicker in capitals and a bar before the headline: "LIVE | Colo Colo wins".
_KICKER_PREFIX = re.compile(
    r"^[ \t]*[A-ZÁÉÍÓÚÑ]{3,15}(?:[ \t]+[A-ZÁÉÍÓÚÑ]{2,15})?[ \t]*\|[ \t]+(?=[A-ZÁÉÍÓÚÑ¿¡“\"‘])", re.M
)
# A headline with the site's section or name after a bar: "Minister resigns | The State".
_KICKER_SUFFIX = re.compile(r"[ \t]+\|[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,2}[ \t]*$", re.M)
_MAX_HEADLINE = 160
# The file name of an ad slot's image, alone on its line: a banner size (728x90,
# 300x250) or a name of underscores and a long date ("20240604_dom_728x90",
# "20231124_campaign_launch"); prose never writes a token like that alone on a line.
_AD_SLOT = re.compile(
    r"^(?=[\w.-]{6,80}$)(?:[\w.-]*\d{2,4}[xX]\d{2,4}\b[\w.-]*"
    r"|[\w.-]*\d{6,}_[\w.-]*|[\w.-]*_\d{6,}[\w.-]*)$"
)
# The controls and placeholders of a slider or a page, as their alt text or label:
# "previous arrow", "next arrow", "placeholder image", "scroll to top".
_CONTROL = re.compile(
    r"(?i)^(?:(?:previous|next|prev|left|right)\s+(?:arrow|slide|button)|placeholder\s+image|"
    r"image\s+placeholder|scroll\s+(?:to\s+)?(?:top|up)|go\s+to\s+top|toggle\s+navigation|"
    r"(?:open|close)\s+(?:the\s+|this\s+)?(?:menu|search(?:\s+box)?|ad)|"
    r"your\s+browser\s+(?:does\s*n[o’']t|does\s+not|cannot)\s+support\s+(?:iframes|the\s+video"
    r"(?:\s+tag)?|html5\s+video|javascript)|recommended\s+videos?|related\s+videos?)\s*\.?\s*$"
)
# A site's name and the stamp of the post, on a line of their own ("Global Courant
# 2023-05-31 17:37:13").
_STAMPED_NAME = re.compile(
    r"^(?:[A-ZÁÉÍÓÚÑ][\w.&'’-]*[ \t]+){1,4}\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# The alt text of a photo: a name and the date its file was stored ("Ana Ruiz 20220513").
_ALT_TEXT = re.compile(
    r"^[A-ZÁÉÍÓÚÑ][\w’'-]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w’'-]+){0,4}[ \t]+"
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])\s*$"
)
# What is left of an HTML comment whose dashes the scraper turned typographic: "<! –".
_HTML_REMNANT = re.compile(r"^(?:<!\s*(?:--|[–—-])?[^>\n]{0,80}|[–—-]{1,2}>)\s*$")
# The credit of an embedded video or photo with its link ("Video: LPG/Ana Ruiz.
# pic.twitter.com/…"); the post's own text is the story's quotation and stays.
_EMBEDDED_MEDIA = re.compile(
    r"^(?:Video|Videos|Photo|Photos|Foto|Fotos)[ \t]*:[^\n]{0,120}?\bpic\.twitter\.com/\w+\s*$"
)
# The header of a blog's archive page: "Tag Archives: blockade", "Category Archives: …".
_ARCHIVE = re.compile(r"(?i)^(?:tag|category|author|monthly|daily|yearly)\s+archives?\s*:.{1,80}$")
# The teaser of another story, cut off with a bracketed ellipsis: "… in the Palace of […]".
_TEASER_CUT = re.compile(r"^.{10,400}\s\[(?:…|\.\.\.)\]\s*$")
# A row of hashtags: "#Venezuela #economy #dollar".
_HASHTAGS = re.compile(r"^(?:#[^\W\d_][\w-]*\s*){3,}$")
# A section label alone on a line, in capitals: "BRIEFCASE", "NEWS", "OF". (Several words
# in capitals are a subheading: INFAMOUS KISS.)
_CAPITALS_LABEL = re.compile(r"^[A-ZÁÉÍÓÚÑ]{2,14}\s*$")
# Breadcrumbs glued where the links were stripped: "HomeSportsMessi leaves..."
_GLUED_BREADCRUMB = re.compile(r"^(?:Home|Inicio|Portada)(?=[A-Z][a-z])")
# A caption that ends in its photo credit: "..., in the chamber. Photo: Ana Ruiz.", or
# with the credit in parentheses after a space: "Police arrest a man (Photos: EFE and AFP)";
# or that names the image's file ("… FTP CLARIN FLC_1489.jpg").
_CREDIT_WORD = r"(?:photos?|fotos?|photography|images?|file photo|archive photo)"
_CAPTION = "a photo caption with its credit"
_CAPTION_CREDIT = re.compile(
    rf"(?i)^.{{0,200}}(?:[.,]\s*(?:\(?{_CREDIT_WORD}\s*:\s*[\w .,/&'’-]{{2,60}}\)?|file photo|"
    rf"archive photo|photo archive)|\s\({_CREDIT_WORD}\s*:\s*[\w .,/&'’-]{{2,60}}\))\.?\s*$"
    r"|^.{0,300}\s[\w-]{2,40}\.(?:jpe?g|png|webp|gif)\b.{0,60}$"
    # One sentence and the agency or outlet in parentheses, the photographer's name in
    # capitals before it: "… on April 14, 2023. ANA RUIZ (REUTERS)", "… rate. (Infobae)".
    r"|^[^.!?\n]{10,200}[.!?][ \t]+(?:[A-ZÁÉÍÓÚÑ]{2,}(?:[ \t]+[A-ZÁÉÍÓÚÑ]{2,}){0,4}[ \t]+)?"
    r"\((?:REUTERS|Reuters|AFP|EFE|AP|Infobae|EUROPA PRESS|Europa Press|Getty Images|XINHUA|"
    r"Xinhua|ANDINA|Andina|ANSA|DPA|dpa)\)\s*$"
)
# A row of tags: capitalised topics with nothing between them ("Featured CGPJ Russia Carles
# Puigdemont Ukraine Terrorism"). A headline in title case has its small words capitalised
# too (In, Of, The), so a row holding one of them is a headline, not tags.
_TAG_ROW = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ][\w’'.&-]*[ \t]+){4,11}[A-ZÁÉÍÓÚÑ][\w’'.&-]*[ \t]*$")
_TITLE_CASE_WORDS = frozenset(
    """A An The And Or But Nor Of In On At To For From With By As Is Are Was Were Be Will
    After Before Over Into Against Amid Vs Not No Its His Her Their Who What How Why When""".split()
)
# Links to the neighbouring stories: under the label comes the other story's headline.
_STORY_LINK = re.compile(
    r"(?i)^(?:(?:previous|next|prev|older|newer)\s+(?:article|story|post|news|note|entry)|"
    r"(?:siguiente|anterior)\s+(?:noticia|nota|art[íi]culo)|"
    r"(?:noticia|nota|art[íi]culo)\s+(?:siguiente|anterior))\s*[:»>›]?\s*$"
)
# A line repeated word for word is the headline or a teaser scraped twice; short lines
# (a label, a name) may repeat in an article.
_MIN_REPEATED_WORDS = 5
# A line this long seen twice anywhere is a teaser or a paragraph scraped twice.
_MIN_REPEATED_PARAGRAPH_WORDS = 10
# A word alone on its line, the label of a section or a stripped button: "Share", "Themes".
_LONE_WORD = re.compile(r"^[A-Z][a-z]{2,14}\s*$")
# Words that stand alone on a line in an article: they open a list or a quotation.
# Native news heads its sections with them too (native3/a: Overview, UPDATE).
_LONE_WORDS_KEPT = frozenset(
    {
        "Background",
        "Context",
        "Update",
        "Editorial",
        "Opinion",
        "Overview",
        "Analysis",
        "Summary",
        "Correction",
        "Clarification",
        "Timeline",
        "Reaction",
        "Explainer",
    }
)


def _is_code_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _CODE_LINE.match(stripped):
        return True
    if not any(mark in stripped for mark in (";", "{", "[", "=>")):
        return False  # the cheap test first: prose lines seldom hold any of these
    dense = (len(stripped) - len(stripped.translate(_WITHOUT_CODE_CHARS))) / len(stripped)
    return dense >= _CODE_DENSITY


def _code_blocks(document: Document) -> Iterator[tuple[int, int]]:
    """Runs of code lines (blank lines inside allowed), as first and last line numbers."""
    text = document.text
    first = last = 0
    count = 0
    for line in range(1, document.line_count + 1):
        start, end, _ = document.line_bounds(line)
        content = text[start:end]
        if _is_code_line(content):
            if not first:
                first = line
            last, count = line, count + 1
        elif content.strip():
            if count >= _MIN_CODE_LINES:
                yield first, last
            first = last = count = 0
    if count >= _MIN_CODE_LINES:
        yield first, last


def remove_lines(document: Document, first: int, last: int, message: str) -> Hit:
    text = document.text
    start = document.line_bounds(first)[0]
    end = document.line_bounds(last)[1]
    while start < end and text[start] in " \t":
        start += 1
    edit_start = removal_span(document, first)[0]
    edit_end = removal_span(document, last)[1]
    return Hit(start, end, ("",), Applicability.SAFE, message, edit_start, edit_end)


def detect_scraped_code(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Ad-bidding and analytics scripts, CSS and JSON scraped into the text, as one block."""
    for first, last in _code_blocks(document):
        yield remove_lines(
            document, first, last, "Scraped code (script, style or data), not article text"
        )


_DATE_HEADER = "a date or time header line"
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_DATE_LINE, _DATE_HEADER),
    (_META_LINE, "a date and section line"),
    (_BYLINE, "a byline"),
    (_BYLINE_GLUED, "a byline"),
    (_BYLINE_HANDLE, "a byline"),
    (_BREADCRUMB_HEADLINE, "a breadcrumb trail"),
    (_READING, "a reading-time or loading line"),
    (_SEPARATOR, "a separator"),
    (_KICKER, "a section kicker"),
    (_HASHTAGS, "a row of hashtags"),
    (_AD_SLOT, "the file name of an ad's image"),
    (_CONTROL, "a control or placeholder of the page"),
    (_ARCHIVE, "the header of an archive page"),
    (_TEASER_CUT, "the teaser of another story, cut off"),
    (_CAPTION_CREDIT, _CAPTION),
    (_STAMPED_NAME, _DATE_HEADER),
    (_ALT_TEXT, "the alt text of a photo"),
    (_HTML_REMNANT, "what is left of an HTML comment"),
    (_EMBEDDED_MEDIA, "the credit of an embedded video or photo"),
)


def _kickers(text: str, start: int, end: int) -> tuple[Hit | None, Hit | None]:
    """The section kicker before a headline ("LIVE | …") and the section or site after it
    ("… | The State"), each to be cut from the line and the headline kept."""
    if end - start > _MAX_HEADLINE:
        return None, None
    prefix = _KICKER_PREFIX.match(text, start, end)
    suffix = _KICKER_SUFFIX.search(text, start, end)
    before = after = None
    if prefix and text.count("|", start, end) == 1:  # more bars: a table row, a list
        message = "Site chrome: the section kicker before the headline"
        before = Hit(prefix.start(), prefix.end(), ("",), Applicability.SAFE, message)
    if suffix:
        message = "Site chrome: the section or site name after the headline"
        after = Hit(suffix.start(), suffix.end(), ("",), Applicability.SAFE, message)
    return before, after


def detect_site_chrome(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Header and footer lines of the site, recognised by their shape."""
    text = document.text
    code_lines = {n for first, last in _code_blocks(document) for n in range(first, last + 1)}
    seen: set[str] = set()
    previous = first_line = ""
    marked_up = _marked_up(document)
    for line in range(1, document.line_count + 1):
        if line in code_lines:
            continue
        start, end, _ = document.line_bounds(line)
        content = text[start:end].strip()
        if not content:
            continue
        stamp = _date_prefix(text, start, content)
        if stamp:
            yield stamp
            content = content[stamp.end - stamp.start :]
        header_row = previous
        after_story_link, previous = bool(_STORY_LINK.match(previous)), content
        first_line = first_line or content
        repeated = not marked_up and (
            _scraped_twice(content, header_row, first_line, seen)
            or _page_title(document, line, content)
        )
        if len(content.split()) >= _MIN_REPEATED_WORDS:
            seen.add(content)
        if repeated or (after_story_link and _headline_shaped(content)):
            reason = "a line scraped twice" if repeated else "the headline of a linked story"
            yield remove_lines(
                document, line, line, f"Site chrome scraped with the article: {reason}"
            )
            continue
        before, after = _kickers(text, start, end)
        yield from (kicker for kicker in (before, after) if kicker)
        if after:
            continue
        if _TABLE_RULE.match(content) and "|" in header_row:
            continue
        shaped = _shaped_line(document, analysis, line, content)
        if shaped:
            yield shaped


# The page's <title> above its headline: the headline and the site's name after a dash
# or a bar ("Rain will go on until tonight - Expat News", then "Rain will go on until
# tonight"): the headline is scraped twice, once with the site.
_TITLE_WITH_SITE = re.compile(r"^(?P<headline>.{20,200}?)[ \t]+[-–—|][ \t]+[^-–—|]{2,40}$")
_LINES_TO_HEADLINE = 3
# A name alone on its line: a byline.
_NAME_LINE = re.compile(r"^[A-ZÁÉÍÓÚÑ][\w.'’-]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w.'’-]+){1,3}$")


def _scraped_twice(content: str, previous: str, first_line: str, seen: set[str]) -> bool:
    """A copy of the line just above, of the headline, or of a long line: a short line
    seen before further up is the page's own (a photo credit under each of two photos),
    and deleting it would make the fixer delete its twin on the next pass."""
    if content == previous and _NAME_LINE.match(content):
        return True  # a byline scraped twice, one under the other
    if content not in seen:
        return False
    return (
        content in (previous, first_line) or len(content.split()) >= _MIN_REPEATED_PARAGRAPH_WORDS
    )


def _page_title(document: Document, line: int, content: str) -> bool:
    title = _TITLE_WITH_SITE.match(content)
    if not title:
        return False
    headline = _plain_quotes(title.group("headline"))
    for other in range(line + 1, min(document.line_count, line + _LINES_TO_HEADLINE) + 1):
        start, end, _ = document.line_bounds(other)
        if _plain_quotes(document.text[start:end].strip()) == headline:
            return True
    return False


def _plain_quotes(line: str) -> str:
    return line.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def _date_prefix(text: str, start: int, content: str) -> Hit | None:
    stamp = _DATE_PREFIX.match(content)
    if not stamp:
        return None
    offset = text.index(content, start)
    return Hit(
        offset,
        offset + stamp.end(),
        ("",),
        Applicability.SAFE,
        "Site chrome: the date the page was stored, run into its first line",
    )


def _shaped_line(document: Document, analysis: Analysis, line: int, content: str) -> Hit | None:
    """The removal of a line whose shape is chrome's, or None."""
    text = document.text
    start, end, _ = document.line_bounds(line)
    what = _chrome_shape(content, analysis, first=not text[:start].strip())
    if not what or (what == _LONE and _among_short_lines(document, line)):
        return None  # a lone word among short lines is a table cell, a menu or a list
    hit = remove_lines(document, line, line, f"Site chrome scraped with the article: {what}")
    if what == _DATE_HEADER and not text[end:].strip():
        # A date under the last line may close a list of fixtures or sign the story: a
        # person decides (the real set of 2026-12 kept one).
        hit = replace(hit, applicability=Applicability.UNSAFE)
    if what in (_CAPTION, _LONE):
        # A caption is the page's own text about its photo, and a word alone may head a
        # section (Recommendations): post-editors of the real sets of 2026-12-04 kept
        # some of each and deleted others, so a person decides.
        hit = replace(hit, applicability=Applicability.UNSAFE)
    return hit


def _chrome_shape(content: str, analysis: Analysis, first: bool) -> str | None:
    for pattern, what in _SHAPES:
        if pattern.match(content):
            return what
    if _GLUED_BREADCRUMB.match(content) and len(content) < 200:
        return "a breadcrumb trail glued to the headline"
    tags = not first and _TAG_ROW.match(content)
    if tags and not any(word in _TITLE_CASE_WORDS for word in content.split()):
        return "a row of tags"
    lone = _CAPITALS_LABEL.match(content) or (
        _LONE_WORD.match(content) and content.lower() not in FUNCTION_WORDS
    )
    # A word the article uses again heads a section about it (GLENCORE, Mexico);
    # one it never uses is a label or a button of the site (Share, Themes, BRIEFCASE).
    if first:
        return None  # a word alone at the top is the title (a Markdown heading, say)
    kept = content.capitalize() in _LONE_WORDS_KEPT
    if lone and not kept and not _used_elsewhere(content, analysis):
        return _LONE
    return None


def _marked_up(document: Document) -> bool:
    """Whether the prose comes from Markdown or HTML, which repeat their title (front
    matter, <title>) in the first heading: a repeat there is the page's own. The rules
    read the prose as plain text, so the file's name tells (a.md, a.html.ann)."""
    suffixes = {suffix.lower() for suffix in PurePath(document.path).suffixes}
    return document.syntax != "txt" or bool(suffixes & _MARKUP_SUFFIXES)


_MARKUP_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm"})


def _headline_shaped(content: str) -> bool:
    """A headline: short, capitalised, not closed by a full stop like a sentence."""
    return len(content) <= _MAX_HEADLINE and content[0].isupper() and content[-1] not in ".!?:"


_LONE = "a label or button alone on its line"
# Lines this short beside a lone word make it one cell of a table, menu or list.
_SHORT_NEIGHBOUR_WORDS = 4


def _among_short_lines(document: Document, line: int) -> bool:
    text = document.text
    for step in (-1, 1):
        other = line + step
        while 1 <= other <= document.line_count:
            start, end, _ = document.line_bounds(other)
            words = text[start:end].split()
            if words:
                if len(words) < _SHORT_NEIGHBOUR_WORDS:
                    return True
                break
            other += step
    return False


def _used_elsewhere(word: str, analysis: Analysis) -> bool:
    spellings = analysis.spellings.get(word.lower(), ())
    return sum(analysis.counts[spelling] for spelling in spellings) > 1
