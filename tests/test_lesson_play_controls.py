"""Issue 15, items 4 and 6, through the real event queue in English and Arabic: everything in the mock app
that looks clickable does something or says why (a card's own buttons, the greyed Block / Report, the
"earlier messages" strip), the strips never cover words, and pictures are placeholders — a picture that
feels wrong is never drawn, only a veil and a warning."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.content import load_scenario
from aman_game.screens.play import PlayScreen
from aman_game.widgets.chat_view import STRIP_H

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(params=["en", "ar"])
def game(request, tmp_path):
    g = Game(settings=settings_mod.Settings(language=request.param, sound=False), save_settings=False,
             data_dir=tmp_path, fast=True)
    g.open()
    pygame.event.clear()
    yield g
    g.close()
    i18n.set_language("en")


def play(game, scenario_id_or_path) -> PlayScreen:
    path = Path(scenario_id_or_path)
    if path.suffix != ".yaml":
        scenario = next(s for s in game.library(whole=True).scenarios if s.id == scenario_id_or_path)
    else:
        scenario = load_scenario(path)
    screen = game.stack.push(PlayScreen(game, scenario))
    game.settle(2000)
    assert screen.state == "choosing"
    game.draw()  # the chat's strips and card buttons are placed when drawn
    return screen


def click_at(game, pos):
    game.post_click(pos)
    game.settle(100)
    game.draw()


def test_a_cards_own_button_says_how_to_answer(game):
    screen = play(game, "photo_request")
    spots = screen.chat.card_spots
    assert spots, "the Send photo button is not on screen"
    click_at(game, spots[0][0].center)
    assert screen.tip is not None and screen.tip[0] == i18n._("In this game you answer with the choices below.")
    assert screen.state == "choosing" and not screen.session.decisions  # nothing was chosen for the child
    game.screenshot(Path(game.data_dir) / "tip.png")
    game.post_key(pygame.K_TAB)  # the next key closes the tip
    game.settle(50)
    assert screen.tip is None


def test_greyed_block_and_report_say_why_when_clicked(game):
    screen = play(game, "photo_request")
    for action in ("block", "report"):
        button = screen.widget(f"app:{action}")
        assert button is not None and not button.enabled
        click_at(game, button.rect.center)
        assert screen.tip is not None and screen.tip[0] == i18n._("Not at this step. Choose one of the answers below.")
        assert game.stack.top is screen


def test_the_earlier_messages_strip_scrolls_and_covers_no_words(game):
    game.update_settings(text_size=3)  # the largest text: the first message is out of view
    screen = play(game, "photo_request")
    strip = screen.chat.strips.get("up")
    assert strip is not None and strip.height == STRIP_H
    column = screen._chat_column()
    assert strip.top == column.top
    # nothing of the chat is drawn under the strip: only the chat's background and the strip's own arrow/words
    click_at(game, strip.center)
    assert screen.chat.scroll > 0
    assert "down" in screen.chat.strips
    click_at(game, screen.chat.strips["down"].center)
    assert screen.chat.scroll < 400
    game.update_settings(text_size=1)


def test_pictures_are_placeholders_and_a_hidden_picture_is_a_veil(game):
    screen = play(game, SNAPSHOTS / "fixture_picture_cards.yaml")
    cards = [i for i in screen.chat.items if i.card]
    assert [c.card for c in cards] == ["picture", "hidden_picture"]
    for item in cards:
        assert item.surface.get_height() > 200  # a picture area above the words
    game.screenshot(Path(game.data_dir) / "pictures.png")
    # the veil is dark: the hidden picture's area is mostly dark pixels under its warning
    hidden = cards[1]
    surf = hidden.surface
    w, h = surf.get_size()
    dark = sum(1 for x in range(w // 4, 3 * w // 4, 8) for y in range(h // 3, 2 * h // 3, 8)
               if sum(surf.get_at((x, y))[:3]) < 3 * 110)
    assert dark > 20
