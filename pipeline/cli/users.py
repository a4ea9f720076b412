"""`plainsci users`: review app accounts."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from pipeline.cli.base import _fail, _settings, console
from pipeline.errors import PlainsciError

users_app = typer.Typer(help="Review app accounts.", no_args_is_help=True)


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
