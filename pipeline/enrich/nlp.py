"""The shared spaCy pipeline: loaded lazily, once per process and model name."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pipeline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LOCK = threading.Lock()
_CACHE: dict[str, Language] = {}

# Components no stage reads (enrich, the composer's parses and the scores' parses each run only
# the parts they need): not loaded at all (round 13: the named-entity recognizer was 0.13 s of
# CPU of each process's model load, and never ran), and skipped by nlp.pipe if a caller's
# pipeline still has them.
UNUSED_COMPONENTS = ("ner",)


def _default_model() -> str:
    """The model name from settings (read at call time, never at import)."""
    from pipeline.settings import get_settings

    return get_settings().spacy_model


def _load(model_name: str) -> Language:
    """Load a spaCy model by package name with a clear error when it is missing."""
    import spacy

    try:
        nlp = spacy.load(model_name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ConfigError(
            f"The spaCy model {model_name!r} is not installed.",
            hint="Install it into the virtualenv or set PLAINSCI_SPACY_MODEL to an installed model.",
        ) from exc
    numpy_gemm(nlp)
    return nlp


def numpy_gemm(nlp: Language) -> None:
    """Let the CPU layers of ``nlp``'s models multiply matrices with numpy (its BLAS) instead of
    thinc's default, the ``blis`` package, in place.

    blis's wheel has no kernel for every CPU: on this machine's (AMD EPYC, family 25) it runs its
    generic one, 20-25 GFLOPS against numpy's OpenBLAS at 75-90 on the tok2vec's matrices
    (round 19, h19speed; the tok2vec's products were about a fifth of the composer's CPU). The
    layers are the same, only the product's kernel changes: every token's tag, POS, morphology,
    dependency, head, lemma and sentence start identical on 1,151 texts (205,000 tokens) of the
    Cochrane mine half, elife_dev and bmc_sample. Layers on another backend (a GPU's CupyOps, a
    NumpyOps subclass) are left as they are; the parser's own transition loop keeps thinc's CBlas.
    """
    from thinc.api import NumpyOps

    one_blas_thread()
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


# Who sets a BLAS's thread count from the environment: a process started with one of these keeps it.
_BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")
# numpy's bundled OpenBLAS (scipy-openblas: 64-bit integers, prefixed names), then a plain build
_SET_THREADS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def one_blas_thread() -> bool:
    """numpy's OpenBLAS multiplies on the calling thread only (unless the environment sets a BLAS
    thread count); whether it was set.

    Round 21 (h21speed): by default OpenBLAS starts a thread per core and splits the larger
    products (the tok2vec's, in the batches of the small run's stages) across them; its threads
    busy-wait for each other inside a split product. On a 2-core machine that has Prefect's server
    and other work on the second core, the second thread waited more than it multiplied: in one
    `plainsci nightly` of the small run under load, OpenBLAS's thread took 16 s of CPU beside the
    stages' 21 s (``gdb``: ``inner_thread`` of ``blas_thread_server``). The products and so the
    analyses are the same with one thread (a split computes each output from the same sums).
    """
    if any(os.environ.get(name) for name in _BLAS_THREAD_VARIABLES):
        return False
    setter = _openblas_setter()
    if setter is None:
        return False
    setter(1)
    return True


def _openblas_setter() -> Any:
    """OpenBLAS's ``set_num_threads`` of the library numpy loaded (numpy's wheel bundles it in
    ``numpy.libs``), or None (another BLAS, or a numpy linked to a system library)."""
    import ctypes
    from pathlib import Path

    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("libscipy_openblas*.so*")) + sorted(libs.glob("libopenblas*.so*")):
        try:
            lib = ctypes.CDLL(str(path))  # numpy has loaded it: the same library, not a second copy
        except OSError:
            continue
        for name in _SET_THREADS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                return setter
    return None


def get_nlp(model_name: str | None = None) -> Language:
    """Return the cached spaCy Language for ``model_name`` (settings.spacy_model by default)."""
    name = model_name or _default_model()
    with _LOCK:
        nlp = _CACHE.get(name)
        if nlp is None:
            nlp = _CACHE[name] = _load(name)
    return nlp


def loaded_nlp(model_name: str) -> Language | None:
    """The shared pipeline for ``model_name`` if this process has loaded it already, else None
    (never loads it)."""
    with _LOCK:
        return _CACHE.get(model_name)


def disabled_components(nlp: Language) -> list[str]:
    """Components of ``nlp`` that extraction can switch off."""
    return [name for name in UNUSED_COMPONENTS if name in nlp.pipe_names]


# The token attributes the attribute ruler's patterns may test, for :class:`TableRuler`.
_RULER_KEYS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "ORTH": "orth_", "IS_SPACE": "is_space"}
_Test = tuple[str, str, Any]  # (token attribute, "==" | "IN" | "NOT_IN" | "REGEX", value)


def _tests(spec: dict[str, Any]) -> list[_Test] | None:
    """One token of a Matcher pattern as tests :class:`TableRuler` runs; None if it cannot."""
    out: list[_Test] = []
    for key, value in spec.items():
        if key not in _RULER_KEYS:
            return None
        name = _RULER_KEYS[key]
        if isinstance(value, str | bool):
            out.append((name, "==", value))
        elif isinstance(value, dict) and len(value) == 1:
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                out.append((name, op, frozenset(arg)))
            elif op == "REGEX" and isinstance(arg, str):
                out.append((name, op, re.compile(arg)))
            else:
                return None
        else:
            return None
    return sorted(out, key=lambda t: t[0])


def _holds(got: Any, op: str, value: Any) -> bool:
    if op == "==":
        return bool(got == value)
    if op == "IN":
        return got in value
    if op == "NOT_IN":
        return got not in value
    return bool(value.search(got))


def _passes(token: Any, tests: list[_Test]) -> bool:
    return all(_holds(getattr(token, name), op, value) for name, op, value in tests)


class TableRuler:
    """spaCy's attribute ruler with its patterns matched from a table instead of the Matcher.

    The attribute ruler (tag -> POS and morphology, word exceptions) runs spaCy's Matcher over
    every token, as costly as the tagger and parser together on short sentences. Its patterns in
    the English models test single tokens, or two, on plain attribute values (TAG, LOWER, DEP,
    IS_SPACE, with IN, NOT_IN and REGEX in a few), so the same matches come from a look-up table
    for the plain one-token patterns and a test of each token for the rest; what matches at a
    token is worked out once per combination of the values tested (read as hashes with
    ``Doc.to_array``) and kept. The matches are then applied exactly as
    ``AttributeRuler.set_annotations`` does: all matched first, then set in rule order and by
    position.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._attrs = ruler.attrs
        self._indices = ruler.indices
        # plain one-token patterns by the attributes they test: {names: {values: [rule ids]}}
        self._table: dict[tuple[str, ...], dict[tuple[Any, ...], list[int]]] = {}
        # the other patterns by one value their first token must have: {(name, value): [...]}
        self._keyed: dict[tuple[str, Any], list[tuple[int, list[list[_Test]]]]] = {}
        self._always: list[tuple[int, list[list[_Test]]]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens = [_tests(spec) or [] for spec in pattern]
                first = tokens[0]
                if len(tokens) == 1 and all(op == "==" for _, op, _ in first):
                    names = tuple(n for n, _, _ in first)
                    values = tuple(v for _, _, v in first)
                    self._table.setdefault(names, {}).setdefault(values, []).append(rule)
                    continue
                key = next(((n, op, v) for n, op, v in first if op in ("==", "IN")), None)
                if key is None:
                    self._always.append((rule, tokens))
                    continue
                name, op, value = key
                for v in [value] if op == "==" else sorted(value):
                    self._keyed.setdefault((name, v), []).append((rule, tokens))
        # every attribute a pattern's first token is tested on, in one order: a token's values of
        # these decide which patterns match at it (and which multi-token ones could)
        firsts = [tokens[0] for _, tokens in self._always] + [
            t[0] for c in self._keyed.values() for _, t in c
        ]
        self._names = sorted(
            {n for tests in firsts for n, _, _ in tests} | {n for names in self._table for n in names}
        )
        from spacy.attrs import IDS

        self._ids = [IDS[name.rstrip("_").upper()] for name in self._names]
        # {the values' hashes: (one-token rules that match, multi-token patterns that could start)}
        self._plans: dict[tuple[int, ...], tuple[list[int], list[tuple[int, list[list[_Test]]]]]] = {}

    @classmethod
    def supports(cls, ruler: Any) -> bool:
        """Every pattern of ``ruler`` is one the table can match exactly."""
        return all(
            pattern and all(spec and _tests(spec) is not None for spec in pattern)
            for entry in ruler.patterns
            for pattern in entry["patterns"]
        )

    def _plan(self, values: dict[str, Any]) -> tuple[list[int], list[tuple[int, list[list[_Test]]]]]:
        """For a token with these attribute values: the rules whose one-token pattern matches it,
        and the multi-token patterns whose first token it is (the rest tested on its neighbours)."""
        single: list[int] = []
        for names, table in self._table.items():
            single += table.get(tuple([values[n] for n in names]), ())
        multi: list[tuple[int, list[list[_Test]]]] = []
        candidates = [c for n, v in values.items() for c in self._keyed.get((n, v), ())]
        for rule, pattern in candidates + self._always:
            if all(_holds(values[name], op, value) for name, op, value in pattern[0]):
                if len(pattern) == 1:
                    single.append(rule)
                else:
                    multi.append((rule, pattern[1:]))
        return single, multi

    def __call__(self, doc: Doc) -> Doc:
        matches: set[tuple[int, int, int]] = set()
        rows: list[Any] = doc.to_array(self._ids).reshape(len(doc), len(self._ids)).tolist()
        if len(self._plans) > 200_000:  # distinct words seen: keep the memory bounded
            self._plans.clear()
        tokens: list[Any] | None = None
        for i, row in enumerate(rows):
            key = tuple(row)
            plan = self._plans.get(key)
            if plan is None:
                token = doc[i]
                plan = self._plans[key] = self._plan({n: getattr(token, n) for n in self._names})
            single, multi = plan
            for rule in single:
                matches.add((rule, i, i + 1))
            for rule, rest in multi:
                end = i + 1 + len(rest)
                if end > len(rows):
                    continue
                tokens = list(doc) if tokens is None else tokens
                if all(_passes(tokens[i + 1 + j], tests) for j, tests in enumerate(rest)):
                    matches.add((rule, i, end))
        for rule, start, end in sorted(matches):
            index = self._indices[rule]
            token = doc[start] if end - start == 1 and index in (0, -1) else doc[start:end][index]
            self._set(token, self._attrs[rule])
        return doc


_TABLES: dict[int, TableRuler | None] = {}


def table_ruler(nlp: Language) -> TableRuler | None:
    """The :class:`TableRuler` for ``nlp``'s attribute ruler; None when it has none or a pattern
    the table cannot match (then the ruler itself must run)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return None
    ruler = nlp.get_pipe("attribute_ruler")
    with _LOCK:
        if id(ruler) not in _TABLES:
            _TABLES[id(ruler)] = TableRuler(ruler) if TableRuler.supports(ruler) else None
        return _TABLES[id(ruler)]


class TableLemmatizer:
    """spaCy's rule lemmatizer with its answers kept per (word, POS, morphology).

    In "rule" mode a token's lemma depends on those three alone (``rule_lemmatize``: the word,
    its POS and, through ``is_base_form``, its morphology; spaCy's own cache of it leaves out the
    base forms, most tokens), so each combination is lemmatized once and the lemmas are written
    with ``Doc.from_array``. A token that already has a lemma (from the attribute ruler's
    exceptions) keeps it unless the lemmatizer overwrites, as in ``Lemmatizer.__call__``.
    """

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self._lemmatizer = lemmatizer
        self._read = [ORTH, POS, MORPH, LEMMA]
        self._write = [LEMMA]
        self._lemmas: dict[tuple[int, int, int], int] = {}

    @classmethod
    def supports(cls, lemmatizer: Any) -> bool:
        """The lemmatizer works by rule (its lemma depends only on word, POS and morphology)."""
        return getattr(lemmatizer, "mode", None) == "rule"

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self._lemmatizer
        if not len(doc) or not lemmatizer._validated:
            return lemmatizer(doc)  # type: ignore[no-any-return]  # it checks its tables first
        overwrite = lemmatizer.overwrite
        if len(self._lemmas) > 200_000:  # distinct words seen: keep the memory bounded
            self._lemmas.clear()
        rows: Any = doc.to_array(self._read)  # uint64, one row per token
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                token = doc[i]
                token.lemma_ = lemmatizer.lemmatize(token)[0]
                found = self._lemmas[key] = token.lemma
            lemmas[i] = found
        doc.from_array(self._write, lemmas)
        return doc


_LEMMATIZERS: dict[int, TableLemmatizer | None] = {}


def table_lemmatizer(nlp: Language) -> TableLemmatizer | None:
    """The :class:`TableLemmatizer` for ``nlp``'s lemmatizer; None when it has none or one not
    working by rule (then the lemmatizer itself must run)."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    with _LOCK:
        if id(lemmatizer) not in _LEMMATIZERS:
            _LEMMATIZERS[id(lemmatizer)] = (
                TableLemmatizer(lemmatizer) if TableLemmatizer.supports(lemmatizer) else None
            )
        return _LEMMATIZERS[id(lemmatizer)]


def lemma_forms(nlp: Language, lemmas: frozenset[str]) -> frozenset[str] | None:
    """Every word (lower case) that ``nlp`` could give one of ``lemmas`` (lower case) as its lemma
    ``lemma_.lower()``, whatever its POS and tag; None when that cannot be read from the tables (no
    rule lemmatizer, or an attribute-ruler pattern that sets one of them). So a text none of whose
    words (lower-cased) is among them has no token with such a lemma: a rule that needs one need not
    parse it (the composer's compression, round 27).

    The rule lemmatizer (``Lemmatizer.rule_lemmatize``) gives a word lower-cased ``w`` the lemma
    ``w`` itself (a base form, a POS without tables, a proper noun as written), an exception listed
    for ``w``, or ``w`` with a suffix rule applied (``w = stem + old`` gives ``stem + new``); so the
    words are each lemma, the exceptions' words that list it, and ``lemma[: -len(new)] + old`` for
    every rule ``(old, new)`` whose ``new`` ends the lemma, over every POS."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return None
    if "attribute_ruler" in nlp.pipe_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        for pattern in ruler.patterns:
            lemma = pattern.get("attrs", {}).get("LEMMA")
            if isinstance(lemma, str) and lemma.lower() in lemmas:
                return None  # the ruler sets it for words the tables do not say
    rules = lemmatizer.lookups.get_table("lemma_rules", {})
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {})
    words = set(lemmas)
    for pos_rules in rules.values():
        for old, new in pos_rules:
            words.update(lemma[: len(lemma) - len(new)] + old for lemma in lemmas if lemma.endswith(new))
    for table in exceptions.values():
        words.update(
            word.lower() for word, listed in table.items() if any(x.lower() in lemmas for x in listed)
        )
    return frozenset(words)


def pipe_tabled(nlp: Language, texts: Iterable[str], *, batch_size: int, disable: list[str]) -> list[Doc]:
    """``list(nlp.pipe(texts, batch_size=batch_size, disable=disable))``, with the attribute ruler
    and the rule lemmatizer run from their tables (:class:`TableRuler`, :class:`TableLemmatizer`:
    the same annotations) when they end the pipeline, as they do in the English models.

    In the enrich stage's parse of the abstracts the attribute ruler's Matcher was a third of the
    stage's CPU and the rule lemmatizer a tenth (round 18); the composer has run both from their
    tables since round 7.
    """
    active = [name for name in nlp.pipe_names if name not in disable]
    tail: list[tuple[str, Any]] = []
    for name in reversed(active):  # the last components, as long as each has its table
        table: Any = (
            table_lemmatizer(nlp)
            if name == "lemmatizer"
            else table_ruler(nlp)
            if name == "attribute_ruler"
            else None
        )
        if table is None:
            break
        tail.insert(0, (name, table))
    if not tail:
        return list(nlp.pipe(texts, batch_size=batch_size, disable=disable))
    docs = []
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=[*disable, *(name for name, _ in tail)]):
        for _, table in tail:
            doc = table(doc)
        docs.append(doc)
    return docs
