"""Languages: UI message catalogs (Babel .po read directly, so a fresh clone needs no compile step),
plural forms, number/date formatting, digits, harakat and the direction each language is written in.

The current language and display preferences are process-wide state because one child plays at a time;
screens call `_()` at draw time (never at import time) so every visible string follows a switch at once.
Strings that must exist at import time (tables of labels) are marked with `N_()` and translated later.

Pseudo-locales (see aman_game.pseudo_locale): `xa` (accented, 40 % longer) and `xb` (right-to-left)
are ordinary .po catalogs generated from aman.pot; they format numbers and dates as English and read
scenario text through the same transform applied to the English text (`pick`).
"""
from __future__ import annotations

import functools
import gettext as _stdlib_gettext
import logging
import re
from collections.abc import Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from . import LOCALES_DIR

log = logging.getLogger(__name__)

#: Languages with a full catalog and full scenario text. DEFAULT_LANGUAGE is the fallback.
SUPPORTED = ("ar", "en")
DEFAULT_LANGUAGE = "ar"
#: Scenario text and UI msgids are written in English first; other languages translate it.
SOURCE_LANGUAGE = "en"
#: Pseudo-locale code -> the real language whose text it transforms and whose formats it borrows.
PSEUDO_LOCALES = {"xa": "en", "xb": "en"}
_ALIASES = {"en_xa": "xa", "ar_xb": "xb", "en_xb": "xb"}
_RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "ckb", "yi", "dv", "sd", "ug", "xb"}
DIGIT_SYSTEMS = ("latn", "arab")

#: Folders searched for <lang>/LC_MESSAGES/aman.po, first match wins (tests may add one).
catalog_dirs: list[Path] = [LOCALES_DIR]

_current = DEFAULT_LANGUAGE
_digits = "latn"
_harakat = True

_WESTERN_TO_ARABIC_INDIC = str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪")
# A digit run not glued to letters of any script or underscores (so the usernames "Star_Gamer11" and
# "مطراش2" keep their digits: a name is written as its owner typed it) ...
_DIGIT_RUN = re.compile(r"(?<![^\W])[0-9]+(?:[.,][0-9]+)*%?(?![^\W])")
# ... and never inside a web address, e-mail or format placeholder.
_PROTECTED = re.compile(r"\S*://\S*|www\.\S+|\S+@\S+|\{[^{}]*\}|%\([^)]*\)[sdif]")
# Harakat (tanween, fatha, damma, kasra, shadda, sukun, extra vowel marks) and the dagger alef.
# Hamza/madda above and below (U+0653–U+0655) are letters' parts, not vowels, and stay.
HARAKAT = re.compile("[\u064b-\u0652\u0656-\u065f\u0670]")


def N_(msgid: str) -> str:
    """Mark a string for extraction without translating it now (translate with `_()` at draw time)."""
    return msgid


def _po_path(code: str) -> Path | None:
    for folder in catalog_dirs:
        path = Path(folder) / code / "LC_MESSAGES" / "aman.po"
        if path.is_file():
            return path
    return None


def normalize(lang: str | None) -> str:
    """Map anything a settings file or the command line may hold to a language we have, quietly."""
    if not lang:
        return DEFAULT_LANGUAGE
    full = str(lang).strip().replace("-", "_").lower()
    if full in _ALIASES:
        full = _ALIASES[full]
    code = full.split("_")[0]
    if code in SUPPORTED or (code.isalpha() and _po_path(code) is not None):
        return code
    log.warning("unknown language %r; using %s", lang, DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def available_languages(include_pseudo: bool = False) -> list[str]:
    """Languages with a catalog: the supported ones first, then any others found in catalog_dirs."""
    found = list(SUPPORTED)
    for folder in catalog_dirs:
        for po in sorted(Path(folder).glob("*/LC_MESSAGES/aman.po")):
            code = po.parent.parent.name
            if code not in found and (include_pseudo or code not in PSEUDO_LOCALES):
                found.append(code)
    return found


def set_language(lang: str) -> str:
    global _current
    _current = normalize(lang)
    return _current


def current_language() -> str:
    return _current


def is_pseudo(lang: str | None = None) -> bool:
    return (lang or _current) in PSEUDO_LOCALES


def babel_locale(lang: str | None = None) -> Locale:
    """The Babel locale whose number/date formats a language uses (pseudo-locales borrow their base)."""
    return _babel_locale(lang or _current)


@functools.lru_cache(maxsize=64)
def _babel_locale(code: str) -> Locale:
    code = PSEUDO_LOCALES.get(code, code)
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def direction(lang: str | None = None) -> str:
    """'rtl' or 'ltr' for a language (the current one by default)."""
    return _direction((lang or _current).replace("-", "_").split("_")[0])


@functools.lru_cache(maxsize=64)
def _direction(code: str) -> str:
    if code in _RTL_LANGUAGES:
        return "rtl"
    try:
        return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    except (UnknownLocaleError, ValueError):
        return "ltr"


def language_name(lang: str) -> str:
    """A language's own name for itself (العربية, English), as a language picker should show it."""
    if lang in PSEUDO_LOCALES:
        return {"xa": "[Ƥšéûðö]", "xb": "\u200fPseudo-RTL"}.get(lang, lang)
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:]


# --- display preferences (set from the player's settings; see aman_game.settings.apply) -------------

def set_digits(system: str) -> str:
    """'latn' (0–9) or 'arab' (٠–٩): how numbers are written in Arabic. Other languages keep 0–9."""
    global _digits
    if system not in DIGIT_SYSTEMS:
        log.warning("unknown digits %r; using latn", system)
        system = "latn"
    _digits = system
    return _digits


def current_digits() -> str:
    return _digits


def set_harakat(shown: bool) -> None:
    """Show (True) or hide (False) Arabic vowel marks in every displayed string."""
    global _harakat
    _harakat = bool(shown)


def harakat_shown() -> bool:
    return _harakat


def _uses_arabic_digits(lang: str) -> bool:
    return _digits == "arab" and babel_locale(lang).language == "ar" and lang not in PSEUDO_LOCALES


def localize_digits(text: str, lang: str | None = None) -> str:
    """Write free-standing Western digits as Arabic-Indic ones when the setting asks for it in Arabic.

    Usernames (Star_Gamer11), web addresses, e-mails and {placeholders} keep their digits."""
    code = lang or _current
    if not text or not _uses_arabic_digits(code):
        return text
    out, last = [], 0
    for m in _PROTECTED.finditer(text):
        out.append(_convert_runs(text[last:m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(_convert_runs(text[last:]))
    return "".join(out)


def _convert_runs(chunk: str) -> str:
    return _DIGIT_RUN.sub(lambda m: m.group().translate(_WESTERN_TO_ARABIC_INDIC)
                          .replace(".", "٫").replace(",", "٬"), chunk)


def strip_harakat(text: str) -> str:
    """Remove Arabic vowel marks (U+064B–U+0652, U+0656–U+065F, U+0670); letters are untouched."""
    return HARAKAT.sub("", text)


def for_display(text: str, lang: str | None = None) -> str:
    """Apply the display preferences (digits, harakat) to any string about to be drawn.

    `_()`, `ngettext()` and `pick()` already do; a string shown on purpose with fixed digits (the
    "123" / "١٢٣" samples of the digits setting) must not go through it."""
    code = lang or _current
    text = localize_digits(text, code)
    if not _harakat:
        text = strip_harakat(text)
    return text


# --- UI catalogs ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _catalog(lang: str):
    path = _po_path(lang)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            return read_po(fh, locale=None if lang in PSEUDO_LOCALES else lang)
    except Exception as exc:  # a broken .po must never stop the game: fall back to the msgids
        log.warning("cannot read %s: %s", path, exc)
        return None


def reload_catalogs() -> None:
    """Forget the parsed catalogs (after a .po changed on disk or catalog_dirs changed)."""
    _catalog.cache_clear()
    _plural_function.cache_clear()


def _lookup(msgid, lang: str):
    catalog = _catalog(lang)
    if catalog is None:
        return None, None
    msg = catalog.get(msgid)
    if msg is None or msg.fuzzy:
        return catalog, None
    return catalog, msg


def gettext(msgid: str, lang: str | None = None) -> str:
    code = lang or _current
    _cat, msg = _lookup(msgid, code)
    if msg is not None and msg.string:
        text = msg.string if isinstance(msg.string, str) else msg.string[0]
        if text:
            return for_display(text, code)
    return for_display(msgid, code)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The plural form for n (Arabic has six: 0, 1, 2, 3–10, 11–99, 100+ as CLDR defines them).

    The count itself is not inserted: format it with format_number and put it in the {placeholder}."""
    code = lang or _current
    catalog, msg = _lookup(singular, code)
    if msg is not None and isinstance(msg.string, (tuple, list)) and all(msg.string):
        index = plural_index(code, n, catalog)
        return for_display(msg.string[min(index, len(msg.string) - 1)], code)
    return for_display(singular if n == 1 else plural, code)


@functools.lru_cache(maxsize=None)
def _plural_function(expr: str):
    return _stdlib_gettext.c2py(expr)


def plural_index(lang: str, n: int, catalog=None) -> int:
    """The msgstr[] index for n: from the catalog's own Plural-Forms header (as gettext does), else CLDR."""
    catalog = catalog if catalog is not None else _catalog(lang)
    expr = getattr(catalog, "plural_expr", None) if catalog is not None else None
    if expr:
        try:
            return int(_plural_function(expr)(abs(int(n))))
        except (ValueError, SyntaxError):
            log.warning("bad Plural-Forms for %s: %r", lang, expr)
    return _plural_index(lang, n)


_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


def _plural_index(lang: str, n: int) -> int:
    """Index of the gettext plural form for n from CLDR: Babel writes a language's forms in CLDR order."""
    rule = babel_locale(lang).plural_form
    tags = [t for t in _CLDR_ORDER if t in rule.tags or t == "other"]
    return tags.index(rule(abs(n)))


def plural_category(n: int, lang: str | None = None) -> str:
    """The CLDR plural category of n ('zero', 'one', 'two', 'few', 'many', 'other')."""
    return babel_locale(lang).plural_form(abs(n))


# --- numbers and dates ----------------------------------------------------------------------------

def _numbering(code: str) -> str:
    return "arab" if _uses_arabic_digits(code) else "latn"


def format_number(value, lang: str | None = None) -> str:
    code = lang or _current
    text = format_decimal(value, locale=babel_locale(code), numbering_system=_numbering(code))
    return localize_digits(text, code)


def format_percentage(value: float, lang: str | None = None) -> str:
    """0.5 -> '50%' (or '٥٠٪' in Arabic with Arabic-Indic digits)."""
    code = lang or _current
    text = format_percent(value, locale=babel_locale(code), numbering_system=_numbering(code))
    return localize_digits(text, code)


def format_date(value, format: str = "long", lang: str | None = None) -> str:
    """A date as the language writes it: '1 March 2025', '1 مارس 2025' (or ١ مارس ٢٠٢٥)."""
    code = lang or _current
    return localize_digits(_babel_format_date(value, format=format, locale=babel_locale(code)), code)


# --- scenario text ---------------------------------------------------------------------------------

def pick(texts, lang: str | None = None) -> str:
    """The string of a scenario's {lang: text} map for a language, ready to draw (digits, harakat).

    A pseudo-locale transforms the English text (so clipped scenario text shows up too); a language
    missing from the map falls back to English, then Arabic, then any text, with a logged warning."""
    return for_display(pick_logical(texts, lang), lang or _current)


def pick_logical(texts, lang: str | None = None) -> str:
    """As pick, without display preferences: the text narration and tests should read."""
    code = lang or _current
    if texts is None:
        return ""
    if isinstance(texts, str):
        return texts
    if not isinstance(texts, Mapping):  # aman_game.content.model.Text keeps its map in .values
        texts = getattr(texts, "values", None) or {}
    get = texts.get
    value = get(code)
    if value:
        return _with_help_channels(value, code)
    if code in PSEUDO_LOCALES:
        from .pseudo_locale import transform
        return transform(code, _with_help_channels(get(PSEUDO_LOCALES[code]) or "", PSEUDO_LOCALES[code]))
    for fallback in (SOURCE_LANGUAGE, DEFAULT_LANGUAGE):
        value = get(fallback)
        if value:
            log.warning("scenario text has no %r; showing %r", code, fallback)
            return _with_help_channels(value, fallback)
    return ""


#: Fills a story's {help:ROLE} placeholders (aman_game.help_channels.expand, registered by
#: help_channels.use_region when the settings are applied): i18n never imports the content layer.
_text_filler = None


def set_text_filler(filler) -> None:
    global _text_filler
    _text_filler = filler


def _with_help_channels(text: str, lang: str) -> str:
    """A story's {help:ROLE} placeholders, filled from the region in use."""
    if _text_filler is None or "{help:" not in text:
        return text
    return _text_filler(text, lang)


_ = gettext
