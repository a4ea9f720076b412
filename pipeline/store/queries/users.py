"""Queries on user accounts."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pipeline.store import models as m


def user_by_name(session: Session, name: str) -> m.User | None:
    """The account named ``name`` (as stored: canonical), active or not."""
    return session.scalars(select(m.User).where(m.User.name == name)).first()


def all_users(session: Session) -> list[m.User]:
    """Every account, by name."""
    return list(session.scalars(select(m.User).order_by(m.User.name)))


def active_user_names(session: Session) -> list[str]:
    """Names of the active accounts, by name."""
    return list(session.scalars(select(m.User.name).where(m.User.active.is_(True)).order_by(m.User.name)))


def bump_session_gen(session: Session, user_id: int) -> None:
    """Add one to the account's session generation in the database (no read-modify-write), so
    every session cookie issued so far stops working."""
    session.execute(update(m.User).where(m.User.id == user_id).values(session_gen=m.User.session_gen + 1))


def replace_password_hash(session: Session, user_id: int, old_hash: str, new_hash: str) -> None:
    """Store ``new_hash`` as the account's password hash if ``old_hash`` is still the stored one."""
    session.execute(
        update(m.User)
        .where(m.User.id == user_id, m.User.password_hash == old_hash)
        .values(password_hash=new_hash)
    )
