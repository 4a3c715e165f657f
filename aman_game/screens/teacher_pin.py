"""The teacher's PIN: set on first use (typed twice), asked to enter teacher mode and to leave the kiosk.

A keypad in phone order (digits never mirror), plus the keyboard's digits, Backspace and Enter. After five
wrong PINs the pad rests for 30 seconds, so guessing at a lab PC is slow; the count and the rest are kept in
teacher.json by TeacherConfig.check_pin, so restarting the game does not end them. Pops True when the PIN was right
(or was just set), None when the teacher went back.
"""
from __future__ import annotations


import pygame

from .. import i18n
from .. import theme as _theme
from ..teacher_config import MAX_TRIES, REST_SECONDS, TeacherConfigError, valid_pin  # noqa: F401
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel
from .base import Screen

_ = i18n._
KEY_W, KEY_H, KEY_GAP = 112, 72, 14
PAD_X, PAD_Y = 640 - (3 * KEY_W + 2 * KEY_GAP) // 2, 276
DIGIT_KEYS = {getattr(pygame, f"K_{d}"): str(d) for d in range(10)}
DIGIT_KEYS.update({getattr(pygame, f"K_KP{d}"): str(d) for d in range(10)})


class PinScreen(Screen):
    name = "teacher_pin"
    cache_static = True  # every change of what draw_content shows calls invalidate()

    def __init__(self, game, config, purpose: str = "enter"):
        """purpose: "enter" teacher mode, "leave" the kiosk, or "change" the PIN (asks the old one first)."""
        super().__init__(game)
        self.config = config
        self.purpose = purpose
        self.setting = not config.has_pin()  # first use: choose a PIN
        self.first: str | None = None  # the new PIN typed once, while asking for it again
        self.digits = ""
        self.message = ""

    # -- state -----------------------------------------------------------------------------------
    def _resting(self) -> float:
        return self.config.rest_seconds()

    def next_wake(self):
        rest = self._resting()
        return min(1.0, rest) if rest > 0 else None

    def update(self, dt: float) -> None:
        if getattr(self, "_was_resting", False) and self._resting() <= 0:
            self.message = ""
            self.invalidate()
        self._was_resting = self._resting() > 0
        if self._was_resting:
            self.invalidate()

    def type_digit(self, digit: str) -> None:
        if self._resting() > 0 or len(self.digits) >= 8:
            return
        self.digits += digit
        self.message = ""
        self.invalidate()

    def erase(self) -> None:
        self.digits = self.digits[:-1]
        self.invalidate()

    def submit(self) -> None:
        if self._resting() > 0:
            return
        pin, self.digits = self.digits, ""
        self.invalidate()
        if self.setting:
            self._submit_new(pin)
            return
        if self.config.check_pin(pin):  # counts wrong PINs and starts the rest itself, in teacher.json
            self.game.pin_failures = 0
            if self.purpose == "change":
                self.setting, self.message = True, ""
                return
            self.stack.pop(True)
            return
        self.game.pin_failures = self.config.failures
        if self.config.problem:
            self.message = _("The teacher settings file is damaged. Delete teacher.json in the data folder to "
                             "choose a new PIN.")
        elif self._resting() > 0:
            self.message = ""
        else:
            self.message = _("That PIN is not right. Try again.")

    def _submit_new(self, pin: str) -> None:
        if not valid_pin(pin):
            self.message = _("A PIN is 4 to 8 digits.")
            return
        if self.first is None:
            self.first, self.message = pin, ""
            return
        if pin != self.first:
            self.first = None
            self.message = _("The two PINs were not the same. Choose a PIN again.")
            return
        try:
            self.config.set_pin(pin)
            self.config.save()
        except TeacherConfigError as exc:
            self.first = None
            self.message = _("The PIN could not be saved: {reason}").format(reason=str(exc))
            return
        self.stack.pop(True)

    # -- widgets ---------------------------------------------------------------------------------
    def make_widgets(self):
        widgets = [self.header_back()]
        keys = [str(d) for d in range(1, 10)] + ["erase", "0", "ok"]
        for i, key in enumerate(keys):
            col, row = i % 3, i // 3
            rect = pygame.Rect(PAD_X + col * (KEY_W + KEY_GAP), PAD_Y + row * (KEY_H + KEY_GAP), KEY_W, KEY_H)
            if key == "erase":
                widgets.append(Button(rect, _("Erase"), self.erase, name="key:erase", style="secondary",
                                      size=FONT_SIZES["small"]))
            elif key == "ok":
                widgets.append(Button(rect, _("OK"), self.submit, name="key:ok", style="primary"))
            else:
                widgets.append(Button(rect, i18n.format_number(int(key)), (lambda d=key: self.type_digit(d)),
                                      name=f"key:{key}", style="secondary", size=FONT_SIZES["heading"]))
        return widgets

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key in DIGIT_KEYS:
                self.type_digit(DIGIT_KEYS[event.key])
                return True
            if event.key == pygame.K_BACKSPACE:
                self.erase()
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.digits:
                self.submit()
                return True
        return super().handle_event(event)

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    # -- drawing ---------------------------------------------------------------------------------
    def _title(self) -> str:
        if self.setting:
            return _("Choose a new teacher PIN") if self.purpose == "change" else _("Choose a teacher PIN")
        if self.purpose == "leave":
            return _("Type the teacher PIN to leave")
        if self.purpose == "change":
            return _("Type the PIN you have now")
        return _("Teacher mode")

    def _hint(self) -> str:
        if self.setting:
            if self.first is not None:
                return _("Type the same PIN again.")
            if self.config.set_aside_as:
                return _("The teacher settings file was damaged and was set aside. Choose a new PIN.")
            return _("4 to 8 digits. Keep it from the children: it opens teacher mode and leaves the kiosk.")
        if self.config.tampered:
            return _("Teacher settings were changed outside the game. Type the PIN to check them.")
        return _("Type the teacher PIN.")

    def rest_words(self) -> str:
        """While the pad rests: the seconds left, counting down (redrawn every second), in full words."""
        rest = self._resting()
        if rest <= 0:
            return ""
        seconds = int(rest) + (0 if rest == int(rest) else 1)
        return i18n.ngettext("Too many wrong PINs. Wait {seconds} second.", "Too many wrong PINs. Wait {seconds} seconds.",
                             seconds).format(seconds=i18n.format_number(seconds))

    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        self.draw_title(surface, self._title())
        label.draw_in(surface, self._hint(), pygame.Rect(240, 104, 800, 64), FONT_SIZES["body"], pal.text_muted,
                      align="center", max_lines=2)
        box = pygame.Rect(640 - 230, 178, 460, 80)
        panel(surface, box, pal.surface, radius=th.metrics.radius_small, border=pal.border)
        slots = max(4, len(self.digits))
        gap = 46
        x0 = box.centerx - (slots - 1) * gap // 2
        for i in range(slots):
            c = (x0 + i * gap, box.centery)
            if i < len(self.digits):
                pygame.draw.circle(surface, pal.text, c, 11)
            else:
                pygame.draw.circle(surface, pal.border, c, 11, 3)
        message = self.rest_words() or self.message
        if message:
            label.draw_in(surface, message, pygame.Rect(200, 622, 880, 80), FONT_SIZES["small"], pal.text,
                          align="center", max_lines=2, valign="top", bold=True)
