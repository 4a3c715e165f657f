"""Scenario menu: a card per story (title, topics, age band, stars), filtered by age band, in pages of six.

A broken scenario file never hides the others: the valid ones are listed and a quiet line at the bottom
names the file that could not be opened (authors read the details with `main.py validate`).
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.avatars import avatar_surface
from ..widgets.base import Widget
from ..widgets.button import Button
from ..widgets.draw import focus_ring, panel, rounded_rect
from ..widgets.icons import draw_icon
from ..widgets.layout import Frame
from . import words
from .base import Screen

_ = i18n._
PER_PAGE = 6
CARD_W, CARD_H, GAP = 376, 228, 20
PAGER_Y = 652  # the page buttons and the broken-file line: 18 px above the canvas edge
FILTERS = (("all", None), ("7-9", "7-9"), ("10-13", "10-13"))


def draw_stars(surface, center_x: int, y: int, stars: int, size: int = 28, *, frame: Frame | None = None) -> None:
    """Three stars in reading order; earned ones filled, the rest outlined (shape, not only colour)."""
    pal = _theme.current().palette
    gap = size + 6
    xs = [center_x + (i - 1) * gap for i in range(3)]
    if frame is not None and frame.rtl:
        xs = xs[::-1]
    for i, x in enumerate(xs):
        filled = i < stars
        draw_icon(surface, "star" if filled else "star_empty", (x, y), size, pal.star if filled else pal.star_empty)


def topics_layout(codes, width: int, height: int):
    """The story's topics in the lines that fit: whole topic names only, and "+N" for those left out
    (a name cut in the middle by an ellipsis reads as a different topic)."""
    names = [words.topic(t) for t in codes]
    for k in range(len(names), 0, -1):
        text = " · ".join(names[:k])
        if k < len(names):
            # an isolate keeps "+3" reading as plus-three inside an Arabic line; no "·" right beside it, which
            # next to Arabic-Indic digits reads as a zero ("+٢ ·" looked like "+٢٠")
            text += " \u2066+" + i18n.format_number(len(names) - k) + "\u2069"
        lay = label.fit_lines(text, FONT_SIZES["tiny"], width, height, max_lines=2)
        if lay.height > height:
            return None  # not even one line fits (a two-line title at the largest text size)
        if not lay.truncated:
            return lay
    return None


class ScenarioCard(Widget):
    def __init__(self, rect, scenario, on_activate, stars: int, resumable: bool):
        super().__init__(rect, on_activate, name=f"scenario:{scenario.id}")
        self.scenario = scenario
        self.stars = stars
        self.resumable = resumable

    def inner(self) -> pygame.Rect:
        m = _theme.current().metrics
        r = self.rect
        return pygame.Rect(r.left + m.pad - 6, r.top + 58, r.width - 2 * (m.pad - 6), 70)

    def title_layout(self):
        """The story's title on its card, in the theme's "title" box (the one the validator checks titles
        against) at the active text size; the large-text audit checks it is not cut."""
        box = _theme.current().box("title")
        return label.layout(i18n.pick(self.scenario.title), box.size, min(box.width, self.inner().width),
                            bold=box.bold, max_lines=box.max_lines, scale=False)

    def draw(self, surface, focused=False):
        th = _theme.current()
        pal, m = th.palette, th.metrics
        sc = self.scenario
        r = self.rect
        panel(surface, r, pal.surface, border=pal.primary if self.hover else None)
        look = th.look(sc.app.look)
        strip = pygame.Rect(r.left, r.top, r.width, 48)
        rounded_rect(surface, look.header, strip, m.radius)
        pygame.draw.rect(surface, look.header, pygame.Rect(r.left, r.top + 24, r.width, 24))
        frame = Frame(r)
        icon = "app" if sc.app.look == "game_lobby" else "friend"
        ic = frame.place(pygame.Rect(r.left + 14, r.top + 8, 32, 32)).center
        draw_icon(surface, icon, ic, 26, look.on_header)
        name_rect = frame.place(pygame.Rect(r.left + 54, r.top, r.width - 70, 48))
        label.draw_in(surface, i18n.pick(sc.app.name), name_rect, FONT_SIZES["tiny"], look.on_header, max_lines=1)
        if self.resumable:
            tag = frame.place(pygame.Rect(r.right - 130, r.top + 9, 118, 30))
            rounded_rect(surface, pal.star, tag, 15)
            label.draw(surface, _("Continue"), tag.center, FONT_SIZES["tiny"], pal.text if not th.high_contrast else (0, 0, 0),
                       bold=True, anchor="center")
        inner = self.inner()
        title = self.title_layout()
        surface.blit(label.render(title, pal.text), inner.topleft)
        # the topics go right under the title (an Arabic title is often one line: two lines of topics fit)
        top = max(r.top + 100, inner.top + title.height + 4)
        lay = topics_layout(sc.topics, inner.width, r.bottom - 48 - top)
        if lay is not None:
            surface.blit(label.render(lay, pal.text_muted), (inner.left, top))
        age = words.age_band(sc.age_band)
        aw = label.measure(age, FONT_SIZES["tiny"], bold=True)[0] + 24
        badge = frame.place(pygame.Rect(inner.left, r.bottom - 46, aw, 32))
        rounded_rect(surface, pal.primary_soft, badge, 16)
        label.draw(surface, age, badge.center, FONT_SIZES["tiny"], pal.primary if not th.high_contrast else pal.text,
                   bold=True, anchor="center")
        star_c = frame.place(pygame.Rect(r.right - m.pad - 96, r.bottom - 46, 96, 32)).center
        draw_stars(surface, star_c[0], star_c[1], self.stars, 26, frame=frame)
        if focused:
            focus_ring(surface, r)


class MenuScreen(Screen):
    cache_static = True
    name = "menu"

    @property
    def default_action(self):
        """Enter with nothing focused opens the story to continue, else the first on the page — never
        "Change player" (one key must not change who is playing)."""
        cards = [w for w in self.focus.widgets if isinstance(w, ScenarioCard)]
        chosen = next((c for c in cards if c.resumable), cards[0] if cards else None)
        return chosen.name if chosen is not None else None

    def __init__(self, game):
        super().__init__(game)
        self.page = 0
        self.library = None

    def enter(self) -> None:
        self.library = self.game.library()
        super().enter()

    @property
    def age_filter(self):
        return getattr(self.game, "menu_filter", None)

    def scenarios(self) -> list:
        """The stories offered, grouped by age band (7–9 first, then 10–13, each in library order): a child
        of 7 finds their stories first and never pages through the older ones to reach them."""
        found = list(self.library.scenarios) if self.library else []
        if self.age_filter:
            found = [s for s in found if s.age_band == self.age_filter]
        order = {band: i for i, (_k, band) in enumerate(FILTERS) if band}
        return sorted(found, key=lambda s: order.get(s.age_band, len(order)))

    def page_groups(self) -> list[list]:
        """The pages: up to PER_PAGE stories each, a new page at each age band (a page never mixes bands)."""
        pages: list[list] = []
        for sc in self.scenarios():
            if not pages or len(pages[-1]) >= PER_PAGE or pages[-1][0].age_band != sc.age_band:
                pages.append([])
            pages[-1].append(sc)
        return pages or [[]]

    def page_items(self) -> list:
        groups = self.page_groups()
        return groups[min(self.page, len(groups) - 1)]

    def make_widgets(self):
        widgets: list[Widget] = [self.header_back(_("Change player"))]
        widgets += self.header_icons([("settings", "gear", self.open_settings), ("help", "help", self.open_help)])
        texts = {"all": _("All ages"), "7-9": words.age_band("7-9"), "10-13": words.age_band("10-13")}
        fw = [max(150, label.measure(texts[k], FONT_SIZES["small"], bold=True)[0] + 76) for k, _v in FILTERS]
        # reading order: "All" first at the start of the group
        rects = self.frame.row(fw, 10, y=104, height=48, inset=1280 - 52 - sum(fw) - 10 * (len(fw) - 1))
        for r, (key, value) in zip(rects, FILTERS):
            style = "selected" if value == self.age_filter else "secondary"
            widgets.append(Button(r, texts[key], (lambda v=value: self.set_filter(v)), name=f"filter:{key}",
                                  style=style, size=FONT_SIZES["small"], radius=24,
                                  icon="check" if value == self.age_filter else None))
        groups = self.page_groups()
        pages = len(groups)
        self.page = min(self.page, pages - 1)
        shown = groups[self.page]
        nickname = (self.game.player or ("", None))[0]
        for i, sc in enumerate(shown):
            col, row = i % 3, i // 3
            rect = self.frame.place(pygame.Rect(52 + col * (CARD_W + GAP), 168 + row * (CARD_H + GAP), CARD_W, CARD_H))
            stars = self.game.progress.stars(nickname, sc.id) if nickname else 0
            resumable = bool(nickname and self.game.progress.resume_point(nickname, sc.id))
            widgets.append(ScenarioCard(rect, sc, (lambda s=sc: self.open(s)), stars, resumable))
        self.pages = pages
        if pages > 1:
            gap = self.pager_gap()
            prev_r, next_r = self.frame.row([64, 64], gap, y=PAGER_Y, height=50, inset=1280 - 52 - (128 + gap))
            widgets.append(Button(prev_r, "", (lambda: self.turn(-1)), name="page:prev", icon="back",
                                  style="secondary", radius=26))
            widgets.append(Button(next_r, "", (lambda: self.turn(1)), name="page:next", icon="next",
                                  style="secondary", radius=26))
        return widgets

    def page_words(self) -> str:
        """"Page 1 of 2" in the language's own words and digits."""
        # TRANSLATORS: the menu's page indicator between the previous/next page buttons.
        words_ = _("Page {page} of {pages}").format(page=i18n.format_number(self.page + 1),
                                                    pages=i18n.format_number(getattr(self, "pages", 1)))
        shown = self.page_items() if self.library is not None else []
        if not self.age_filter and shown and shown[0].age_band:
            words_ = words.age_band(shown[0].age_band) + " · " + words_  # which band this page holds
        return words_

    def pager_gap(self) -> int:
        """Room between the page buttons: the indicator's width (at least 110 px), so no language clips it."""
        return max(110, label.measure(self.page_words(), FONT_SIZES["small"])[0] + 24)

    def set_filter(self, value) -> None:
        self.game.menu_filter = value
        self.page = 0
        self.build()
        self.focus.focus_on(f"filter:{value or 'all'}")
        self.dirty = True

    def turn(self, step: int) -> None:
        self.page = (self.page + step) % max(1, self.pages)
        self.build()
        self.dirty = True

    def open(self, scenario) -> None:
        from .play import PlayScreen

        nickname = (self.game.player or ("", None))[0]
        resume = self.game.progress.resume_point(nickname, scenario.id) if nickname else None
        self.stack.push(PlayScreen(self.game, scenario, resume=resume))

    def open_help(self) -> None:
        from .help import HelpScreen

        self.stack.push(HelpScreen(self.game))

    def open_settings(self) -> None:
        from .settings import SettingsScreen

        self.stack.push(SettingsScreen(self.game))

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    def autoplay_target(self, policy):
        """Attract mode: each visit opens the next story on the page, in turn."""
        items = self.page_items()
        if not items:
            return None
        turn = getattr(policy, "stories_opened", 0)
        policy.stories_opened = turn + 1
        return f"scenario:{items[turn % len(items)].id}"

    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        self.draw_title(surface, _("Choose a story"))
        nickname, avatar = self.game.player or ("", None)
        if nickname:
            a = self.frame.place(pygame.Rect(52, 104, 48, 48))
            surface.blit(avatar_surface(avatar or "fox", 48), a)
            hello = self.frame.place(pygame.Rect(112, 104, 520, 48))
            label.draw_in(surface, _("Hello, {name}!").format(name=nickname), hello, FONT_SIZES["body"], pal.text,
                          bold=True, max_lines=1)
        if not self.scenarios():
            label.draw(surface, _("No stories for this age yet."), (640, 380), FONT_SIZES["body"], pal.text_muted,
                       anchor="center")
        if getattr(self, "pages", 1) > 1:
            gap = self.pager_gap()
            mid = self.frame.place(pygame.Rect(1280 - 52 - (128 + gap) + 64, PAGER_Y, gap, 50)).center
            label.draw(surface, self.page_words(), mid, FONT_SIZES["small"], pal.text_muted, anchor="center")
        errors = self.library.errors if self.library else ()
        if errors:
            files = ", ".join(sorted({_short(e.file) for e in errors}))
            text = i18n.ngettext("One story could not be opened: {files}", "{n} stories could not be opened: {files}",
                                 len(errors)).format(n=i18n.format_number(len(errors)), files=files)
            ic = self.frame.place(pygame.Rect(52, PAGER_Y + 11, 28, 28)).center
            draw_icon(surface, "unsafe", ic, 24, pal.text_muted)
            room = 780 if getattr(self, "pages", 1) <= 1 else min(780, 1280 - 52 - (128 + self.pager_gap()) - 20 - 90)
            label.draw_in(surface, text, self.frame.place(pygame.Rect(90, PAGER_Y, room, 50)), FONT_SIZES["tiny"],
                          pal.text_muted, max_lines=2)


def _short(path: str) -> str:
    from pathlib import Path

    return Path(path).name
