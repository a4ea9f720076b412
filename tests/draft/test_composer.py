"""The composer (default backend): every error class of issue 14, on real abstracts.

Each test below failed on the extractive drafter (set DRAFTER = "extractive" to see it) and
passes on the composer: word swaps inside names and at sentence starts, clipped fragments,
statistics and the authors' voice in lay fields, repeats across fields, a one-study review
called pooled, a review's first number given as its participants, hedges dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.domain import Article, DraftFields, Facts, Section
from pipeline.draft import rewrite as rw
from pipeline.draft.base import make_backend
from pipeline.draft.composer.simplify import is_sentence, plain_words, split_clauses, third_person
from pipeline.draft.composer.templates import load_templates, load_templates_file
from pipeline.enrich.nlp import get_nlp
from pipeline.errors import PromptError
from pipeline.lab.measures import _finite, bad_identifiers, cross_field_repeat, field_sentences
from pipeline.score.faithfulness import is_hedged
from pipeline.settings import REPO_ROOT, Settings
from pipeline.sources.files import FilesSource
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields, facts_for

DRAFTER = "composer"
_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")


def _draft(articles: list[Article]) -> list[DraftFields]:
    return compose_fields(articles, DRAFTER)


@pytest.fixture(scope="module")
def sample() -> list[tuple[Article, DraftFields]]:
    source = FilesSource(Settings())
    articles = [a for item in source.fetch() for a in source.parse(item)]
    return list(zip(articles, _draft(articles), strict=True))


@pytest.fixture(scope="module")
def cochrane() -> list[tuple[Article, DraftFields]]:
    articles = [cochrane_article(r) for r in read_jsonl(COCHRANE)[:40]]
    return list(zip(articles, _draft(articles), strict=True))


def _lay(fields: DraftFields) -> str:
    return "\n".join(s for parts in field_sentences(fields).values() for s in parts)


def _one(pages: list[tuple[Article, DraftFields]], needle: str) -> tuple[Article, DraftFields]:
    return next((a, f) for a, f in pages if needle in a.abstract_plain)


# ----- word swaps ------------------------------------------------------------------------


def test_sample_swaps_keep_names_strains_and_terms(sample) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(f.all_text() for _, f in sample)
    for wrong in ("Blood clot is", "C57BL/and A/J mice compared", "observable traits alike", "smoking drop",
                  "structural genetics", "stop smoking service", "Stop smoking service"):  # fmt: skip
        assert wrong not in text
    _, mice = _one(sample, "C57BL/6J")
    assert "C57BL/6J" in mice.all_text()
    smoking, smokers = _one(sample, "Stop Smoking Service")
    text = smokers.all_text()  # the plan may leave these sentences out; where it uses them, they are intact
    assert ("reduction" not in text or "smoking reduction" in text) and "Stop smoking" not in text
    glossary = rw.load_glossary()
    for sentence in re.split(r"(?<=\.)\s+", smoking.abstract_plain):
        for term in ("smoking reduction", "Stop Smoking Service"):
            if term in sentence:
                assert term in plain_words(sentence, glossary)[0]
    _, scop = _one(sample, "structural genomics")
    assert "structural genomics" in scop.all_text()


def test_every_identifier_is_copied_exactly(sample, cochrane) -> None:  # type: ignore[no-untyped-def]
    for article, fields in sample + cochrane:
        assert bad_identifiers(fields.all_text(), article) == [], article.source_id
        assert rw.unsupported_numbers(fields.all_text(), f"{article.title}\n{article.abstract_plain}") == []


def test_plain_words_never_touch_capitalised_or_mixed_tokens() -> None:
    glossary = rw.load_glossary()
    text, swaps = plain_words("Hypertension in C57BL/6J mice; hypertension in IL-6 knockout mice.", glossary)
    # a sentence's first word is swapped like any other (composer 7); the strain and gene are not
    assert text == "High blood pressure in C57BL/6J mice; high blood pressure in IL-6 knockout mice."
    assert [(s.before, s.after) for s in swaps] == [
        ("Hypertension", "High blood pressure"),
        ("hypertension", "high blood pressure"),
    ]
    text, swaps = plain_words("Mice had hypertension; Hypertension Society mice did not.", glossary)
    assert text == "Mice had high blood pressure; Hypertension Society mice did not."


# ----- sentences ---------------------------------------------------------------------------


def test_no_clipped_fragments_and_every_sentence_has_a_finite_verb(sample, cochrane) -> None:  # type: ignore[no-untyped-def]
    sentences = [s for _, f in sample + cochrane for parts in field_sentences(f).values() for s in parts]
    assert not [s for s in sentences if s.startswith("Had attempted")]
    finite = _finite(sentences, get_nlp())
    verbless = [s for s, ok in zip(sentences, finite, strict=True) if not ok]
    assert len(verbless) <= 0.01 * len(sentences), verbless
    items = [t for _, f in sample + cochrane for t in (f.simple_explanation, f.research_summary, *f.key_findings,
             *(p.text for p in f.practical_implications)) if t]  # fmt: skip
    assert [t for t in items if not (t[0].isupper() or t[0].isdigit()) or t[-1] not in ".!?"] == []


def test_lay_fields_have_no_we_our_us_and_no_statistics_in_simple_fields(sample, cochrane) -> None:  # type: ignore[no-untyped-def]
    for article, fields in sample + cochrane:
        assert not _VOICE.search(_lay(fields)), article.source_id
        simple = " ".join([fields.simple_explanation, *fields.key_findings])
        assert not rw.has_statistics(simple), (article.source_id, simple)
        assert not re.search(r"\bCI\b|95\s?%|\bp\s*[<=>]|I²|I2\s*=", simple), article.source_id


def test_no_sentence_repeats_across_fields(sample, cochrane) -> None:  # type: ignore[no-untyped-def]
    repeated = [a.source_id for a, f in sample + cochrane if cross_field_repeat(field_sentences(f))]
    assert repeated == []


def test_split_at_clause_boundaries_and_third_person() -> None:
    long = (
        "Walking reduced falls in older adults living at home, which suggests that simple exercise "
        "programmes are worth offering to them."
    )
    parts = split_clauses(long, 14)
    assert parts == ["Walking reduced falls in older adults living at home.",
                     "This suggests that simple exercise programmes are worth offering to them."]  # fmt: skip
    assert third_person("We found that our patients helped us.") == (
        "The researchers found that their patients helped the researchers."
    )
    assert not is_sentence("Had attempted to quit in the past year.")
    assert is_sentence("Most smokers had tried to quit in the past year.")


# ----- what makes a claim true ----------------------------------------------------------------


def test_a_review_of_one_study_is_never_called_pooled() -> None:
    record = next(r for r in read_jsonl(COCHRANE) if r["id"] == "10.1002/14651858.CD012943.pub2")
    (fields,) = _draft([cochrane_article(record)])
    assert not re.search(r"pool|meta-analy", fields.all_text(), re.I), fields.all_text()
    assert "only one study" in fields.simple_explanation


def test_a_review_gives_its_total_participants_not_the_first_number() -> None:
    record = next(r for r in read_jsonl(COCHRANE) if r["id"] == "10.1002/14651858.CD007399.pub2")
    (fields,) = _draft([cochrane_article(record)])
    assert fields.participants.startswith("813 ")
    assert "813 people" in fields.simple_explanation


def test_hedged_conclusions_keep_a_hedge_in_the_simple_explanation(cochrane) -> None:  # type: ignore[no-untyped-def]
    lost = []
    for article, fields in cochrane:
        if is_hedged(" ".join(article.abstract_plain.split(". ")[-2:])) and not is_hedged(
            fields.simple_explanation
        ):
            lost.append(article.source_id)
    assert lost == []


def test_fields_do_their_own_jobs(cochrane) -> None:  # type: ignore[no-untyped-def]
    full = [f for _, f in cochrane if len(f.key_findings) == 3]
    # composer 17 (h17kf): fewer findings rather than one that states no result (what the trials did
    # or reported, how good they were), so 29 of these 40 reviews give three (32 before); composer 22
    # (lead): 26, no longer "Study sizes ranged from 71 to 606 people." (CD010871) nor "Research could
    # address the acceptability of the treatment to women." (CD011192)
    assert len(full) >= 0.6 * len(cochrane)
    # composer 27 (h27kf): a review whose only findings state no result says none (CD002806.pub2: "No new
    # studies found ... remain unchanged"; CD004248.pub2: "The results are limited to those who continued ...")
    assert sum(not f.key_findings for _, f in cochrane) <= 2
    for fields in full:
        assert len({k.lower() for k in fields.key_findings}) == 3
        assert all(p.title and p.text for p in fields.practical_implications)
        # advice only as the researchers' own ("The researchers suggest that ... should ..."), never the page's
        assert not any(
            re.search(r"\b(?:should|must|recommend)", p.text, re.I)
            and not p.text.startswith("The researchers")
            for p in fields.practical_implications
        )


# ----- templates ---------------------------------------------------------------------------------


def test_templates_are_versioned_and_change_the_cache_key(tmp_path: Path) -> None:
    if DRAFTER != "composer":
        pytest.skip("composer only")
    v1 = (REPO_ROOT / "prompts" / "composer.v1.yaml").read_text(encoding="utf-8")
    (tmp_path / "composer.v1.yaml").write_text(v1, encoding="utf-8")
    (tmp_path / "composer.v2.yaml").write_text(
        v1.replace("version: 1", "version: 2").replace("simple_words: 15", "simple_words: 13"),
        encoding="utf-8",
    )
    assert load_templates(tmp_path).version == 2 and load_templates(tmp_path, "composer.v1").version == 1
    one = make_backend(Settings(prompts_dir=tmp_path), "composer", prompt="composer.v1").provenance
    two = make_backend(Settings(prompts_dir=tmp_path), "composer", prompt="v2").provenance
    assert (one.prompt_id, one.prompt_version, two.prompt_version) == ("composer", "1", "2")
    assert one.cache_key("x") != two.cache_key("x")
    (tmp_path / "composer.v3.yaml").write_text(
        v1.replace("version: 1", "version: 3").replace("params:", "parms:")
    )
    with pytest.raises(PromptError, match=r"composer.v3.yaml: missing section\(s\) params"):
        load_templates_file(tmp_path / "composer.v3.yaml")
    with pytest.raises(PromptError, match="does not exist"):
        load_templates(tmp_path, "composer.v9")


def test_composer_is_the_default_backend() -> None:
    assert Settings().backend == "composer"
    assert make_backend(Settings()).name == "composer"


def test_an_article_without_sentences_is_one_clear_error() -> None:
    article = Article(source="t", source_id="x1", title="", sections=[Section(None, "Too short.")])
    facts: list[Facts] = facts_for([article])
    (result,) = make_backend(Settings(), "composer").draft_batch([(article, facts[0])])
    assert isinstance(result, Exception) and "x1 has no abstract sentences" in str(result)


def test_one_study_reporting_a_result_is_not_the_review_size() -> None:
    # "One study found ..." is one study's result; this review included ten programmes.
    abstract = (
        "Studies involved 15,940 United States youth; participants were ethnically diverse. Seven programs were "
        "school-based, two were community-based, and one was delivered in family homes. Results showed no "
        "indications that abstinence-only programs can reduce HIV risk. One study found a significantly "
        "protective effect for incidence of recent vaginal sex (n=839). Trials suggest that the programs may be "
        "ineffective."
    )
    article = Article(source="t", source_id="c1", title="", sections=[Section(None, abstract)])
    (fields,) = _draft([article])
    assert "only one study" not in fields.all_text() and "one study" not in fields.participants


@pytest.fixture(scope="module")
def bmc(bmc_items) -> list[tuple[Article, DraftFields]]:  # type: ignore[no-untyped-def]
    """All 200 real BMC abstracts drafted once (facts from the session's enrich run); a page the
    number guard refuses is left out (the draft stage records it), never drafted empty."""
    results = make_backend(Settings(), DRAFTER).draft_batch(bmc_items)
    return [
        (a, r.fields) for (a, _), r in zip(bmc_items, results, strict=True) if not isinstance(r, Exception)
    ]


def test_every_bmc_sample_page_has_a_simple_explanation(bmc) -> None:  # type: ignore[no-untyped-def]
    """On all 200 real BMC abstracts the first field a patient reads is never empty (it was on
    'Evaluation of commercially available small RNASeq library preparation kits', whose every
    sentence was too long to say plainly)."""
    assert len(bmc) >= 195
    assert [f for _, f in bmc if not f.simple_explanation.strip()] == []
    # nor are practical implications, even when a mouse or cell study's caveat is already in the
    # simple explanation (10.1186/ar1901 and four more bundled pages had none in composer 4)
    assert [a.source_id for a, f in bmc if not f.practical_implications] == []
    # and they are not one boilerplate sentence: composer 5 gave 124 of 200 pages "These are the
    # results of a single study, so other studies need to confirm them." (test_composer_implications.py)
    texts = [p.text for _, f in bmc for p in f.practical_implications]
    assert max(texts.count(t) for t in set(texts)) <= 0.25 * len(bmc)
    # 9 BMC pages had no key finding in composer 4; one is left: its only result sentence starts
    # "By using short, repetitive, DNA sequences ..." and the sentence check refuses that opening
    assert [a.source_id for a, f in bmc if not f.key_findings] in ([], ["10.1186/s12864-019-5828-5"])


# ----- content plans (composer.v2): what each field says ------------------------------------------


def _page(pages: list[tuple[Article, DraftFields]], title_start: str) -> DraftFields:
    return next(f for a, f in pages if a.title.startswith(title_start))


def test_simple_explanation_opens_with_what_was_studied_not_background(bmc) -> None:  # type: ignore[no-untyped-def]
    """It used to open with background ("Environmental modulation of gene expression in Yersinia
    pestis is critical ...") on most pages; now with the study's topic, its people or its report."""
    opening = re.compile(r"^(?:This |The researchers |The report |The review |The work )")
    opens = [f.simple_explanation for _, f in bmc if opening.match(f.simple_explanation)]
    assert len(opens) >= 0.9 * len(bmc)
    yersinia = _page(bmc, "Comparative transcriptomics in Yersinia pestis")
    assert yersinia.simple_explanation.startswith(
        "This study looked at comparative transcriptomics in Yersinia pestis."
    )


def test_certainty_sentence_says_why_and_only_when_the_abstract_supports_it(bmc) -> None:  # type: ignore[no-untyped-def]
    """The bare "The researchers say this result is not certain." was added to 52 BMC pages; the
    certainty sentence now gives the reason the abstract or its design supports."""
    generic = [a.source_id for a, f in bmc if "this result is not certain" in f.simple_explanation]
    assert len(generic) <= 2
    for article, fields in bmc:
        se, abstract = fields.simple_explanation, article.abstract_plain
        if "(low certainty)" in se:
            assert re.search(r"low[- ](?:certainty|quality)", abstract, re.I), article.source_id
        if "This was a small study" in se:
            assert re.search(r"\b(?:[1-4]?\d) (?:\w+ )?(?:participants|patients|people|women|men|children|adults"
                             r"|individuals|community-ambulators|subjects)", abstract), article.source_id  # fmt: skip
        for species, named in (
            ("mice", ("mice", "mouse")),
            ("rats", ("rat",)),
            ("zebrafish", ("zebrafish",)),
        ):
            if f"in {species}" in se:
                assert any(n in f"{article.title} {abstract}" for n in named), article.source_id
    amc = _page(bmc, "Test-retest reliability for performance-based outcome measures")  # 38 people
    assert "This was a small study, so the result may not hold in larger groups." in amc.simple_explanation
    mice = _page(bmc, "Human papillomavirus (HPV) type 16 E7 protein bodies cause tumour regression in mice")
    # said once: the topic names the mice, the caveat says what that means (no "The work was done
    # in mice, not in people." between them)
    assert "in mice" in mice.simple_explanation and "may not be the same in people" in mice.simple_explanation
    assert "not in people" not in mice.simple_explanation


def test_key_findings_are_results_not_methods(bmc) -> None:  # type: ignore[no-untyped-def]
    """ "Participants completed performance-based measures, in a randomized order, on two separate
    occasions." was a key finding; no key finding may say only what was done."""
    method_only = re.compile(
        r"^(?:Participants|Patients|Subjects) (?:completed|underwent|were (?:recruited|asked|randomi[sz]ed))"
        r"|\b(?:were|was) (?:calculated|recruited|collected)\b[^.]*\.$"
    )
    assert [k for _, f in bmc for k in f.key_findings if method_only.search(k)] == []
    amc = _page(bmc, "Test-retest reliability for performance-based outcome measures")
    assert any(
        "Minimal detectable changes were 10 to 39%" in k for k in amc.key_findings + [amc.simple_explanation]
    )
    # 128 of 200 in composer 5, 15 of them filled with a method, an aim or the outlook (below)
    assert sum(len(f.key_findings) == 3 for _, f in bmc) >= 0.55 * len(bmc)
    # composer 5 gave methods, a method's description and the outlook as findings, and kept
    # claim-free framing ("Consistent with ...", "regardless of ...") in long ones
    not_results = re.compile(
        r"^Yeast two-hybrid library screens were|^The researchers (?:propose|carried out)|^This method allows"
        r"|strategies brought by their study|^Consistent with|\bregardless of\b|were carried out\.$"
    )
    assert [k for _, f in bmc for k in f.key_findings if not_results.search(k)] == []
    noiseq = _page(bmc, "Evaluating single-subject study methods")
    assert any(  # "achieved" is said "reached" (research vocabulary)
        re.match(
            r"Single-subject versions of NOISeq, DEGseq, and an ensemble learner (?:achieved|reached)", k
        )
        for k in noiseq.key_findings
    )


def test_lab_animal_and_computational_work_get_their_own_plan(bmc) -> None:  # type: ignore[no-untyped-def]
    """A lab study's simple explanation says it was done in cells or mice, and its implications
    and limitations say why; the generic "analysed genetic or other data by computer" is gone."""
    assert not any("by computer" in f.simple_explanation for _, f in bmc)
    cells = _page(bmc, "Platelet-rich plasma enhances the proliferation of human adipose stem cells")
    assert "The work was done on cells in the lab." in cells.simple_explanation
    assert "may not be the same in people" in cells.simple_explanation
    assert "Lab results not yet tested in people" in cells.limitations
    mapper = _page(bmc, "HIA: a genome mapper")
    assert mapper.simple_explanation.startswith("This study looked at HIA. It is a genome mapper")
    assert any(p.title == "A Tool for Researchers" for p in mapper.practical_implications)


def test_limitations_do_not_mistake_words_for_the_design() -> None:
    """A review of 'pilot or established government programmes' is not a pilot study, and
    'uncontrolled fluid overload' is not an uncontrolled study (blind read, composer 4)."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    cash, dialysis = (
        cochrane_article(records[i])
        for i in ("10.1002/14651858.CD011135.pub2", "10.1002/14651858.CD007554.pub3")
    )
    cash_fields, dialysis_fields = _draft([cash, dialysis])
    assert "Pilot study" not in cash_fields.limitations
    assert "No control group" not in dialysis_fields.limitations


def test_the_simple_explanation_gives_the_conclusions_first_claim() -> None:
    """The authors' main answer comes first in their conclusions; composer 4 took the plainer of
    the first two, so the cash-transfer review's page said only that the evidence was uncertain
    (blind read #3), not what the transfers probably do."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = _draft([cochrane_article(records["10.1002/14651858.CD011135.pub2"])])
    assert (
        "Unconditional cash transfers probably or may improve some health outcomes"  # round 19: "outcomes" kept after "health"
        in fields.simple_explanation
    )


# ----- the simple explanation (composer 6): a short topic, plain certainty, an answer -------------


def _topic(fields: DraftFields) -> str:
    return re.split(r"(?<=\.)\s+", fields.simple_explanation, maxsplit=1)[0]


def test_topic_sentence_is_the_titles_head_in_plain_words(bmc) -> None:  # type: ignore[no-untyped-def]
    """Composer 5 pasted the whole title after "looked at", capitals and gerunds included:
    "This study looked at Comparing the performance of ...", "looked at A screen for ...",
    "looked at vi-HMM, a new hidden Markov model-based method for ... in short-read data."."""
    callers = _page(bmc, "Comparing the performance of selected variant callers")
    assert _topic(callers).startswith("This study compared the performance of selected variant callers")
    pax6 = _page(bmc, "A screen for proteins that interact with PAX6")
    assert pax6.simple_explanation.startswith(
        "This study looked at a screen for proteins that interact with PAX6."
    )
    vi_hmm = _page(bmc, "vi-HMM: a novel HMM-based method")
    assert _topic(vi_hmm).startswith("This study looked at vi-HMM") and rw.word_count(_topic(vi_hmm)) <= 16
    assert not [
        f
        for _, f in bmc
        if re.search(r"(?:looked at|asked (?:whether|if)) (?:[A-Z][a-z]+ing|A|An|The) ", f.simple_explanation)
    ]
    # a title that states a claim is asked as a question; a noun phrase is looked at
    mice = _page(bmc, "A single factor dominates the behavior of rhythmic genes in mouse organs")
    # (the title names the mouse itself, so the subject does not say "in mice" again: h12se)
    assert _topic(mice).startswith("This study asked if a single factor dominates the behavior")
    # a cut never drops the claim's verb or what a method is for
    fluid = _page(bmc, "Fluid volume expansion and depletion in hemodialysis patients")
    assert re.match(r"This \w+ asked if fluid volume expansion and depletion [^.]*\black\b", _topic(fluid))
    yeast = _page(bmc, "Transcriptomics data of 11 species of yeast identically grown")
    assert not _topic(yeast).endswith(("originated.", "could have."))
    # a noun in a list is no claim's verb: "... for fiber quality, yield and morphological traits"
    cotton = _page(bmc, "High-density linkage map construction and QTL analyses")
    assert "asked if" not in _topic(cotton), _topic(cotton)
    systems = _page(bmc, "Systems biology approaches for advancing the discovery")
    assert "asked if" not in _topic(systems) and "for advancing" in _topic(systems)
    topics = [rw.word_count(_topic(f)) for _, f in bmc if _topic(f).startswith("This ")]
    assert sorted(topics)[len(topics) // 2] <= 14  # composer 5: 17


def test_authors_voice_never_leaves_their_without_antecedent(bmc) -> None:  # type: ignore[no-untyped-def]
    """ "Our preliminary data suggest ..." became "Their early data suggest ..." with nobody named."""
    pax6 = _page(bmc, "A screen for proteins that interact with PAX6")
    assert (
        "The early data suggest that PAX6 interacts with HOMER3, DNCL1 and TRIM11." in pax6.simple_explanation
    )
    assert not [f for _, f in bmc if re.search(r"(?:^|\.\s)Their\b", f.simple_explanation)]
    assert third_person("Our findings show that we improved our model.") == (
        "The findings show that the researchers improved their model."
    )


def test_certainty_sentences_are_plain_and_do_not_repeat_the_researchers(bmc) -> None:  # type: ignore[no-untyped-def]
    """ "The researchers say only that this may be so." and "The researchers" 85 times in 200 BMC
    simple explanations (composer 5); the templates now say how sure, plainly, in few words."""
    assert not [f for _, f in bmc if "say only that this may be so" in f.simple_explanation]
    assert sum(f.simple_explanation.count("The researchers") for _, f in bmc) <= 0.2 * len(bmc)
    templates = load_templates(REPO_ROOT / "prompts")
    for key, text in templates.section("certainty").items():
        assert rw.word_count(str(text)) <= 16, key
        if key.startswith("hedged"):
            assert is_hedged(str(text)), key  # the hedge is kept by the sentence that says it


def test_cochrane_simple_explanation_answers_with_numbers_in_context() -> None:
    """Blind read (composer 4-5): the review's size, a wish for future trials or a bare number
    ("The number needed to treat to prevent one acute care visit was 9.") given as the answer,
    and "also" with nothing before it."""
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    ids = ("10.1002/14651858.CD001114.pub2", "10.1002/14651858.CD000456.pub5",
           "10.1002/14651858.CD005306.pub2", "10.1002/14651858.CD000270.pub2")  # fmt: skip
    size, wish, nnt, also = (
        f.simple_explanation for f in _draft([cochrane_article(records[i]) for i in ids])
    )
    assert "met the entry rules" not in size
    assert "is encouraged" not in wish and "ACV compared to SIMV" in wish
    assert "number needed to treat" not in nnt
    # composer 7: the conclusion's first claim, not "It may also be superior ...", which leans on it
    assert " also " not in also and "is not inferior to non-team usual care" in also


def test_a_call_for_more_trials_is_never_the_answer() -> None:
    """ "Large randomised trials are needed to settle the question ..." and "A large, pragmatic
    randomised controlled trial is needed." were the simple explanation's answer (cochrane_val
    mine half); the answer is what the review found, a too-long conclusion said without its
    claim-free parts rather than skipped."""
    ids = (
        "10.1002/14651858.CD006001.pub2",
        "10.1002/14651858.CD012413.pub2",
        "10.1002/14651858.CD005022.pub3",
    )
    records = [r for r in read_jsonl(COCHRANE) if r["id"] in ids]
    assert len(records) == 3
    pages = dict(
        zip(
            ids,
            _draft([cochrane_article(r) for r in sorted(records, key=lambda r: ids.index(r["id"]))]),
            strict=True,
        )
    )
    for fields in pages.values():
        assert not re.search(r"\b(?:is|are) needed\b", fields.simple_explanation), fields.simple_explanation
    # "mortality" -> "deaths" (composer 8); "were not significantly different" -> "did not clearly differ" (19)
    assert "Deaths and complications did not clearly differ" in pages[ids[0]].simple_explanation
    assert "no evidence that antiangiogenic steroids prevent visual loss" in pages[ids[2]].simple_explanation


def test_no_certainty_sentence_contradicts_the_answers_probably() -> None:
    """ "Lactose-free products probably reduce treatment failure by around a half." (moderate, in
    Cochrane's wording) was followed by "The evidence is weak (low certainty) ...", the certainty
    of other outcomes of the review (cochrane_val mine half, CD005433). Since composer 9 the
    answer itself says "It may reduce treatment failure." (split from the conclusion), so the
    further result that says it again is left out."""
    record = next(r for r in read_jsonl(COCHRANE) if r["id"] == "10.1002/14651858.CD005433.pub2")
    (fields,) = _draft([cochrane_article(record)])
    assert "reduce treatment failure" in fields.simple_explanation
    assert "low certainty" not in fields.simple_explanation
