"""What the play screen reads aloud: each message as it arrives, the prompt and numbered choices, a choice
again when the keyboard focus reaches it. A mixin of PlayScreen, kept apart so each file stays small.
Narration reads the logical text (never the reordered one) and never breaks play."""
from __future__ import annotations

import logging

from .. import i18n

log = logging.getLogger("aman_game.screens.play")


def spoken(text) -> tuple:
    """A scenario string as narration takes it: (logical text, its recordings by language, if any)."""
    voice = getattr(text, "voice", None)
    return i18n.pick_logical(text), (dict(voice) if voice else None)


def has_recording(text) -> bool:
    """Does the scenario name a recording of this string in the current language (or a pseudo-locale's
    base language)?"""
    from ..narration import speech_language

    voice = getattr(text, "voice", None) or {}
    lang = i18n.current_language()
    return bool(voice.get(lang) or voice.get(speech_language(lang)))


class PlayVoice:
    def say(self, lines: list, *, interrupt: bool = False) -> None:
        """Hand lines to the narrator, which reads them only when read-aloud is on. A line is logical
        text, or (text, recordings) where the scenario names recorded files for the string."""
        try:
            from .. import narration

            narration.get_narrator().say_all(lines, i18n.current_language(), interrupt=interrupt)
        except Exception as exc:  # narration must never break play
            log.debug("narration failed: %s", exc)

    def choice_words(self, position: int) -> str:
        """A choice as narration reads it: its number on screen (the key that picks it), then its words."""
        choice = self.session.node.choices[self.session.index_at(position)]
        return f"{i18n.format_number(position + 1)}. {i18n.pick_logical(choice.text)}"

    def choice_lines(self, position: int) -> list:
        """What narration reads for the choice at screen `position`: "2. words" in one line, or — when the
        choice has its own recording in this language — the number, then the recording (which reads the
        words)."""
        text = self.session.node.choices[self.session.index_at(position)].text
        if has_recording(text):
            return [f"{i18n.format_number(position + 1)}.", spoken(text)]
        return [self.choice_words(position)]

    def read_choices(self) -> None:
        """Read the prompt and every choice aloud, in the order they are shown, after the messages still
        being read."""
        node = self.session.node
        lines = [spoken(node.prompt)] if node.prompt is not None else []
        for position in range(len(node.choices)):
            lines += self.choice_lines(position)
        self.say(lines)
