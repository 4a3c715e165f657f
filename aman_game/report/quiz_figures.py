"""The quiz's figures, as plain data: paired gain with its n, per item, per topic with retention.

Definitions (the report prints them):
- a child's score in a phase counts their latest answer to each item of that phase: right / answered;
- the class's before, after and gain are over the PAIRED children only — those who took both the quiz
  before and the quiz after — so after − before = gain, and n is written beside it. Children who took only
  one are counted separately, never mixed in;
- per item: right / answered before and after (every child who answered it), and the wrong option chosen
  most often (before and after together);
- per topic: the paired children's right / answered before and after on that topic's item, and the delayed
  check's right / answered on its parallel item, with how many children and the mean delay in days.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from aman_game.results.model import ClassResults, name_key


@dataclass(frozen=True)
class QuizScore:
    correct: int
    answered: int

    @property
    def rate(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class ChildQuiz:
    nickname: str
    pre: QuizScore | None
    post: QuizScore | None
    delayed: QuizScore | None = None
    delay_days: int | None = None  # of their delayed check (the longest, if answered over several days)

    @property
    def gain(self) -> float | None:
        """After − before, as a fraction (0.2 = 20 percentage points); None without both."""
        if self.pre is None or self.post is None:
            return None
        return self.post.rate - self.pre.rate


@dataclass(frozen=True)
class Tally:
    right: int = 0
    answered: int = 0

    @property
    def rate(self) -> float | None:
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True)
class ItemFigures:
    question_id: str
    topic: str
    pre: Tally
    post: Tally
    wrong_option: int | None  # the option's index in the quiz file
    wrong_times: int


@dataclass(frozen=True)
class TopicFigures:
    topic: str
    pre: Tally        # paired children, the topic's form-a item
    post: Tally
    delayed: Tally    # the delayed check, its form-b item
    delayed_children: int
    mean_delay_days: float | None

    @property
    def gain(self) -> float | None:
        if self.pre.rate is None or self.post.rate is None:
            return None
        return self.post.rate - self.pre.rate


@dataclass(frozen=True)
class QuizSummary:
    children: tuple[ChildQuiz, ...]
    mean_pre: float | None   # over the paired children
    mean_post: float | None  # over the paired children
    mean_gain: float | None  # = mean_post - mean_pre
    both: int                # n: children who took both quizzes
    pre_only: int = 0
    post_only: int = 0
    items: tuple[ItemFigures, ...] = ()
    topics: tuple[TopicFigures, ...] = ()
    delayed_children: int = 0

    @property
    def pre_children(self) -> int:
        return self.both + self.pre_only

    @property
    def post_children(self) -> int:
        return self.both + self.post_only


def _latest(results: ClassResults) -> dict[tuple[str, str, str], object]:
    """(child key, phase, question id) -> that child's latest answer (a child answering again counts once)."""
    latest: dict[tuple[str, str, str], object] = {}
    for answer in results.quiz_answers:
        key = (name_key(answer.nickname), answer.phase, answer.question_id)
        if key not in latest or answer.at >= latest[key].at:
            latest[key] = answer
    return latest


def quiz_summary(results: ClassResults) -> QuizSummary:
    latest = _latest(results)
    spelling: dict[str, str] = {}
    for answer in results.quiz_answers:
        spelling.setdefault(name_key(answer.nickname), answer.nickname)
    scores: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    delays: dict[str, int] = {}
    for (child, phase, _q), answer in latest.items():
        scores[(child, phase)][0] += int(answer.correct)
        scores[(child, phase)][1] += 1
        if phase == "delayed" and answer.delay_days is not None:
            delays[child] = max(delays.get(child, 0), answer.delay_days)

    def score(child: str, phase: str) -> QuizScore | None:
        found = scores.get((child, phase))
        return QuizScore(*found) if found else None

    children = tuple(ChildQuiz(spelling[c], score(c, "pre"), score(c, "post"), score(c, "delayed"), delays.get(c))
                     for c in sorted(spelling, key=lambda k: name_key(spelling[k])))
    paired = [c for c in children if c.pre is not None and c.post is not None]
    paired_keys = {name_key(c.nickname) for c in paired}
    mean_pre = sum(c.pre.rate for c in paired) / len(paired) if paired else None
    mean_post = sum(c.post.rate for c in paired) / len(paired) if paired else None
    return QuizSummary(
        children=children,
        mean_pre=mean_pre,
        mean_post=mean_post,
        mean_gain=(mean_post - mean_pre) if paired else None,
        both=len(paired),
        pre_only=sum(1 for c in children if c.pre is not None and c.post is None),
        post_only=sum(1 for c in children if c.post is not None and c.pre is None),
        items=_items(latest),
        topics=_topics(latest, paired_keys),
        delayed_children=sum(1 for c in children if c.delayed is not None),
    )


def _items(latest: dict) -> tuple[ItemFigures, ...]:
    tallies: dict[str, dict[str, list[int]]] = {}
    wrong: dict[str, Counter] = defaultdict(Counter)
    topics: dict[str, str] = {}
    order: list[str] = []
    for (_child, phase, qid), answer in sorted(latest.items(), key=lambda kv: kv[1].at):
        if phase not in ("pre", "post"):
            continue
        if qid not in tallies:
            tallies[qid] = {"pre": [0, 0], "post": [0, 0]}
            order.append(qid)
        tallies[qid][phase][0] += int(answer.correct)
        tallies[qid][phase][1] += 1
        topics.setdefault(qid, answer.topic)
        if not answer.correct:
            wrong[qid][answer.chosen] += 1
    out = []
    for qid in order:
        top = sorted(wrong[qid].items(), key=lambda kv: (-kv[1], kv[0]))
        out.append(ItemFigures(qid, topics.get(qid, ""), Tally(*tallies[qid]["pre"]), Tally(*tallies[qid]["post"]),
                               top[0][0] if top else None, top[0][1] if top else 0))
    return tuple(out)


def _topics(latest: dict, paired: set[str]) -> tuple[TopicFigures, ...]:
    same: dict[str, dict[str, list[int]]] = {}
    delayed: dict[str, list[int]] = {}
    delayed_kids: dict[str, dict[str, int]] = defaultdict(dict)
    order: list[str] = []
    for (child, phase, _qid), answer in sorted(latest.items(), key=lambda kv: kv[1].at):
        topic = answer.topic
        if not topic:
            continue  # answers stored before topics were recorded
        if topic not in same:
            same[topic] = {"pre": [0, 0], "post": [0, 0]}
            delayed[topic] = [0, 0]
            order.append(topic)
        if phase in ("pre", "post") and child in paired:
            same[topic][phase][0] += int(answer.correct)
            same[topic][phase][1] += 1
        elif phase == "delayed":
            delayed[topic][0] += int(answer.correct)
            delayed[topic][1] += 1
            delayed_kids[topic][child] = max(delayed_kids[topic].get(child, 0), answer.delay_days or 0)
    out = []
    for topic in order:
        kids = delayed_kids[topic]
        out.append(TopicFigures(topic, Tally(*same[topic]["pre"]), Tally(*same[topic]["post"]),
                                Tally(*delayed[topic]), len(kids),
                                sum(kids.values()) / len(kids) if kids else None))
    return tuple(out)
