"""Tiny randomly initialised T5 and BART models, built in code (no weights are downloaded).

Tokenizers are trained on real abstracts from ../shared/data/bmc_sample, so inputs tokenise
like real text; the models are random, so outputs are gibberish of the right shape.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BMC = SHARED_DATA / "bmc_sample" / "abstracts.jsonl"
VOCAB = 1000


def bmc_records(n: int | None = None) -> list[dict]:
    lines = [ln for ln in BMC.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [json.loads(ln) for ln in lines[:n]]


def corpus(n: int = 200) -> list[str]:
    return [r["title"] + "\n" + "\n".join(s["text"] for s in r["sections"]) for r in bmc_records(n)]


def _spread_weights(model: object, seed: int) -> None:
    """Random init of a tiny T5 predicts <pad> at every step; wider weights give varied tokens."""
    import torch

    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():  # type: ignore[attr-defined]
            if "norm" in name:
                continue
            p.copy_(torch.randn(p.shape, generator=gen) * 0.3)


def build_tiny_t5(out: Path, *, vocab_size: int = VOCAB, seed: int = 0) -> Path:
    """T5 (d_model 64, 2 layers) + a SentencePiece vocabulary trained on the abstracts."""
    import sentencepiece as spm
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus()),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type="bpe",
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=buf.getvalue())
    # transformers 5 reads a bare spiece.model through protobuf (not installed); the vocab list
    # (piece, score) builds the same tokenizer without it.
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tok = T5Tokenizer(vocab=vocab, extra_ids=0)
    config = T5Config(
        vocab_size=len(tok),
        d_model=64,
        d_ff=128,
        d_kv=16,
        num_layers=2,
        num_decoder_layers=2,
        num_heads=4,
        feed_forward_proj="gated-gelu",
        decoder_start_token_id=tok.pad_token_id,
        pad_token_id=tok.pad_token_id,
        eos_token_id=tok.eos_token_id,
        tie_word_embeddings=False,
    )
    torch.manual_seed(seed)
    model = T5ForConditionalGeneration(config)
    _spread_weights(model, seed)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def build_tiny_bart(out: Path, *, vocab_size: int = VOCAB, seed: int = 0) -> Path:
    """BART (d_model 64, 2+2 layers) + a byte-level BPE trained with `tokenizers` on the abstracts."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(corpus(), trainer)
    model_json = json.loads(bpe.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model_json["merges"]]
    tok = BartTokenizer(vocab=model_json["vocab"], merges=merges)
    config = BartConfig(
        vocab_size=len(tok),
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=512,
        pad_token_id=tok.pad_token_id,
        bos_token_id=tok.bos_token_id,
        eos_token_id=tok.eos_token_id,
        decoder_start_token_id=tok.eos_token_id,
        forced_bos_token_id=tok.bos_token_id,
    )
    torch.manual_seed(seed)
    model = BartForConditionalGeneration(config)
    _spread_weights(model, seed)
    # Like facebook/bart-large-cnn: generation starts with </s> <s> and ends with a forced </s>.
    model.generation_config.forced_bos_token_id = tok.bos_token_id
    model.generation_config.forced_eos_token_id = tok.eos_token_id
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def write_models_yaml(path: Path, entries: dict[str, dict]) -> Path:
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"models": entries}, sort_keys=False), encoding="utf-8")
    return path


FAST_GEN = {"num_beams": 1, "max_new_tokens": 12, "min_new_tokens": 6, "no_repeat_ngram_size": 0}


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A models folder holding tiny-t5 and tiny-bart, and a models.yaml naming them."""
    root = tmp_path_factory.mktemp("models")
    build_tiny_t5(root / "tiny-t5")
    build_tiny_bart(root / "tiny-bart")
    write_models_yaml(
        root / "models.yaml",
        {
            "tiny-t5": {
                "source": "./tiny-t5",
                "family": "t5",
                "max_input_tokens": 512,
                "license": "Apache-2.0",
                "generation": FAST_GEN,
            },
            "tiny-t5-short": {
                "source": "./tiny-t5",
                "family": "t5",
                "max_input_tokens": 160,
                "generation": FAST_GEN,
            },
            "tiny-bart": {
                "source": "./tiny-bart",
                "family": "bart",
                "max_input_tokens": 512,
                "license": "MIT",
                "generation": FAST_GEN,
            },
            "missing-hf": {"source": "example-org/not-downloaded", "family": "t5"},
        },
    )
    yield root


@pytest.fixture
def model_settings(tiny_models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Settings that use the tiny models folder, the repo's prompts and an empty HF cache."""
    from pipeline.settings import load_settings

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return load_settings(
        data_dir=tmp_path / "var",
        models_dir=tiny_models_dir,
        models_file=tiny_models_dir / "models.yaml",
        torch_threads=1,
        draft_batch_size=4,
    )
