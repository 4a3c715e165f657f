"""Help channels named inside a story: `{help:ROLE}` in scenario text, filled from the region file.

A story never writes a phone number or an app's name itself (LESSON-RULES §6): it names a role — the
hotline where a parent reports (police_report), the reporting app (report_app), the safety site
(safety_site), the support centre (support), home, school — and the region file the school chose says which
channel that is, with its number or address. So another country's file changes every story at once.

The game calls `use_region(code)` when the settings change; `expand(text, lang)` is applied by
i18n.pick_logical to every scenario string, so screens, narration and previews all read the same words.
No pygame, no display: the content checks and the report use it too.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

log = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"\{help:([A-Za-z0-9_]*)\}")
#: Isolate marks around a number or an address: it keeps its own direction inside Arabic text.
_LRI, _PDI = "\u2066", "\u2069"

_region = None  # aman_game.content.Region in use, or None (then the default region is loaded on demand)
_region_code: Optional[str] = None
_loaded: dict[str, object] = {}


def use_region(code: Optional[str]) -> None:
    """Fill placeholders from scenes/regions/<code>.yaml (the default region when it is missing or broken)."""
    global _region, _region_code
    if code == _region_code and _region is not None:
        return
    _region_code = code
    _region = _load(code)


def _load(code: Optional[str]):
    key = code or ""
    if key not in _loaded:
        try:
            from .screens.help import load_help_region  # never raises; falls back to the default region
            _loaded[key] = load_help_region(code or "")
        except Exception as exc:  # no region at all: placeholders become the generic words
            log.warning("help channels unavailable: %s", exc)
            _loaded[key] = None
    return _loaded[key]


def channel(role: str):
    """The region's resource for `role`, or None."""
    region = _region if _region is not None else _load(_region_code)
    for resource in getattr(region, "resources", ()) if region is not None else ():
        if getattr(resource, "id", None) == role:
            return resource
    return None


def describe(resource, lang: str) -> str:
    """A channel as a story names it: its name, then its number or web address in brackets."""
    from .i18n import pick_logical

    name = pick_logical(resource.name, lang)
    if resource.phone:
        return f"{name} ({_LRI}{resource.phone}{_PDI})"
    if resource.url:
        address = re.sub(r"^https?://(www\.)?", "", resource.url).rstrip("/")
        if address.lower() != name.lower():
            return f"{name} ({_LRI}{address}{_PDI})"
    return name


def expand(text: str, lang: str) -> str:
    """`text` with every {help:ROLE} replaced by the channel of the region in use (or, where the region has
    no such channel, by words that send the reader to the help page)."""
    if "{help:" not in text:
        return text

    def fill(match: re.Match) -> str:
        resource = channel(match.group(1))
        if resource is not None:
            return describe(resource, lang)
        from .i18n import gettext
        return gettext("help channels on the help page", lang)

    return PLACEHOLDER.sub(fill, text)
