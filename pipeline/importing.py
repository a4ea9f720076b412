"""Import-time choices that keep plainsci's start-up light.

spaCy imports thinc, and thinc's ``compat`` module imports PyTorch whenever it is installed, to
offer its PyTorch layers; the spaCy pipelines plainsci runs (the small English CNN models) never
use them, yet importing torch is the largest single cost of starting ``plainsci nightly`` with
the embedded drafter (several seconds of the run). :func:`install` hides torch from thinc while
``thinc.compat`` executes, so thinc records that it has no torch, and gives torch back at once:
a seq2seq backend or the lab's training still imports the real torch afterwards.

Nothing is hidden when torch is already imported (then there is nothing to save), or when a
package that runs spaCy pipelines on PyTorch (spacy-transformers, spacy-curated-transformers) is
installed, because its pipelines need thinc's PyTorch layers.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

TORCH_PIPELINE_PACKAGES = ("spacy_transformers", "spacy_curated_transformers")


class _HideTorch(importlib.abc.Loader):
    """Runs the real loader of ``thinc.compat`` with ``import torch`` failing meanwhile."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def __getattr__(self, name: str) -> object:  # get_source, get_filename, ... for tracebacks
        return getattr(self.loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        if "torch" in sys.modules or any(importlib.util.find_spec(p) for p in TORCH_PIPELINE_PACKAGES):
            self.loader.exec_module(module)
            return
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
        try:
            self.loader.exec_module(module)
        finally:
            if sys.modules.get("torch", ...) is None:
                del sys.modules["torch"]


class _ThincCompatFinder(importlib.abc.MetaPathFinder):
    """Finds ``thinc.compat`` the usual way and wraps its loader in :class:`_HideTorch`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "thinc.compat":
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _HideTorch(spec.loader)
                return spec
        return None


def install() -> None:
    """Hide torch from thinc when thinc is first imported (no effect if thinc already is)."""
    if "thinc.compat" in sys.modules or any(isinstance(f, _ThincCompatFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _ThincCompatFinder())
