"""Widget and FocusGroup: pointer, touch and keyboard input for a set of controls.

Pointer events arrive already mapped to canvas coordinates (the app does it, touch included). A widget
activates on release over the control it was pressed on. The FocusGroup gives keyboard-only play: Tab and
Shift+Tab cycle, arrow keys move in reading order (Left goes forward in Arabic), Enter or Space activate,
and the focused control draws a visible ring.
"""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from .layout import forward_key, is_rtl

POINTER_DOWN = pygame.MOUSEBUTTONDOWN
POINTER_UP = pygame.MOUSEBUTTONUP
POINTER_MOVE = pygame.MOUSEMOTION
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Widget:
    focusable = True
    #: A text field: Space types a space there, it never presses the field.
    takes_text = False

    def __init__(self, rect=None, on_activate: Optional[Callable[[], None]] = None, *, name: str = ""):
        self.rect = pygame.Rect(rect or (0, 0, 0, 0))
        self.on_activate = on_activate
        self.name = name  # a stable id for autoplay and tests (e.g. "choice:2", "header:block")
        self.hover = False
        self.pressed = False
        self.enabled = True
        self.visible = True
        self.highlight = 0.0  # 0..1 pulse set by a screen to draw attention (a practised control)
        #: Called when a disabled (greyed) control is clicked: a screen says why it can't be used now.
        self.on_disabled: Optional[Callable[[], None]] = None
        self._pressed_disabled = False

    def hit(self, pos) -> bool:
        return self.visible and self.rect.collidepoint(pos)

    def activate(self) -> bool:
        if not (self.enabled and self.visible):
            return False
        if self.on_activate is not None:
            self.on_activate()
        return True

    def handle_event(self, event) -> bool:
        """Pointer handling; returns True when consumed (pressed or released on this widget)."""
        if not self.visible:
            return False
        if event.type == POINTER_MOVE:
            self.hover = self.rect.collidepoint(event.pos)
            return False
        if event.type == POINTER_DOWN and getattr(event, "button", 1) == 1 and self.hit(event.pos):
            self.pressed = self.enabled
            self._pressed_disabled = not self.enabled
            return True
        if event.type == POINTER_UP and getattr(event, "button", 1) == 1:
            was, was_disabled = self.pressed, self._pressed_disabled
            self.pressed = self._pressed_disabled = False
            if was and self.hit(event.pos):
                self.activate()
                return True
            if was_disabled and self.hit(event.pos) and self.on_disabled is not None:
                self.on_disabled()  # a greyed control that looks clickable says why, instead of nothing
                return True
        return False

    def draw(self, surface: pygame.Surface, focused: bool = False) -> None:
        raise NotImplementedError

    def live(self, focused: bool) -> bool:
        """True when the widget looks different from its resting state (a screen that caches its resting
        look in a static layer then draws it again on top, every frame)."""
        return focused or self.hover or self.pressed or self.highlight > 0


class FocusGroup:
    """The controls of one screen in reading order, with keyboard focus."""

    def __init__(self, widgets: list[Widget] | None = None):
        self.widgets: list[Widget] = list(widgets or [])
        self.focus: Optional[int] = None
        self.focus_visible = False
        #: The focus came from a click (not from a key or the screen): Enter does not press that control
        #: while its ring is hidden — a child may not know it is focused.
        self.pointer_focus = False

    def set(self, widgets: list[Widget], keep_focus: bool = True) -> None:
        """Replace the widgets (after a re-layout), keeping focus on the widget of the same name."""
        old = self.focused.name if (keep_focus and self.focused is not None) else None
        self.widgets = list(widgets)
        self.focus = None
        if old:
            for i, w in enumerate(self.widgets):
                if w.name == old and self._can_focus(w):
                    self.focus = i
                    break

    def _can_focus(self, w: Widget) -> bool:
        return w.focusable and w.visible and w.enabled

    @property
    def focused(self) -> Optional[Widget]:
        if self.focus is None or self.focus >= len(self.widgets):
            return None
        return self.widgets[self.focus]

    def focus_on(self, name: str) -> bool:
        for i, w in enumerate(self.widgets):
            if w.name == name and self._can_focus(w):
                self.focus = i
                self.pointer_focus = False
                return True
        return False

    def move(self, step: int) -> bool:
        candidates = [i for i, w in enumerate(self.widgets) if self._can_focus(w)]
        if not candidates:
            return False
        self.focus_visible = True
        self.pointer_focus = False
        if self.focus not in candidates:
            self.focus = candidates[0] if step >= 0 else candidates[-1]
            return True
        pos = candidates.index(self.focus)
        self.focus = candidates[(pos + step) % len(candidates)]
        return True

    def find(self, name: str) -> Optional[Widget]:
        for w in self.widgets:
            if w.name == name:
                return w
        return None

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                return self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            step = forward_key(event.key, is_rtl())
            if step:
                return self.move(step)
            if event.key in ACTIVATE_KEYS:
                w = self.focused
                if w is None:
                    return self.move(1)
                if w.takes_text and event.key == pygame.K_SPACE:
                    return False
                if self.pointer_focus and not self.focus_visible and not w.takes_text:
                    # focused by a click, ring hidden: the key shows where the focus is rather than
                    # pressing a control the child may not know is focused
                    self.focus_visible, self.pointer_focus = True, False
                    return True
                self.focus_visible = True
                return w.activate()
            return False
        if event.type in (POINTER_DOWN, POINTER_UP, POINTER_MOVE):
            if event.type == POINTER_DOWN:
                self.focus_visible = False
            consumed = False
            for i, w in enumerate(self.widgets):
                if w.handle_event(event):
                    consumed = True
                    if event.type == POINTER_DOWN and self._can_focus(w):
                        self.focus = i
                        self.pointer_focus = True
                    if event.type != POINTER_MOVE:
                        break
            return consumed
        return False

    def draw(self, surface: pygame.Surface, *, rest_baked: bool = False) -> None:
        """Draw the widgets; with rest_baked, only those not in their resting look (the rest are already
        in the screen's cached static layer)."""
        focused = self.focused if self.focus_visible else None
        for w in self.widgets:
            if w.visible and (not rest_baked or w.live(w is focused)):
                w.draw(surface, w is focused)

    def draw_rest(self, surface: pygame.Surface) -> None:
        """Every widget in its resting look (no hover, press, focus or highlight), for a static layer."""
        for w in self.widgets:
            if not w.visible:
                continue
            saved = (w.hover, w.pressed, w.highlight)
            w.hover, w.pressed, w.highlight = False, False, 0.0
            try:
                w.draw(surface, False)
            finally:
                w.hover, w.pressed, w.highlight = saved
