"""Test data: a small SQLite store holding real BMC abstracts with hand-made drafts, scores and flags.

Used by the review and publish tests, and as a script by the browser test:
``python tests/review/testdb.py DATA_DIR`` creates ``DATA_DIR/plainsci.db``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
ABSTRACTS = DATA / "bmc_sample" / "abstracts.jsonl"

if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from pipeline.domain import DraftFields, PracticalPoint  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store import models  # noqa: E402
from pipeline.store.db import Store  # noqa: E402

EVIL = '<script>alert("x")</script>'

# Hand-written drafts (our words) for three real abstracts, highest priority first.
DRAFTS: dict[str, dict[str, Any]] = {
    "10.1186/s12891-022-05070-w": {
        "status": "new",
        "priority": 0.9,
        "fields": DraftFields(
            simple_explanation=(
                "Arthrogryposis is a rare condition where many joints are stiff from birth. "
                "Researchers checked whether simple walking and balance tests give the same result "
                "when done on two different days. This matters because doctors need tests they can trust."
            ),
            key_findings=[
                "The walking and balance tests gave very similar results on both days.",
                "The study included 38 people who could walk in the community.",
                "Small changes in one person can be measured with most of these tests.",
            ],
            research_summary=(
                "This reliability study tested four gait and balance measures twice in adolescents and adults "
                "with arthrogryposis. Agreement between days was high for all tests. The authors say the tests "
                "can track change in single patients."
            ),
            practical_implications=[
                PracticalPoint(
                    "Trustworthy Tests",
                    "Clinics can use these walking tests to follow patients with arthrogryposis over time.",
                ),
                PracticalPoint(
                    "Better Trials",
                    "Researchers can use the tests to measure whether a new treatment helps people walk.",
                ),
                PracticalPoint(
                    "Tracking Progress",
                    "Therapists can tell real progress apart from normal day to day changes in walking.",
                ),
            ],
            limitations=["Small sample", "Only people who could walk", "Two test days only"],
            study_duration="Not specified",
            participants="38 community-ambulators with arthrogryposis",
            evidence_level="Level 4, Reliability study",
            categories=["Musculoskeletal Medicine", "Rehabilitation"],
        ),
        "flags": {
            "number": ("key_findings", 1, "38"),
            "support": ("research_summary", "Agreement between days was high for all tests.", "Results", 0),
        },
    },
    "10.1186/s12888-018-1871-z": {
        "status": "in_review",
        "priority": 0.5,
        "fields": DraftFields(
            simple_explanation=(
                "Many people with mental illness face prejudice. The researchers built a new questionnaire "
                "that measures prejudice and tested it in several groups of people."
            ),
            key_findings=[
                "Prejudice had four parts, including fear and the belief that people are unpredictable.",
                "The questionnaire gave steady results when people answered it again.",
                "Scores were linked to the attitudes the theory expected.",
            ],
            research_summary=(
                "The authors drew items from earlier measures, had experts review them, and tested the "
                "structure, reliability and validity of the scale in several samples."
            ),
            practical_implications=[
                PracticalPoint(
                    "Better Measurement",
                    "Researchers can measure prejudice toward people with mental illness more precisely.",
                ),
                PracticalPoint(
                    "Targeted Programs",
                    "Anti-stigma programs can aim at the specific part of prejudice that matters most.",
                ),
                PracticalPoint(
                    "Tracking Change", "Programs can check whether prejudice goes down after they run."
                ),
            ],
            limitations=["Online samples", "Self-reported answers"],
            categories=["Psychiatry", "Research Methodology & Design"],
        ),
        "flags": {},
    },
    "10.1186/1472-6874-12-16": {
        "status": "approved",
        "priority": 0.2,
        "fields": DraftFields(
            simple_explanation=(
                "Breast cancers differ in which hormone receptors they carry. This study looked at these "
                "receptors in Kurdish and Arabic women in northern Iraq."
            ),
            key_findings=[
                "Most tumours were of the hormone receptor positive type.",
                "Breast cancer was less common in Kurdish women than in US women.",
                "Women were often diagnosed before the age of 50.",
            ],
            research_summary=(
                "Health records from 2008 to 2010 were used to find women with a first breast cancer "
                "diagnosis, and receptor testing results were compared between groups."
            ),
            practical_implications=[
                PracticalPoint(
                    "Treatment Choice", "Hormone therapy may suit many women in this region, as in the US."
                ),
                PracticalPoint(
                    "Earlier Screening",
                    "Screening programs may need to start at younger ages in this population.",
                ),
                PracticalPoint(
                    "Better Records",
                    "Cancer registries in the region help doctors plan care for local patients.",
                ),
            ],
            limitations=["Records-based design", "Not all tumours tested"],
            study_duration="2008 to 2010",
            participants="824 women with a first breast cancer diagnosis",
            categories=["Oncology", "Women's Health"],
        ),
        "flags": {},
    },
}
DOIS = list(DRAFTS)


@dataclass
class Filled:
    """Ids of what :func:`fill` wrote, keyed by DOI."""

    item_ids: dict[str, int]
    article_ids: dict[str, int]
    records: dict[str, dict[str, Any]]


def load_records(dois: list[str]) -> dict[str, dict[str, Any]]:
    wanted = set(dois)
    out: dict[str, dict[str, Any]] = {}
    with ABSTRACTS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doi"].lower() in wanted:
                out[rec["doi"].lower()] = rec
    missing = wanted - set(out)
    if missing:
        raise FileNotFoundError(f"{ABSTRACTS} lacks {sorted(missing)}")
    return out


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]


def make_settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, database_url=None)


def _flags(spec: dict[str, Any], fields: DraftFields, sections: list[dict[str, Any]]) -> list[models.Score]:
    """Score rows with flags at computed offsets: a number in a list field, a sentence with its source."""
    scores: list[models.Score] = []
    texts = fields.field_texts()
    if "number" in spec:
        fname, index, number = spec["number"]
        joined = texts[fname]
        item_start = joined.index(fields.key_findings[index])
        start = item_start + fields.key_findings[index].index(number)
        flag = {
            "metric": "numbers",
            "reason": f"Check the number {number}",
            "severity": "error",
            "draft_span": [start, start + len(number)],
            "draft_text": number,
        }
        scores.append(
            models.Score(field=fname, metric="numbers", metric_version="1", value=0.0, flags=[flag])
        )
    if "support" in spec:
        fname, sentence, label, _ = spec["support"]
        start = texts[fname].index(sentence)
        sec = next(i for i, s in enumerate(sections) if s["label"] == label)
        src = first_sentence(sections[sec]["text"])
        flag = {
            "metric": "support",
            "reason": "Weakly supported sentence",
            "severity": "warning",
            "draft_span": [start, start + len(sentence)],
            "draft_text": sentence,
            "source_span": {"section": sec, "start": 0, "end": len(src), "text": src},
        }
        scores.append(
            models.Score(field=fname, metric="support", metric_version="1", value=0.41, flags=[flag])
        )
    return scores


def scored_marker() -> models.Score:
    """The score stage's marker row: these hand-made scores count as the draft's scores for
    today's metrics (without it the app would rescore the draft in the background on view)."""
    from pipeline.stages.score import MARKER_FIELD, MARKER_METRIC, registry_version

    return models.Score(
        field=MARKER_FIELD, metric=MARKER_METRIC, metric_version=registry_version(), value=None, flags=[]
    )


def _article(rec: dict[str, Any], evil: bool) -> models.Article:
    sections = [{"label": s["label"], "text": s["text"]} for s in rec["sections"]]
    if evil:
        sections[0]["text"] = f"{EVIL} {sections[0]['text']}"
    return models.Article(
        doi=rec["doi"].lower(),
        pmid=rec.get("pmid"),
        pmcid=rec.get("pmcid"),
        source="files",
        source_id=rec["id"],
        title=rec["title"] + (f" {EVIL}" if evil else ""),
        journal=rec["journal"],
        published=date.fromisoformat(rec["date"]) if len(rec["date"]) == 10 else None,
        sections=sections,
        fingerprint="test",
        url=None,
    )


def fill(store: Store, *, evil_doi: str | None = None) -> Filled:
    """Write the three articles, drafts, scores and review items; ``evil_doi`` gets <script> text."""
    records = load_records(DOIS)
    filled = Filled({}, {}, records)
    with store.session() as s:
        for doi, spec in DRAFTS.items():
            evil = doi == evil_doi
            article = _article(records[doi], evil)
            fields: DraftFields = spec["fields"]
            data = fields.to_dict()
            if evil:
                data["simple_explanation"] = f"{EVIL} {data['simple_explanation']}"
            draft = models.Draft(
                article=article,
                version=1,
                fields=data,
                backend="extractive",
                model_id=None,
                prompt_id="default",
                prompt_version="1",
                params={},
                input_fingerprint="test",
                cache_key=f"test-{doi}",
                created_at=datetime(2025, 1, 2, 3, 4),
            )
            draft.scores = _flags(spec["flags"], fields, article.sections) + [
                models.Score(
                    field="simple_explanation", metric="fkgl", metric_version="1", value=7.25, flags=[]
                ),
                scored_marker(),
            ]
            n_flags = sum(len(sc.flags) for sc in draft.scores)
            item = models.ReviewItem(
                article=article,
                draft=draft,
                status=spec["status"],
                priority=spec["priority"],
                gate_failed=n_flags > 1,
                flag_count=n_flags,
            )
            s.add_all([article, draft, item])
            s.flush()
            filled.item_ids[doi] = item.id
            filled.article_ids[doi] = article.id
    return filled


# Statuses of the extra queue items (a day's mix: closed ones must not show in the default view).
EXTRA_STATUSES = ("new", "in_review", "new", "changes_requested", "approved", "published", "rejected")


def mark_out_of_scope(store: Store, article_id: int, reason: str) -> None:
    """Store the scope fact the enrich stage writes for an article that is not health research."""
    with store.session() as s:
        s.add(
            models.ArticleFacts(
                article_id=article_id,
                data={"scope": {"value": "out of scope", "span": None, "detail": {"reason": reason}}},
                input_fingerprint="test",
                extractor_version="2",
                relevance=0.0,
            )
        )


def add_sample_items(store: Store, n: int) -> dict[str, int]:
    """``n`` more review items from further real abstracts of the sample, with simple model drafts
    (the abstract's first sentences) and mixed statuses; returns item ids by DOI."""
    taken = set(DOIS)
    records = []
    with ABSTRACTS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doi"].lower() not in taken and rec.get("sections") and len(records) < n:
                records.append(rec)
    ids: dict[str, int] = {}
    with store.session() as s:
        for i, rec in enumerate(records):
            article = _article(rec, evil=False)
            texts = [str(sec["text"]) for sec in article.sections]
            fields = DraftFields(
                simple_explanation=first_sentence(texts[0]),
                key_findings=[first_sentence(t) for t in texts[1:3]] or [first_sentence(texts[0])],
                research_summary=" ".join(first_sentence(t) for t in texts),
                practical_implications=[PracticalPoint("What it means", first_sentence(texts[-1]))],
                limitations=["Not stated in the abstract"],
                study_duration="Not specified",
                participants="Not specified",
                evidence_level="Not specified",
                categories=["General Medicine"],
            )
            draft = models.Draft(
                article=article,
                version=1,
                fields=fields.to_dict(),
                backend="extractive",
                model_id=None,
                prompt_id="default",
                prompt_version="1",
                params={},
                input_fingerprint="test",
                cache_key=f"test-extra-{rec['doi'].lower()}",
                created_at=datetime(2025, 1, 3, 3, 4),
            )
            draft.scores = [scored_marker()]
            item = models.ReviewItem(
                article=article,
                draft=draft,
                status=EXTRA_STATUSES[i % len(EXTRA_STATUSES)],
                priority=round(0.45 - i * 0.01, 2),
                gate_failed=False,
                flag_count=0,
            )
            s.add_all([article, draft, item])
            s.flush()
            ids[article.doi] = item.id
    return ids


def create(data_dir: Path, *, evil_doi: str | None = None) -> Filled:
    """A new store under ``data_dir`` filled with the test data."""
    store = Store(make_settings(data_dir))
    try:
        return fill(store, evil_doi=evil_doi)
    finally:
        store.dispose()


if __name__ == "__main__":
    result = create(Path(sys.argv[1]))
    print(json.dumps(result.item_ids))
