"""Drafting throughput benchmark: seq2seq generation naive vs batched vs CTranslate2 int8.

The model is a randomly initialised T5 of FLAN-T5-base shape (d_model 768, d_ff 2048, 12+12
layers, 12 heads, gated-gelu, vocab 32128), built from its config: no weights are downloaded, and
speed does not depend on the weights' values. Its tokenizer is SentencePiece trained here on the
abstracts (padded to FLAN's 32,100 tokens). Inputs are real abstracts from ../shared/data/bmc_sample
rendered with the default simple_explanation prompt. Every variant decodes greedily with
min_new_tokens = max_new_tokens, so every variant generates exactly the same number of tokens.

  (a) naive: tokenizer + model.generate once per abstract, batch size 1, as one writes by hand;
  (b) ours:  the seq2seq backend's generation (length-sorted batches, dynamic padding, inference_mode);
  (c) ct2:   the same model converted to CTranslate2 int8, same backend, runtime="ct2".
Also the embedded backends on one core: the composer (default) beside its baseline, the extractive
drafter, same abstracts and facts, run side by side; the ratio is printed.

On a GPU (--device cuda, or auto on a machine with one) (a) and (b) run there: (a) the naive loop
with the model moved to the GPU in float32, as one writes by hand, (b) ours in --dtype (float32 by
default; with bfloat16, (b32) ours in float32 beside it, so batching and precision show apart);
then (b) on the CPU with --threads threads beside it. CUDA's first calls are warmed up, untimed. CTranslate2 runs on the
CPU only and is skipped there (--no-ct2 skips it anywhere).

Goals: (b) >= 3x (a); (c) >= 2x (b); peak RSS < 2.5 GB; composer >= 30 abstracts/s on one core.
Run: .venv/bin/python bench/draft.py [--n 64] [--max-new-tokens 48] [--batch-size 16] [--device cpu|cuda|auto]
     .venv/bin/python bench/draft.py --embedded-only [--n 200] [--repeat 3]   (composer vs extractive only)
     .venv/bin/python bench/draft.py --embedded-only --ungated ...   (and the composer with its patterns ungated)
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import re
import resource
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

BMC = REPO.parent / "shared" / "data" / "bmc_sample" / "abstracts.jsonl"
FLAN_T5_BASE = {
    "d_model": 768,
    "d_ff": 2048,
    "d_kv": 64,
    "num_layers": 12,
    "num_decoder_layers": 12,
    "num_heads": 12,
    "feed_forward_proj": "gated-gelu",
    "vocab_size": 32128,
    "tie_word_embeddings": False,
    "relative_attention_num_buckets": 32,
}
ALIAS = "bench-flan-t5-base-random"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mb() -> float:
    try:
        import psutil

        return float(psutil.Process().memory_info().rss) / 2**20
    except ImportError:
        return float("nan")


def load_articles(n: int) -> list[Any]:
    from pipeline.domain import Article, Section

    recs = [json.loads(ln) for ln in BMC.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if n > len(recs):
        raise SystemExit(f"--n {n}: only {len(recs)} abstracts in {BMC}")
    return [
        Article(
            source="bmc",
            source_id=r["id"],
            title=r["title"],
            sections=[Section(s.get("label"), s["text"]) for s in r["sections"]],
        )
        for r in recs[:n]
    ]


def build_model(out: Path, texts: list[str]) -> None:
    """Random FLAN-T5-base-shaped model + SentencePiece tokenizer trained on the abstracts."""
    import sentencepiece as spm
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts),
        model_writer=buf,
        vocab_size=8000,
        model_type="unigram",
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=buf.getvalue())
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    # FLAN-T5's tokenizer has 32,000 pieces + 100 sentinels; fill up with never-used pieces.
    vocab += [(f"<unused_{i}>", -1000.0) for i in range(32000 - len(vocab))]
    tok = T5Tokenizer(vocab=vocab, extra_ids=100)
    torch.manual_seed(0)
    config = T5Config(**FLAN_T5_BASE, decoder_start_token_id=0, pad_token_id=0, eos_token_id=1)
    model = T5ForConditionalGeneration(config)
    model.save_pretrained(out)
    tok.save_pretrained(out)
    del model
    gc.collect()


def timed(label: str, n: int, fn: Any, cpu: dict[str, float] | None = None) -> tuple[float, Any]:
    """Run ``fn`` and print its rate; with ``cpu``, also the rate by this process's CPU time,
    stored there under ``label`` (steadier than wall time on a loaded machine)."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    secs, cpu_secs = time.perf_counter() - t0, time.process_time() - c0
    rate = n / secs
    by_cpu = f"  CPU {cpu_secs:6.1f} s = {n / cpu_secs:6.2f}/s" if cpu is not None else ""
    if cpu is not None:
        cpu[label] = n / cpu_secs
    print(
        f"{label:<44} {secs:8.1f} s  {rate:7.2f} abstracts/s{by_cpu}  peak RSS {peak_rss_mb():7.0f} MB"
        f"  (now {current_rss_mb():.0f} MB)",
        flush=True,
    )
    return rate, out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=64, help="abstracts (default 64)")
    parser.add_argument("--max-new-tokens", type=int, default=48)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--workdir", type=Path, default=None, help="keep the model here (default: a temp dir)"
    )
    parser.add_argument(
        "--embedded-only", action="store_true", help="only the composer and extractive backends (no torch)"
    )
    parser.add_argument(
        "--device",
        default="cpu",
        help="seq2seq: cpu (default), cuda, cuda:N or auto (PLAINSCI_SEQ2SEQ_DEVICE)",
    )
    parser.add_argument(
        "--dtype",
        default="float32",
        help="seq2seq precision for (b): float32, bfloat16 (PLAINSCI_SEQ2SEQ_DTYPE)",
    )
    parser.add_argument("--no-ct2", action="store_true", help="skip the CTranslate2 variant")
    parser.add_argument("--no-embedded", action="store_true", help="skip the composer and extractive rates")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="embedded backends: draft this many times each, caches cleared, best by CPU (default 1)",
    )
    parser.add_argument(
        "--ungated",
        action="store_true",
        help="embedded backends: the composer also with its gated patterns' originals (A/B, one process)",
    )
    args = parser.parse_args()
    if args.embedded_only:
        from pipeline.settings import load_settings

        embedded_rates(load_articles(args.n), load_settings(), args.repeat, args.ungated)
        return

    import torch
    import yaml

    from pipeline.draft.base import make_backend
    from pipeline.draft.seq2seq import Seq2SeqBackend, resolve_placement
    from pipeline.settings import load_settings

    torch.set_num_threads(args.threads)
    articles = load_articles(args.n)
    tmp = tempfile.TemporaryDirectory(prefix="plainsci-bench-")
    work = args.workdir or Path(tmp.name)
    model_dir = work / ALIAS
    print(
        f"{args.n} abstracts, {args.max_new_tokens} new tokens each (greedy), {args.threads} threads,"
        f" batch size {args.batch_size}; torch {torch.__version__}"
    )
    if not (model_dir / "config.json").exists():
        t0 = time.perf_counter()
        corpus = [a.title + "\n" + a.abstract_plain for a in load_articles(200)]
        build_model(model_dir, corpus)
        print(f"built random FLAN-T5-base-shaped model in {time.perf_counter() - t0:.1f} s ({model_dir})")
    (work / "models.yaml").write_text(
        yaml.safe_dump(
            {
                "models": {
                    ALIAS: {
                        "source": f"./{ALIAS}",
                        "family": "t5",
                        "max_input_tokens": 512,
                        "license": "none (random weights)",
                    }
                }
            }
        )
    )
    settings = load_settings(
        models_dir=work,
        models_file=work / "models.yaml",
        torch_threads=args.threads,
        draft_batch_size=args.batch_size,
        data_dir=work / "var",
        seq2seq_device=args.device,
        seq2seq_dtype=args.dtype,
    )
    place = resolve_placement(args.device, args.dtype)
    on_gpu = place.kind == "cuda"
    if on_gpu:
        print(f"device {place.device} ({torch.cuda.get_device_name(place.device)}), ours in {place.dtype}")
    params = {
        "num_beams": 1,
        "max_new_tokens": args.max_new_tokens,
        "min_new_tokens": args.max_new_tokens,
        "no_repeat_ngram_size": 0,
    }

    def loaded(backend_settings: Any, **options: Any) -> Seq2SeqBackend:
        """The benchmark's model as a seq2seq backend with its generator loaded (before timing)."""
        backend = make_backend(backend_settings, "seq2seq", model=ALIAS, generation=params, **options)
        assert isinstance(backend, Seq2SeqBackend)
        backend.generator  # noqa: B018 - load the model now, not inside a timed run
        return backend

    ours = loaded(settings)
    prompt = ours.prompt_set.prompts["simple_explanation"]
    texts = [prompt.render(a, None, model_family="t5") for a in articles]
    lengths = sorted(len(ours._truncate(ours.encode(t))) for t in texts)
    print(f"input tokens: min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}")
    gen = ours.generator  # loaded once above; (a) uses the same weights
    model, tokenizer = gen.model, gen.tokenizer  # type: ignore[attr-defined]
    fp32: Any = None
    if place.dtype != "float32":
        fp32 = loaded(settings.model_copy(update={"seq2seq_dtype": "float32"}))
        model = fp32.generator.model  # the naive loop runs in float32, as one writes by hand

    def naive(model: Any = model, tokenizer: Any = tokenizer) -> list[str]:
        out = []
        for text in texts:
            enc = tokenizer(text, return_tensors="pt", truncation=True, max_length=512).to(place.device)
            ids = model.generate(
                **enc,
                max_new_tokens=args.max_new_tokens,
                min_new_tokens=args.max_new_tokens,
                num_beams=1,
                do_sample=False,
            )
            out.append(tokenizer.decode(ids[0], skip_special_tokens=True))
        return out

    print()
    where = f" on {place.device}" if on_gpu else ""
    if on_gpu:  # CUDA's first calls compile and pick kernels: warm each variant up, untimed
        warm = {**params, "max_new_tokens": 4, "min_new_tokens": 4}
        for backend in (ours, fp32):
            if backend is not None:
                backend.generate_texts(texts[: args.batch_size], params=warm)
        enc = tokenizer(texts[0], return_tensors="pt", truncation=True, max_length=512).to(place.device)
        model.generate(**enc, max_new_tokens=4, min_new_tokens=4, num_beams=1, do_sample=False)
    rate_a, _ = timed(f"(a) naive{where}: generate per abstract, batch 1", args.n, naive)
    rate_b, _ = timed(
        f"(b) ours{where}: length-sorted batches of {args.batch_size}, {place.dtype}",
        args.n,
        partial(ours.generate_texts, texts, params=params),
    )
    if fp32 is not None:
        rate_b32, _ = timed(
            f"(b32) ours{where}: same batches, float32",
            args.n,
            partial(fp32.generate_texts, texts, params=params),
        )
        print(
            f"b/b32 = {rate_b / rate_b32:.2f}x (precision alone)   b32/a = {rate_b32 / rate_a:.2f}x (batching alone)"
        )
    del gen, model, tokenizer, ours, naive, fp32
    gc.collect()
    if on_gpu:
        print(f"{'    GPU memory, peak allocated':<44} {torch.cuda.max_memory_allocated() / 2**30:8.2f} GiB")
        cpu_settings = settings.model_copy(update={"seq2seq_device": "cpu", "seq2seq_dtype": "float32"})
        on_cpu = loaded(cpu_settings)
        rate_cpu, _ = timed(
            f"(b) ours on the CPU, {args.threads} threads, float32",
            args.n,
            partial(on_cpu.generate_texts, texts, params=params),
        )
        del on_cpu
        print()
        print(f"b/a = {rate_b / rate_a:.2f}x (goal >= 3)   GPU b / CPU b = {rate_b / rate_cpu:.2f}x")
        tmp.cleanup()
        return
    if args.no_ct2:
        print()
        print(
            f"b/a = {rate_b / rate_a:.2f}x (goal >= 3)   peak RSS {peak_rss_mb() / 1024:.2f} GB (goal < 2.5)"
        )
        if not args.no_embedded:
            embedded_rates(articles, settings, args.repeat)
        tmp.cleanup()
        return
    from pipeline.draft.ct2 import convert_alias

    t0 = time.perf_counter()
    convert_alias(ALIAS, settings, "int8")
    print(
        f"{'    converted to CTranslate2 int8':<44} {time.perf_counter() - t0:8.1f} s"
        f"  peak RSS {peak_rss_mb():7.0f} MB",
        flush=True,
    )
    gc.collect()
    fast = loaded(settings, runtime="ct2")
    rate_c, _ = timed(
        f"(c) ct2 int8: same batches of {args.batch_size}",
        args.n,
        partial(fast.generate_texts, texts, params=params),
    )
    peak = peak_rss_mb()
    del fast
    gc.collect()

    print()
    print(
        f"b/a = {rate_b / rate_a:.2f}x (goal >= 3)   c/b = {rate_c / rate_b:.2f}x (goal >= 2)"
        f"   c/a = {rate_c / rate_a:.2f}x   peak RSS {peak / 1024:.2f} GB (goal < 2.5)"
    )

    if not args.no_embedded:
        embedded_rates(articles, settings, args.repeat)
    tmp.cleanup()


def clear_text_caches() -> None:
    """Forget what the drafters cached per text or article (sentence analyses, cues, numbers, grade
    statistics): the ``lru_cache``s of ``pipeline`` with 64 to 16,384 entries, and the composer's
    stored spaCy analyses. Loaders (a few entries) and word-level tables (20,000 and more: a
    vocabulary, warm in any long run) stay, so every repeat drafts like the first run after warm-up."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("pipeline.") or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                maxsize = info().maxsize
                if maxsize is not None and 64 <= maxsize <= 16384:
                    value.cache_clear()
    simplify = sys.modules.get("pipeline.draft.composer.simplify")
    if simplify is not None and hasattr(simplify, "clear_caches"):
        simplify.clear_caches()


def _ungated_copy(value: Any, originals: dict[Any, Any], depth: int = 0) -> Any:
    """``value`` with each gated pattern in it replaced by its original: a pattern, or a tuple, list
    or dict holding patterns (two levels deep: ``plan._CERTAINTY``'s (level, pattern) pairs);
    ``value`` itself where it holds none."""
    if isinstance(value, re.Pattern):
        return originals.get(value, value)
    if depth > 2 or type(value) not in (tuple, list, dict):
        return value
    if type(value) is dict:
        items = {key: _ungated_copy(item, originals, depth + 1) for key, item in value.items()}
        return items if any(items[key] is not item for key, item in value.items()) else value
    copied = [_ungated_copy(item, originals, depth + 1) for item in value]
    return type(value)(copied) if any(c is not v for c, v in zip(copied, value, strict=True)) else value


def gated_places() -> list[tuple[Any, str, Any, Any]]:
    """(module, name, value, its value with the originals) for each gated pattern a ``pipeline``
    module names (``pipeline.text.patterns.UNGATED``), alone or in a tuple, list or dict it names
    (round 25: ``plan._CERTAINTY``, ``sentences._CUES``), so that a run can draft with the originals."""
    from pipeline.text.patterns import UNGATED

    return [
        (module, name, value, original)
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("pipeline.") and module is not None
        for name, value in list(vars(module).items())
        for original in [_ungated_copy(value, UNGATED)]
        if original is not value
    ]


def embedded_rates(articles: list[Any], settings: Any, repeat: int = 1, ungated: bool = False) -> None:
    """The embedded backends on one core, side by side (facts extracted first, not timed); with
    ``repeat``, each backend drafts the abstracts that many times, alternately, with the per-text
    caches cleared before each run, and the best run of each by CPU time is compared. With
    ``ungated``, the composer also drafts with its gated patterns' originals in their places (an A/B
    of ``pipeline.text.patterns.gated`` in one process; patterns kept in lists or closures stay
    gated)."""
    try:
        from pipeline.draft.base import make_backend
        from pipeline.enrich.facts import extract_facts_batch
    except ImportError as exc:
        print(f"embedded backends: skipped ({exc})")
        return
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    rates: dict[str, float] = {}
    cpu_rates: dict[str, float] = {}
    places: list[tuple[Any, str, Any, Any]] = []
    try:
        if affinity:
            os.sched_setaffinity(0, {min(affinity)})
        facts = extract_facts_batch(articles)
        items = list(zip(articles, facts, strict=True))
        backends = {name: make_backend(settings, name) for name in ("extractive", "composer")}
        if ungated:
            backends["composer ungated"] = backends["composer"]
        for backend in backends.values():
            backend.draft_batch(items[:2])  # warm-up (model and glossary load)
        places = gated_places() if ungated else []
        for run in range(repeat):
            if repeat > 1:
                print(f"run {run + 1} of {repeat}, load average {os.getloadavg()[0]:.1f}", flush=True)
            for name, backend in backends.items():
                clear_text_caches()
                label = f"{name}, one core"
                run_cpu: dict[str, float] = {}
                for module, attr, faster, original in places:
                    setattr(module, attr, original if name == "composer ungated" else faster)
                rate, results = timed(label, len(items), lambda b=backend: b.draft_batch(items), run_cpu)
                rates[name] = max(rates.get(name, 0.0), rate)
                cpu_rates[name] = max(cpu_rates.get(name, 0.0), run_cpu[label])
                failed = sum(isinstance(r, Exception) for r in results)
                if failed:
                    print(f"  {name}: {failed} of {len(items)} items failed")
    except Exception as exc:  # noqa: BLE001 - report, don't crash the seq2seq benchmark
        print(f"embedded backends: skipped ({type(exc).__name__}: {exc})")
    finally:
        if affinity:
            os.sched_setaffinity(0, affinity)
        for module, attr, faster, _ in places:
            setattr(module, attr, faster)
    if "composer ungated" in cpu_rates and "composer" in cpu_rates:
        print(
            f"{len(places)} module names of gated patterns (alone or in a tuple, list or dict); by CPU time, composer gated/ungated = "
            f"{cpu_rates['composer'] / cpu_rates['composer ungated']:.2f}x   (ungated "
            f"{cpu_rates['composer ungated']:.1f} abstracts/s, gated {cpu_rates['composer']:.1f})"
        )
    if "composer" in rates and "extractive" in rates:
        best = "best of each, " if repeat > 1 else ""
        print(
            f"{best}composer/extractive = {rates['composer'] / rates['extractive']:.2f}x"
            f"   composer {rates['composer']:.1f} abstracts/s (goal >= 30 on one core)"
        )
        print(
            f"{best}by CPU time: composer/extractive = {cpu_rates['composer'] / cpu_rates['extractive']:.2f}x"
            f"   composer {cpu_rates['composer']:.1f} abstracts/s, extractive {cpu_rates['extractive']:.1f}"
            f"   (load average {os.getloadavg()[0]:.1f})"
        )


if __name__ == "__main__":
    main()
