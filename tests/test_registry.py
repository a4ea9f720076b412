"""The one registry mechanism (pipeline.registry): register by name, look up, and an unknown name
is an error that lists the known ones; the built-in registries are filled by their packages."""

from __future__ import annotations

import pytest

from pipeline.draft.base import BACKENDS, make_backend
from pipeline.errors import PlainsciError, UnknownName
from pipeline.publish.render import RENDERERS
from pipeline.registry import Registry
from pipeline.sources.base import SOURCES, make_source


def test_register_get_names_and_membership() -> None:
    widgets: Registry[type] = Registry("widget")

    @widgets.register("b")
    class B: ...

    @widgets.register("a")
    class A: ...

    assert widgets.get("a") is A and widgets.get("b") is B  # the decorator returns the object
    assert widgets.names() == ["a", "b"]
    assert "a" in widgets and "c" not in widgets


def test_an_unknown_name_lists_the_known_ones() -> None:
    widgets: Registry[int] = Registry("widget")
    widgets.register("zeta")(1)
    widgets.register("alpha")(2)
    with pytest.raises(UnknownName) as info:
        widgets.get("beta")
    assert isinstance(info.value, PlainsciError)
    assert info.value.message == "Unknown widget 'beta'."
    assert info.value.hint == "Known widgets: alpha, zeta."
    with pytest.raises(UnknownName, match="Known gadgets: none"):
        Registry[int]("gadget").get("x")


def test_the_built_in_registries_know_their_parts(settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownName, match=r"Unknown backend 'gpt'.*extractive"):
        make_backend(settings, "gpt")
    assert {"extractive", "seq2seq"} <= set(BACKENDS.names())
    with pytest.raises(UnknownName, match=r"Unknown source 'arxiv'.*files"):
        make_source("arxiv", settings)
    assert {"files", "europepmc", "pubmed", "springer", "feeds"} <= set(SOURCES.names())
    assert {"html", "json", "md"} <= set(RENDERERS.names())


def test_a_registry_loads_its_built_in_parts_when_first_read() -> None:
    """Nothing has imported the module that registers the parts: the first read of the registry
    does, so a lookup does not depend on the import order."""
    import sys

    from tests.registry_parts import PARTS

    assert "tests.registry_parts_builtin" not in sys.modules
    assert "two" in PARTS  # the first read imports the module, which registers its parts
    assert "tests.registry_parts_builtin" in sys.modules
    assert PARTS.names() == ["one", "two"] and PARTS.get("one") == 1
    for registry, module in ((BACKENDS, "pipeline.draft.backends"), (SOURCES, "pipeline.sources")):
        registry.load()
        assert registry.builtins == module and module in sys.modules


def test_a_backend_looked_up_by_name_imports_only_its_own_module() -> None:
    """The seq2seq backend on a GPU machine needs neither the composer nor spaCy, and the default
    composer never imports torch or the seq2seq module; listing the backends imports them all."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys; from pipeline.draft.base import BACKENDS; BACKENDS.get({name!r}); "
        "seen = {{m: m in sys.modules for m in ('spacy', 'torch', 'pipeline.draft.composer', "
        "'pipeline.draft.seq2seq', 'pipeline.draft.backends')}}; BACKENDS.names(); "
        "seen['all'] = all(m in sys.modules for m in ('pipeline.draft.composer', 'pipeline.draft.seq2seq', "
        "'pipeline.draft.extractive')); print(json.dumps(seen))"
    )

    def imported(name: str) -> dict[str, bool]:
        out = subprocess.run(
            [sys.executable, "-c", code.format(name=name)], capture_output=True, text=True, check=True
        )
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))

    seq2seq = imported("seq2seq")
    assert seq2seq["pipeline.draft.seq2seq"] and not seq2seq["pipeline.draft.composer"]
    assert not seq2seq["spacy"] and not seq2seq["pipeline.draft.backends"] and seq2seq["all"]
    composer = imported("composer")
    assert composer["pipeline.draft.composer"] and not composer["pipeline.draft.seq2seq"]
    assert not composer["torch"] and composer["all"]


def test_a_default_makes_get_answer_like_a_dict() -> None:
    widgets: Registry[int] = Registry("widget")
    widgets.register("one")(1)
    assert widgets.get("two", None) is None and widgets.get("one", None) == 1
    assert list(widgets) == ["one"] and len(widgets) == 1 and widgets["one"] == 1
