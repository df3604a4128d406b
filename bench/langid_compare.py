"""langdetect against lingua on short and long Spanish and English text (issue 5).

Spanish: bench/data/spanish-sentences.txt (written for this); English: the
sentences of the clean corpus. For each sentence, windows of 1-3 words, 4-10
words and the whole sentence are classified as English or Spanish by both
libraries, each restricted to those two languages. Prints accuracy by length
and the time per call. Run by hand: `python bench/langid_compare.py`.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.corpus import corpus_files, load_article  # noqa: E402
from mtcheck.detectors.spanish import spanish_probability  # noqa: E402

BUCKETS = {"1-3 words": (1, 3), "4-10 words": (4, 10), "sentence": (0, 0)}


def sentences() -> list[tuple[str, str]]:
    spanish_file = ROOT / "bench" / "data" / "spanish-sentences.txt"
    spanish = [
        line.strip()
        for line in spanish_file.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    english = []
    for path in corpus_files(ROOT / "corpus" / "clean"):
        text = load_article(path).raw
        english += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8]
    return [("es", s) for s in spanish] + [("en", s) for s in english[: len(spanish) * 2]]


def samples(seed: int = 7) -> dict[str, list[tuple[str, str]]]:
    rng = random.Random(seed)
    out: dict[str, list[tuple[str, str]]] = {name: [] for name in BUCKETS}
    for language, sentence in sentences():
        words = sentence.split()
        for name, (low, high) in BUCKETS.items():
            if not high:
                out[name].append((language, sentence))
                continue
            for _ in range(3):
                size = rng.randint(low, min(high, len(words)))
                start = rng.randint(0, len(words) - size)
                out[name].append((language, " ".join(words[start : start + size])))
    return out


def langdetect_guess(text: str) -> str:
    return "es" if spanish_probability(text) > 0.5 else "en"


def lingua_guesser():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH).build()

    def guess(text: str) -> str:
        found = detector.detect_language_of(text)
        return "es" if found == Language.SPANISH else "en"

    return guess


def main() -> int:
    data = samples()
    guessers = {"langdetect": langdetect_guess}
    try:
        guessers["lingua"] = lingua_guesser()
    except ImportError:
        print("lingua-language-detector is not installed: pip install lingua-language-detector")
    print(f"{'text':<12}{'n':>5}" + "".join(f"{name:>14}" for name in guessers))
    timings = {name: 0.0 for name in guessers}
    calls = 0
    for bucket, items in data.items():
        row = f"{bucket:<12}{len(items):>5}"
        for name, guess in guessers.items():
            started = time.perf_counter()
            right = sum(guess(text) == language for language, text in items)
            timings[name] += time.perf_counter() - started
            row += f"{right / len(items):>14.3f}"
        calls += len(items)
        print(row)
    print("ms per call " + "".join(f"{1000 * t / calls:>14.2f}" for t in timings.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
