"""The scene stack as data: lifecycle order, results handed back, overlays; no pygame involved."""
from __future__ import annotations

import sys

from aman_game.scene_stack import Scene, SceneStack


class Probe(Scene):
    def __init__(self, name, log, overlay=False, wake=None):
        super().__init__()
        self.name, self.log, self.is_overlay, self.wake = name, log, overlay, wake

    def enter(self):
        self.log.append(f"{self.name}.enter")

    def exit(self):
        self.log.append(f"{self.name}.exit")

    def pause(self):
        self.log.append(f"{self.name}.pause")

    def resume(self):
        super().resume()
        self.log.append(f"{self.name}.resume")

    def next_wake(self):
        return self.wake


def test_scene_stack_imports_no_pygame():
    import importlib

    sys.modules.pop("aman_game.scene_stack", None)
    had_pygame = "pygame" in sys.modules
    mod = importlib.import_module("aman_game.scene_stack")
    assert "pygame" not in mod.__dict__
    source = open(mod.__file__, encoding="utf-8").read()
    assert "import pygame" not in source
    assert had_pygame or "pygame" not in sys.modules


def test_push_pop_lifecycle_and_result_to_the_caller():
    log, got = [], []
    stack = SceneStack()
    a = stack.push(Probe("a", log))
    b = stack.push(Probe("b", log), on_result=got.append)
    assert stack.top is b and b.stack is stack
    stack.pop("answer")
    assert log == ["a.enter", "a.pause", "b.enter", "b.exit", "a.resume"]
    assert got == ["answer"]
    assert stack.top is a and b.stack is None and a.dirty


def test_replace_keeps_the_callback_and_does_not_resume_below():
    log, got = [], []
    stack = SceneStack()
    stack.push(Probe("a", log))
    stack.push(Probe("b", log), on_result=got.append)
    stack.replace(Probe("c", log))
    assert log[-2:] == ["b.exit", "c.enter"]
    assert "a.resume" not in log
    stack.pop(42)
    assert got == [42] and log[-1] == "a.resume"


def test_overlays_draw_with_the_scene_below_and_wake_is_the_earliest():
    log = []
    stack = SceneStack()
    base = stack.push(Probe("base", log, wake=2.0))
    dialog = stack.push(Probe("dialog", log, overlay=True, wake=0.5))
    assert stack.visible() == [base, dialog]
    assert stack.next_wake() == 0.5
    top = stack.push(Probe("full", log))
    assert stack.visible() == [top] and stack.next_wake() is None


def test_events_go_to_the_top_only_and_listeners_hear_changes():
    class Eater(Probe):
        def handle_event(self, event):
            self.log.append(f"{self.name}.event:{event}")
            return True

    log, tops = [], []
    stack = SceneStack()
    stack.listeners.append(tops.append)
    stack.push(Eater("a", log))
    b = stack.push(Eater("b", log))
    assert stack.handle_event("x") is True
    assert "b.event:x" in log and "a.event:x" not in log
    stack.clear()
    assert tops[-1] is None and tops[1] is b and not stack
    assert stack.pop() is None
