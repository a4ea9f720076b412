"""Round 17 (h17speed): plumbing that makes the composer cheaper gives the same results as the
plain loops it replaced (the reference implementations below are those loops)."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.draft.rewrite import _STAT_MARKERS, _matching_close, strip_statistical_brackets
from pipeline.text import swaps as sw
from pipeline.text.typos import _glued_words, glued_words


def _brackets_one_character_at_a_time(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            end = _matching_close(text, i)
            if end > i and _STAT_MARKERS.search(text[i + 1 : end]):
                i = end + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def test_statistical_brackets_are_cut_as_by_the_character_loop() -> None:
    for text in (
        # bmc 10.1186/s40697-015-0090-5
        "Of all patients, 48 % (n = 94) were volume-expanded and 9 % of patients were volume-depleted (n = 17).",
        # bmc 10.1186/1471-2407-5-141: a statistics bracket, then a list bracket that stays
        "In BC individuals the correlation with CEBPG was significantly (p < 0.01) lower than that of "
        "non-BC individuals for four of the genes (XRCC1, ERCC5, GSTP1, and SOD1).",
        # bmc 10.1186/s12870-019-1708-z: nested brackets, no statistics
        "Sweetpotato (Ipomoea batatas (L.) Lam.) is the seventh most important crop in the world.",
        "An unclosed bracket (p < 0.05 stays [and so does this",
        "",
    ):
        assert strip_statistical_brackets(text) == _brackets_one_character_at_a_time(text)
    assert strip_statistical_brackets("volume-depleted (n = 17).") == "volume-depleted ."


def _context_by_word_scan(swaps: list[sw.WordSwap], text: str) -> list[sw.WordSwap]:
    low = " ".join(text.lower().split())
    words = list(re.finditer(r"[\w'’-]+", low))
    out = []
    for s in swaps:
        after = " ".join(s.after.lower().split())
        windows: list[str] = []
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(after)}(?![\w'’-])", low):
            before = [w for w in words if w.end() <= m.start()]
            later = [w for w in words if w.start() >= m.end()]
            if before:
                windows.append(low[before[-1].start() : m.end()])
            if later:
                windows.append(low[m.start() : later[0].end()])
            if not before and not later:
                windows.append(after)
        out.append(replace(s, context=tuple(dict.fromkeys(windows))))
    return out


def test_swap_contexts_found_by_bisection_are_those_of_the_word_scan() -> None:
    # bmc 10.1186/s40104-015-0059-3, as the glossary might have written it
    text = (
        "Heterozygous genotype individuals showed much higher HGF expression, which was much greater "
        "in the CTCCAGGGTT combined genotype than that in the CCCCGGGGTT combined genotype."
    )
    made = [
        sw.WordSwap(before, after, 0, 1, "plainsci")
        for before, after in (
            ("significantly", "much"),  # twice, mid-sentence
            ("Heterozygous", "heterozygous"),  # the first word: no word before it
            ("genotype", "combined genotype"),  # the last words
            ("levels", "amounts"),  # not in the text: no context
            ("all", text),  # the whole text: no word beside it
        )
    ]
    assert sw.with_context(made, text) == _context_by_word_scan(made, text)
    assert sw.with_context([], text) == []


def test_glued_words_are_kept_per_abstract_and_handed_out_as_copies() -> None:
    # elife_dev eLife.10319 (as in test_typos)
    abstract = (
        "Given the vast number of Doc domains with predicteddual binding modes across multiple "
        "bacterial species, our approach opens up new possibilities."
    )
    found = glued_words(abstract)
    assert found == {"predicteddual": "predicted dual"}
    found["x"] = "y"  # a caller's change never reaches the kept result
    hits = _glued_words.cache_info().hits
    assert glued_words(abstract) == {"predicteddual": "predicted dual"}
    assert _glued_words.cache_info().hits == hits + 1


def test_data_yaml_reads_as_safe_load_reads_it() -> None:
    """libyaml's parser gives the data files the same data as ``yaml.safe_load`` (the reviewed
    abbreviations, the own glossary, the taxonomy, the composer's templates)."""
    import yaml

    from pipeline.settings import DATA_ROOT, REPO_ROOT
    from pipeline.text.yamldata import load_yaml

    paths = [
        DATA_ROOT / "glossary" / "abbreviations.yaml",
        DATA_ROOT / "glossary" / "plainsci_terms.yaml",
        DATA_ROOT / "taxonomy.yaml",
    ]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text), path
    body = (REPO_ROOT / "prompts" / "composer.v12.yaml").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert load_yaml(body) == yaml.safe_load(body)
    assert load_yaml("ARR: {long: absolute risk reduction}") == {"ARR": {"long": "absolute risk reduction"}}
