"""Reading plainsci's data files (glossaries, abbreviations, taxonomy, templates) from YAML.

``yaml.safe_load`` parses in pure Python: data/glossary/abbreviations.yaml alone took about a
third of a second of CPU on first use, inside the first draft. libyaml's parser (PyYAML's
``CSafeLoader``, where PyYAML was built with it) gives the same data with the same safe
constructor, several times faster; without libyaml the pure-Python loader is used.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data of ``text``, as ``yaml.safe_load`` gives it (a syntax error raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader (libyaml's or PyYAML's)
