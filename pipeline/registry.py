"""Name -> factory registries for pluggable parts (sources, backends, metrics, parser formats,
renderers).

Like spaCy's catalogue: parts register themselves by name with a decorator, the run's
settings name the parts to use, and an unknown name is an error listing the known ones. A
registry names the module that registers its built-in parts (``builtins``) and imports it the
first time it is read, so a lookup never depends on what happened to be imported before.
A registry may also name the module of each built-in part (``modules``): looking one up by name
then imports only that module, so the seq2seq backend never imports the composer's spaCy and
the composer never imports torch; listing the parts still imports them all.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar, overload

from pipeline.errors import UnknownName

T = TypeVar("T")
D = TypeVar("D")
_MISSING = object()


class Registry(Generic[T]):
    def __init__(self, kind: str, builtins: str | None = None, modules: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.builtins = builtins  # module whose import registers the built-in parts
        self.modules = dict(modules or {})  # built-in part -> the module that registers it
        self._items: dict[str, T] = {}
        self._loaded = builtins is None
        self._lock = threading.RLock()

    def load(self) -> None:
        """Import the module that registers the built-in parts, once (any thread may ask first)."""
        if self._loaded:
            return
        with self._lock:
            if self._loaded or self.builtins is None:
                return
            self._loaded = True  # before the import: its modules may read the registry
            try:
                importlib.import_module(self.builtins)
            except BaseException:
                self._loaded = False
                raise

    def register(self, name: str) -> Callable[[T], T]:
        def deco(obj: T) -> T:
            self._items[name] = obj
            return obj

        return deco

    @overload
    def get(self, name: str) -> T: ...

    @overload
    def get(self, name: str, default: D) -> T | D: ...

    def get(self, name: str, default: object = _MISSING) -> object:
        """The part named ``name``; an unknown name is an UnknownName error listing the known
        ones, unless a ``default`` is given (as for a dict)."""
        if name in self._items:
            return self._items[name]
        if not self._loaded and name in self.modules:
            importlib.import_module(self.modules[name])
            if name in self._items:
                return self._items[name]
        self.load()
        try:
            return self._items[name]
        except KeyError:
            if default is not _MISSING:
                return default
            raise UnknownName(self.kind, name, list(self._items)) from None

    def names(self) -> list[str]:
        self.load()
        return sorted(self._items)

    def items(self) -> list[tuple[str, T]]:
        """(name, part) in registration order."""
        self.load()
        return list(self._items.items())

    def values(self) -> list[T]:
        self.load()
        return list(self._items.values())

    def __getitem__(self, name: str) -> T:
        return self.get(name)

    def __setitem__(self, name: str, obj: T) -> None:
        """Replace a part (tests swap in a variant); ``register`` is the way to add one."""
        self.load()
        self._items[name] = obj

    def __delitem__(self, name: str) -> None:
        del self._items[name]

    def __iter__(self) -> Iterator[str]:
        self.load()
        return iter(list(self._items))

    def __len__(self) -> int:
        self.load()
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        self.load()
        return name in self._items
