"""Ingest parsing benchmark: streaming (lxml iterparse, elements cleared) vs whole-document parse.

Inputs are built by repeating real records: the MEDLINE citations and bare PubMed articles of
data/samples (PubMed XML), and the PMC/Europe PMC JATS articles of data/samples (JATS), at 1x and
10x. Throughput of both variants is measured side by side in this process; peak memory of each
(variant, size) is the peak RSS (VmHWM) of a fresh subprocess that only parses, minus that of one that
only imports (so the interpreter's own footprint is not counted as parser memory).

Goals: >= 2,000 abstracts/s on one core (streaming PubMed); peak memory growth < 1.5x when the
input grows tenfold (streaming). Run: .venv/bin/python bench/ingest.py [--records 1000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.sources.parsers.common import xml_root  # noqa: E402
from pipeline.sources.parsers.jats import article_from_jats, find_articles  # noqa: E402
from pipeline.sources.parsers.pubmed_xml import article_from_pubmed, find_records  # noqa: E402
from pipeline.sources.parsers.stream import iter_jats_records, iter_pubmed_records  # noqa: E402

SAMPLES = REPO / "data" / "samples"
_PROLOG = re.compile(rb"\A\s*(<\?xml[^>]*\?>)?\s*(<!DOCTYPE[^>]*>)?\s*", re.S)


def _body(xml: bytes) -> bytes:
    return _PROLOG.sub(b"", xml, count=1)


def pubmed_records() -> list[bytes]:
    """Each real record of the samples as bytes: MEDLINE citations and bare PubmedArticles."""
    medline = gzip.decompress((SAMPLES / "medline16n0902_bmc_excerpt.xml.gz").read_bytes())
    records = re.findall(rb"<MedlineCitation\b.*?</MedlineCitation>", medline, re.S)
    records += [_body(p.read_bytes()) for p in sorted(SAMPLES.glob("pubmed_article_*.xml"))]
    return records


def jats_records() -> list[bytes]:
    """Each real JATS <article> of the samples, DOCTYPE stripped."""
    out = []
    for path in sorted(SAMPLES.glob("pmc_*.nxml")) + [SAMPLES / "europepmc_fulltextxml_PMC2231364.xml"]:
        match = re.search(rb"<article\b.*</article>", path.read_bytes(), re.S)
        if match:
            out.append(match.group(0))
    return out


def build(records: list[bytes], count: int, wrapper: str, path: Path) -> Path:
    """A document of ``count`` records (real ones, repeated) inside ``<wrapper>``."""
    with path.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<' + wrapper.encode() + b">\n")
        for i in range(count):
            fh.write(records[i % len(records)])
            fh.write(b"\n")
        fh.write(b"</" + wrapper.encode() + b">\n")
    return path


def naive_pubmed(path: Path) -> int:
    root = xml_root(path.read_bytes(), str(path))
    return sum(1 for r in find_records(root) if article_from_pubmed(r, "bench"))


def stream_pubmed(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for r in iter_pubmed_records(fh, "bench") if not isinstance(r, Exception))


def naive_jats(path: Path) -> int:
    root = xml_root(path.read_bytes(), str(path))
    return sum(1 for a in find_articles(root) if article_from_jats(a, "bench"))


def stream_jats(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for r in iter_jats_records(fh, "bench") if not isinstance(r, Exception))


def fullstream_jats(path: Path) -> int:
    """The previous streaming parser: iterparse over every byte, full text included."""
    with path.open("rb") as fh:
        return sum(
            1 for r in iter_jats_records(fh, "bench", skip_unread=False) if not isinstance(r, Exception)
        )


VARIANTS: dict[str, Callable[[Path], int]] = {
    "naive_pubmed": naive_pubmed,
    "stream_pubmed": stream_pubmed,
    "naive_jats": naive_jats,
    "stream_jats": stream_jats,
    "fullstream_jats": fullstream_jats,
}


def timed(fn: Callable[[Path], int], path: Path, repeat: int = 2) -> tuple[int, float]:
    """(records, best seconds of ``repeat`` runs)."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = fn(path)
        best = min(best, time.perf_counter() - start)
    return count, best


def peak_rss_kb(variant: str | None, path: Path | None) -> int:
    """ru_maxrss (KiB) of a fresh interpreter that parses ``path`` with ``variant`` (None: imports only)."""
    args = [sys.executable, __file__, "--worker", variant or "none", str(path or "")]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return int(json.loads(out)["maxrss_kb"])


def _peak_kb() -> int:
    """This process's peak RSS: VmHWM (reset by exec, unlike ru_maxrss, which a forked child inherits)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker(variant: str, path: str) -> None:
    if variant != "none":
        VARIANTS[variant](Path(path))
    print(json.dumps({"maxrss_kb": _peak_kb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="PubMed records at 1x (JATS: a tenth)")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    base_rss = peak_rss_kb(None, None)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {}
        for kind, records, wrapper, unit in (
            ("pubmed", pubmed_records(), "PubmedArticleSet", args.records),
            ("jats", jats_records(), "pmc-articleset", max(1, args.records // 10)),
        ):
            for scale in (1, 10):
                inputs[(kind, scale)] = build(
                    records, unit * scale, wrapper, Path(tmp) / f"{kind}_{scale}x.xml"
                )
        print(f"interpreter + imports: {base_rss / 1024:.0f} MiB (subtracted below)\n")
        print(
            f"{'input':<12}{'MiB':>7}{'records':>9} | {'naive rec/s':>12}{'stream rec/s':>13}{'speed':>7} | "
            f"{'naive MiB':>10}{'stream MiB':>11}"
        )
        mem: dict[tuple[str, str, int], float] = {}
        for (kind, scale), path in inputs.items():
            n_naive, t_naive = timed(VARIANTS[f"naive_{kind}"], path)
            n_stream, t_stream = timed(VARIANTS[f"stream_{kind}"], path)
            assert n_naive == n_stream, (kind, scale, n_naive, n_stream)
            for variant in ("naive", "stream"):
                mem[(variant, kind, scale)] = max(0, peak_rss_kb(f"{variant}_{kind}", path) - base_rss) / 1024
            size = path.stat().st_size / 2**20
            print(
                f"{kind + f' {scale}x':<12}{size:>7.1f}{n_stream:>9} | {n_naive / t_naive:>12,.0f}"
                f"{n_stream / t_stream:>13,.0f}{t_naive / t_stream:>6.2f}x | "
                f"{mem[('naive', kind, scale)]:>10.1f}{mem[('stream', kind, scale)]:>11.1f}"
            )
        print()
        for scale in (1, 10):  # skipping <body>/<back> unparsed vs the previous streaming parser
            path = inputs[("jats", scale)]
            n_full, t_full = timed(VARIANTS["fullstream_jats"], path)
            n_skip, t_skip = timed(VARIANTS["stream_jats"], path)
            assert n_full == n_skip, (scale, n_full, n_skip)
            print(
                f"jats {scale}x: previous stream {n_full / t_full:,.0f} rec/s, body skipped "
                f"{n_skip / t_skip:,.0f} rec/s: {t_full / t_skip:.2f}x"
            )
        print()
        for kind in ("pubmed", "jats"):
            for variant in ("naive", "stream"):
                # growth of the whole process's peak (interpreter included): a parser using ~0 MiB is flat
                small, big = (mem[(variant, kind, k)] + base_rss / 1024 for k in (1, 10))
                print(
                    f"{kind:<7}{variant:<7} peak RSS {small:7.1f} -> {big:7.1f} MiB for 10x input: {big / small:5.2f}x"
                )
        print(
            "\ngoals: stream_pubmed and stream_jats >= 2,000 records/s; streaming memory growth < 1.5x"
            " for 10x input"
        )


if __name__ == "__main__":
    main()
