"""Languages: UI message catalogs (Babel .po read directly, so a fresh clone needs no compile step),
plural forms, number formatting and the direction each language is written in.

The current language is process-wide state because one child plays at a time; screens call `_()` at draw
time (never at import time) so every visible string follows a language switch at once.
"""
from __future__ import annotations

import functools
import logging

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from . import LOCALES_DIR

log = logging.getLogger(__name__)

#: Languages with a full catalog and full scenario text. The first is the fallback.
SUPPORTED = ("ar", "en")
DEFAULT_LANGUAGE = "ar"
_RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"}

_current = DEFAULT_LANGUAGE


def normalize(lang: str | None) -> str:
    """Map anything a settings file or the command line may hold to a supported language, quietly."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = str(lang).strip().replace("-", "_").split("_")[0].lower()
    if code in SUPPORTED or (LOCALES_DIR / code / "LC_MESSAGES" / "aman.po").is_file():
        return code
    log.warning("unknown language %r; using %s", lang, DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> str:
    global _current
    _current = normalize(lang)
    return _current


def current_language() -> str:
    return _current


def direction(lang: str | None = None) -> str:
    """'rtl' or 'ltr' for a language (the current one by default)."""
    code = (lang or _current).split("_")[0]
    if code in _RTL_LANGUAGES:
        return "rtl"
    try:
        return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    except (UnknownLocaleError, ValueError):
        return "ltr"


@functools.lru_cache(maxsize=None)
def _catalog(lang: str):
    path = LOCALES_DIR / lang / "LC_MESSAGES" / "aman.po"
    if not path.is_file():
        return None
    with open(path, "rb") as fh:
        return read_po(fh, locale=lang)


def gettext(msgid: str, lang: str | None = None) -> str:
    catalog = _catalog(lang or _current)
    if catalog is not None:
        msg = catalog.get(msgid)
        if msg is not None and msg.string and not msg.fuzzy:
            return msg.string if isinstance(msg.string, str) else msg.string[0]
    return msgid


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    code = lang or _current
    catalog = _catalog(code)
    if catalog is not None:
        msg = catalog.get(singular)
        if msg is not None and isinstance(msg.string, (tuple, list)) and all(msg.string) and not msg.fuzzy:
            return msg.string[min(_plural_index(code, n), len(msg.string) - 1)]
    return singular if n == 1 else plural


_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


def _plural_index(lang: str, n: int) -> int:
    """Index of the gettext plural form for n: Babel writes a language's forms in CLDR category order."""
    rule = Locale.parse(lang).plural_form
    tags = [t for t in _CLDR_ORDER if t in rule.tags or t == "other"]
    return tags.index(rule(abs(n)))


def format_number(value, lang: str | None = None) -> str:
    return format_decimal(value, locale=lang or _current)


def format_percentage(value: float, lang: str | None = None) -> str:
    return format_percent(value, locale=lang or _current)


_ = gettext
