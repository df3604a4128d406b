"""How each category looks in the HTML report: a colour, a pattern and a short label.

Fifteen categories cannot be told apart by colour alone, least of all by a
reader with a colour-vision deficiency, so each carries three cues: a colour
from Okabe and Ito's colour-blind-safe set (two tints each), an underline
style, and a label printed on its badge. Text on every colour is chosen to
pass WCAG AA (contrast 4.5:1 or more); ``tests/test_html_report.py`` holds the
palette to that.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtcheck.model import CATEGORIES

BAR_WIDTH = 240  # pixels for a value of 1.0 (or the largest value of a chart)

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the
# common colour-vision deficiencies; black and white omitted.
_HUES = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermilion
    "#CC79A7",  # reddish purple
)
_UNDERLINES = ("solid", "dashed", "dotted", "double", "wavy")

_LABELS = {
    "glued-words": "GLUE",
    "casing": "CASE",
    "crossref-label": "XREF",
    "boilerplate": "CHROME",
    "calque": "CALQUE",
    "false-friend": "FALSE",
    "translated-name": "NAME",
    "untranslated": "ES",
    "number-format": "NUM",
    "punctuation": "PUNCT",
    "grammar": "GRAM",
    "consistency": "CONSIST",
    "encoding": "ENC",
    "omission": "OMIT",
    "addition": "ADD",
}
OTHER = "other"  # a team's own rule may name a category of its own


@dataclass(frozen=True)
class Style:
    category: str
    label: str
    colour: str  # the badge's background and the mark's underline
    ink: str  # text on the badge
    tint: str  # background of the marked text (black text on it)
    line: str  # the underline: 3:1 against the tint at least (WCAG 1.4.11)
    underline: str  # CSS text-decoration-style

    def as_dict(self) -> dict[str, str]:
        return {
            "category": self.category,
            "label": self.label,
            "colour": self.colour,
            "ink": self.ink,
            "tint": self.tint,
            "line": self.line,
            "underline": self.underline,
        }


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _mix(colour: str, white_share: float) -> str:
    """The colour lightened towards white: the tint behind marked text."""
    rgb = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * white_share):02X}" for c in rgb)


def _darken(colour: str, against: str, ratio: float = 3.0) -> str:
    """The colour darkened until it stands out from ``against`` by ``ratio``."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    shade = colour
    while contrast(shade, against) < ratio:
        rgb = [round(c * 0.9) for c in rgb]
        shade = "#" + "".join(f"{c:02X}" for c in rgb)
    return shade


def _ink(colour: str) -> str:
    return "#000000" if contrast(colour, "#000000") >= contrast(colour, "#FFFFFF") else "#FFFFFF"


def _style(index: int, category: str) -> Style:
    colour = _HUES[index % len(_HUES)]
    tint = _mix(colour, 0.72)
    return Style(
        category=category,
        label=_LABELS.get(category, category[:6].upper()),
        colour=colour,
        ink=_ink(colour),
        tint=tint,
        line=_darken(colour, against=tint),
        underline=_UNDERLINES[index % len(_UNDERLINES)],
    )


STYLES: dict[str, Style] = {c: _style(i, c) for i, c in enumerate(CATEGORIES)}
STYLES[OTHER] = Style(OTHER, "OTHER", "#555555", "#FFFFFF", "#E0E0E0", "#555555", "solid")


def style_of(category: str) -> Style:
    return STYLES.get(category, STYLES[OTHER])
