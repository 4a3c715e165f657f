"""Screen: a Scene with widgets, keyboard focus, a calm background and a standard header.

A screen builds its widgets in `build()` — called on enter and again on every re-layout (language, text
size, contrast) — so positions mirror and every string is fetched anew through i18n._ in the language of
the moment. Esc calls `on_back()`. For autoplay a screen names the control it would press next in
`autoplay_target(policy)`; the driver clicks it through the real event queue.
"""
from __future__ import annotations

from typing import Optional

import pygame

from .. import i18n
from .. import theme as _theme
from ..scene_stack import Scene
from ..theme import CANVAS_SIZE, FONT_SIZES
from ..widgets import label
from ..widgets.base import FocusGroup, Widget
from ..widgets.button import Button
from ..widgets.draw import _cached
from ..widgets.layout import Frame, is_rtl

_ = i18n._
HEADER_H = 88


def later(msgid: str, **values):
    """A message kept untranslated until it is drawn (mark msgid with N_): a note a screen shows for a
    while ("Report saved: …") then follows F2 into the other language instead of staying in the first.
    Call the result to get the words; str values are kept as they are."""
    return lambda: _(msgid).format(**values)


def words_of(note) -> str:
    """A note's words now: a `later` message in the current language, or plain text."""
    return note() if callable(note) else (note or "")


def background(surface: pygame.Surface, band: bool = True) -> None:
    """The calm backdrop every game screen shares: a header band and a few large faint circles (cached)."""
    th = _theme.current()
    pal = th.palette

    def make():
        bg = pygame.Surface(CANVAS_SIZE).convert() if pygame.display.get_surface() else pygame.Surface(CANVAS_SIZE)
        bg.fill(pal.bg)
        if not th.high_contrast:
            deco = pygame.Surface(CANVAS_SIZE, pygame.SRCALPHA)
            if band:
                pygame.draw.rect(deco, (*pal.bg_band[:3], 255), pygame.Rect(0, 0, CANVAS_SIZE[0], HEADER_H))
            for (x, y, r, a) in ((1180, 640, 260, 70), (80, 700, 180, 60), (1240, 120, 120, 50), (640, 760, 200, 40)):
                pygame.draw.circle(deco, (*pal.bg_band[:3], a), (x, y), r)
            bg.blit(deco, (0, 0))
        elif band:
            pygame.draw.line(bg, pal.border, (0, HEADER_H), (CANVAS_SIZE[0], HEADER_H), 2)
        return bg

    surface.blit(_cached(("background", pal, th.high_contrast, band), make), (0, 0))


def surface_size():
    s = pygame.display.get_surface()
    return s.get_size() if s is not None else None


class Screen(Scene):
    #: A short stable name (screenshots, tests, autoplay).
    name = "screen"
    #: Draw the header band behind the title row (the title screen has none).
    header_band = True
    #: The control Enter presses while nothing has the keyboard focus: the screen's primary action (Play,
    #: Continue, Save, the first story), never a destructive or identity-changing one (docs/teachers.md,
    #: "The keyboard"). A screen may make it a property. None: the first Enter shows the focus ring instead.
    default_action: Optional[str] = None
    #: Cache what draw_static paints (background, draw_content, widgets at rest) in one layer, repainted
    #: only after build() or invalidate(). A screen that opts in calls invalidate() whenever something
    #: draw_content shows changes; a screen that does not is simply drawn whole each frame.
    cache_static = False

    def __init__(self, game):
        super().__init__()
        self.game = game
        self.focus = FocusGroup()
        self.frame = Frame()
        self.back_button: Optional[Button] = None
        self._version = 0  # bumped whenever what draw_static paints changes
        self._static: Optional[pygame.Surface] = None
        self._static_for = None

    # lifecycle
    def enter(self) -> None:
        self.build()

    def resume(self) -> None:
        self.build()
        self.dirty = True

    def relayout(self) -> None:
        self.build()
        self.dirty = True

    def build(self) -> None:
        self.frame = Frame()
        self.focus.set(self.make_widgets())
        self.invalidate()

    def invalidate(self) -> None:
        """What draw_static paints has changed: repaint the cached layer on the next frame."""
        self._version += 1
        self.dirty = True

    def make_widgets(self) -> list[Widget]:
        return []

    # input
    def handle_event(self, event) -> bool:
        # Enter with no visible focus ring (nothing focused, or only a control last clicked with the mouse)
        # is the screen's main action: never whatever the pointer happened to touch last
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                and (self.focus.focused is None or (self.focus.pointer_focus and not self.focus.focus_visible))
                and self.default_action):
            w = self.widget(self.default_action)
            if w is not None and w.enabled and w.visible:
                return w.activate()
        if self.focus.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.on_back()
        return False

    def on_back(self) -> bool:
        return False

    def widget(self, name: str) -> Optional[Widget]:
        return self.focus.find(name)

    def screenshot_name(self) -> str:
        return self.name

    def autoplay_target(self, policy) -> Optional[str]:
        """The name of the widget autoplay should press now, or None to wait."""
        return None

    # drawing: a cached static layer, then what moves, then the widgets
    def _static_key(self):
        return (self._version, surface_size(), _theme.current())

    def needs_backdrop(self) -> bool:
        if not self.cache_static:
            return True
        return self._static is None or self._static_for != self._static_key()

    def draw(self, surface: pygame.Surface) -> None:
        """Blit the cached static layer (repainted only after build/invalidate), then the dynamic parts
        and the widgets that are not at rest: a frame of an unchanged screen costs a few blits."""
        if not self.cache_static:
            self.draw_static(surface)
            self.draw_dynamic(surface)
            self.focus.draw(surface)
            return
        key = self._static_key()
        if self._static is None or self._static_for != key or self._static.get_size() != surface.get_size():
            base = surface.copy()  # for an overlay this already holds the scenes below, drawn this frame
            self.draw_static(base)
            self.focus.draw_rest(base)
            self._static, self._static_for = base, key
        surface.blit(self._static, (0, 0))
        self.draw_dynamic(surface)
        self.focus.draw(surface, rest_baked=True)

    def draw_static(self, surface: pygame.Surface) -> None:
        background(surface, self.header_band)
        self.draw_content(surface)

    def draw_content(self, surface: pygame.Surface) -> None:
        pass

    def draw_dynamic(self, surface: pygame.Surface) -> None:
        """Parts that change between frames without a re-build (animations, the chat column)."""

    # shared pieces
    def header_back(self, words: str | None = None, name: str = "back") -> Button:
        """A Back button at the reading start of the header."""
        m = _theme.current().metrics
        text = words if words is not None else _("Back")
        w = max(150, label.measure(text, FONT_SIZES["small"], bold=True)[0] + 90)
        rect = self.frame.place(pygame.Rect(m.margin - 16, 16, w, 56))
        self.back_button = Button(rect, text, self.on_back, name=name, style="ghost", icon="back",
                                  size=FONT_SIZES["small"])
        return self.back_button

    def header_icons(self, items: list[tuple[str, str, object]]) -> list[Button]:
        """Icon buttons with their words ("Help", "Settings") packed against the header's reading end:
        (name, icon, callback). A child who cannot guess a gear or a life ring reads what it does."""
        m = _theme.current().metrics
        words = {"help": _("Help"), "settings": _("Settings"), "pause": _("Pause"), "language": _("Language")}
        size = FONT_SIZES["tiny"]
        widths = [min(200, max(110, label.measure(words.get(name, name), size, bold=True)[0] + 66))
                  for name, _icon, _cb in items]
        rects = self.frame.row(widths, m.gap // 2, y=20, height=48, inset=m.margin - 16, from_end=True)
        return [Button(r, words.get(name, name), cb, name=name, icon=icon, style="secondary", size=size, radius=24)
                for r, (name, icon, cb) in zip(rects, items)]

    def draw_title(self, surface: pygame.Surface, text: str, *, y: int = 44) -> pygame.Rect:
        pal = _theme.current().palette
        return label.draw(surface, text, (CANVAS_SIZE[0] // 2, y), FONT_SIZES["heading"], pal.text,
                          bold=True, anchor="center")

    @property
    def rtl(self) -> bool:
        return is_rtl()
