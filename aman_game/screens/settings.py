"""Settings: language, text size, numbers, help region (choices) and contrast, motion, vowel marks, sound,
read-aloud (switches). Every change applies at once — the whole stack re-lays out — and is saved."""
from __future__ import annotations

import pygame

from .. import SCENES_DIR, i18n
from .. import settings as settings_mod
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button, Toggle
from .base import Screen

_ = i18n._
COL_W = 560
LEFT_X, RIGHT_X = 60, 660


def region_choices() -> list[tuple[str, str]]:
    """(code, name as {lang: text}) of each region file that loads; the name is picked at draw time."""
    from ..content import ContentError, load_region

    out = []
    folder = SCENES_DIR / "regions"
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            region = load_region(path)
        except (ContentError, OSError):
            continue
        out.append((region.code, region.name))
    return out


def digits_words(system: str, msgid: str) -> str:
    """A digits choice with its sample ("Western digits  123", "Eastern Arabic digits  ١٢٣"): the sample is
    appended after translation, so it is drawn as written whatever digits are chosen now."""
    return f"{_(msgid)}\u2002{settings_mod.DIGIT_SAMPLES[system]}"


class SettingsScreen(Screen):
    cache_static = True
    name = "settings"
    default_action = "back"  # Enter with nothing focused: done, back where the child was

    def __init__(self, game):
        super().__init__(game)
        self._regions = None
        self.rows: list[tuple[str, int, int]] = []  # (label, x, y) of each choice row's caption

    def make_widgets(self):
        s = self.game.settings
        widgets = [self.header_back()]
        self.rows = []
        if self._regions is None:
            self._regions = region_choices()
        regions = [(code, i18n.pick(name) if not isinstance(name, str) else name) for code, name in self._regions]
        choice_rows = [
            ("language", [(lang, i18n.language_name(lang)) for lang in i18n.SUPPORTED], s.language),
            ("text_size", [(k, _(v)) for k, v in settings_mod.CHOICE_LABELS["text_size"].items()], s.text_size),
            ("digits", [(k, digits_words(k, v)) for k, v in settings_mod.CHOICE_LABELS["digits"].items()],
             s.digits),
        ]
        if len(regions) > 1:
            choice_rows.append(("region", regions, s.region))
        y = 112
        for key, options, current in choice_rows:
            self.rows.append((_(settings_mod.LABELS[key]), LEFT_X, y))
            n = len(options)
            widths = [(COL_W - 10 * (n - 1)) // n] * n
            for r, (value, words) in zip(self.frame.row(widths, 10, y=y + 40, height=54, inset=LEFT_X), options):
                widgets.append(Button(r, words, (lambda k=key, v=value: self.set(k, v)), name=f"{key}:{value}",
                                      style="selected" if value == current else "secondary",
                                      size=FONT_SIZES["small"], radius=14,  # one size in every row (fit_size shrinks)
                                      bold=value == current, icon="check" if value == current else None))
            y += 122
        y = 112
        for key in ("high_contrast", "reduced_motion", "harakat", "sound", "narration"):
            r = self.frame.place(pygame.Rect(RIGHT_X, y, COL_W, 80))
            widgets.append(Toggle(r, _(settings_mod.LABELS[key]), bool(getattr(s, key)),
                                  (lambda v, k=key: self.set(k, v)), name=key,
                                  on_words=_(settings_mod.ON_OFF[True]), off_words=_(settings_mod.ON_OFF[False])))
            y += 96
        self.note_top = y - 96 + 80 + 6  # under the last switch (Read aloud)
        return widgets

    def set(self, key: str, value) -> None:
        self.game.update_settings(**{key: value})
        self.focus.focus_on(f"{key}:{value}") or self.focus.focus_on(key)

    def voice_note(self) -> str:
        """Why read-aloud is silent, when it is on and this computer has no voice for the language."""
        if not self.game.settings.narration:
            return ""
        from .. import narration

        if narration.get_narrator().can_speak(i18n.current_language()):
            return ""
        return _("No voice for reading aloud is installed on this computer, so nothing can be heard. "
                 "Ask your teacher.")

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    def autoplay_target(self, policy):
        return "back"

    def draw_content(self, surface):
        pal = _theme.current().palette
        self.draw_title(surface, _("Settings"))
        for text, x, y in self.rows:
            r = self.frame.place(pygame.Rect(x, y, COL_W, 36))
            label.draw_in(surface, text, r, FONT_SIZES["body"], pal.text, bold=True, valign="bottom", max_lines=1)
        note = self.voice_note()
        if note:  # under the Read aloud switch, where the child just turned it on
            label.draw_in(surface, note, self.frame.place(pygame.Rect(RIGHT_X, self.note_top, COL_W, 680 - self.note_top)),
                          FONT_SIZES["tiny"], pal.danger, bold=True, max_lines=3, valign="top")
        label.draw(surface, _("F2: language · F11: full screen"), (640, 700), FONT_SIZES["tiny"], pal.text_muted,
                   anchor="center")
