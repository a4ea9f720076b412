"""Commands of the lab: eval against baselines, rebuild the lexicon, fine-tune a model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.cli.base import _fail, _settings, app, console, err, plain
from pipeline.errors import PlainsciError


@app.command("eval")
def evaluate(
    dataset: Annotated[
        Path,
        typer.Option(
            help="JSONL of {id, abstract, plain_summary} pairs, or a NAME.source file with NAME.target "
            "(and NAME.doi) beside it, one text per line."
        ),
    ],
    backend: Annotated[str | None, typer.Option()] = None,
    prompt: Annotated[str | None, typer.Option()] = None,
    model: Annotated[str | None, typer.Option()] = None,
    limit: Annotated[int | None, typer.Option()] = None,
    out: Annotated[
        Path | None, typer.Option(help="JSON report path (default: next to the data dir).")
    ] = None,
    drafts: Annotated[
        Path | None,
        typer.Option(
            help="Also write every drafted page here: JSONL, id + the fields of export --format json."
        ),
    ] = None,
) -> None:
    """Compare a backend with lead-k and copy-the-abstract baselines on abstract/summary pairs.

    Also reports the reference-free measures of the drafted pages (grades, we/our, verbless
    sentences, cross-field repeats, numbers and identifiers, hedges kept). A dataset without
    plain_summary (abstracts only) gets only the reference-free measures.
    """
    from rich.progress import Progress

    from pipeline.lab.eval import run_eval

    try:
        settings = _settings()
        target = out or settings.data_dir / "eval" / f"{dataset.stem}_{backend or settings.backend}.json"
        with Progress(console=err, transient=True) as bar:
            task_id = bar.add_task("drafting and scoring", total=None)
            report = run_eval(
                dataset,
                settings,
                backend=backend,
                prompt=prompt,
                model=model,
                limit=limit,
                out=target,
                progress=lambda done, total: bar.update(task_id, completed=done, total=total),
                drafts_path=drafts,
            )
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(report.format_table())
    console.print(report.format_measures())
    console.print(plain("report:", target))
    if drafts is not None:
        console.print(plain("drafts:", drafts))


@app.command()
def lexicon(
    shared: Annotated[
        Path | None, typer.Option(help="The shared data folder (default: ../shared/data beside the repo).")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="TSV to write (default: data/lexicon/swaps.tsv).")] = None,
) -> None:
    """Rebuild the mined word swaps from lay summaries aligned with their abstracts."""
    from pipeline.lab.lexicon import rebuild

    try:
        kwargs: dict[str, Any] = {"out": out}
        if shared is not None:
            kwargs["shared"] = shared
        figures = rebuild(**kwargs)
    except (PlainsciError, OSError) as exc:
        if isinstance(exc, OSError):
            exc = PlainsciError(
                f"Cannot read the mining data: {exc}", hint="Pass --shared DIR (the shared data folder)."
            )
        _fail(exc)
        return
    for name, value in figures.items():
        console.print(f"{name}: {value:g}" if value != int(value) else f"{name}: {int(value)}")


@app.command()
def train(
    out: Annotated[Path, typer.Option(help="Empty folder for the fine-tuned model.")],
    model: Annotated[str, typer.Option(help="Base model alias or folder.")],
    pairs: Annotated[
        Path | None,
        typer.Option(
            help="JSONL of {id, abstract, plain_summary}, or a NAME.source file with NAME.target beside it."
        ),
    ] = None,
    from_store: Annotated[bool, typer.Option(help="Train on editor-approved summaries instead.")] = False,
    epochs: Annotated[int, typer.Option()] = 1,
    max_steps: Annotated[int | None, typer.Option()] = None,
    batch_size: Annotated[int, typer.Option()] = 4,
    lr: Annotated[float, typer.Option()] = 5e-4,
    alias: Annotated[str | None, typer.Option(help="Name to register in models/models.yaml.")] = None,
) -> None:
    """Fine-tune a seq2seq model (Seq2SeqTrainer), report held-out scores, register it."""
    from pipeline.lab.train import train as train_model

    if pairs is None and not from_store:
        err.print("[bold red]error:[/] give --pairs PAIRS.jsonl or --from-store")
        raise typer.Exit(2)
    try:
        result = train_model(
            pairs,
            model,
            out,
            _settings(),
            from_store=from_store,
            epochs=epochs,
            max_steps=max_steps,
            batch_size=batch_size,
            lr=lr,
            alias=alias,
        )
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(result, default=str))
