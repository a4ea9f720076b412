"""Enrich stage: study facts (design, evidence level, participants, period, categories).

One article whose extraction raises never stops the stage: its batch is extracted again one
article at a time, the failing article is quarantined (stage ``enrich``) with the reason and
counted in ``enrich_failed``, the others get their facts. It stays pending, so the next run
tries it again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from pipeline.domain import Facts
from pipeline.enrich.facts import EXTRACTOR_VERSION, extract_facts_batch
from pipeline.logs import progress
from pipeline.store import models as m
from pipeline.store import repo
from pipeline.store.db import Store
from pipeline.store.queries.articles import articles_by_ids, facts_fingerprints

log = logging.getLogger(__name__)

BATCH = 64


def pending_ids(store: Store) -> list[int]:
    """Articles without facts for their current content and extractor version."""
    with store.session() as s:
        rows = facts_fingerprints(s)
    return [aid for aid, fp, ifp, ver in rows if ifp != fp or ver != EXTRACTOR_VERSION]


def _extract(rows: Sequence[m.Article]) -> list[Facts | Exception]:
    """Facts of each row, in order; when the batch raises, each row alone (its error in its place)."""
    try:
        return list(extract_facts_batch([repo.to_domain(r) for r in rows]))
    except Exception:  # noqa: BLE001 - find the record(s) at fault below
        log.warning("enrich batch of %d failed; extracting one article at a time", len(rows))
    out: list[Facts | Exception] = []
    for row in rows:
        try:
            out.append(extract_facts_batch([repo.to_domain(row)])[0])
        except Exception as exc:  # noqa: BLE001 - one bad record never stops the stage
            out.append(exc)
    return out


def run_enrich(store: Store, run_id: int | None = None, ids: list[int] | None = None) -> dict[str, Any]:
    """Extract facts for pending articles, one committed batch at a time; a failing article is
    quarantined and reported in ``failures`` (article id, DOI, reason), the others go on."""
    todo = pending_ids(store) if ids is None else ids
    done = failed = 0
    failures: list[dict[str, Any]] = []
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        with store.session() as s:
            rows = articles_by_ids(s, chunk, with_facts=True)
            for row, f in zip(rows, _extract(rows), strict=True):
                try:
                    if isinstance(f, Exception):
                        raise f
                    data = f.to_dict()
                except Exception as exc:  # noqa: BLE001 - one bad record never stops the stage
                    failures.append(repo.quarantine_article(s, row, exc, "enrich", run_id))
                    failed += 1
                    continue
                target = row.facts or m.ArticleFacts(article_id=row.id)
                target.data = data
                target.input_fingerprint = row.fingerprint
                target.extractor_version = EXTRACTOR_VERSION
                target.relevance = f.relevance
                s.add(target)
                done += 1
        progress("enrich", min(start + BATCH, len(todo)), len(todo))
    return {"enriched": done, "enrich_failed": failed, "failures": failures}
