"""A least-recently-used cache bounded in bytes, for rendered surfaces."""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")


class ByteLRU(Generic[V]):
    def __init__(self, max_bytes: int, size_of: Callable[[V], int]):
        self.max_bytes = max_bytes
        self._size_of = size_of
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self.bytes = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> V | None:
        item = self._items.get(key)
        if item is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return item[0]

    def put(self, key: Hashable, value: V) -> V:
        size = self._size_of(value)
        if key in self._items:
            self.bytes -= self._items.pop(key)[1]
        if size > self.max_bytes:  # larger than the whole cache: hand it back without keeping it
            return value
        self._items[key] = (value, size)
        self.bytes += size
        while self.bytes > self.max_bytes:
            _key, (_value, old) = self._items.popitem(last=False)
            self.bytes -= old
        return value

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)
