"""Editor accounts: argon2 password hashes (pwdlib), roles, activation. No plain password is stored."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from pwdlib import PasswordHash

from pipeline.errors import ConfigError
from pipeline.store import models, repo
from pipeline.store.db import Session, Store
from pipeline.store.models import ROLES
from pipeline.store.queries.users import (
    active_user_names,
    all_users,
    bump_session_gen,
    replace_password_hash,
    user_by_name,
)

MIN_PASSWORD_LENGTH = 8
# Higher rank: more rights. An approver can do what an editor can; an admin what an approver can.
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}


@dataclass(frozen=True)
class UserInfo:
    """An account as the app sees it (never with its hash)."""

    id: int
    name: str
    role: str
    active: bool
    created_at: datetime | None
    session_gen: int = 0  # sessions carry it; a cookie with an older one is refused

    def has_role(self, role: str) -> bool:
        """Whether this user's role is ``role`` or a higher one."""
        return ROLE_RANK.get(self.role, -1) >= ROLE_RANK[role]


@lru_cache(maxsize=1)
def hasher() -> PasswordHash:
    return PasswordHash.recommended()


# Verifying against this keeps a login for an unknown name as slow as one for a known name.
@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hasher().hash("plainsci-no-such-user")


def _info(row: models.User) -> UserInfo:
    return UserInfo(row.id, row.name, row.role, row.active, row.created_at, row.session_gen or 0)


def canonical_name(name: str) -> str:
    """A user name as stored and looked up: NFKC-normalised, surrounding white space removed
    (so "ed2\u3000" or a full-width "ｅｄ２" is ed2)."""
    return unicodedata.normalize("NFKC", name.strip()).strip()


def limiter_key(name: str) -> str:
    """The login limiter's key for a typed name: the canonical name, case-folded. Every spelling
    that login accepts for one account (and its case variants) shares one key."""
    return canonical_name(name).casefold()


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ConfigError(f"Unknown role {role!r}.", hint=f"Use one of: {', '.join(ROLES)}.")
    return role


def check_name(name: str) -> str:
    clean = canonical_name(name)
    if not clean or len(clean) > 128 or any(c.isspace() for c in clean):
        raise ConfigError(
            f"Invalid user name {name!r}.",
            hint="Use 1-128 characters without spaces (e.g. an e-mail address).",
        )
    return clean


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigError(
            f"The password is too short ({len(password)} characters).",
            hint=f"Use at least {MIN_PASSWORD_LENGTH} characters.",
        )
    return password


def add_user(store: Store, name: str, role: str, password: str, *, actor: str = "plainsci-cli") -> UserInfo:
    """Create an active account (``plainsci users add NAME --role ROLE``); a taken name is an error."""
    name, role = check_name(name), check_role(role)
    hashed = hasher().hash(check_password(password))
    with store.session() as s:
        if user_by_name(s, name) is not None:
            raise ConfigError(f"A user named {name!r} already exists.", hint="Pick another name.")
        row = models.User(name=name, role=role, password_hash=hashed, active=True)
        s.add(row)
        s.flush()
        repo.audit(s, actor, "user_add", after={"user": name, "role": role})
        return _info(row)


def _get(s: Session, name: str) -> models.User:
    row = user_by_name(s, canonical_name(name))
    if row is None:
        raise ConfigError(f"There is no user named {name!r}.", hint="List them with `plainsci users list`.")
    return row


def set_password(store: Store, name: str, password: str, *, actor: str = "plainsci-cli") -> None:
    """Replace a user's password (``plainsci users passwd NAME``)."""
    hashed = hasher().hash(check_password(password))
    with store.session() as s:
        row = _get(s, name)
        row.password_hash = hashed
        row.session_gen = (row.session_gen or 0) + 1  # signed in elsewhere with the old one: out
        repo.audit(s, actor, "user_password", after={"user": name})


def set_role(store: Store, name: str, role: str, *, actor: str = "plainsci-cli") -> UserInfo:
    """Change a user's role (``plainsci users role NAME ROLE``)."""
    role = check_role(role)
    with store.session() as s:
        row = _get(s, name)
        before = {"user": name, "role": row.role}
        row.role = role
        repo.audit(s, actor, "user_role", before=before, after={"user": name, "role": role})
        return _info(row)


def set_active(store: Store, name: str, active: bool, *, actor: str = "plainsci-cli") -> UserInfo:
    """Deactivate (or reactivate) an account; its sessions end at once and stay ended after an
    enable (the user signs in again)."""
    with store.session() as s:
        row = _get(s, name)
        before = {"user": name, "active": row.active}
        row.active = active
        row.session_gen = (row.session_gen or 0) + 1
        repo.audit(s, actor, "user_active", before=before, after={"user": name, "active": active})
        return _info(row)


def list_users(store: Store) -> list[UserInfo]:
    """Every account, by name (``plainsci users list``)."""
    with store.session() as s:
        return [_info(r) for r in all_users(s)]


def get_user(session: Session, user_id: int) -> UserInfo | None:
    """The active account with this id, or None (deleted, deactivated or never existed)."""
    row = session.get(models.User, user_id)
    return _info(row) if row is not None and row.active else None


def end_sessions(session: Session, user_id: int) -> None:
    """Sign the account out everywhere: every session cookie issued so far stops working."""
    bump_session_gen(session, user_id)


def authenticate(store: Store, name: str, password: str) -> UserInfo | None:
    """The active user with this name and password, or None; rehashes outdated hashes.

    The password hash is checked with no database connection held (a deliberately slow hash
    inside a session kept a pooled connection per sign-in: 50 sign-ins at once emptied the pool).
    An outdated hash is replaced afterwards only if it is still the stored one."""
    with store.session() as s:
        row = user_by_name(s, canonical_name(name))
        found = (_info(row), row.password_hash) if row is not None and row.active else None
    if found is None:
        hasher().verify(password, _dummy_hash())
        return None
    info, stored = found
    valid, new_hash = hasher().verify_and_update(password, stored)
    if not valid:
        return None
    if new_hash is not None:
        with store.session() as s:
            replace_password_hash(s, info.id, stored, new_hash)
    return info


def user_names(session: Session) -> list[str]:
    """Names of the active accounts, for the assignee pickers."""
    return active_user_names(session)
