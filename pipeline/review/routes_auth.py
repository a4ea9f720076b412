"""Login and logout. Failed logins are rate limited per (user name, client IP); logout ends the
account's sessions everywhere."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from pipeline.review.auth import client_ip, csrf_protect, login_session, logout_session, safe_next
from pipeline.review.users import authenticate
from pipeline.review.web import render, see_other, store_of
from pipeline.store import repo

router = APIRouter()


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login(
    request: Request,
    name: str = Form(default="", max_length=128),
    password: str = Form(default="", max_length=1024),
    next: str = Form(default="/", max_length=2000),
) -> Response:
    limiter = request.app.state.login_limiter
    ip = client_ip(request)
    ctx = {"next": safe_next(next), "name": name}
    if limiter.blocked(name, ip):
        msg = "Too many failed sign-ins. Wait a few minutes and try again."
        return render(request, "login.html", {**ctx, "error": msg}, status_code=429)
    user = authenticate(store_of(request), name, password)
    if user is None:
        limiter.failed(name, ip)
        return render(request, "login.html", {**ctx, "error": "Wrong name or password."}, status_code=401)
    limiter.succeeded(name, ip)
    login_session(request, user)
    with store_of(request).session() as s:
        repo.audit(s, user.name, "login")
    return see_other(safe_next(next))


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(request: Request) -> Response:
    logout_session(request)
    return see_other("/login")
