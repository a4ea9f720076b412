"""SARI (Xu et al., 2016, "Optimizing Statistical Machine Translation for Text Simplification").

SARI compares a system output with the *source* and with one or more *references*, and rewards
three operations separately for n-grams of order 1 to 4:

- **keep**: n-grams of the source that the output kept and the references kept too (F1);
- **delete**: n-grams of the source that the output dropped and the references dropped too
  (precision only: the paper argues that recall over-rewards deleting everything);
- **add**: n-grams new to the output (absent from the source) that the references added (F1).

Per operation the four n-gram orders are averaged, and SARI is the mean of the three operation
scores, times 100.

This module follows, count for count, the implementation that Hugging Face ``evaluate`` ships
as its ``sari`` metric (itself tensor2tensor's ``sari_hook.py``, a port of Wei Xu's original
``SARI.py``), including its two documented fixes to the original code: keep recall divides by
the number of reference n-gram *occurrences* kept by the references, and the add operation
counts n-gram *types* (sets). Source and output counts are multiplied by the number of
references so that n-gram counts pooled over all references compare fairly. Where a score
would be 0/0 it is 1, so that an output identical to a reference scores high.

Tokenisation (``normalize``) is EASSE's default and ``evaluate``'s: lowercase, then the
sacreBLEU ``13a`` tokenizer (mteval-v13a rules, reimplemented below because sacreBLEU is not a
dependency), then split on single spaces. Corpus SARI is the mean of the sentence SARI values
(``evaluate``'s ``compute``); EASSE's ``corpus_sari`` instead pools n-gram statistics over the
corpus and so gives different numbers on more than one item.

``legacy=True`` (token-level functions only) reproduces the original ``SARI.py`` instead, the code
behind the paper's own numbers: its toy example scores 0.2683, 0.5890 and 0.5072 as printed there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import LabError

SARI_VERSION = "1"
SARI_DESCRIPTION = (
    "SARI (Xu et al. 2016) as HF evaluate computes it: n-grams 1-4, keep F1, delete precision, "
    "add F1, lowercase + sacreBLEU 13a tokens, mean of item scores, 0-100"
)
MAX_ORDER = 4

# sacrebleu.tokenizers.tokenizer_re.TokenizerRegexp, applied after the 13a replacements.
_13A_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # language-dependent part (assuming Western languages): split off most ASCII symbols
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    # tokenize period and comma unless preceded by a digit
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    # tokenize period and comma unless followed by a digit
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    # tokenize dash when preceded by a digit
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
)


def tokenize_13a(line: str) -> str:
    """sacreBLEU's ``13a`` tokenizer (mteval-v13a.pl): tokens joined by single spaces."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} "
    for pattern, repl in _13A_RULES:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def normalize(sentence: str, lowercase: bool = True) -> str:
    """Text as SARI sees it: lowercased (by default) and 13a-tokenised."""
    return tokenize_13a(sentence.lower() if lowercase else sentence)


def _ngrams(tokens: list[str], n: int) -> list[str]:
    return [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


@dataclass(frozen=True)
class SariParts:
    """Operation scores of one item, each averaged over n-gram orders 1-4 (0-1 scale)."""

    keep: float
    delete: float
    add: float

    @property
    def sari(self) -> float:
        """SARI of the item on the 0-100 scale."""
        return 100 * ((self.keep + self.delete + self.add) / 3)


def _f1(precision: float, recall: float) -> float:
    if precision > 0 or recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0


def _sari_ngram(
    sgrams: list[str], cgrams: list[str], rgrams_list: list[list[str]], legacy: bool = False
) -> tuple[float, float, float]:
    """Keep F1, delete precision and add F1 for one n-gram order (``evaluate``'s ``SARIngram``).

    ``legacy`` reproduces Wei Xu's original ``SARI.py`` (the code behind the paper's numbers):
    0/0 is 0, and keep recall averages per-n-gram ratios over n-gram types.
    """
    empty = 0.0 if legacy else 1.0
    numref = len(rgrams_list)
    rcount: Counter[str] = Counter(g for rgrams in rgrams_list for g in rgrams)
    scount = Counter(sgrams)
    ccount = Counter(cgrams)
    s_rep: Counter[str] = Counter({g: c * numref for g, c in scount.items()})
    c_rep: Counter[str] = Counter({g: c * numref for g, c in ccount.items()})

    # KEEP: source n-grams the output kept, and how many of those the references kept.
    keep_sys = s_rep & c_rep
    keep_good = keep_sys & rcount
    keep_all = s_rep & rcount
    keep_p = empty
    keep_r = empty
    if keep_sys:
        keep_p = sum(keep_good[g] / keep_sys[g] for g in keep_good) / len(keep_sys)
    if keep_all and legacy:
        keep_r = sum(keep_good[g] / keep_all[g] for g in keep_good) / len(keep_all)
    elif keep_all:
        keep_r = sum(keep_good[g] for g in keep_good) / sum(keep_all.values())
    keep = _f1(keep_p, keep_r)

    # DELETE: source n-grams the output dropped (in part), and whether the references dropped them.
    del_sys = s_rep - c_rep
    del_good = del_sys - rcount
    del_p = empty
    if del_sys:
        del_p = sum(del_good[g] / del_sys[g] for g in del_good) / len(del_sys)

    # ADD: n-gram types new to the output, and whether any reference added them too.
    add_sys = set(ccount) - set(scount)
    add_good = add_sys & set(rcount)
    add_all = set(rcount) - set(scount)
    add_p = len(add_good) / len(add_sys) if add_sys else empty
    add_r = len(add_good) / len(add_all) if add_all else empty
    add = _f1(add_p, add_r)
    return keep, del_p, add


def sari_parts_tokens(
    source: list[str], output: list[str], references: Sequence[list[str]], legacy: bool = False
) -> SariParts:
    """SARI operation scores of already-tokenised texts (``legacy``: the paper's original code)."""
    if not references:
        raise LabError("SARI needs at least one reference.", hint="Pass one or more reference texts.")
    keeps: list[float] = []
    deletes: list[float] = []
    adds: list[float] = []
    for n in range(1, MAX_ORDER + 1):
        k, d, a = _sari_ngram(
            _ngrams(source, n), _ngrams(output, n), [_ngrams(r, n) for r in references], legacy
        )
        keeps.append(k)
        deletes.append(d)
        adds.append(a)
    return SariParts(sum(keeps) / MAX_ORDER, sum(deletes) / MAX_ORDER, sum(adds) / MAX_ORDER)


def _split(text: str) -> list[str]:
    # evaluate splits on " " (not on any whitespace); after 13a there is exactly one space between
    # tokens, but an empty text must still be one empty token, as str.split(" ") gives.
    return text.split(" ")


def sari_parts(source: str, output: str, references: Sequence[str], lowercase: bool = True) -> SariParts:
    """SARI operation scores of one item (raw texts, normalised here)."""
    return sari_parts_tokens(
        _split(normalize(source, lowercase)),
        _split(normalize(output, lowercase)),
        [_split(normalize(r, lowercase)) for r in references],
    )


def sentence_sari(source: str, output: str, references: Sequence[str], lowercase: bool = True) -> float:
    """SARI (0-100) of one output against its source and references."""
    return sari_parts(source, output, references, lowercase).sari


def corpus_sari(
    sources: Sequence[str],
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    lowercase: bool = True,
) -> float:
    """Mean item SARI (0-100), as ``evaluate.load("sari").compute`` returns it."""
    if not (len(sources) == len(predictions) == len(references)):
        raise LabError(
            f"SARI needs as many sources ({len(sources)}) as predictions ({len(predictions)}) "
            f"and reference lists ({len(references)}).",
            hint="Pass one prediction and one list of references per source, in the same order.",
        )
    if not sources:
        raise LabError("SARI needs at least one item.", hint="Pass at least one source.")
    total = sum(
        sentence_sari(s, p, r, lowercase) for s, p, r in zip(sources, predictions, references, strict=True)
    )
    return total / len(sources)
