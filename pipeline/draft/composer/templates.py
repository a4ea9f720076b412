"""The composer's versioned plans and sentence templates: ``prompts/composer.v<N>.yaml``.

Each file is YAML front matter (id, version, task, notes) between ``---`` lines, then a YAML body
of params, plans and templates. The content hash (front matter without notes, plus the body) goes
into the draft's provenance, so changing a template changes the cache key, and the prompt lab
can grid and compare versions (``--prompt composer.v2``).
"""

from __future__ import annotations

import hashlib
import json
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import PromptError
from pipeline.text.yamldata import load_yaml

PROMPT_ID = "composer"
_FILE = re.compile(r"^(?P<id>[a-z][a-z0-9_]*)\.v(?P<version>\d+)\.yaml$")
_REF = re.compile(r"^(?:(?P<id>[a-z][a-z0-9_]*)\.)?v?(?P<version>\d+)$")
REQUIRED_SECTIONS = (
    "params",
    "plans",
    "design_nouns",
    "topic",
    "who",
    "design_plain",
    "certainty",
    "summary",
    "implications",
)


@dataclass(frozen=True)
class ComposerTemplates:
    """One validated composer template version."""

    id: str
    version: int
    path: Path
    body: dict[str, Any]
    hash: str
    notes: str = field(default="", compare=False)

    @property
    def params(self) -> dict[str, int]:
        return dict(self.body["params"])

    def section(self, name: str) -> dict[str, Any]:
        return dict(self.body.get(name) or {})

    def text(self, section: str, key: str, **values: object) -> str | None:
        """The template ``section.key`` filled with ``values``; None when a value is missing."""
        template = self.body.get(section, {}).get(key)
        if not isinstance(template, str):
            return None
        return fill(template, values)

    def pair(self, section: str, key: str) -> tuple[str, str] | None:
        value = self.body.get(section, {}).get(key)
        if isinstance(value, list) and len(value) == 2:
            return str(value[0]), str(value[1])
        return None

    @property
    def keep_words(self) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.body.get("keep_words") or [])


def fill(template: str, values: dict[str, object]) -> str | None:
    """``template`` with its ``{name}`` fields filled; None when one has no (non-empty) value."""
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    if any(values.get(n) in (None, "") for n in names):
        return None
    return template.format(**{n: values[n] for n in names})


def _split(text: str, path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    parts = text.split("---\n", 2)
    if len(parts) != 3 or parts[0].strip():
        raise PromptError(
            f"{path}: no front matter.", hint="Start the file with '---', the front matter, then '---'."
        )
    try:
        front = load_yaml(parts[1]) or {}
        body = load_yaml(parts[2]) or {}
    except yaml.YAMLError as exc:
        raise PromptError(f"{path}: invalid YAML: {exc}.", hint="Fix the YAML syntax.") from exc
    if not isinstance(front, dict) or not isinstance(body, dict):
        raise PromptError(f"{path}: front matter and body must be mappings.", hint="See prompts/README.md.")
    return front, body


def load_templates_file(path: Path) -> ComposerTemplates:
    """Load and validate one composer template file; errors name the file and what to fix."""
    m = _FILE.match(path.name)
    if m is None:
        raise PromptError(
            f"{path}: bad file name.", hint="Name it <id>.v<version>.yaml, e.g. composer.v2.yaml."
        )
    front, body = _split(path.read_text(encoding="utf-8"), path)
    if front.get("id") != m.group("id") or str(front.get("version")) != m.group("version"):
        raise PromptError(
            f"{path}: front matter id/version ({front.get('id')}, {front.get('version')}) differ from the file name.",
            hint="Make the file name and the front matter agree.",
        )
    missing = [s for s in REQUIRED_SECTIONS if not isinstance(body.get(s), dict)]
    if missing:
        raise PromptError(
            f"{path}: missing section(s) {', '.join(missing)}.", hint="Copy them from composer.v1.yaml."
        )
    for key, value in body["params"].items():
        if not isinstance(value, int):
            raise PromptError(f"{path}: params.{key} must be a whole number.", hint="Write a whole number.")
    hashed = {k: v for k, v in front.items() if k != "notes"}
    digest = hashlib.sha256(json.dumps([hashed, body], sort_keys=True, default=str).encode()).hexdigest()
    return ComposerTemplates(
        id=str(front["id"]),
        version=int(front["version"]),
        path=path,
        body=body,
        hash=digest[:16],
        notes=str(front.get("notes") or ""),
    )


def resolve(prompts_dir: Path, ref: str | None) -> Path:
    """The file of ``ref`` (``composer.v2``, ``v2``, ``2``; None: the highest version)."""
    if ref is None:
        found = sorted(
            (int(m.group("version")), p)
            for p in prompts_dir.glob(f"{PROMPT_ID}.v*.yaml")
            if (m := _FILE.match(p.name)) and m.group("id") == PROMPT_ID
        )
        if not found:
            raise PromptError(
                f"No composer templates in {prompts_dir}.", hint="Restore prompts/composer.v1.yaml from git."
            )
        return found[-1][1]
    m = _REF.match(ref.strip())
    if m is None:
        raise PromptError(f"Unknown composer prompt {ref!r}.", hint="Use composer.v<N>, e.g. composer.v1.")
    path = prompts_dir / f"{m.group('id') or PROMPT_ID}.v{m.group('version')}.yaml"
    if not path.exists():
        raise PromptError(
            f"Composer prompt {ref!r}: {path} does not exist.", hint="List prompts/composer.v*.yaml."
        )
    return path


def load_templates(prompts_dir: Path, ref: str | None = None) -> ComposerTemplates:
    return load_templates_file(resolve(prompts_dir, ref))
