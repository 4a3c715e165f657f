"""Help resources of the chosen region (scenes/regions/<code>.yaml): who to tell and where to report.

Each channel shows its name, what it is for, and its phone number, app or web address; a web address
also gets a QR code, since the lab's kiosk opens no browser. A number the source document does not
confirm reads "to be confirmed by the school". A missing or broken region file falls back quietly to
the default region, then to the one advice that needs no file: tell a trusted adult.
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel
from ..widgets.icons import draw_icon
from ..widgets.robot import draw_robot
from .base import Screen

_ = i18n._
KIND_ICONS = {"phone": "phone", "app": "app", "web": "web", "person": "person"}
CARD_W, CARD_GAP = 574, 12
MARGIN_X = 50  # cards, intro panel and bottom buttons share the same side margins
INTRO_TOP = 100  # below the header band (88) with the same gap as between the cards
BUTTON_H, BOTTOM_MARGIN = 56, 16  # the bottom buttons keep clear of the canvas edge
CARD_PAD = 10  # above the name and below the contact line
CONTACT_H, CONTACT_GAP = 30, 6
ICON_ROOM = 84  # the kind icon's disc (centre 40 px down, radius 26) with a margin under it
QR_MAX = 150  # px: a web link's QR code at full size (smaller only when a full page leaves less room)


def grid_rows() -> int:
    """Three rows of two cards at the normal text size, two rows when the text is larger."""
    return 3 if _theme.current().text_scale <= 1.0 else 2


def intro_text() -> str:
    return _("If something online worries you, tell someone. You will not be in trouble.")


def load_help_region(code: str):
    """The Region for `code`, else the default region, else None (never raises): the same file the stories'
    {help:ROLE} placeholders are filled from."""
    from ..help_channels import read_region
    return read_region(code)


class HelpScreen(Screen):
    cache_static = True
    name = "help"
    @property
    def default_action(self) -> str:
        """After a story Enter goes back to the stories; from the menu or title, back where the child was."""
        return "done" if self.after_scenario else "back"

    def __init__(self, game, *, after_scenario: bool = False):
        super().__init__(game)
        self.after_scenario = after_scenario
        self.region = None
        self.page = 0

    def enter(self) -> None:
        self.region = load_help_region(self.game.settings.region)
        super().enter()

    def relayout(self) -> None:
        if self.region is None or self.region.code != self.game.settings.region:
            self.region = load_help_region(self.game.settings.region)
        super().relayout()

    @property
    def resources(self):
        return list(self.region.resources) if self.region else []

    def make_widgets(self):
        widgets = [] if self.after_scenario else [self.header_back()]
        per_page = 2 * grid_rows()
        pages = max(1, (len(self.resources) + per_page - 1) // per_page)
        self.pages = pages
        y = self.button_top()
        if pages > 1:
            words = _("More")
            w = max(200, label.measure(words, FONT_SIZES["small"] + 2, bold=True)[0] + 110)
            r = self.frame.place(pygame.Rect(MARGIN_X, y, w, BUTTON_H))
            widgets.append(Button(r, words, self.turn, name="more", icon="next", style="secondary",
                                  size=FONT_SIZES["small"] + 2))
        if self.after_scenario:
            words = _("Back to stories")
            w = max(360, label.measure(words, FONT_SIZES["small"] + 2, bold=True)[0] + 110)
            r = self.frame.place(pygame.Rect(1280 - MARGIN_X - w, y, w, BUTTON_H))
            widgets.append(Button(r, words, self.done, name="done", icon="next", size=FONT_SIZES["small"] + 2))
        return widgets

    # -- geometry: header band, intro panel, card grid, bottom buttons ----------------------------
    def has_buttons(self) -> bool:
        per_page = 2 * grid_rows()
        return self.after_scenario or len(self.resources) > per_page

    def button_top(self) -> int:
        return 720 - BOTTOM_MARGIN - BUTTON_H

    def intro_rect(self) -> pygame.Rect:
        """The robot's words in a soft panel; as tall as the text needs at the current text size."""
        text_w = 1280 - 2 * MARGIN_X - 2 * 20 - 64 - 16
        h = label.layout(intro_text(), FONT_SIZES["body"], text_w, bold=True, max_lines=2).height
        return pygame.Rect(MARGIN_X, INTRO_TOP, 1280 - 2 * MARGIN_X, max(60, h + 12))

    def grid_rect(self) -> pygame.Rect:
        top = self.intro_rect().bottom + CARD_GAP
        bottom = (self.button_top() - CARD_GAP) if self.has_buttons() else 720 - BOTTOM_MARGIN
        return pygame.Rect(MARGIN_X, top, 1280 - 2 * MARGIN_X, bottom - top)

    def row_heights(self, items=None) -> list[int]:
        """The height of each row of cards: as tall as the fuller card of the row needs. Only when the
        rows would overflow the grid is each capped at an even share of it. A region with a few short
        entries gets short cards, not tall half-empty ones stretched over the grid's rows."""
        rows = grid_rows()
        height = self.grid_rect().height
        items = self.page_items() if items is None else items
        need = [max(self.card_need(res) for res in items[i:i + 2]) for i in range(0, len(items), 2)]
        if sum(need) + CARD_GAP * (len(need) - 1) <= height:
            return need
        share = (height - CARD_GAP * (rows - 1)) // rows
        return [min(share, h) for h in need]

    def page_items(self) -> list:
        per_page = 2 * grid_rows()
        return self.resources[self.page * per_page:(self.page + 1) * per_page]

    def card_need(self, res) -> int:
        """The height a card needs for its content, measured as _draw_card lays it out: the name, up to
        three lines of description, the contact line, and room for the icon and a readable QR code."""
        qr_w = (QR_MAX + 16) if res.url else 0  # the widest the code gets: the text never has less room
        text_w = CARD_W - 80 - 20 - qr_w
        name = label.fit_size(i18n.pick(res.name), FONT_SIZES["small"] + 1, text_w, 200, max_lines=1,
                              min_scale=0.8, bold=True)
        need = CARD_PAD + max(name.height, 30)
        if res.description is not None:
            need += label.layout(i18n.pick(res.description), FONT_SIZES["tiny"], text_w, max_lines=3).height
        contact = self._contact_line(res)
        if contact:
            need += CONTACT_GAP + self._contact_height(contact, text_w)
        need += CARD_PAD
        floor = ICON_ROOM if not res.url else QR_MAX + 24  # the full-size code (a full page may cap it)
        return max(floor, need)

    def turn(self) -> None:
        self.page = (self.page + 1) % self.pages
        self.build()

    def done(self) -> None:
        self.stack.pop(None)

    def on_back(self) -> bool:
        self.done()
        return True

    def autoplay_target(self, policy):
        return "done" if self.after_scenario else "back"

    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        name = i18n.pick(self.region.name) if self.region else ""
        self.draw_title(surface, _("Where to get help") + (f" · {name}" if name else ""))
        intro = self.intro_rect()
        panel(surface, intro, pal.primary_soft, lifted=False)
        robot_h = min(intro.height - 8, 72)
        draw_robot(surface, self.frame.place(pygame.Rect(intro.left + 20, intro.bottom - 4 - robot_h, 64, robot_h)),
                   "think", flip=self.rtl)
        text = self.frame.place(pygame.Rect(intro.left + 20 + 64 + 16, intro.top, intro.width - 2 * 20 - 64 - 16,
                                            intro.height))
        label.draw_in(surface, intro_text(), text, FONT_SIZES["body"], pal.text, bold=True, max_lines=2)
        items = self.page_items()
        grid = self.grid_rect()
        if not items:
            box = pygame.Rect(160, grid.top + 60, 960, 200)
            panel(surface, box, pal.surface)
            label.draw_in(surface, _("Tell a trusted adult: a parent, a teacher or the school social worker."),
                          box.inflate(-60, -40), FONT_SIZES["heading"], pal.text, bold=True, align="center")
            return
        col_gap = grid.width - 2 * CARD_W
        y = grid.top
        for row, h in enumerate(self.row_heights(items)):
            for col, res in enumerate(items[2 * row:2 * row + 2]):
                rect = self.frame.place(pygame.Rect(grid.left + col * (CARD_W + col_gap), y, CARD_W, h))
                self._draw_card(surface, rect, res)
            y += h + CARD_GAP

    def _draw_card(self, surface, rect: pygame.Rect, res) -> None:
        th = _theme.current()
        pal = th.palette
        panel(surface, rect, pal.surface)
        rtl = self.rtl
        ic = (rect.right - 40, rect.top + 40) if rtl else (rect.left + 40, rect.top + 40)
        pygame.draw.circle(surface, pal.primary_soft, ic, 26)
        draw_icon(surface, KIND_ICONS.get(res.kind, "person"), ic, 30, pal.primary)
        qr_w = 0
        if res.url:
            from ..qr import qr_surface

            qr = qr_surface(res.url, min(QR_MAX, rect.height - 24))
            qr_w = qr.get_width() + 16
            qx = rect.left + 12 if rtl else rect.right - 12 - qr.get_width()
            surface.blit(qr, (qx, rect.centery - qr.get_height() // 2))
        text_w = rect.width - 80 - 20 - qr_w
        tx = rect.right - 80 - text_w if rtl else rect.left + 80
        y = rect.top + CARD_PAD
        name = label.fit_size(i18n.pick(res.name), FONT_SIZES["small"] + 1, text_w, 200, max_lines=1, min_scale=0.8,
                              bold=True)
        surface.blit(label.render(name, pal.text), (tx if not rtl else tx + text_w - name.width, y))
        y += max(name.height, 30)
        contact = self._contact_line(res)
        contact_h = self._contact_height(contact, text_w) if contact else CONTACT_H
        if res.description is not None:
            room = (rect.bottom - CARD_PAD - CONTACT_GAP - contact_h if contact else rect.bottom - CARD_PAD) - y
            lay = label.fit_lines(i18n.pick(res.description), FONT_SIZES["tiny"], text_w, room, max_lines=3)
            surface.blit(label.render(lay, pal.text_muted), (tx, y))
        if contact:
            label.draw_in(surface, contact, pygame.Rect(tx, rect.bottom - CARD_PAD - contact_h, text_w, contact_h),
                          FONT_SIZES["small"], pal.primary if res.confirmed else pal.text_muted, bold=True,
                          valign="bottom", max_lines=2)

    @staticmethod
    def _contact_height(contact: str, width: int) -> int:
        """The contact line's height: one line, or two when a long one ("to be confirmed by the school")
        meets a larger text size — wrapped rather than cut off."""
        lay = label.layout(contact, FONT_SIZES["small"], width, bold=True, max_lines=2)
        return max(CONTACT_H, lay.height)

    def _contact_line(self, res) -> str:
        if res.phone:
            # an isolate: the number keeps its digit order in Arabic; in the digits the child chose (it is
            # put in after the translation, which is where _() turns digits Eastern)
            number = "\u2066" + i18n.localize_digits(res.phone) + "\u2069"
            if not res.confirmed:
                return _("{number} (to be confirmed by the school)").format(number=number)
            return _("Call {number}").format(number=number)
        if not res.confirmed and res.kind == "phone":
            return _("Number to be confirmed by the school")
        if res.url:
            return res.url.replace("https://", "").replace("http://", "").rstrip("/")
        return ""
