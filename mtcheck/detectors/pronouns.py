"""A man's pronoun for a woman who is the subject just before: Spanish drops
the subject (``detalló``) and writes ``su`` for his and her alike, and MT fills
in ``he`` and ``his`` whoever the person is.

Only a woman standing as the subject of the sentence (named in its first
words: ``Senator Ana Ruiz presented…``) or of the one before counts, by a given
name of known gender (``rules/lexicon/given-names.txt``). Any other person
named in between (a man's name, two capitalised words that may be anyone, a
word such as ``husband``), or a quotation around the pronoun, and the pronoun
is left alone: it may well be his.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.name_lexicons import given_names
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_HER = {"he": "she", "his": "her", "him": "her", "himself": "herself"}
_MAN_WORDS = frozenset(
    "husband father son brother boy mr widower grandfather actor businessman congressman "
    "chairman spokesman king pope priest".split()
)
_SPEECH_VERBS = frozenset(
    "said says wrote writes added told explained stated noted insisted replied asked".split()
)
# The subject stands in the first words of the sentence (after a title or two).
_SUBJECT_WORDS = 4
# Titles an article gives a person before her name (opposition leader María
# Corina Machado, the former interim president Jeanine Áñez) and then uses
# alone for her (the former president told the press when he arrived).
_TITLES = frozenset(
    """president leader minister senator deputy legislator lawmaker congresswoman candidate
    governor mayor judge prosecutor singer actress actor journalist presenter host model
    athlete player director secretary spokeswoman spokesperson activist writer author
    artist businesswoman influencer vice-president councillor councilor chancellor
    ambassador magistrate""".split()
)
# A title and the capitalised word after it (overlapping: "met President Lula").
# The title may name its office first: "the Minister of Government, María Paula Romo".
_TITLE_BEFORE_NAME = re.compile(
    r"\b(?=([A-Za-z-]+)(?:[ \t]+(?:of|for)(?:[ \t]+(?:the|of|[A-Z][\w’'-]*)){1,6},)?"
    r"[ \t]+([A-Z][\w’'-]+))"
)
# "the former president told …": the title alone as a subject, then a verb.
_TITLE_SUBJECT = re.compile(
    r"\b[Tt]he[ \t]+(?:[a-z-]+[ \t]+){0,3}?(" + "|".join(sorted(_TITLES)) + r")\b(?![ \t]+of\b)"
)


def detect_pronoun_gender(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    genders = _with_surnames_of_women(text, given_names())
    woman_titles = _titles_of_women(text, genders)
    woman_before = False  # the previous sentence's subject was a woman
    woman_named: int | None = None  # where a sentence last had a woman for its subject
    for sentence in _SENTENCE.finditer(text):
        words = list(_WORD.finditer(sentence.group()))
        if not words:
            woman_before = False
            continue
        subject = _subject_who_is_a_woman(sentence.group(), words, genders, woman_titles)
        woman = subject is not None or (
            woman_before and not _opens_with_another_name(words, genders, analysis)
        )
        # Asked only where it counts: a woman is the subject or still in sight.
        others = _other_person_at(words, genders, subject) if subject is not None or woman else None
        carry = subject is not None and others is None
        if subject is None:
            anchor = _her_anchor(text, sentence, words, genders)
            if anchor is not None:
                # "…expressing her disagreement … that he will not sing": the
                # sentence has already said "her" of the one it is about.
                after_her = _other_person_after_her(words, genders, anchor)
                carry = after_her is None
                if not woman:
                    woman, subject, others = True, anchor, after_her
                else:
                    # "According to her, the leader … when he arrived": he is the leader.
                    others = _earliest(others, after_her)
        if woman and subject is None:
            # The woman is carried from the sentence before: a person this sentence names
            # by a noun (the leader, the detainee) may be the one the pronoun means.
            others = _earliest(others, _person_noun_after(words, -1))
        if not woman and _he_after_her_paragraph(text, sentence, words, genders, woman_named):
            # She spoke in the paragraph before, and this one opens on "he" with no one
            # else named since (… Reyna Rueda, said that … ¶ He also indicated that …).
            woman, others = True, _other_person_at(words, genders, None)
        if woman:
            yield from _his_for_her(sentence, words, subject, others)
        if subject is not None:
            woman_named = sentence.start() + words[subject].start()
        text_between_sentences = text[sentence.end() : sentence.end() + 2]
        woman_before = carry and "\n\n" not in text_between_sentences


def _subject_who_is_a_woman(
    sentence: str, words: list[re.Match[str]], genders: dict[str, str], titles: frozenset[str]
) -> int | None:
    """The index of the word naming the woman who is the sentence's subject, if one is."""
    # A name inside a quotation that opens the sentence is not its subject.
    if sentence.lstrip()[:1] in '“"':
        subject = _woman_speaking_after_quote(sentence, words, genders)
    else:
        subject = _woman_subject(words, genders)
    if subject is None:
        subject = _woman_in_apposition(sentence, words, genders)
    if subject is None and titles:
        subject = _title_subject(sentence, words, titles)
    return subject


# "The Mayor of Managua, Reyna Rueda, said": a woman named between commas before the verb.
_APPOSITION = re.compile(
    r"^[ \t]*[^,.;:“”\"\n]{3,80},[ \t]+((?:[A-ZÁÉÍÓÚÑ][\w’'-]+[ \t]+){1,3}[A-ZÁÉÍÓÚÑ][\w’'-]+),"
    r"[ \t]+(?:also[ \t]+|has[ \t]+|had[ \t]+)?(?:[a-z]+ed|said|told|wrote|spoke|sent|gave)\b"
)


def _woman_in_apposition(
    sentence: str, words: list[re.Match[str]], genders: dict[str, str]
) -> int | None:
    match = _APPOSITION.match(sentence)
    if match is None or genders.get(match.group(1).split()[0]) != "f":
        return None
    return next((i for i, word in enumerate(words) if word.start() == match.start(1)), None)


# A paragraph that opens on the pronoun and a reporting verb: "He also indicated that".
_HE_OPENING = re.compile(
    r"(?:\n[ \t]*\n|\A)[ \t]*(?:[A-Z][^,.;:“”\"\n]{0,80},[ \t]+(?=he\b))?[Hh]e[ \t]+"
    r"(?:also[ \t]+|later[ \t]+|then[ \t]+|further[ \t]+)?"
    r"(?:[a-z]+ed|said|told|wrote|spoke|insisted|pointed)\b"
)
# Characters back to the woman, at most: the paragraph before, or so.
_PARAGRAPH_REACH = 700


def _he_after_her_paragraph(
    text: str,
    sentence: re.Match[str],
    words: list[re.Match[str]],
    genders: dict[str, str],
    woman_named: int | None,
) -> bool:
    if woman_named is None or not words:
        return False
    start = sentence.start()
    if start - woman_named > _PARAGRAPH_REACH:
        return False
    paragraph_start = text.rfind("\n", 0, start + 1)
    if text[paragraph_start + 1 : start].strip():
        return False  # the sentence is not the paragraph's first
    opening = _HE_OPENING.match(text, max(0, paragraph_start - 1))
    if opening is None or text.count("\n\n", woman_named, start) != 1:
        return False  # not a paragraph's first word, or not the very next paragraph
    between = text[text.find(" ", woman_named) : start]
    return not _someone_else_in(between, genders)


def _someone_else_in(passage: str, genders: dict[str, str]) -> bool:
    """Whether a man, or a person the pronoun may mean, is in the passage."""
    if _MAN_MENTION.search(passage):
        return True
    for word in _WORD.findall(passage):
        lower = word.lower()
        noun = lower.rstrip("s")
        if genders.get(word) == "m" or lower in _MAN_WORDS or noun in _PERSON_NOUNS | _TITLES:
            return True  # the governor may be the one he means
    return False


def _earliest(first: int | None, second: int | None) -> int | None:
    """The nearer of two places where someone else is named, either of which may be none."""
    return min((p for p in (first, second) if p is not None), default=None)


# A run of capitalised words (Judge Virginia Laparra, María Paula Romo).
_CAPITALISED_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)+")


def _with_surnames_of_women(text: str, genders: dict[str, str]) -> dict[str, str]:
    """The given-name genders, and the surname of each woman the article names in full
    (Virginia Laparra … Laparra said), unless a man of that surname is named too: the
    word after one or more given names, whose first tells the gender (María Paula Romo
    is a woman, José María Aznar a man)."""
    surnames: dict[str, set[str]] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        index = 0
        while index < len(words) - 1:
            if words[index] not in genders:
                index += 1
                continue
            first = words[index]
            while index < len(words) and words[index] in genders:
                index += 1
            if index < len(words) and len(words[index]) > 2:
                surnames.setdefault(words[index], set()).add(genders[first])
    women = {surname: "f" for surname, seen in surnames.items() if seen == {"f"}}
    return {**genders, **women} if women else genders


# “…” declared Laparra / “…”, said Ana Ruiz: the speaker named after the quotation.
_SPEAKER_AFTER_QUOTE = re.compile(r"”,?[ \t]*(?:[a-z]+[ \t]+){0,1}([A-ZÁÉÍÓÚÑ][\w’'-]+)")


def _woman_speaking_after_quote(
    sentence: str, words: list[re.Match[str]], genders: dict[str, str]
) -> int | None:
    match = _SPEAKER_AFTER_QUOTE.search(sentence)
    if match is None or genders.get(match.group(1)) != "f":
        return None
    return next((i for i, word in enumerate(words) if word.start() == match.start(1)), None)


def _woman_subject(words: list[re.Match[str]], genders: dict[str, str]) -> int | None:
    for index, word in enumerate(words[:_SUBJECT_WORDS]):
        token = word.group()
        gender = genders.get(token)
        if gender == "f":
            return index
        if gender == "m" or token in ("He", "he", "His"):
            return None  # He and Ana Ruiz…: a man shares the subject
        if token[:1].isupper() and token.endswith(("'s", "’s")):
            following = words[index + 1].group().lower() if index + 1 < len(words) else ""
            if genders.get(token[:-2]) == "f" and following.rstrip("s") not in _PERSON_NOUNS:
                return index  # González’s career … his appearance: the career is hers
            return None  # Soto's lawyer Ana Ruiz said he…: he may be Soto
    return None


def _opens_with_another_name(
    words: list[re.Match[str]], genders: dict[str, str], analysis: Analysis
) -> bool:
    """The sentence starts with a name that is not a woman's (``Uribe, who…``, even
    lower-cased), so it has a subject of its own and the woman before is not it."""
    first = words[0].group()
    if genders.get(first) == "f" or genders.get(first.capitalize()) == "f":
        return False
    lower = first.lower()
    return zipf(lower) < 4.5 and analysis.capitalised_mid_sentence(lower) > 0


def _same_name(word: re.Match[str], following: re.Match[str]) -> bool:
    """Whether the next word goes on the same name: capitalised, a space away."""
    gap = word.string[word.end() : following.start()]
    return following.group()[:1].isupper() and gap.strip(" \t") == ""


def _other_person_at(
    words: list[re.Match[str]], genders: dict[str, str], subject: int | None
) -> int | None:
    """Where the sentence names someone else, who may be the one the pronoun means."""
    own_name_end = subject
    if subject is not None:  # the woman's own name: given names and surnames
        own_name_end = subject + 1
        while own_name_end + 1 < len(words) and _same_name(
            words[own_name_end], words[own_name_end + 1]
        ):
            own_name_end += 1
    for index, word in enumerate(words):
        if own_name_end is not None and index <= own_name_end:
            continue
        token = word.group()
        if genders.get(token) is not None or token.lower() in _MAN_WORDS:
            return word.start()
        following = words[index + 1].group() if index + 1 < len(words) else ""
        two_capitals = index > 0 and token[:1].isupper() and following[:1].isupper()
        if two_capitals and following.lower() not in _BODIES:
            return word.start()  # two capitalised words mid-sentence: a person, perhaps
        if index > 0 and token[:1].isupper() and following in _SPEECH_VERBS:
            return word.start()  # “…”, García wrote: a surname speaking
    return None


# The last word of a body's name (the Ecuadorian Police, the Supreme Court): no "he".
_BODIES = frozenset(
    """police army navy court government ministry office party congress senate assembly
    council commission committee bank agency institute service services forces force
    guard prosecutor's prosecutor’s union league federation company group""".split()
)
# Nouns for a person the pronoun may mean instead (her lawyer said he…).
_PERSON_NOUNS = frozenset(
    """lawyer attorney coach judge doctor officer agent minister president manager director
    partner colleague boss friend companion teammate rival opponent player driver suspect
    detainee man boy leader official spokesman chairman owner founder producer""".split()
)


# Characters looked back on for a man the pronoun may mean (two sentences or so).
_CONTEXT = 400
_MAN_MENTION = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Mm]r)\b")


def _man_in_context(text: str, start: int, genders: dict[str, str]) -> bool:
    """Whether a man is named or referred to shortly before, in the same article."""
    context = text[max(0, start - _CONTEXT) : start]
    if _MAN_MENTION.search(context):
        return True
    words = _WORD.findall(context)
    for index, word in enumerate(words):
        if word.lower() in _MAN_WORDS:
            return True
        # A man's name after a woman's is her surname (Ana Gabriel).
        if genders.get(word) == "m" and (index == 0 or genders.get(words[index - 1]) != "f"):
            return True
    return False


def _his_for_her(
    sentence: re.Match[str], words: list[re.Match[str]], subject: int | None, others: int | None
) -> Iterator[Hit]:
    """He, his, him after the woman (from ``subject`` on), up to another person."""
    body, offset = sentence.group(), sentence.start()
    for word in words:
        if subject is not None and word.start() <= words[subject].start():
            continue
        if others is not None and word.start() >= others:
            break
        lower = word.group().lower()
        if lower not in _HER or body.count("“", 0, word.start()) > body.count("”", 0, word.start()):
            continue
        replacement = _HER[lower]
        if word.group()[0].isupper():
            replacement = replacement.capitalize()
        yield Hit(
            offset + word.start(),
            offset + word.end(),
            (replacement,),
            Applicability.UNSAFE,
            f"“{word.group()}” for the woman this sentence is about: Spanish “su” and "
            f"a dropped subject say nothing of gender; write “{replacement}”",
        )


def _her_anchor(
    text: str, sentence: re.Match[str], words: list[re.Match[str]], genders: dict[str, str]
) -> int | None:
    """The index of the sentence's first "her", when no man is in sight before it."""
    anchor = _her_in_sentence(sentence.group(), words)
    if anchor is None or _man_in_context(text, sentence.start(), genders):
        return None
    return anchor


def _other_person_after_her(
    words: list[re.Match[str]], genders: dict[str, str], anchor: int
) -> int | None:
    others = _other_person_at(words, genders, anchor - 1)
    person = _person_noun_after(words, anchor)
    if person is not None and (others is None or person < others):
        return person
    return others


def _her_in_sentence(sentence: str, words: list[re.Match[str]]) -> int | None:
    """The index of the first "she" or "her" outside a quotation."""
    lowered = sentence.lower()
    if "she" not in lowered and "her" not in lowered:
        return None  # most sentences: no need to look at each word
    for index, word in enumerate(words):
        if word.group().lower() not in ("she", "her", "herself"):
            continue
        before = sentence[: word.start()]
        if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
            return None
        return index
    return None


def _person_noun_after(words: list[re.Match[str]], anchor: int) -> int | None:
    for word in words[anchor + 1 :]:
        if word.group().lower().rstrip("s") in _PERSON_NOUNS or word.group().lower() in (
            "who",
            "whom",
        ):
            return word.start()
    return None


def _titles_of_women(text: str, genders: dict[str, str]) -> frozenset[str]:
    """The titles this article gives a woman before her name and never a man."""
    women: set[str] = set()
    men: set[str] = set()
    for match in _TITLE_BEFORE_NAME.finditer(text):
        title, name = match.group(1).lower(), match.group(2)
        if title not in _TITLES:
            continue
        if genders.get(name) == "f":
            women.add(title)
        else:
            men.add(title)  # a man's name, or one of unknown gender (President Lula)
    # A title the article also gives someone else, even unnamed, is anyone's.
    for title in list(women):
        if re.search(r"\b(?:[Hh]is|[Hh]im|[Mm]r\.?)\b[^.]{0,40}\b" + title + r"\b", text):
            men.add(title)
    return frozenset(women - men)


def _title_subject(sentence: str, words: list[re.Match[str]], titles: frozenset[str]) -> int | None:
    """The index of the title word standing as the subject (the former president
    told), outside a quotation."""
    for match in _TITLE_SUBJECT.finditer(sentence):
        if match.group(1) not in titles:
            continue
        before = sentence[: match.start()]
        if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
            continue
        for index, word in enumerate(words):
            if word.start() == match.start(1):
                return index
    return None
