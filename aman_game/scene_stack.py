"""The scene stack: push / pop / replace, with results handed back to whoever pushed a scene.

Only the stack calls a scene's lifecycle hooks (enter, exit, pause, resume) so a scene never reaches into
its parent: a child finishes with `self.stack.pop(result)` and the stack delivers `result` to the callback
the parent gave when it pushed the child. Nothing here imports pygame, so the lifecycle is tested as data.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

ResultCallback = Callable[[Any], None]


class Scene:
    """Base class of every screen. Subclasses override the hooks they need.

    `dirty` tells the loop a redraw is needed; `next_wake()` returns seconds until the scene wants
    `update` again (an animation, a typing indicator), or None when it is idle and the loop may sleep.
    """

    #: Set by the stack on push; a scene uses it to push children or pop itself.
    stack: "SceneStack | None" = None
    #: A scene that covers only part of the canvas (a dialog) lets the one below show through.
    is_overlay: bool = False

    def __init__(self) -> None:
        self.dirty = True

    # lifecycle — called by the stack only
    def enter(self) -> None:
        """The scene became part of the stack (and is on top)."""

    def exit(self) -> None:
        """The scene left the stack."""

    def pause(self) -> None:
        """Another scene was pushed on top of this one."""

    def resume(self) -> None:
        """The scene above was popped; this one is on top again."""
        self.dirty = True

    # the loop
    def handle_event(self, event: Any) -> bool:
        """Return True when the event was consumed."""
        return False

    def update(self, dt: float) -> None:
        """Advance timers and animations by dt seconds."""

    def draw(self, surface: Any) -> None:
        """Draw the whole canvas (or, for an overlay, on top of what is already there)."""

    def next_wake(self) -> Optional[float]:
        return None

    def needs_backdrop(self) -> bool:
        """An overlay that keeps its own picture of what lies below returns False: the stack then
        skips drawing (and updating) the scenes under it."""
        return True

    def relayout(self) -> None:
        """Language, text size or contrast changed: rebuild cached text and positions."""
        self.dirty = True


class _Entry:
    __slots__ = ("scene", "on_result")

    def __init__(self, scene: Scene, on_result: Optional[ResultCallback]) -> None:
        self.scene = scene
        self.on_result = on_result


class SceneStack:
    """A stack of scenes; the top one receives events. Operations apply at once, in call order."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        #: Called after every push/pop/replace with the new top (or None); the app hooks screenshots here.
        self.listeners: list[Callable[[Optional[Scene]], None]] = []

    def __len__(self) -> int:
        return len(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)

    @property
    def top(self) -> Optional[Scene]:
        return self._entries[-1].scene if self._entries else None

    def scenes(self) -> list[Scene]:
        """Bottom to top."""
        return [e.scene for e in self._entries]

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom to top: the top one and every overlay's backdrop below it."""
        out: list[Scene] = []
        for entry in reversed(self._entries):
            out.append(entry.scene)
            if not entry.scene.is_overlay or not entry.scene.needs_backdrop():
                break
        return list(reversed(out))

    def push(self, scene: Scene, on_result: Optional[ResultCallback] = None) -> Scene:
        if self._entries:
            self._entries[-1].scene.pause()
        scene.stack = self
        self._entries.append(_Entry(scene, on_result))
        scene.dirty = True
        scene.enter()
        self._notify()
        return scene

    def pop(self, result: Any = None) -> Optional[Scene]:
        """Remove the top scene; its parent resumes, then receives `result` through its callback."""
        if not self._entries:
            return None
        entry = self._entries.pop()
        entry.scene.exit()
        entry.scene.stack = None
        if self._entries:
            parent = self._entries[-1].scene
            parent.dirty = True
            parent.resume()
        if entry.on_result is not None:
            entry.on_result(result)
        self._notify()
        return entry.scene

    def replace(self, scene: Scene, on_result: Optional[ResultCallback] = None) -> Scene:
        """Swap the top scene for another without resuming the one below; the callback carries over."""
        if self._entries:
            old = self._entries.pop()
            old.scene.exit()
            old.scene.stack = None
            if on_result is None:
                on_result = old.on_result
        scene.stack = self
        self._entries.append(_Entry(scene, on_result))
        scene.dirty = True
        scene.enter()
        self._notify()
        return scene

    def clear(self) -> None:
        while self._entries:
            entry = self._entries.pop()
            entry.scene.exit()
            entry.scene.stack = None
        self._notify()

    def handle_event(self, event: Any) -> bool:
        top = self.top
        return bool(top is not None and top.handle_event(event))

    def update(self, dt: float) -> None:
        for scene in self.visible():
            scene.update(dt)

    def next_wake(self) -> Optional[float]:
        waits = [w for w in (s.next_wake() for s in self.visible()) if w is not None]
        return min(waits) if waits else None

    @property
    def dirty(self) -> bool:
        return any(s.dirty for s in self.visible())

    def draw(self, surface: Any) -> None:
        for scene in self.visible():
            scene.draw(surface)
            scene.dirty = False

    def relayout(self) -> None:
        for entry in self._entries:
            entry.scene.relayout()

    def _notify(self) -> None:
        for listener in list(self.listeners):
            listener(self.top)
