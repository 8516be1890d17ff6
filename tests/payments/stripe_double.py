"""A local stand-in for the part of Stripe's API that Practicum calls.

Stripe is unreachable from the test machines, and ``localstripe`` has no
Checkout Sessions, so this small threaded HTTP server answers the endpoints
``payments/stripe_gateway.py`` uses, with objects shaped like Stripe's:

    POST /v1/checkout/sessions          create (form-encoded, as the SDK sends it)
    GET  /v1/checkout/sessions/<id>     retrieve
    GET  /v1/checkout/sessions          list: created[gte], status, limit,
                                        starting_after; newest first, has_more
    POST /v1/refunds                    refund part or all of a payment
    GET  /c/pay/<id>                    the "hosted checkout page" a session's url
                                        points at (a plain page, for redirects)

It binds 127.0.0.1 on a free port, honours ``Idempotency-Key`` as Stripe does
(the same key returns the first answer), records every request it receives
(``double.requests``), calls ``double.on_request(request)`` (if set) as each
one arrives, before answering (a test can look at the database then), and
offers helpers that play the customer's part: pay a
session (``mark_paid``), leave it pending on a delayed method
(``mark_processing``), or let it expire (``mark_expired``).

Point the real SDK at it with ``settings.STRIPE_API_BASE = double.url``.
"""

from __future__ import annotations

import copy
import json
import re
import secrets
import string
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

_KEY_PART = re.compile(r"\[([^\]]*)\]")
_ALNUM = string.ascii_letters + string.digits


def _nest(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Turn Stripe's form encoding (``a[b][0][c]=v``) back into nested data.

    Lists come back as dicts keyed by index strings first and are converted
    at the end, so ``line_items[0][quantity]`` reads as
    ``{"line_items": [{"quantity": "1"}]}``.
    """
    root: dict[str, Any] = {}
    for key, value in pairs:
        head = key.split("[", 1)[0]
        parts = [head, *_KEY_PART.findall(key[len(head) :])]
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _listify(root)


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_listify(node[key]) for key in sorted(node, key=int)]
    return {key: _listify(value) for key, value in node.items()}


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


@dataclass
class RecordedRequest:
    """One request the double received, with its parameters decoded."""

    method: str
    path: str
    params: dict[str, Any]  # nested, as the SDK meant them
    flat: dict[str, str]  # as sent on the wire: {"metadata[order_id]": "7"}
    headers: dict[str, str]


@dataclass
class _Failure:
    method: str
    path_prefix: str
    status: int
    error: dict[str, Any]


@dataclass
class StripeDouble:
    """The server, its state, and the helpers tests drive it with."""

    host: str = "127.0.0.1"
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    _charges: dict[str, str] = field(default_factory=dict)  # payment intent → charge
    _idempotent: dict[str, tuple[int, dict]] = field(default_factory=dict)
    _failures: list[_Failure] = field(default_factory=list)
    on_request: Callable[[RecordedRequest], None] | None = None
    _lock: threading.RLock = field(default_factory=threading.RLock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    # Lifecycle -------------------------------------------------------------

    def start(self) -> StripeDouble:
        double = self

        class Handler(_Handler):
            pass

        Handler.double = double
        server = ThreadingHTTPServer((self.host, 0), Handler, bind_and_activate=False)
        server.request_queue_size = 128  # 20 threads arrive at once in the race tests
        server.daemon_threads = True
        server.server_bind()
        server.server_activate()
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name="stripe-double", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    @property
    def url(self) -> str:
        assert self._server is not None, "the Stripe double is not running"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # Helpers for tests -----------------------------------------------------

    def requests_to(self, method: str, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.method == method and r.path == path]

    def session(self, session_id: str) -> dict[str, Any]:
        """A copy of the session as Stripe would return it now."""
        with self._lock:
            return copy.deepcopy(self.sessions[session_id])

    def add_session(self, **fields: Any) -> dict[str, Any]:
        """Put a session straight into the double (as if created elsewhere)."""
        created = int(fields.pop("created", time.time()))
        amount = int(fields.pop("amount_total", 24900))
        currency = fields.pop("currency", "usd")
        metadata = fields.pop("metadata", {})
        session = self._session_object(
            amount=amount,
            currency=currency,
            created=created,
            client_reference_id=fields.pop("client_reference_id", None),
            metadata=metadata,
            customer_email=fields.pop("customer_email", None),
            success_url=fields.pop("success_url", "https://example.com/success"),
            cancel_url=fields.pop("cancel_url", "https://example.com/cancel"),
        )
        session.update(fields)
        with self._lock:
            self.sessions[session["id"]] = session
        return copy.deepcopy(session)

    def mark_paid(
        self, session_id: str, *, amount_total: int | None = None
    ) -> dict[str, Any]:
        """The customer paid by card: the session completes, paid, with a payment."""
        with self._lock:
            session = self.sessions[session_id]
            if amount_total is not None:
                discount = session["amount_subtotal"] - amount_total
                session["amount_total"] = amount_total
                session["total_details"]["amount_discount"] = max(discount, 0)
            self._complete(session)
            session["payment_status"] = "paid"
            return copy.deepcopy(session)

    def mark_processing(self, session_id: str) -> dict[str, Any]:
        """The customer chose a delayed method (ACH, SEPA): complete but unpaid."""
        with self._lock:
            session = self.sessions[session_id]
            self._complete(session)
            session["payment_status"] = "unpaid"
            return copy.deepcopy(session)

    def mark_async_result(self, session_id: str, *, succeeded: bool) -> dict[str, Any]:
        """The delayed payment cleared (paid) or failed (stays unpaid)."""
        with self._lock:
            session = self.sessions[session_id]
            self._complete(session)
            session["payment_status"] = "paid" if succeeded else "unpaid"
            return copy.deepcopy(session)

    def mark_expired(self, session_id: str) -> dict[str, Any]:
        with self._lock:
            session = self.sessions[session_id]
            session["status"] = "expired"
            session["url"] = None
            return copy.deepcopy(session)

    def charge_of(self, payment_intent_id: str) -> str:
        """The charge id of a payment (refunds and disputes name it)."""
        with self._lock:
            return self._charges.setdefault(payment_intent_id, _new_id("ch_3Test"))

    def fail_next(
        self,
        method: str,
        path_prefix: str,
        *,
        status: int = 402,
        error_type: str = "invalid_request_error",
        message: str = "The double was told to refuse this request.",
        code: str = "",
    ) -> None:
        """Make the next matching request fail with a Stripe-shaped error."""
        error = {"type": error_type, "message": message}
        if code:
            error["code"] = code
        with self._lock:
            self._failures.append(_Failure(method, path_prefix, status, error))

    # Internals -------------------------------------------------------------

    def _complete(self, session: dict[str, Any]) -> None:
        session["status"] = "complete"
        session["url"] = None
        if not session.get("payment_intent"):
            session["payment_intent"] = _new_id("pi_3Test")
        self.charge_of(session["payment_intent"])
        if session.get("customer_email"):
            session["customer_details"] = {
                "address": None,
                "email": session["customer_email"],
                "name": "Test Buyer",
                "phone": None,
                "tax_exempt": "none",
                "tax_ids": [],
            }

    def _session_object(
        self,
        *,
        amount: int,
        currency: str,
        created: int,
        client_reference_id: str | None,
        metadata: dict[str, str],
        customer_email: str | None,
        success_url: str,
        cancel_url: str,
        mode: str = "payment",
        allow_promotion_codes: bool | None = None,
    ) -> dict[str, Any]:
        session_id = "cs_test_" + "".join(secrets.choice(_ALNUM) for _ in range(58))
        return {
            "id": session_id,
            "object": "checkout.session",
            "adaptive_pricing": {"enabled": False},
            "after_expiration": None,
            "allow_promotion_codes": allow_promotion_codes,
            "amount_subtotal": amount,
            "amount_total": amount,
            "automatic_tax": {"enabled": False, "liability": None, "status": None},
            "billing_address_collection": None,
            "cancel_url": cancel_url,
            "client_reference_id": client_reference_id,
            "client_secret": None,
            "consent": None,
            "created": created,
            "currency": currency,
            "customer": None,
            "customer_creation": "if_required",
            "customer_details": None,
            "customer_email": customer_email,
            "expires_at": created + 24 * 3600,
            "invoice": None,
            "livemode": False,
            "locale": None,
            "metadata": metadata,
            "mode": mode,
            "payment_intent": None,
            "payment_link": None,
            "payment_method_collection": "if_required",
            "payment_method_types": ["card"],
            "payment_status": "unpaid",
            "status": "open",
            "submit_type": None,
            "success_url": success_url,
            "total_details": {
                "amount_discount": 0,
                "amount_shipping": 0,
                "amount_tax": 0,
            },
            "ui_mode": "hosted",
            "url": f"{self.url}/c/pay/{session_id}",
        }

    def _take_failure(self, method: str, path: str) -> _Failure | None:
        with self._lock:
            for failure in self._failures:
                if failure.method == method and path.startswith(failure.path_prefix):
                    self._failures.remove(failure)
                    return failure
        return None

    def handle(
        self, method: str, path: str, flat: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, Any] | str]:
        params = _nest(list(flat.items()))
        recorded = RecordedRequest(method, path, params, flat, headers)
        with self._lock:
            self.requests.append(recorded)
        if self.on_request is not None:
            self.on_request(recorded)
        if not path.startswith("/c/pay/") and not headers.get(
            "authorization", ""
        ).startswith("Bearer sk_test_"):
            return 401, _error(
                "invalid_request_error", "Invalid API Key provided.", status=401
            )
        failure = self._take_failure(method, path)
        if failure is not None:
            return failure.status, {"error": failure.error}
        key = headers.get("idempotency-key")
        if method == "POST" and key:
            with self._lock:
                if (method, path, key) in self._idempotent:
                    return copy.deepcopy(self._idempotent[(method, path, key)])
        status, body = self._route(method, path, params)
        if method == "POST" and key and status < 500:
            with self._lock:
                self._idempotent[(method, path, key)] = (status, copy.deepcopy(body))
        return status, body

    def _route(
        self, method: str, path: str, params: dict[str, Any]
    ) -> tuple[int, dict[str, Any] | str]:
        if method == "POST" and path == "/v1/checkout/sessions":
            return self._create_session(params)
        if method == "GET" and path == "/v1/checkout/sessions":
            return self._list_sessions(params)
        if method == "GET" and path.startswith("/v1/checkout/sessions/"):
            session_id = path.rsplit("/", 1)[1]
            with self._lock:
                session = self.sessions.get(session_id)
                if session is None:
                    return 404, _missing("checkout.session", session_id, "session")
                return 200, copy.deepcopy(session)
        if method == "POST" and path == "/v1/refunds":
            return self._create_refund(params)
        if method == "GET" and path.startswith("/c/pay/"):
            return 200, "<!doctype html><title>Stripe Checkout (double)</title>"
        return 404, _error(
            "invalid_request_error",
            f"Unrecognized request URL ({method}: {path}).",
            status=404,
        )

    def _create_session(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        items = params.get("line_items") or []
        if params.get("mode") != "payment" or not items:
            return 400, _error("invalid_request_error", "mode and line_items needed.")
        amount = 0
        currency = ""
        for item in items:
            price = item.get("price_data") or {}
            amount += int(price.get("unit_amount", 0)) * int(item.get("quantity", 1))
            currency = price.get("currency", currency)
        session = self._session_object(
            amount=amount,
            currency=currency,
            created=int(time.time()),
            client_reference_id=params.get("client_reference_id"),
            metadata=params.get("metadata") or {},
            customer_email=params.get("customer_email"),
            success_url=params.get("success_url", ""),
            cancel_url=params.get("cancel_url", ""),
            mode=params["mode"],
            allow_promotion_codes=params.get("allow_promotion_codes") == "true",
        )
        with self._lock:
            self.sessions[session["id"]] = session
        return 200, copy.deepcopy(session)

    def _list_sessions(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        limit = max(1, min(int(params.get("limit", 10)), 100))
        created = params.get("created") or {}
        with self._lock:
            found = sorted(
                self.sessions.values(),
                key=lambda s: (s["created"], s["id"]),
                reverse=True,
            )
        if isinstance(created, dict) and "gte" in created:
            found = [s for s in found if s["created"] >= int(created["gte"])]
        elif isinstance(created, str):
            found = [s for s in found if s["created"] == int(created)]
        if params.get("status"):
            found = [s for s in found if s["status"] == params["status"]]
        if params.get("starting_after"):
            ids = [s["id"] for s in found]
            if params["starting_after"] in ids:
                found = found[ids.index(params["starting_after"]) + 1 :]
        page = found[:limit]
        return 200, {
            "object": "list",
            "data": copy.deepcopy(page),
            "has_more": len(found) > limit,
            "url": "/v1/checkout/sessions",
        }

    def _create_refund(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        payment_intent = params.get("payment_intent", "")
        with self._lock:
            paid = [
                s
                for s in self.sessions.values()
                if s["payment_intent"] == payment_intent
                and s["payment_status"] == "paid"
            ]
            if not paid:
                return 404, _missing("payment_intent", payment_intent, "payment_intent")
            session = paid[0]
            already = sum(
                r["amount"]
                for r in self.refunds.values()
                if r["payment_intent"] == payment_intent
            )
            remaining = session["amount_total"] - already
            amount = int(params.get("amount", remaining))
            if not 0 < amount <= remaining:
                return 400, _error(
                    "invalid_request_error",
                    f"Refund amount ({amount}) is greater than unrefunded amount "
                    f"on charge ({remaining}).",
                    code="amount_too_large",
                )
            refund = {
                "id": _new_id("re_3Test"),
                "object": "refund",
                "amount": amount,
                "balance_transaction": _new_id("txn_3Test"),
                "charge": self.charge_of(payment_intent),
                "created": int(time.time()),
                "currency": session["currency"],
                "destination_details": {"card": {"type": "refund"}, "type": "card"},
                "metadata": params.get("metadata") or {},
                "payment_intent": payment_intent,
                "reason": params.get("reason"),
                "receipt_number": None,
                "source_transfer_reversal": None,
                "status": "succeeded",
                "transfer_reversal": None,
            }
            self.refunds[refund["id"]] = refund
            return 200, copy.deepcopy(refund)


def _error(
    error_type: str, message: str, *, code: str = "", status: int = 400
) -> dict[str, Any]:
    error: dict[str, Any] = {"type": error_type, "message": message}
    if code:
        error["code"] = code
    return {"error": error}


def _missing(kind: str, object_id: str, param: str) -> dict[str, Any]:
    return {
        "error": {
            "code": "resource_missing",
            "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
            "message": f"No such {kind}: '{object_id}'",
            "param": param,
            "type": "invalid_request_error",
        }
    }


class _Handler(BaseHTTPRequestHandler):
    double: StripeDouble
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's requests session likes

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # quiet: pytest shows failures, not every request

    def _answer(self, method: str) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        pairs = parse_qsl(split.query, keep_blank_values=True)
        if method == "POST":
            pairs += parse_qsl(body, keep_blank_values=True)
        headers = {key.lower(): value for key, value in self.headers.items()}
        status, payload = self.double.handle(method, split.path, dict(pairs), headers)
        if isinstance(payload, str):
            data = payload.encode()
            content_type = "text/html; charset=utf-8"
        else:
            data = json.dumps(payload).encode()
            content_type = "application/json"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Request-Id", _new_id("req"))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        self._answer("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._answer("POST")
