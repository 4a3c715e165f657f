"""The report's words: English msgids translated through i18n (the project's .po catalogs).

The report is built for a language given on the command line, not the game's current one, so `_` here
takes the language explicitly. `pybabel extract` finds every `_()` call of the report modules; the Arabic
lives in locales/ar/LC_MESSAGES/aman.po like every other UI string (docs/translating.md).
"""
from __future__ import annotations

from aman_game import i18n


def _(msgid: str, lang: str) -> str:
    """The report string `msgid` in `lang` (digits and harakat as i18n displays them)."""
    return i18n.gettext(msgid, lang)


def outcome_label(outcome: str, lang: str) -> str:
    labels = {"safe": _("safe", lang), "recovered": _("recovered", lang), "unsafe": _("unsafe", lang)}
    return labels.get(outcome, outcome)


def ngettext(singular: str, plural: str, n: int, lang: str) -> str:
    """The plural form for n in `lang` (Arabic has six); put the formatted count in a {placeholder}."""
    return i18n.ngettext(singular, plural, n, lang)
