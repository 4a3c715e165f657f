"""Chat items of the mock app — bubbles, special cards, notices, the typing indicator — pre-rendered.

Each item is drawn ONCE into its own small surface (bubble, avatar, name and text together) when it
arrives or after a re-layout; a frame then costs one blit per visible item, which keeps the play screen
well under its frame budget with dozens of Arabic messages on screen. Sides follow the reading
direction: the other person's bubbles sit at the start (right in Arabic), the child's at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES, AppLook
from . import label
from .avatars import image_avatar
from .draw import rounded_rect
from .icons import draw_icon

_ = i18n._

CARD_ICONS = {"friend_request": "friend", "gift": "gift", "photo_request": "photo", "link": "link",
              "voice_invite": "mic", "picture": "photo", "hidden_picture": "unsafe"}
AVATAR = 44
PAD_X, PAD_Y = 18, 12


@dataclass
class ChatItem:
    kind: str  # "message" | "notice"
    side: str  # "them" | "me" | "center"
    text: str
    sender: str = ""
    name: str = ""
    avatar: Optional[str] = None
    card: Optional[str] = None
    icon: Optional[str] = None  # notices: block / report / adult
    show_name: bool = False
    logical: str = ""  # the text as stored (narration, tests)
    surface: Optional[pygame.Surface] = field(default=None, repr=False)
    x: int = 0  # offset of the surface inside the chat column
    #: The app's own buttons drawn on a card, as rects inside `surface` (a click on one is explained).
    spots: list = field(default_factory=list, repr=False)


#: Cards that show a picture area: a photo placeholder (never a real photo), or a picture that feels wrong,
#: hidden behind a blur and a warning (never drawn at all).
PICTURE_CARDS = ("picture", "hidden_picture")


def card_buttons(card: str) -> list[str]:
    """The app's own buttons drawn on a card (the child answers with the choices; a click on one says so)."""
    return {
        "friend_request": [_("Accept"), _("Decline")],
        "gift": [_("Claim gift")],
        "photo_request": [_("Send photo")],
        "link": [_("Open link")],
        "voice_invite": [_("Join voice chat")],
    }.get(card, [])


def render_item(item: ChatItem, column_width: int, look: AppLook, rtl: bool) -> None:
    """Fill item.surface and item.x for a chat column `column_width` px wide."""
    if item.kind == "notice":
        _render_notice(item, column_width, look)
    elif item.card:
        _render_card(item, column_width, look, rtl)
    else:
        _render_bubble(item, column_width, look, rtl)


def _place(item: ChatItem, surf: pygame.Surface, column_width: int, rtl: bool) -> None:
    item.surface = surf
    at_start = item.side == "them"
    left = at_start != rtl  # them: start side; me: end side
    item.x = 0 if left else column_width - surf.get_width()


def _name_layout(item: ChatItem):
    if not (item.show_name and item.name):
        return None
    box = _theme.current().box("character_name")
    return label.tight_layout(item.name, FONT_SIZES["tiny"], box.width, bold=True, max_lines=1)


# -- measuring: each kind of item as layouts and sizes, without painting (the renderers below use the same
# plans, so what is measured is what is drawn) ---------------------------------------------------------
def measure_item(item: ChatItem, column_width: int, look: AppLook) -> tuple[int, int]:
    """(width, height) the item takes in a chat column `column_width` px wide, without rendering it."""
    plan = _plan(item, column_width, look)
    return plan["w"], plan["h"]


def words_height(item: ChatItem, column_width: int, look: AppLook) -> int:
    """From the item's top to the bottom of its words (a card's own buttons below them are decoration)."""
    return _plan(item, column_width, look)["words_h"]


def text_layouts(item: ChatItem, column_width: int, look: AppLook) -> list:
    """The layouts of the item's words as drawn (the large-text audit checks that none is cut)."""
    return [lay for lay in _plan(item, column_width, look)["layouts"] if lay is not None]


def _plan(item: ChatItem, column_width: int, look: AppLook) -> dict:
    if item.kind == "notice":
        return _notice_plan(item, column_width)
    if item.card:
        return _card_plan(item)
    return _bubble_plan(item, look)


def _bubble_plan(item: ChatItem, look: AppLook) -> dict:
    box = _theme.current().box("message")
    mine = item.side == "me"
    text_lay = label.tight_layout(item.text, box.size, box.width, max_lines=None, scale=False)
    name_lay = None if mine else _name_layout(item)
    name_h = name_lay.height + 2 if name_lay else 0
    bw = max(text_lay.width, name_lay.width if name_lay else 0) + 2 * PAD_X
    bh = text_lay.height + name_h + 2 * PAD_Y
    av = 0 if mine else AVATAR + 10
    tail = 10 if look.tail else 0
    return {"text": text_lay, "name": name_lay, "name_h": name_h, "bw": bw, "bh": bh, "av": av, "tail": tail,
            "w": bw + av + tail, "h": max(bh, AVATAR if not mine else 0), "words_h": bh,
            "layouts": [text_lay, name_lay]}


def _card_title(card: str) -> str:
    if card == "friend_request":
        return _("Friend request")
    return {"gift": _("Gift"), "photo_request": _("Photo request"), "link": _("Link"),
            "voice_invite": _("Voice chat invite"), "picture": _("Photo"),
            "hidden_picture": _("Hidden picture")}.get(card, "")


def _card_plan(item: ChatItem) -> dict:
    box = _theme.current().box("message")
    cw = box.width + 2 * PAD_X  # as wide as a bubble at the same text size
    inner = cw - 2 * PAD_X
    head_lay = label.tight_layout(_card_title(item.card or ""), FONT_SIZES["small"], inner - 56, bold=True,
                                  max_lines=1)
    who_lay = label.tight_layout(item.name, FONT_SIZES["tiny"], inner - 56, max_lines=1) if item.name else None
    text_lay = label.layout(item.text, box.size, inner, scale=False)
    buttons = card_buttons(item.card or "")
    btn_lays = [label.tight_layout(b, FONT_SIZES["small"], inner, bold=True, max_lines=1) for b in buttons]
    # the heading block holds the title and the sender's name, each one line tall at the active text size
    head_h = max(52, head_lay.height + (who_lay.height + 2 if who_lay else 0) + 6)
    btn_h = max(48, max((bl.height for bl in btn_lays), default=0) + 16) if buttons else 0
    # a picture area between the heading and the words: 2:1, as wide as the card's inside
    # smaller as the text grows: the words under the picture are what the child answers
    pic_h = int(min(170, inner * 3 // 10) / _theme.current().text_scale) if item.card in PICTURE_CARDS else 0
    veil_lay = (label.tight_layout(_("Hidden: this picture may upset you."), FONT_SIZES["small"], inner - 40,
                                   bold=True, max_lines=2) if item.card == "hidden_picture" else None)
    if veil_lay is not None:
        pic_h = max(pic_h, veil_lay.height + 80)  # the warning icon and its words fit on the veil
    pic = (pic_h + 10) if pic_h else 0
    h = PAD_Y + head_h + 8 + pic + text_lay.height + (12 + btn_h if buttons else 0) + PAD_Y
    av = AVATAR + 10
    return {"cw": cw, "head": head_lay, "who": who_lay, "text": text_lay, "btns": btn_lays, "head_h": head_h,
            "btn_h": btn_h, "h_card": h, "w": cw + av, "h": max(h, AVATAR), "av": av, "pic_h": pic_h,
            "veil": veil_lay, "words_h": PAD_Y + head_h + 8 + pic + text_lay.height,
            "layouts": [text_lay, who_lay, veil_lay]}


def _notice_plan(item: ChatItem, column_width: int) -> dict:
    lay = label.tight_layout(item.text, FONT_SIZES["small"], column_width - 120, bold=True)
    icon = 26 if item.icon else 0
    w, h = lay.width + 40 + (icon + 10 if icon else 0), max(lay.height, icon) + 20
    return {"text": lay, "icon": icon, "w": w, "h": h, "words_h": h, "layouts": [lay]}


# -- painting ---------------------------------------------------------------------------------------
def _render_bubble(item: ChatItem, column_width: int, look: AppLook, rtl: bool) -> None:
    th = _theme.current()
    mine = item.side == "me"
    fill = look.bubble_me if mine else look.bubble_them
    fg = look.on_bubble_me if mine else look.on_bubble_them
    p = _bubble_plan(item, look)
    text_lay, name_lay, name_h, bw, bh, av, tail = (p["text"], p["name"], p["name_h"], p["bw"], p["bh"], p["av"],
                                                    p["tail"])
    w, h = p["w"], p["h"]
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    # bubble rect in left-to-right terms, mirrored for RTL
    bx = av + tail if not mine else 0
    brect = pygame.Rect(bx, 0, bw, bh)
    if rtl:
        brect.x = w - brect.right
    if th.high_contrast:
        rounded_rect(surf, fill, brect, look.bubble_radius)
        rounded_rect(surf, look.on_bubble_them if not mine else fill, brect, look.bubble_radius, 2)
    else:
        rounded_rect(surf, fill, brect, look.bubble_radius)
    if tail:
        # a small tail at the bubble's bottom corner, on the side of the speaker
        toward_left = (not mine) != rtl
        if toward_left:
            pts = [(brect.left + 2, brect.bottom - 22), (brect.left - tail, brect.bottom - 2), (brect.left + 14, brect.bottom - 6)]
        else:
            pts = [(brect.right - 2, brect.bottom - 22), (brect.right + tail, brect.bottom - 2), (brect.right - 14, brect.bottom - 6)]
        pygame.draw.polygon(surf, fill, pts)
    y = brect.top + PAD_Y
    if name_lay:
        ns = label.render(name_lay, look.name_color)
        nx = brect.right - PAD_X - ns.get_width() if rtl else brect.left + PAD_X
        surf.blit(ns, (nx, y))
        y += name_h
    ts = label.render(text_lay, fg)
    tx = brect.right - PAD_X - ts.get_width() if rtl else brect.left + PAD_X
    surf.blit(ts, (tx, y))
    if not mine:
        a = image_avatar(item.avatar, item.sender, AVATAR)
        ax = w - AVATAR if rtl else 0
        surf.blit(a, (ax, max(0, bh - AVATAR)))
    _place(item, surf, column_width, rtl)


def _render_card(item: ChatItem, column_width: int, look: AppLook, rtl: bool) -> None:
    p = _card_plan(item)
    cw, head_lay, who_lay, text_lay, btn_lays = p["cw"], p["head"], p["who"], p["text"], p["btns"]
    head_h, btn_h, h, av, w = p["head_h"], p["btn_h"], p["h_card"], p["av"], p["w"]
    surf = pygame.Surface((w, max(h, AVATAR)), pygame.SRCALPHA)
    crect = pygame.Rect(av, 0, cw, h)
    if rtl:
        crect.x = w - crect.right
    rounded_rect(surf, look.card, crect, 16)
    rounded_rect(surf, look.accent, crect, 16, 3)
    # icon disc and heading at the card's start
    ic_x = crect.right - PAD_X - 22 if rtl else crect.left + PAD_X + 22
    pygame.draw.circle(surf, look.accent, (ic_x, crect.top + PAD_Y + 24), 24)
    draw_icon(surf, CARD_ICONS.get(item.card or "", "link"), (ic_x, crect.top + PAD_Y + 24), 28, look.on_accent)
    hs = label.render(head_lay, look.on_card)
    hx = crect.right - PAD_X - 56 - hs.get_width() if rtl else crect.left + PAD_X + 56
    surf.blit(hs, (hx, crect.top + PAD_Y + (2 if who_lay else 12)))
    if who_lay:
        ws = label.render(who_lay, look.name_color)
        wx = crect.right - PAD_X - 56 - ws.get_width() if rtl else crect.left + PAD_X + 56
        surf.blit(ws, (wx, crect.top + PAD_Y + 4 + hs.get_height()))
    y = crect.top + PAD_Y + head_h + 8
    if p["pic_h"]:
        area = pygame.Rect(crect.left + PAD_X, y, cw - 2 * PAD_X, p["pic_h"])
        if item.card == "hidden_picture":
            _draw_veil(surf, area, look, p["veil"], item.sender)
        else:
            _draw_photo_placeholder(surf, area, look)
        y += p["pic_h"] + 10
    surf.blit(label.render(text_lay, look.on_card), (crect.left + PAD_X, y))
    y += text_lay.height + 12
    item.spots = []
    if btn_lays:
        widths = [bl.width + 36 for bl in btn_lays]
        x = crect.right - PAD_X if rtl else crect.left + PAD_X
        for i, (bl, bw) in enumerate(zip(btn_lays, widths)):
            r = pygame.Rect(x - bw if rtl else x, y, bw, btn_h)
            item.spots.append(r.copy())
            primary = i == 0
            rounded_rect(surf, look.accent if primary else look.card, r, btn_h // 2)
            if not primary:
                rounded_rect(surf, look.accent, r, btn_h // 2, 2)
            bs = label.render(bl, look.on_accent if primary else look.on_card)
            surf.blit(bs, bs.get_rect(center=r.center))
            x = (x - bw - 10) if rtl else (x + bw + 10)
    a = image_avatar(item.avatar, item.sender, AVATAR)
    surf.blit(a, (w - AVATAR if rtl else 0, max(0, h - AVATAR)))
    _place(item, surf, column_width, rtl)


def _draw_photo_placeholder(surf: pygame.Surface, area: pygame.Rect, look: AppLook) -> None:
    """A photo's place in the chat, never a photo: a framed sky, a sun and two hills in the app's colours
    (the usual "image" sign), so a message that speaks of "the photo" shows where it is."""
    clip = surf.get_clip()
    rounded_rect(surf, _blend(look.card, look.accent, 0.18), area, 12)
    surf.set_clip(area.inflate(-4, -4))
    w, h = area.width, area.height
    pygame.draw.circle(surf, _blend(look.card, look.accent, 0.75), (area.left + w * 3 // 4, area.top + h // 3),
                       max(10, h // 7))
    far = [(area.left, area.bottom), (area.left + w * 2 // 5, area.top + h * 2 // 5), (area.left + w * 4 // 5,
                                                                                         area.bottom)]
    near = [(area.left + w // 3, area.bottom), (area.left + w * 7 // 10, area.top + h // 2), (area.right, area.top + h * 3 // 4),
            (area.right, area.bottom)]
    pygame.draw.polygon(surf, _blend(look.card, look.accent, 0.45), far)
    pygame.draw.polygon(surf, _blend(look.card, look.on_card, 0.35), near)
    surf.set_clip(clip)
    rounded_rect(surf, look.accent, area, 12, 2)


def _draw_veil(surf: pygame.Surface, area: pygame.Rect, look: AppLook, words, seed: str) -> None:
    """A picture that feels wrong is never drawn: soft blurred shapes (made up here, the same for a sender
    each time) under a dark veil, a warning sign and words saying it is hidden."""
    import random

    rng = random.Random(seed or "hidden")
    small = pygame.Surface((max(8, area.width // 40), max(4, area.height // 40)))
    small.fill(_blend(look.card, look.on_card, 0.25))
    for _i in range(6):
        colour = _blend(look.accent, look.on_card, rng.random() * 0.6)
        small.set_at((rng.randrange(small.get_width()), rng.randrange(small.get_height())), colour)
    # up in steps: each smoothscale blends neighbours, so the few dots become soft blobs (a blur, no picture)
    blurred = small
    for factor in (3, 3):
        blurred = pygame.transform.smoothscale(blurred, (blurred.get_width() * factor, blurred.get_height() * factor))
    blurred = pygame.transform.smoothscale(blurred, area.size)
    picture = pygame.Surface(area.size, pygame.SRCALPHA)
    picture.blit(blurred, (0, 0))
    mask = pygame.Surface(area.size, pygame.SRCALPHA)
    rounded_rect(mask, (255, 255, 255, 255), mask.get_rect(), 12)
    picture.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)  # rounded corners, like the card
    surf.blit(picture, area)
    veil = pygame.Surface(area.size, pygame.SRCALPHA)
    rounded_rect(veil, (0, 0, 0, 150), veil.get_rect(), 12)
    surf.blit(veil, area)
    block = 52 + 10 + (words.height if words is not None else 0)  # the sign, a gap, the words
    top = area.centery - block // 2
    pygame.draw.circle(surf, (255, 255, 255), (area.centerx, top + 26), 26)
    draw_icon(surf, "unsafe", (area.centerx, top + 26), 34, (176, 32, 32))
    if words is not None:
        ws = label.render(words, (255, 255, 255))
        surf.blit(ws, ws.get_rect(midtop=(area.centerx, top + 62)))


def _blend(a, b, t: float):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))


def _render_notice(item: ChatItem, column_width: int, look: AppLook) -> None:
    p = _notice_plan(item, column_width)
    lay, icon, w, h = p["text"], p["icon"], p["w"], p["h"]
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    rounded_rect(surf, look.header, surf.get_rect(), h // 2)
    rtl = i18n.direction() == "rtl"
    ts = label.render(lay, look.on_header)
    if icon:
        ix = w - 20 - icon // 2 if rtl else 20 + icon // 2
        draw_icon(surf, item.icon, (ix, h // 2), icon, look.on_header)
        tx = 20 if rtl else 20 + icon + 10
    else:
        tx = 20
    surf.blit(ts, (tx, (h - ts.get_height()) // 2))
    item.surface = surf
    item.x = (column_width - w) // 2


def draw_typing(surface: pygame.Surface, x_start: int, bottom: int, column_width: int, look: AppLook, rtl: bool,
                phase: float, avatar: Optional[str], sender: str) -> None:
    """The typing indicator: three dots in a small bubble, the middle one a beat behind the first."""
    bw, bh = 86, 46
    av = AVATAR + 10
    if rtl:
        bx = x_start + column_width - av - bw
        ax = x_start + column_width - AVATAR
    else:
        bx = x_start + av
        ax = x_start
    rect = pygame.Rect(bx, bottom - bh, bw, bh)
    rounded_rect(surface, look.bubble_them, rect, min(look.bubble_radius, bh // 2))
    if _theme.current().high_contrast:
        rounded_rect(surface, look.on_bubble_them, rect, min(look.bubble_radius, bh // 2), 2)
    for i in range(3):
        lift = 0 if _theme.current().reduced_motion else round(4 * max(0.0, 1 - abs(((phase * 3 - i * 0.5) % 3) - 0.5) * 2))
        c = (rect.left + 24 + i * 19, rect.centery - lift)
        pygame.draw.circle(surface, look.on_bubble_them, c, 6)
    surface.blit(image_avatar(avatar, sender, AVATAR), (ax, bottom - AVATAR))
