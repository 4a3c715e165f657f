"""Help channels named inside a story: `{help:ROLE}` in scenario text, filled from the region file.

A story never writes a phone number or an app's name itself (LESSON-RULES §6): it names a role — the
hotline where a parent reports (police_report), the reporting app (report_app), the safety site
(safety_site), the support centre (support), home, school — and the region file the school chose says which
channel that is, with its number or address. So another country's file changes every story at once.

The game calls `use_region(code)` when the settings are applied; that registers `expand(text, lang)` with
i18n, which applies it to every scenario string it picks, so screens, narration and previews all read the
same words (i18n itself never imports the content layer).
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
    from . import i18n
    i18n.set_text_filler(expand)
    if code == _region_code and _region is not None:
        return
    _region_code = code
    _region = _load(code)


def _load(code: Optional[str]):
    key = code or ""
    if key not in _loaded:
        _loaded[key] = read_region(code or "")
    return _loaded[key]


def read_region(code: str):
    """scenes/regions/<code>.yaml, else the default region's file; None when neither loads (never raises).
    The help screen reads its region here too; the content checks never pull in the screens."""
    from . import SCENES_DIR
    from .content import ContentError, load_region

    folder = SCENES_DIR / "regions"
    for path in (folder / f"{code}.yaml", folder / "qa.yaml"):
        if path.is_file():
            try:
                return load_region(path)
            except (ContentError, OSError) as exc:
                log.warning("help region %s unusable: %s", path, exc)
    return None


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
