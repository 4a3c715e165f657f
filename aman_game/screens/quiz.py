"""The short class quiz: before a child's first story, after their last, and on a later day (delayed check).

Shown only in a class session with the quiz switched on (aman_game.class_session pushes it over the menu
with the items of aman_game.quiz_plan and this child's order of the options). No right/wrong marks while
answering — before playing that would teach the answers the quiz measures; the post quiz ends with the
child's own count. Each answer is stored at once (one transaction per answer), by the option's index in the
quiz file, never by its place on screen.

No answer is ever chosen for the child: a new question has nothing in focus, Enter or Space on nothing does
nothing, and the focus ring appears only once an arrow, Tab or a number key is used (numbers 1–4 answer at
once). Esc pauses: back to the quiz, or back to the title screen — the quiz then resumes at the first
question not yet answered.
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
from ..widgets.base import ACTIVATE_KEYS
from .base import Screen
from .confirm import Dialog

_ = i18n._
NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
               pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3}
COL_X, COL_W = 190, 900
CARD_Y = 146  # the question's card; the options follow it


class QuizScreen(Screen):
    name = "quiz"
    cache_static = True  # every change of what draw_content shows calls invalidate()

    def __init__(self, game, quiz, phase: str, nickname: str, recorder=None, *, items=None, orders=None,
                 answered=(), delay_days=None):
        super().__init__(game)
        self.quiz = quiz
        self.phase = phase  # "pre" | "post" | "delayed"
        self.nickname = nickname
        self.recorder = recorder
        # the items to ask (default: the bank's form-a items); those already answered (resume) are skipped
        chosen = items if items is not None else [q for q in quiz.questions if getattr(q, "form", "a") == "a"]
        self.all_items = tuple(chosen)
        done = set(answered)
        self._questions = tuple(q for q in chosen if q.id not in done)
        self.orders = dict(orders or {})  # question id -> file indexes of its options in screen order
        self.delay_days = delay_days
        self.index = -1  # -1: the introduction; len(questions): the thank-you
        self.correct = 0
        self.answers: list[tuple[str, int, bool]] = []  # (question id, file index chosen, right) this sitting

    @property
    def questions(self):
        return self._questions

    def order(self, question) -> tuple[int, ...]:
        """File indexes of the question's options, in the order this child sees them."""
        order = self.orders.get(question.id)
        return tuple(order) if order and sorted(order) == list(range(len(question.options))) \
            else tuple(range(len(question.options)))

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
        """Start and Continue take the focus (Enter goes on); a question's options never do: nothing is
        chosen for the child, and an arrow or Tab shows the ring on the first option (FocusGroup.move)."""
        if self.question is not None:
            self.focus.focus = None
            return
        self.focus.focus_on("start" if self.index < 0 else "continue")

    def begin(self) -> None:
        self.index = 0
        self.build()
        self._focus_first()
        self.invalidate()

    def answer(self, place: int) -> None:
        """The child chose the option shown at `place` (0 = first on screen); recorded by its file index."""
        question = self.question
        if question is None or not 0 <= place < len(question.options):
            return
        option = self.order(question)[place]
        right = option == question.correct
        self.correct += int(right)
        self.answers.append((question.id, option, right))
        if self.recorder is not None:
            self.recorder.record_quiz_answer(self.nickname, self.phase, question.id, option, right,
                                             topic=question.topic, delay_days=self.delay_days)
        self.index += 1
        self.build()
        self._focus_first()
        self.invalidate()

    def finish(self) -> None:
        self.stack.pop(self.correct)

    def open_pause(self) -> None:
        """Esc: a pause card over the quiz; 'title' closes the quiz (its answers so far are kept)."""
        def done(choice) -> None:
            if choice == "title":
                self.stack.pop("title")

        self.stack.push(QuizPauseDialog(self.game), done)

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
        for i, index in enumerate(self.order(question)):
            rect = self.frame.place(pygame.Rect(COL_X, y, COL_W, height))
            text = f"{i18n.format_number(i + 1)}. {i18n.pick(question.options[index])}"
            widgets.append(Button(rect, text, (lambda k=i: self.answer(k)), name=f"option:{i}", style="secondary",
                                  bold=False, size=FONT_SIZES["body"]))
            y += height + 14
        return widgets

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in NUMBER_KEYS and self.question is not None:
            self.answer(NUMBER_KEYS[event.key])
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.open_pause()
            return True
        if (event.type == pygame.KEYDOWN and event.key in ACTIVATE_KEYS and self.question is not None
                and self.focus.focused is None):
            return True  # Enter on nothing does nothing: no answer is ever picked for the child
        return super().handle_event(event)

    def autoplay_target(self, policy):
        question = self.question
        if self.index < 0:
            return "start"
        if question is None:
            return "continue"
        places = self.order(question)  # where each file option sits on screen
        right = places.index(question.correct)
        wrong = [p for p in range(len(places)) if p != right]
        if policy.mode == "unsafe" and wrong:
            return f"option:{wrong[0]}"
        if policy.mode == "random":
            return f"option:{policy.rng.randrange(len(places))}"
        return f"option:{right}"

    # -- drawing ---------------------------------------------------------------------------------
    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        title = {"pre": _("A short quiz before you play"), "post": _("A short quiz after playing"),
                 "delayed": _("Welcome back! A few questions first")}.get(self.phase, "")
        self.draw_title(surface, title)
        robot = self.frame.place(pygame.Rect(900, 250, 260, 320))
        total = len(self.questions)
        question = self.question
        if self.index < 0:
            draw_robot(surface, robot, "wave", flip=self.rtl)
            if self.phase == "delayed":
                text = i18n.ngettext("You played here before. Answer {count} short question about what you "
                                     "learned, then carry on.",
                                     "You played here before. Answer {count} short questions about what you "
                                     "learned, then carry on.", total).format(count=i18n.format_number(total))
            else:
                text = i18n.ngettext("Answer {count} short question. It is not a test of you: it shows your "
                                     "teacher what the class knows.",
                                     "Answer {count} short questions. It is not a test of you: it shows your "
                                     "teacher what the class knows.", total).format(count=i18n.format_number(total))
            label.draw_in(surface, text, self.frame.place(pygame.Rect(COL_X, 200, 660, 300)), FONT_SIZES["heading"],
                          pal.text, valign="top", max_lines=5)
            return
        if question is None:
            draw_robot(surface, robot, "happy", flip=self.rtl)
            if self.phase == "pre":
                text = _("Thank you! Now choose a story to play.")
            elif self.phase == "delayed":
                text = _("Thank you! Now carry on playing.")
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


class QuizPauseDialog(Dialog):
    """Esc in the quiz: back to the questions (Esc again does the same), or back to the title screen."""
    name = "quiz_pause"

    def __init__(self, game):
        super().__init__(game, _("Quiz paused"), _("Your answers so far are kept. You can carry on later."),
                         [("resume", _("Back to the quiz"), "primary"), ("title", _("Back to the title screen"),
                                                                           "secondary")],
                         cancel="resume", robot="happy")
