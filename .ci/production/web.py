"""HTTP for the scenario: a client that keeps its cookies by hand, and checks.

The session and CSRF cookies are ``Secure`` in production; the scenario runs
without TLS, so the client keeps them itself instead of a cookie jar that
would (rightly) not send them over plain HTTP.
"""

from __future__ import annotations

import logging
import re
import time

import requests
from services import APP_PORTS, PROXY_PORT

PROXY = f"http://127.0.0.1:{PROXY_PORT}"
INSTANCES = tuple(f"http://127.0.0.1:{port}" for port in APP_PORTS)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOO_MANY = "Too many failed login attempts"
FAILED: list[str] = []
log = logging.getLogger("scenario")


def check(name: str, ok: bool, started: float, detail: str = "") -> bool:
    took = time.monotonic() - started
    mark = "ok  " if ok else "FAIL"
    log.info("[%s] %s (%.2f s)%s", mark, name, took, f": {detail}" if detail else "")
    if not ok:
        FAILED.append(name)
    return ok


class Browser:
    def __init__(self, base: str = PROXY, client_ip: str | None = None):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.headers = {"X-Forwarded-For": client_ip} if client_ip else {}

    def request(self, method: str, path: str, base: str | None = None, **kwargs):
        response = requests.request(
            method,
            (base or self.base) + path,
            cookies=self.cookies,
            headers={**self.headers, **kwargs.pop("headers", {})},
            allow_redirects=False,
            timeout=kwargs.pop("timeout", 20),
            **kwargs,
        )
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value or ""
        return response

    def get(self, path: str, base: str | None = None, **kwargs):
        return self.request("GET", path, base, **kwargs)

    def form_token(self, path: str, base: str | None = None) -> str:
        page = self.get(path, base)
        found = CSRF_INPUT.search(page.text)
        if not found:
            raise RuntimeError(f"no CSRF token on {path} ({page.status_code})")
        return found.group(1)

    def post_form(self, path: str, data: dict, base: str | None = None, **kwargs):
        token = self.form_token(path, base)
        return self.request(
            "POST", path, base, data={"csrfmiddlewaretoken": token, **data}, **kwargs
        )

    def login(self, email: str, password: str, base: str | None = None):
        return self.post_form(
            "/accounts/login/", {"login": email, "password": password}, base
        )
