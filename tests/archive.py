"""A made-up archive of short machine-translated articles, for the report at scale.

Every sentence is our own writing; the artefacts in them (glued words, names in
lower case, a mistranslated see-also label, Spanish numbers) are the kinds
mtcheck finds. Article ``n`` is always the same text, so runs are repeatable.
"""

from __future__ import annotations

from pathlib import Path

_OPENINGS = (
    "The mayor of the coastal town said on Tuesday that the new port would open next year.",
    "Farmers in the northern valley asked the government for help after a dry summer.",
    "The national team trained behind closed doors before the match on Sunday.",
    "Teachers in the capital marched to demand higher wages and smaller classes.",
    "The central bank kept its interest rate unchanged for the third month in a row.",
)
_FLAWED = (
    "Minister Carla Ruizannounced the plan in a speech to the regional council.",
    "The delegation travelled to peru and then to bolivia for two days of talks.",
    "SIGHT: Floods close the main road to the airport",
    "The project will cost 3.500 million dollars over five years.",
    "The also minister of health visited the hospital in the morning.",
    "Officials said the bridge was realized by a local company in 2019.",
    "Residents gathered in the square, and the police they closed the street.",
)
_CLOSINGS = (
    "The council will vote on the measure next week.",
    "No date has been set for the next meeting.",
    "The report is expected before the end of the year.",
)


def article(number: int, length: int = 1) -> str:
    """Article ``number``: two to four paragraphs, some with artefacts, ``length`` times over."""
    opening = _OPENINGS[number % len(_OPENINGS)]
    flawed = [_FLAWED[(number * 3 + k) % len(_FLAWED)] for k in range(number % 4)]
    closing = _CLOSINGS[number % len(_CLOSINGS)]
    body = [opening, *flawed, closing] * length
    return "\n\n".join([f"Report {number}", *body]) + "\n"


def write_archive(folder: Path, count: int, length: int = 1) -> list[Path]:
    """``count`` articles in ``folder``, a hundred to a subfolder, as an archive keeps them."""
    paths = []
    for number in range(count):
        path = folder / f"{number // 100:03d}" / f"article-{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(number, length), encoding="utf-8")
        paths.append(path)
    return paths
