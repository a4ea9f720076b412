"""The `plainsci` command line."""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.errors import PlainsciError
from pipeline.flows import prefect_environment
from pipeline.settings import Settings, load_settings

app = typer.Typer(
    help="plainsci: plain-language drafts of new research, scored and queued for review.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
users_app = typer.Typer(help="Review app accounts.", no_args_is_help=True)
app.add_typer(users_app, name="users")
models_app = typer.Typer(help="Local seq2seq models (models/models.yaml).", no_args_is_help=True)
app.add_typer(models_app, name="models")
console = Console()
err = Console(stderr=True)


def _settings(**overrides: Any) -> Settings:
    return load_settings(**{k: v for k, v in overrides.items() if v is not None})


def _overrides(settings: Settings) -> dict[str, Any]:
    return {k: v for k, v in settings.model_dump(mode="json").items() if v is not None}


def literal(value: object) -> str:
    """``value`` as text with every non-printable character escaped repr-style (ESC -> ``\\x1b``).

    Stored strings (file names, records, reasons) come from outside: printed as they are, an ESC
    sequence would restyle or rewrite the terminal. Print the result inside a ``Text`` so that
    Rich markup in it (``[bold]``) is shown, not applied.
    """
    text = str(value)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def plain(*parts: object, style: str | None = None) -> Text:
    """Literal text (no markup, control characters escaped) from ``parts`` joined by spaces."""
    return Text(" ".join(literal(p) for p in parts), style=style or "")


def _check_backend(settings: Settings, **options: Any) -> None:
    """An unknown backend, model alias or prompt set is one clear error before any work starts."""
    from pipeline.draft.base import make_backend

    make_backend(settings, **{k: v for k, v in options.items() if v})


def _fail(exc: PlainsciError) -> None:
    # One line however wide the terminal (soft_wrap), literal (file names may hold markup or ESC)
    err.print(Text.assemble(("error:", "bold red"), " ", literal(exc)), soft_wrap=True)
    raise typer.Exit(1)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False) -> None:
    from pipeline.logs import configure_logging

    configure_logging(logging.INFO if verbose else logging.WARNING)  # lines carry run=… article=…


@contextmanager
def progress_bar() -> Iterator[None]:
    """A progress bar on stderr per stage that reports progress (pipeline.logs.progress) inside."""
    from rich.progress import Progress, TaskID

    from pipeline.logs import progress_to

    lock = threading.Lock()  # flows report from their task threads
    tasks: dict[str, TaskID] = {}

    with Progress(console=err, transient=True) as bar:

        def show(stage: str, done: int, total: int | None) -> None:
            with lock:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

        with progress_to(show):
            yield


def print_summary(result: dict[str, Any]) -> None:
    table = Table(title=f"nightly run {result['run_id']}: {result['status']}")
    table.add_column("measure")
    table.add_column("count", justify="right")
    for key, value in result["summary"].items():
        table.add_row(key, str(value))
    console.print(table)
    for e in result["errors"]:
        console.print(
            Text.assemble(
                (literal(e["stage"]), "yellow"), " ", f"{literal(e['record'])}: {literal(e['reason'])}"
            ),
            soft_wrap=True,
        )


def _run_nightly(settings: Settings, *, force: bool, dask_address: str | None) -> dict[str, Any]:
    """The nightly flow with its fixed costs overlapped and timed: Prefect's temporary server
    boots in its own process while this one imports the stages and loads its models."""
    import time

    from pipeline.flows import PrefectStart

    prefect_environment(settings)
    fixed: dict[str, float] = {}
    start = time.perf_counter()
    server = PrefectStart()
    from pipeline.flows.nightly import run_nightly

    fixed["imports"] = time.perf_counter() - start
    if not (dask_address or settings.dask_address or settings.task_runner == "dask"):
        # the stages run in this process: load their models once here (Dask workers load their own)
        from pipeline.warm import warm

        fixed.update(
            {f"load models: {k}": v for k, v in warm(settings, ("enrich", "draft", "score")).items()}
        )
    fixed["Prefect server start (waited for)"] = server.wait()
    return run_nightly(settings, force=force, dask_address=dask_address, fixed_costs=fixed)


@app.command()
def nightly(
    force: Annotated[bool, typer.Option(help="Draft again even when the cache has the draft.")] = False,
    samples_dir: Annotated[Path | None, typer.Option(help="Folder the `files` source reads.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    dask_address: Annotated[
        str | None, typer.Option(help="Draft on this Dask scheduler (tcp://host:8786).")
    ] = None,
) -> None:
    """Run the nightly flow once (fetch, enrich, draft, score, queue) and print its summary."""
    try:
        settings = _settings(samples_dir=samples_dir)
        _check_backend(settings)
        from pipeline.store.db import upgrade

        upgrade(settings).dispose()  # clear error before Prefect starts if the store is unusable
        result = _run_nightly(settings, force=force, dask_address=dask_address)
    except PlainsciError as exc:
        _fail(exc)
        return
    if as_json:
        console.print_json(json.dumps({k: v for k, v in result.items() if k != "report"}))
    else:
        print_summary(result)


@app.command()
def backfill(
    since: Annotated[str, typer.Option(help="Start date YYYY-MM-DD.")],
    until: Annotated[str | None, typer.Option(help="End date YYYY-MM-DD.")] = None,
) -> None:
    """Run the pipeline over a date range; watermarks never move back."""
    try:
        settings = _settings()
        _check_backend(settings)
        prefect_environment(settings)
        from pipeline.flows.nightly import backfill as backfill_flow

        with progress_bar():
            result = backfill_flow(since=since, until=until, overrides=_overrides(settings))
    except PlainsciError as exc:
        _fail(exc)
        return
    print_summary(result)


@app.command()
def redraft(
    items: Annotated[list[int], typer.Argument(help="Review item ids.")],
    backend: Annotated[str | None, typer.Option()] = None,
    model: Annotated[str | None, typer.Option()] = None,
    prompt: Annotated[str | None, typer.Option()] = None,
) -> None:
    """New draft versions of ITEMS with another backend, model or prompt (old versions stay)."""
    try:
        settings = _settings()
        _check_backend(settings, name=backend, model=model, prompt=prompt)
        prefect_environment(settings)
        from pipeline.flows.nightly import redraft as redraft_flow

        with progress_bar():
            result = redraft_flow(
                item_ids=items, backend=backend, model=model, prompt=prompt, overrides=_overrides(settings)
            )
    except PlainsciError as exc:
        _fail(exc)
        return
    print_summary(result)


@app.command()
def deploy(
    work_pool: Annotated[str, typer.Option(help="Prefect work pool a worker polls.")] = "plainsci",
) -> None:
    """Register nightly (cron from settings), backfill and redraft with the Prefect server."""
    from pipeline.flows.deploy import deploy as deploy_flows
    from pipeline.flows.deploy import schedule

    try:
        settings = _settings()
        _check_backend(settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    prefect_environment(settings)
    ids = deploy_flows(settings, work_pool)
    console.print(f"deployed {len(ids)} flows to pool {work_pool!r}; nightly schedule {schedule(settings)}")


@app.command("serve-flows")
def serve_flows() -> None:
    """Serve the scheduled deployments from this machine (no worker or work pool needed)."""
    from pipeline.flows.deploy import schedule
    from pipeline.flows.deploy import serve_flows as serve_all

    try:
        settings = _settings()
        _check_backend(settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    prefect_environment(settings)
    console.print(f"serving nightly on {schedule(settings)}; backfill and redraft on demand")
    serve_all(settings)


def first_admin(settings: Settings) -> str | None:
    """On a local install with no accounts yet, create `admin` with a random password and show it once."""
    import secrets

    from pipeline.review.users import add_user, list_users
    from pipeline.runtime import get_store

    store = get_store(settings)
    if settings.preset != "local" or list_users(store):
        return None
    password = secrets.token_urlsafe(12)
    add_user(store, "admin", "admin", password, actor="plainsci-first-run")
    console.print(
        "[bold]No accounts yet: created [cyan]admin[/] with password "
        f"[cyan]{password}[/][/] (shown once; change it with `plainsci users passwd admin`, "
        "add editors with `plainsci users add NAME --role editor`)."
    )
    return password


@app.command()
def serve(
    host: Annotated[str | None, typer.Option()] = None,
    port: Annotated[int | None, typer.Option()] = None,
) -> None:
    """Serve the review app (default http://127.0.0.1:8000)."""
    try:
        settings = _settings(host=host, port=port)
        from pipeline.review.app import serve as serve_app

        first_admin(settings)
        console.print(f"Review app on http://{settings.host}:{settings.port}  (Ctrl+C to stop)")
        console.print(f"Published site on http://{settings.host}:{settings.port}/site/")
        serve_app(settings)
    except PlainsciError as exc:
        _fail(exc)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="html, json or md")] = "html",
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("export"),
) -> None:
    """Write each queued item's current draft in the published page's layout and field order."""
    try:
        from pipeline.publish.render import export_drafts
        from pipeline.runtime import get_store

        settings = _settings()
        paths = export_drafts(get_store(settings), fmt, out, settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"wrote {len(paths)} file(s) to {out}")


@app.command()
def ingest(
    source: Annotated[str, typer.Option(help="Source name (see `plainsci sources`).")] = "files",
    since: Annotated[
        str | None, typer.Option(help="Start date (YYYY-MM-DD); default: the watermark.")
    ] = None,
    until: Annotated[str | None, typer.Option(help="End date (YYYY-MM-DD).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most N records.")] = None,
    dry_run: Annotated[bool, typer.Option(help="Parse and count; store nothing.")] = False,
) -> None:
    """Fetch one source into the store (no drafting)."""
    try:
        from pipeline.runtime import get_store
        from pipeline.sources.base import make_source
        from pipeline.stages.ingest import run_ingest

        settings = _settings()
        with progress_bar():
            counts = run_ingest(
                get_store(settings),
                make_source(source, settings),
                None,
                since=since,
                until=until,
                limit=limit,
                dry_run=dry_run,
            )
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(counts))


@app.command()
def draft(
    backend: Annotated[str | None, typer.Option(help="Backend name (default: settings).")] = None,
    model: Annotated[str | None, typer.Option(help="Model alias from models/models.yaml.")] = None,
    prompt: Annotated[str | None, typer.Option(help="Prompt set or id.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most N articles.")] = None,
    force: Annotated[bool, typer.Option(help="Make a new version even when cached.")] = False,
) -> None:
    """Enrich and draft pending articles, then score and queue them."""
    try:
        from pipeline.draft.base import make_backend
        from pipeline.runtime import get_store
        from pipeline.stages.draft import run_draft
        from pipeline.stages.enrich import run_enrich
        from pipeline.stages.queue import run_queue
        from pipeline.stages.score import run_score

        settings = _settings(backend=backend, model=model)
        store = get_store(settings)
        options = {k: v for k, v in {"model": model, "prompt": prompt}.items() if v}
        be = make_backend(settings, backend, **options)
        out: dict[str, Any] = {"enrich": run_enrich(store)}
        with progress_bar():
            out["draft"] = run_draft(
                store, be, batch_size=settings.draft_batch_size, force=force, limit=limit
            )
        out["score"] = run_score(store, settings=settings)
        out["queue"] = run_queue(store, settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(out, default=str))


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
def reparse(source: Annotated[str | None, typer.Option(help="Only this source's archive.")] = None) -> None:
    """Re-derive articles from the archived raw payloads with today's parsers (no network)."""
    try:
        from pipeline.runtime import get_store
        from pipeline.stages.reparse import run_reparse

        settings = _settings()
        with progress_bar():
            counts = run_reparse(get_store(settings), source=source, settings=settings)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(counts))


@app.command()
def crossref(limit: Annotated[int | None, typer.Option(help="At most N DOIs.")] = None) -> None:
    """Enrich stored DOIs from Crossref: licence, and retraction / update notices."""
    try:
        from pipeline.runtime import get_store
        from pipeline.stages.crossref import run_crossref_enrichment

        settings = _settings()
        counts = run_crossref_enrichment(get_store(settings), settings, limit=limit)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print_json(json.dumps(counts, default=str))


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


@app.command()
def runs(
    limit: Annotated[int, typer.Option(help="How many recent runs.")] = 10,
    show: Annotated[
        int | None, typer.Option(help="Print this run's report and every setting it ran with.")
    ] = None,
) -> None:
    """List recent runs with their counts (or one run's report and settings with --show ID)."""
    from sqlalchemy import select

    from pipeline.flows.report import markdown, summarize
    from pipeline.runtime import get_store
    from pipeline.store import models as m

    try:
        store = get_store(_settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    if show is not None:
        with store.session() as s:
            run = s.get(m.Run, show)
            if run is None:
                _fail(PlainsciError(f"No run {show}.", hint="`plainsci runs` lists the recent runs."))
                return
            recorded = dict(run.settings or {})
            report = markdown(run.id, run.status, run.counts or {}, run.errors or [], "-", recorded)
        console.print(plain(report), soft_wrap=True)
        console.print_json(json.dumps(recorded, default=str))
        return
    table = Table(title="recent runs")
    cols = ("id", "flow", "started", "status", "backend", "new", "quarantined", "drafted", "queued", "errors")
    for col in cols:
        table.add_column(col)
    with store.session() as s:
        for r in s.scalars(select(m.Run).order_by(m.Run.id.desc()).limit(limit)):
            tot = summarize(r.counts or {})
            table.add_row(
                str(r.id),
                plain(r.flow),
                f"{r.started_at:%Y-%m-%d %H:%M}",
                plain(r.status),
                plain(*(v for k in ("backend", "model") if (v := (r.settings or {}).get(k)))),
                str(tot["new"]),
                str(tot["quarantined"]),
                str(tot["drafted"]),
                str(tot["queued"]),
                str(len(r.errors or [])),
            )
    console.print(table)


@app.command()
def quarantine(limit: Annotated[int, typer.Option()] = 50) -> None:
    """List quarantined records with their reasons."""
    from sqlalchemy import select

    from pipeline.runtime import get_store
    from pipeline.store import models as m

    try:
        store = get_store(_settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    with store.session() as s:
        for q in s.scalars(select(m.Quarantine).order_by(m.Quarantine.id.desc()).limit(limit)):
            console.print(
                plain(
                    f"{q.created_at:%Y-%m-%d %H:%M}",
                    f"[{literal(q.stage)}]",
                    f"{literal(q.source)}:{literal(q.record)}",
                    "—",
                    q.reason,
                ),
                soft_wrap=True,
            )


@app.command()
def sources() -> None:
    """List registered sources and their watermarks."""
    import pipeline.sources  # noqa: F401
    from pipeline.runtime import get_store
    from pipeline.sources.base import SOURCES
    from pipeline.store import models as m

    try:
        store = get_store(_settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    with store.session() as s:
        for name in SOURCES.names():
            wm = s.get(m.Watermark, name)
            console.print(Text(f"{name}\twatermark={literal(wm.value) if wm and wm.value else '-'}"))


def _users_call(fn_name: str, *args: Any) -> Any:
    from pipeline.review import users
    from pipeline.runtime import get_store

    try:
        return getattr(users, fn_name)(get_store(_settings()), *args)
    except PlainsciError as exc:
        _fail(exc)


PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read the password from the first line of standard input (for scripts) instead of "
        "asking for it. There is no option that takes the password itself.",
    ),
]


def _read_password(from_stdin: bool) -> str:
    """A new password: the first line of stdin, or typed twice at a hidden prompt (never an
    argument, which would land in the shell history and the process list)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument()],
    role: Annotated[str, typer.Option(help="editor, approver or admin")] = "editor",
    password_stdin: PasswordStdin = False,
) -> None:
    """Create an account (argon2-hashed password, at least 8 characters, asked for)."""
    info = _users_call("add_user", name, role, _read_password(password_stdin))
    console.print(f"added {info.name} ({info.role})")


@users_app.command("passwd")
def users_passwd(name: Annotated[str, typer.Argument()], password_stdin: PasswordStdin = False) -> None:
    """Set a new password (asked for); the account's sessions end."""
    _users_call("set_password", name, _read_password(password_stdin))
    console.print(f"password changed for {name}; its sessions have ended")


@users_app.command("role")
def users_role(name: Annotated[str, typer.Argument()], role: Annotated[str, typer.Argument()]) -> None:
    """Change an account's role."""
    _users_call("set_role", name, role)
    console.print(f"{name} is now {role}")


@users_app.command("disable")
def users_disable(name: Annotated[str, typer.Argument()]) -> None:
    """Lock an account out at once, ending its sessions (its history stays)."""
    _users_call("set_active", name, False)
    console.print(f"{name} disabled")


@users_app.command("enable")
def users_enable(name: Annotated[str, typer.Argument()]) -> None:
    """Let a disabled account sign in again."""
    _users_call("set_active", name, True)
    console.print(f"{name} enabled")


@users_app.command("list")
def users_list() -> None:
    """Every account with its role."""
    for u in _users_call("list_users"):
        console.print(f"{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}")


@models_app.command("list")
def models_list() -> None:
    """Every model alias, and whether its weights are in place."""
    from pipeline.draft.models import list_models

    try:
        statuses = list_models(_settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    for status in statuses:
        where = (
            str(status.path) if status.path else "missing (plainsci models pull " + status.spec.alias + ")"
        )
        console.print(f"{status.spec.alias}\t{status.spec.family}\t{where}")


@models_app.command("pull")
def models_pull(alias: Annotated[str, typer.Argument()]) -> None:
    """Download ALIAS's weights into models/ (the only command that downloads)."""
    from pipeline.draft.models import pull

    try:
        path = pull(alias, _settings())
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"{alias} is in {path}")


@models_app.command("convert")
def models_convert(
    alias: Annotated[str, typer.Argument()],
    quantization: Annotated[str, typer.Option(help="CTranslate2 quantization.")] = "int8",
    force: Annotated[bool, typer.Option()] = False,
) -> None:
    """Convert ALIAS to CTranslate2 (faster CPU runtime: --backend seq2seq with runtime ct2)."""
    from pipeline.draft.ct2 import convert_alias

    try:
        path = convert_alias(alias, _settings(), quantization=quantization, force=force)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"converted {alias} to {path}")


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply schema migrations up to REVISION."""
    from pipeline.store.db import current_revision, redact, upgrade

    try:
        settings = _settings()
        engine = upgrade(settings, revision)
    except PlainsciError as exc:
        _fail(exc)
        return
    console.print(f"{redact(settings.db_url)} at revision {current_revision(engine)}")


def run() -> None:  # pragma: no cover - console entry point used by `python -m pipeline`
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
