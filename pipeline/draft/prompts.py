"""Prompt files and prompt sets.

A prompt is one file per version, ``prompts/<id>.v<version>.md.j2``: YAML front matter (id,
version, task, model_families, generation params, notes) between ``---`` lines, then a Jinja
template. A prompt set (``prompts/sets/<name>.yaml``) picks one prompt version per draft task.

Every file is validated when it is loaded; an error names the file and the line. A prompt
version that a stored draft used must never change: its content hash is recorded in the
draft's params, and :func:`check_frozen` / :func:`verify_against_store` refuse a file whose
hash no longer matches.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.meta
import yaml

from pipeline.domain import DRAFT_TEXT_FIELDS, Article, Facts
from pipeline.draft.yamlfile import read_yaml
from pipeline.errors import PromptError

if TYPE_CHECKING:
    from pipeline.settings import Settings
    from pipeline.store.db import Session

PROMPT_SUFFIX = ".md.j2"
SETS_DIR = "sets"
REQUIRED_KEYS = frozenset({"id", "version", "task", "model_families"})
OPTIONAL_KEYS = frozenset({"generation", "notes", "evaluation"})
MODEL_FAMILIES = frozenset({"t5", "bart", "pegasus", "led", "*"})
# Generation parameters a prompt may set, with their types. Sampling is deliberately absent:
# drafts are deterministic so that a cache key always means the same text.
GENERATION_KEYS: dict[str, tuple[type, ...]] = {
    "max_new_tokens": (int,),
    "min_new_tokens": (int,),
    "num_beams": (int,),
    "no_repeat_ngram_size": (int,),
    "length_penalty": (int, float),
    "repetition_penalty": (int, float),
    "early_stopping": (bool,),
}
TEMPLATE_VARIABLES = frozenset({"title", "sections", "abstract", "facts", "model_family"})
SET_KEYS = frozenset({"name", "description", "prompts"})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FILE_NAME = re.compile(r"^(?P<id>[a-z][a-z0-9_]*)\.v(?P<version>\d+)\.md\.j2$")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Prompt:
    """One validated prompt version."""

    id: str
    version: int
    task: str
    model_families: tuple[str, ...]
    generation: dict[str, Any]
    notes: str
    template_source: str
    path: Path
    template_line: int  # line of the file where the template starts (for error messages)
    hash: str = field(compare=False)
    # what the prompt lab measured when it promoted this version (not part of the hash)
    evaluation: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    def supports(self, family: str) -> bool:
        return "*" in self.model_families or family in self.model_families

    def render(
        self,
        article: Article,
        facts: Facts | None,
        *,
        model_family: str = "",
        sections: list[Any] | None = None,
    ) -> str:
        """The model input for ``article``; ``sections`` replaces the article's (long-input parts)."""
        secs = list(article.sections if sections is None else sections)
        variables = {
            "title": article.title,
            "sections": secs,
            "abstract": "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in secs),
            "facts": facts_variables(facts),
            "model_family": model_family,
        }
        try:
            text = _environment().from_string(self.template_source).render(**variables)
        except jinja2.TemplateError as exc:
            raise PromptError(
                f"{self.path}: rendering failed: {exc}.",
                hint="Fix the template (allowed variables: " + ", ".join(sorted(TEMPLATE_VARIABLES)) + ").",
            ) from exc
        return _BLANK_LINES.sub("\n\n", text).strip()


@dataclass(frozen=True)
class PromptSet:
    """One prompt version per task; the set name and joined versions identify it in provenance."""

    name: str
    path: Path
    prompts: dict[str, Prompt]

    @property
    def version(self) -> str:
        """Per-task versions in page order, e.g. ``1-1-2-1-1`` (``0``: task not in the set)."""
        return "-".join(str(self.prompts[t].version) if t in self.prompts else "0" for t in DRAFT_TEXT_FIELDS)

    def provenance_params(self) -> dict[str, dict[str, Any]]:
        """What a draft records per task, so a later check can prove the prompt did not change."""
        return {
            task: {"id": p.id, "version": p.version, "prompt_hash": p.hash, "generation": dict(p.generation)}
            for task, p in self.prompts.items()
        }


def facts_variables(facts: Facts | None) -> dict[str, Any]:
    """Facts as flat strings for templates (``{{ facts.participants }}``)."""
    if facts is None:
        return {
            "design": "",
            "evidence_level": "",
            "participants": "",
            "study_period": "",
            "categories": [],
            "participant_count": None,
        }
    return {
        "design": facts.design.value,
        "evidence_level": facts.evidence_level.value,
        "participants": facts.participants.value,
        "study_period": facts.study_period.value,
        "categories": list(facts.categories),
        "participant_count": facts.participant_count,
    }


def prompt_hash(meta: Mapping[str, Any], template: str) -> str:
    """Hash of everything that changes model output: id, version, task, families, params, template.

    ``notes`` and ``evaluation`` are left out on purpose: they describe the prompt, they do not
    change what the model is asked, so neither makes a new version.
    """
    payload = {
        "id": meta["id"],
        "version": meta["version"],
        "task": meta["task"],
        "model_families": list(meta["model_families"]),
        "generation": dict(meta.get("generation") or {}),
        "template": template.replace("\r\n", "\n"),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------- loading


def load_prompt_file(path: Path) -> Prompt:
    """Parse and validate one prompt file; any problem is a PromptError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _err(path, 1, f"cannot be read ({exc})") from exc
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise _err(path, 1, "must start with a '---' line opening the YAML front matter")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise _err(path, 1, "front matter is not closed by a second '---' line") from None
    front = "\n".join(lines[1:close])
    template = "\n".join(lines[close + 1 :])
    template_line = close + 2  # 1-based line of the template's first line

    meta, node = read_yaml(
        front,
        lambda line, problem: _err(path, line, problem),
        first_line=2,
        what="front matter is not valid YAML",
    )
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        raise _err(path, 2, "front matter must be a YAML mapping (key: value lines)")
    key_lines = {k.value: k.start_mark.line + 2 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}

    unknown = sorted(set(meta) - REQUIRED_KEYS - OPTIONAL_KEYS, key=lambda k: key_lines.get(k, 0))
    if unknown:
        raise _err(
            path,
            key_lines.get(unknown[0], 2),
            f"unknown front-matter key {unknown[0]!r}"
            f" (allowed: {', '.join(sorted(REQUIRED_KEYS | OPTIONAL_KEYS))})",
        )
    missing = sorted(REQUIRED_KEYS - set(meta))
    if missing:
        raise _err(path, 1, f"front matter is missing {', '.join(repr(k) for k in missing)}")
    _validate_meta(path, meta, key_lines)

    match = _FILE_NAME.match(path.name)
    if not match or match["id"] != meta["id"] or int(match["version"]) != meta["version"]:
        raise _err(
            path,
            key_lines["id"],
            f"file name must be {meta['id']}.v{meta['version']}{PROMPT_SUFFIX}"
            " (id and version from the front matter)",
        )

    env = _environment()
    try:
        ast = env.parse(template)
    except jinja2.TemplateSyntaxError as exc:
        raise _err(path, template_line + (exc.lineno or 1) - 1, f"Jinja syntax error: {exc.message}") from exc
    undeclared = sorted(jinja2.meta.find_undeclared_variables(ast) - TEMPLATE_VARIABLES)
    if undeclared:
        name = undeclared[0]
        offset = next((i for i, ln in enumerate(template.split("\n")) if re.search(rf"\b{name}\b", ln)), 0)
        raise _err(
            path,
            template_line + offset,
            f"unknown template variable {name!r} (allowed: {', '.join(sorted(TEMPLATE_VARIABLES))})",
        )
    if not template.strip():
        raise _err(path, template_line, "template is empty")

    return Prompt(
        id=meta["id"],
        version=meta["version"],
        task=meta["task"],
        model_families=tuple(meta["model_families"]),
        generation=dict(meta.get("generation") or {}),
        notes=str(meta.get("notes") or "").strip(),
        template_source=template,
        path=path,
        template_line=template_line,
        hash=prompt_hash(meta, template),
        evaluation=dict(meta.get("evaluation") or {}),
    )


def _validate_meta(path: Path, meta: dict[str, Any], key_lines: dict[str, int]) -> None:
    def bad(key: str, problem: str) -> PromptError:
        return _err(path, key_lines.get(key, 2), f"{key!r} {problem}")

    if not isinstance(meta["id"], str) or not _ID.match(meta["id"]):
        raise bad("id", "must be lower_snake_case text")
    if isinstance(meta["version"], bool) or not isinstance(meta["version"], int) or meta["version"] < 1:
        raise bad("version", "must be a whole number >= 1")
    if meta["task"] not in DRAFT_TEXT_FIELDS:
        raise bad("task", f"must be one of {', '.join(DRAFT_TEXT_FIELDS)}")
    families = meta["model_families"]
    if not isinstance(families, list) or not families or any(f not in MODEL_FAMILIES for f in families):
        raise bad("model_families", f"must be a non-empty list of {', '.join(sorted(MODEL_FAMILIES))}")
    gen = meta.get("generation")
    if gen is not None:
        if not isinstance(gen, dict):
            raise bad("generation", "must be a mapping of generation parameters")
        for key, value in gen.items():
            if key not in GENERATION_KEYS:
                raise bad(
                    "generation", f"has unknown parameter {key!r} (allowed: {', '.join(GENERATION_KEYS)})"
                )
            types = GENERATION_KEYS[key]
            if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
                raise bad("generation", f"parameter {key!r} must be {' or '.join(t.__name__ for t in types)}")
    if "notes" in meta and meta["notes"] is not None and not isinstance(meta["notes"], str):
        raise bad("notes", "must be text")
    if meta.get("evaluation") is not None and not isinstance(meta["evaluation"], dict):
        raise bad("evaluation", "must be a mapping (written by the prompt lab's promote)")


def load_prompts(prompts_dir: Path) -> dict[tuple[str, int], Prompt]:
    """Every prompt file in ``prompts_dir``, validated, keyed by (id, version)."""
    if not prompts_dir.is_dir():
        raise PromptError(
            f"Prompt folder {prompts_dir} does not exist.",
            hint="Set PLAINSCI_PROMPTS_DIR to the folder holding the *.md.j2 prompt files.",
        )
    out: dict[tuple[str, int], Prompt] = {}
    for path in sorted(prompts_dir.glob(f"*{PROMPT_SUFFIX}")):
        prompt = load_prompt_file(path)
        if prompt.key in out:
            raise _err(
                path, 1, f"duplicates prompt {prompt.id} v{prompt.version} of {out[prompt.key].path.name}"
            )
        out[prompt.key] = prompt
    return out


def prompt_set_names(prompts_dir: Path) -> list[str]:
    """Names of the prompt sets (``prompts/sets/<name>.yaml``), sorted; none when no folder."""
    folder = prompts_dir / SETS_DIR
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def load_prompt_set(prompts_dir: Path, name: str) -> PromptSet:
    """The prompt set ``name`` (``prompts/sets/<name>.yaml``) with its prompts resolved."""
    library = load_prompts(prompts_dir)
    path = prompts_dir / SETS_DIR / f"{name}.yaml"
    if not path.exists():
        known = prompt_set_names(prompts_dir)
        raise PromptError(
            f"Unknown prompt set {name!r}: {path} does not exist.",
            hint=f"Known prompt sets: {', '.join(known) or 'none'}; set PLAINSCI_PROMPT_SET.",
        )
    text = path.read_text(encoding="utf-8")
    data, node = read_yaml(text, lambda line, problem: _err(path, line, problem))
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise _err(path, 1, "must be a YAML mapping with a 'prompts' mapping")
    top_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    for key in data:
        if key not in SET_KEYS:
            raise _err(
                path, top_lines.get(key, 1), f"unknown key {key!r} (allowed: {', '.join(sorted(SET_KEYS))})"
            )
    chosen = data.get("prompts")
    if not isinstance(chosen, dict) or not chosen:
        raise _err(path, top_lines.get("prompts", 1), "'prompts' must map task names to prompt versions")
    prompts_node = next(v for k, v in node.value if k.value == "prompts")
    task_lines = {k.value: k.start_mark.line + 1 for k, _ in prompts_node.value}
    prompts: dict[str, Prompt] = {}
    for task, ref in chosen.items():
        line = task_lines.get(task, 1)
        if task not in DRAFT_TEXT_FIELDS:
            raise _err(path, line, f"unknown task {task!r} (tasks: {', '.join(DRAFT_TEXT_FIELDS)})")
        prompt_id, version = _parse_ref(path, line, task, ref)
        prompt = library.get((prompt_id, version))
        if prompt is None:
            have = sorted(f"{i}.v{v}" for i, v in library if i == prompt_id)
            raise _err(
                path,
                line,
                f"task {task!r} names prompt {prompt_id}.v{version}, which has no file"
                f" {prompt_id}.v{version}{PROMPT_SUFFIX} (available: {', '.join(have) or 'none'})",
            )
        if prompt.task != task:
            raise _err(path, line, f"prompt {prompt_id}.v{version} is for task {prompt.task!r}, not {task!r}")
        prompts[task] = prompt
    return PromptSet(name=name, path=path, prompts=prompts)


def load_prompt_set_for(settings: Settings, name: str | None = None) -> PromptSet:
    return load_prompt_set(Path(settings.prompts_dir), name or settings.prompt_set)


def _parse_ref(path: Path, line: int, task: str, ref: object) -> tuple[str, int]:
    """``2`` (prompt id = task) or ``other_id.v2``."""
    if isinstance(ref, int) and not isinstance(ref, bool) and ref >= 1:
        return task, ref
    if isinstance(ref, str):
        m = re.match(r"^([a-z][a-z0-9_]*)\.v(\d+)$", ref.strip())
        if m:
            return m.group(1), int(m.group(2))
    raise _err(path, line, f"task {task!r}: {ref!r} is not a version number or '<prompt_id>.v<version>'")


# --------------------------------------------------------------------------------------- freezing


def check_frozen(prompt: Prompt, used_hashes: Mapping[tuple[str, int], str | Iterable[str]]) -> None:
    """Refuse a prompt version whose file changed after a stored draft used it."""
    recorded = used_hashes.get(prompt.key)
    if recorded is None:
        return
    hashes = {recorded} if isinstance(recorded, str) else set(recorded)
    if prompt.hash in hashes:
        return
    old = ", ".join(sorted(h[:12] for h in hashes))
    raise PromptError(
        f"{prompt.path}: prompt {prompt.id} v{prompt.version} changed after stored drafts used it"
        f" (recorded hash {old}, file now {prompt.hash[:12]}).",
        hint=f"Restore the file as it was and add a new version file "
        f"{prompt.id}.v{prompt.version + 1}{PROMPT_SUFFIX} with the change; then point the prompt set at it.",
    )


def recorded_prompt_hashes(params: Mapping[str, Any] | None) -> dict[tuple[str, int], str]:
    """(prompt id, version) -> hash recorded in a draft's params by the seq2seq backend."""
    out: dict[tuple[str, int], str] = {}
    for entry in ((params or {}).get("prompts") or {}).values():
        if isinstance(entry, dict) and entry.get("prompt_hash") and entry.get("id") and entry.get("version"):
            out[(str(entry["id"]), int(entry["version"]))] = str(entry["prompt_hash"])
    return out


def verify_against_store(session: Session, prompts_dir: Path | None = None) -> dict[str, int]:
    """Compare every stored draft's (prompt id, version, hash) with the prompt files.

    Raises PromptError listing each prompt version that changed or lost its file; returns
    counts of drafts and prompt versions checked.
    """
    from pipeline.store.queries.drafts import prompt_draft_params

    if prompts_dir is None:
        from pipeline.settings import get_settings

        prompts_dir = Path(get_settings().prompts_dir)
    used: dict[tuple[str, int], set[str]] = {}
    n_drafts = 0
    rows = prompt_draft_params(session)
    for params in rows:
        recorded = recorded_prompt_hashes(params)
        if recorded:
            n_drafts += 1
        for key, digest in recorded.items():
            used.setdefault(key, set()).add(digest)
    library = load_prompts(prompts_dir) if used else {}
    problems: list[str] = []
    for key in sorted(used):
        prompt = library.get(key)
        if prompt is None:
            problems.append(
                f"prompt {key[0]} v{key[1]} was used by stored drafts but "
                f"{prompts_dir / (key[0] + '.v' + str(key[1]) + PROMPT_SUFFIX)} is missing"
            )
            continue
        try:
            check_frozen(prompt, used)
        except PromptError as exc:
            problems.append(exc.message)
    if problems:
        raise PromptError(
            "; ".join(problems) + ".",
            hint="A used prompt version is frozen: restore it from "
            "version control and put any change in a new version file.",
        )
    return {"drafts": n_drafts, "prompt_versions": len(used)}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        keep_trailing_newline=False,
    )


def _err(path: Path, line: int, problem: str) -> PromptError:
    return PromptError(
        f"{path}:{line}: {problem}.", hint="Fix the prompt file; prompts/README.md describes the format."
    )
