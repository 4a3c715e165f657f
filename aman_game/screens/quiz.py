"""The short class quiz (scenes/quiz/quiz.yaml), before a child's first story and after their last.

Shown only in a class session with the quiz switched on (aman_game.class_session pushes it over the menu).
No right/wrong marks while answering — before playing that would teach the answers the quiz measures; the
post quiz ends with the child's own count. Each answer is stored at once (one transaction per answer).
There is no Back: the teacher turned the quiz on for the whole class; number keys 1–4 answer.
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel
from ..widgets.robot import draw_robot
from .base import Screen

_ = i18n._
NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
               pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3}
COL_X, COL_W = 190, 900
CARD_Y = 146  # the question's card; the options follow it


class QuizScreen(Screen):
    name = "quiz"
    cache_static = True  # every change of what draw_content shows calls invalidate()

    def __init__(self, game, quiz, phase: str, nickname: str, recorder=None):
        super().__init__(game)
        self.quiz = quiz
        self.phase = phase  # "pre" | "post"
        self.nickname = nickname
        self.recorder = recorder
        self.index = -1  # -1: the introduction; len(questions): the thank-you
        self.correct = 0

    @property
    def questions(self):
        return self.quiz.questions

    @property
    def question(self):
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    def screenshot_name(self) -> str:
        return f"quiz_{self.phase}_{self.index + 1:02d}"

    # -- flow ------------------------------------------------------------------------------------
    def enter(self) -> None:
        super().enter()
        self._focus_first()

    def _focus_first(self) -> None:
        """The keyboard focus on the first thing to press — Start, the question's first option, Continue —
        so Enter, the arrows (in reading order), Tab and the number keys all work at once; the ring shows as
        soon as a key is pressed (FocusGroup), never for a child using the mouse."""
        name = "start" if self.index < 0 else ("option:0" if self.question is not None else "continue")
        self.focus.focus_on(name)

    def begin(self) -> None:
        self.index = 0
        self.build()
        self._focus_first()
        self.invalidate()

    def answer(self, option: int) -> None:
        question = self.question
        if question is None or not 0 <= option < len(question.options):
            return
        right = option == question.correct
        self.correct += int(right)
        if self.recorder is not None:
            self.recorder.record_quiz_answer(self.nickname, self.phase, question.id, option, right)
        self.index += 1
        self.build()
        self._focus_first()
        self.invalidate()

    def finish(self) -> None:
        self.stack.pop(self.correct)

    def question_layout(self):
        """The question in its card: three lines at most, the card as tall as they need (large text)."""
        return label.layout(i18n.pick(self.question.text), FONT_SIZES["body"], COL_W - 2 * _theme.current().metrics.pad,
                            bold=True, max_lines=3)

    def card_height(self) -> int:
        return max(136, self.question_layout().height + 28) if self.question is not None else 136

    # -- widgets ---------------------------------------------------------------------------------
    def make_widgets(self):
        question = self.question
        if self.index < 0:
            return [Button(self.frame.place(pygame.Rect(COL_X, 560, 360, 72)), _("Start"), self.begin,
                           name="start", icon="next")]
        if question is None:
            return [Button(self.frame.place(pygame.Rect(COL_X, 560, 360, 72)), _("Continue"), self.finish,
                           name="continue", icon="next")]
        widgets, y = [], CARD_Y + self.card_height() + 18
        n = len(question.options)
        height = 84 if n <= 3 else 72
        for i, option in enumerate(question.options):
            rect = self.frame.place(pygame.Rect(COL_X, y, COL_W, height))
            text = f"{i18n.format_number(i + 1)}. {i18n.pick(option)}"
            widgets.append(Button(rect, text, (lambda k=i: self.answer(k)), name=f"option:{i}", style="secondary",
                                  bold=False, size=FONT_SIZES["body"]))
            y += height + 14
        return widgets

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in NUMBER_KEYS and self.question is not None:
            self.answer(NUMBER_KEYS[event.key])
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return True  # no way round the quiz: the teacher asked for it
        return super().handle_event(event)

    def autoplay_target(self, policy):
        question = self.question
        if self.index < 0:
            return "start"
        if question is None:
            return "continue"
        wrong = [i for i in range(len(question.options)) if i != question.correct]
        if policy.mode == "unsafe" and wrong:
            return f"option:{wrong[0]}"
        if policy.mode == "random":
            return f"option:{policy.rng.randrange(len(question.options))}"
        return f"option:{question.correct}"

    # -- drawing ---------------------------------------------------------------------------------
    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        title = _("A short quiz before you play") if self.phase == "pre" else _("A short quiz after playing")
        self.draw_title(surface, title)
        robot = self.frame.place(pygame.Rect(900, 250, 260, 320))
        total = len(self.questions)
        question = self.question
        if self.index < 0:
            draw_robot(surface, robot, "wave", flip=self.rtl)
            text = _("Answer {count} short questions. It is not a test of you: it shows your teacher what the "
                     "class knows.").format(count=i18n.format_number(total))
            label.draw_in(surface, text, self.frame.place(pygame.Rect(COL_X, 200, 660, 300)), FONT_SIZES["heading"],
                          pal.text, valign="top", max_lines=5)
            return
        if question is None:
            draw_robot(surface, robot, "happy", flip=self.rtl)
            if self.phase == "pre":
                text = _("Thank you! Now choose a story to play.")
            else:
                text = _("Thank you! You answered {correct} of {total} questions right. Tell your teacher you have "
                         "finished.").format(correct=i18n.format_number(self.correct), total=i18n.format_number(total))
            label.draw_in(surface, text, self.frame.place(pygame.Rect(COL_X, 200, 660, 300)), FONT_SIZES["heading"],
                          pal.text, valign="top", max_lines=5)
            return
        progress = _("Question {number} of {total}").format(number=i18n.format_number(self.index + 1),
                                                            total=i18n.format_number(total))
        label.draw_in(surface, progress, self.frame.place(pygame.Rect(COL_X, 100, COL_W, 40)), FONT_SIZES["small"],
                      pal.text_muted, max_lines=1)
        card = self.frame.place(pygame.Rect(COL_X, CARD_Y, COL_W, self.card_height()))
        panel(surface, card, pal.surface)
        lay = self.question_layout()
        qs = label.render(lay, pal.text)
        surface.blit(qs, qs.get_rect(midleft=(card.left + th.metrics.pad, card.centery)) if not self.rtl
                     else qs.get_rect(midright=(card.right - th.metrics.pad, card.centery)))
