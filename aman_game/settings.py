"""The player's settings: language, digits, text size, contrast, motion, harakat, sound, narration, region.

Stored as JSON in platformdirs.user_config_dir("aman")/settings.json (override with the path argument
or the AMAN_SETTINGS environment variable, e.g. for a lab image with a shared profile). Whatever is in
that file, loading never fails: a corrupted or unreadable file, an unknown language, a value of the
wrong type or an unknown key gives the default for that field and a logged warning; a file that is not
JSON at all is set aside as `settings.json.damaged-<time>`. Saving writes a
temporary file and renames it, so a power cut mid-write leaves the old settings intact.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

from . import SCENES_DIR, i18n
from .data_file import read_json, set_aside, write_atomically
from .i18n import N_, strip_harakat  # noqa: F401  (strip_harakat is re-exported for the screens)

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
MAX_FILE_BYTES = 64 * 1024  # the file the game writes is ~250 bytes
TEXT_SIZES = (1, 2, 3)
DEFAULT_REGION = "qa"

#: Labels for a settings screen, marked for translation (translate with i18n._ at draw time).
LABELS = {
    "language": N_("Language"),
    "digits": N_("Numbers"),
    "text_size": N_("Text size"),
    "high_contrast": N_("High contrast"),
    "reduced_motion": N_("Less movement"),
    "harakat": N_("Show harakat (vowel marks)"),
    "sound": N_("Sounds"),
    "narration": N_("Read aloud"),
    "region": N_("Country for help numbers"),
    "sensitive_free_play": N_("Sensitive stories outside a class (this computer)"),  # teacher mode only
}
#: Labels of each choice of the non-boolean settings.
CHOICE_LABELS = {
    "text_size": {1: N_("Normal"), 2: N_("Large"), 3: N_("Largest")},
    "digits": {"latn": N_("Western digits"), "arab": N_("Eastern Arabic digits")},
}
#: An example of each digits choice, to show beside its label. Draw these as they are — NOT through
#: i18n._ or i18n.for_display, which would rewrite "123" in the digits currently chosen.
DIGIT_SAMPLES = {"latn": "123", "arab": "١٢٣"}
ON_OFF = {True: N_("On"), False: N_("Off")}


@dataclass
class Settings:
    language: str = i18n.DEFAULT_LANGUAGE
    digits: str = "latn"          # "latn" (0–9) or "arab" (٠–٩); only Arabic text uses it
    text_size: int = 1            # 1 normal, 2 large, 3 largest (theme.py scales fonts by step)
    high_contrast: bool = False
    reduced_motion: bool = False  # no typing dots, slides or confetti; things simply appear
    harakat: bool = True          # show Arabic vowel marks
    sound: bool = True            # sound effects; narration has its own switch (headphones)
    narration: bool = False       # read every message, choice and feedback aloud
    region: str = DEFAULT_REGION  # help resources: scenes/regions/<region>.yaml
    #: Sensitive stories (photos, threats) offered outside a class session on this computer. Only teacher
    #: mode changes it (behind the PIN); a class session has its own switch.
    sensitive_free_play: bool = False

    def replace(self, **changes) -> "Settings":
        """A copy with some fields changed, each change validated like a loaded value."""
        return _from_mapping({**dataclasses.asdict(self), **changes}, source="change")


def default_path() -> Path:
    override = os.environ.get("AMAN_SETTINGS")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("aman", appauthor=False)) / SETTINGS_FILE


def _known_regions() -> set[str] | None:
    folder = SCENES_DIR / "regions"
    codes = {p.stem for p in folder.glob("*.yaml")} if folder.is_dir() else set()
    return codes or None


def _check_field(name: str, value, default):
    """The value if valid for the field, else None (the caller logs and uses the default)."""
    if name == "language":
        if not isinstance(value, str):
            return None
        lang = value.strip().replace("-", "_").lower()
        lang = i18n._ALIASES.get(lang, lang).split("_")[0]
        return lang if lang in i18n.available_languages(include_pseudo=True) else None
    if name == "digits":
        return value if value in i18n.DIGIT_SYSTEMS else None
    if name == "text_size":
        return value if type(value) is int and value in TEXT_SIZES else None
    if name == "region":
        if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}", value.strip().lower()):
            return None
        code = value.strip().lower()
        known = _known_regions()
        return code if known is None or code in known else None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    return None


def _from_mapping(data, source: str) -> Settings:
    defaults = Settings()
    if not isinstance(data, dict):
        log.warning("%s: settings are not a JSON object; using defaults", source)
        return defaults
    known = {f.name for f in fields(Settings)}
    for key in data:
        if key not in known:
            log.warning("%s: unknown setting %r ignored", source, key)
    values = {}
    for f in fields(Settings):
        default = getattr(defaults, f.name)
        if f.name not in data:
            values[f.name] = default
            continue
        checked = _check_field(f.name, data[f.name], default)
        if checked is None:
            log.warning("%s: bad value %r for %s; using %r", source, data[f.name], f.name, default)
            checked = default
        values[f.name] = checked
    return Settings(**values)


def load(path: str | os.PathLike | None = None) -> Settings:
    """The saved settings, or defaults (never raises). The file is untrusted input (data_file.py): at most
    MAX_FILE_BYTES are read, strict UTF-8, bounded nesting; a damaged file is set aside as
    `settings.json.damaged-<time>` (not written over by the next save) and the defaults are used."""
    target = Path(path) if path is not None else default_path()
    got = read_json(target, MAX_FILE_BYTES, "settings")
    if got.missing:
        return Settings()
    if got.problem is not None:
        log.warning("%s; using defaults", got.problem)
        if got.damaged:
            set_aside(target, got.problem)
        return Settings()
    return _from_mapping(got.data, source=str(target))


def save(settings: Settings, path: str | os.PathLike | None = None) -> bool:
    """Write the settings atomically; False (and a logged warning) if the disk refuses."""
    target = Path(path) if path is not None else default_path()
    try:
        write_atomically(target, json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2) + "\n")
        return True
    except OSError as exc:
        log.warning("%s: cannot save settings (%s)", target, exc)
        return False


def apply(settings: Settings) -> None:
    """Make the whole process follow the settings at once: language, digits and harakat (i18n), text
    size, contrast and motion (theme), read-aloud on/off (narration). Call after load and each change."""
    i18n.set_language(settings.language)
    i18n.set_digits(settings.digits)
    i18n.set_harakat(settings.harakat)
    from . import help_channels, narration, theme

    help_channels.use_region(settings.region)  # {help:ROLE} in stories names this region's channels
    theme.configure(text_size=settings.text_size, high_contrast=settings.high_contrast,
                    reduced_motion=settings.reduced_motion)
    narration.get_narrator().set_enabled(settings.narration)
