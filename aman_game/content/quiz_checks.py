"""Checks of a quiz bank that its JSON Schema cannot express (LESSON-RULES §5).

A bank serves one age band. Each topic needs a form-a item (asked before and after playing) and at least
one form-b item (its parallel form, asked in the delayed check on a later day), so a topic's two
measurements never depend on one wording. Options are never repeated inside an item and never "all of the
above" (a child would answer without reading the others). Strings keep to the band's length, and a 7-9
bank's Arabic is fully vowelled (the setting can hide harakat; a 7-9 reader needs them there).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from .config import QUIZ_BANNED_OPTIONS, QUIZ_WORD_LIMITS, TOPICS
from .errors import WARNING
from .findings import Finding

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_HARAKAT = re.compile(r"[\u064B-\u0652]")
#: One-letter particles and words that take no haraka of their own in a vowelled text.
_BARE_OK = {"و", "ف", "ب", "ل", "ك", "ا", "آ"}


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value: object) -> list:
    return value if isinstance(value, list) else []


def _norm(text: str) -> str:
    """An option as compared for repeats: NFKC, no harakat, case and punctuation folded."""
    text = _HARAKAT.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _words(text: str) -> int:
    return len(text.split())


def _questions(data: dict) -> Iterator[tuple[int, dict]]:
    for i, question in enumerate(_items(data.get("questions"))):
        if isinstance(question, dict):
            yield i, question


def check_parallel_forms(data: dict) -> Iterator[Finding]:
    """Every topic in the bank has one form-a item and at least one form-b item (E520)."""
    forms: dict[str, dict[str, list[int]]] = {}
    for i, question in _questions(data):
        topic, form = question.get("topic"), question.get("form")
        if topic in TOPICS and form in ("a", "b"):
            forms.setdefault(topic, {"a": [], "b": []})[form].append(i)
    for topic, found in forms.items():
        first = (found["a"] or found["b"])[0]
        if not found["a"] or not found["b"]:
            missing = "a" if not found["a"] else "b"
            yield Finding("E520", ("questions", first, "topic"),
                          f"topic '{topic}' has no form-{missing} question: each topic needs a form-a question "
                          "(before and after playing) and a parallel form-b one of the same difficulty (the "
                          "delayed check)")
        elif len(found["a"]) > 1:
            yield Finding("E520", ("questions", found["a"][1], "form"),
                          f"topic '{topic}' has {len(found['a'])} form-a questions: give it one (the class is "
                          "asked the same one before and after); make the others form b")


def check_options(data: dict) -> Iterator[Finding]:
    """No option repeated in a question (E521); no 'all of the above' (E522)."""
    banned = {_norm(b) for b in QUIZ_BANNED_OPTIONS}
    for i, question in _questions(data):
        seen: dict[tuple[str, str], int] = {}
        for j, option in enumerate(_items(question.get("options"))):
            for lang, text in _mapping(option).items():
                if not isinstance(text, str):
                    continue
                key = (lang, _norm(text))
                if key[1] in banned or any(key[1].startswith(b) for b in banned):
                    yield Finding("E522", ("questions", i, "options", j, lang),
                                  f"option '{text.strip()}' lets a child answer without reading the others; "
                                  "write a believable wrong answer instead (LESSON-RULES §5)")
                if key in seen:
                    yield Finding("E521", ("questions", i, "options", j, lang),
                                  f"this option repeats option {seen[key] + 1} ('{text.strip()}')")
                else:
                    seen[key] = j


def check_lengths(data: dict) -> Iterator[Finding]:
    """Strings keep to the band's word limits (E523); a 7-9 bank's Arabic is vowelled (W524)."""
    band = data.get("age_band")
    limits = QUIZ_WORD_LIMITS.get(band) if isinstance(band, str) else None
    if limits is None:
        return
    for i, question in _questions(data):
        texts = [("text", (), question.get("text")), ("explain", (), question.get("explain"))]
        texts += [("options", (j,), o) for j, o in enumerate(_items(question.get("options")))]
        for key, sub, value in texts:
            for lang, text in _mapping(value).items():
                if not isinstance(text, str):
                    continue
                path = ("questions", i, key, *sub, lang)
                if _words(text) > limits[key]:
                    yield Finding("E523", path, f"{_words(text)} words; a {band} quiz keeps a "
                                  f"{'question' if key == 'text' else key.rstrip('s')} to {limits[key]} words")
                if lang == "ar" and band == "7-9":
                    bare = [w for w in re.findall(r"[\u0621-\u0652\u0670]+", text)
                            if _ARABIC_LETTER.search(w) and not _HARAKAT.search(w) and w not in _BARE_OK]
                    if bare:
                        yield Finding("W524", path, f"Arabic words without harakat in a 7-9 quiz: "
                                      f"{' '.join(bare[:5])}; vowel them fully (the setting can hide them)",
                                      severity=WARNING)


QUIZ_CHECKS = (check_parallel_forms, check_options, check_lengths)
