"""Name -> factory registries for pluggable parts (sources, backends, metrics, renderers).

Like spaCy's catalogue: parts register themselves by name with a decorator, the run's
settings name the parts to use, and an unknown name is an error listing the known ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from pipeline.errors import UnknownName

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def deco(obj: T) -> T:
            self._items[name] = obj
            return obj

        return deco

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            raise UnknownName(self.kind, name, list(self._items)) from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items
