"""What two app servers must share: sessions, rate limits, media, the task queue."""

from __future__ import annotations

import email
import json
import re
import sys
import time
from pathlib import Path

import boto3
import psycopg
from services import BUCKET, PG_PORT, REPO, S3_PORT, WEBHOOK_SECRET, Stack
from web import INSTANCES, PROXY, TOO_MANY, Browser, check

sys.path.insert(0, str(REPO))
from tests.payments.events import order_session, session_event, sign  # noqa: E402

PASSWORD = "practicum-demo"  # noqa: S105 (the demo's published password)
SEPARATOR = "\n" + "-" * 79 + "\n"


def sql(query: str, *params) -> list[tuple]:
    dsn = f"postgresql://postgres@127.0.0.1:{PG_PORT}/practicum"
    with psycopg.connect(dsn, autocommit=True) as conn:
        return conn.execute(query, params).fetchall()


def mails(folder: Path) -> list[tuple[str, str]]:
    """(to, subject) of every message a filemail backend wrote in ``folder``."""
    found = []
    for path in sorted(folder.glob("*")) if folder.exists() else []:
        for chunk in path.read_text().split(SEPARATOR):
            if chunk.strip():
                message = email.message_from_string(chunk)
                found.append((message["To"], " ".join(message["Subject"].split())))
    return found


def webhook_post(order: list, base: str = PROXY, event: dict | None = None):
    """A signed checkout.session.completed for ``order`` ([pk, amount, currency])."""
    pk, amount, currency = order
    event = event or session_event(
        "completed", order_session(order_id=pk, amount=amount, currency=currency)
    )
    body = json.dumps(event).encode()
    headers = {"Stripe-Signature": sign(body, WEBHOOK_SECRET)}
    headers["Content-Type"] = "application/json"
    response = Browser(base).request(
        "POST", "/payments/stripe/webhook/", data=body, headers=headers, timeout=10
    )
    return response, event


def session_across_instances() -> Browser:
    started = time.monotonic()
    learner = Browser()
    response = learner.login("learner@example.com", PASSWORD)
    statuses = [learner.get("/dashboard/", base).status_code for base in INSTANCES]
    check(
        "a learner's session (signed in through nginx) works on both instances",
        response.status_code == 302 and statuses == [200, 200],
        started,
        f"login {response.status_code}, dashboard {statuses}",
    )
    return learner


def login_limit_across_instances() -> None:
    started = time.monotonic()
    attacker = Browser(client_ip="203.0.113.50")
    for n in range(5):  # 3 failures on one instance, 2 on the other
        failed = attacker.login("assistant@example.com", "wrong", INSTANCES[n % 2])
        if TOO_MANY in failed.text:
            check("the login rate limit counts across both", False, started, f"at {n}")
            return
    response = attacker.login("assistant@example.com", PASSWORD, INSTANCES[1])
    check(
        "the login rate limit counts across both (5 failures split 3/2, then refused)",
        TOO_MANY in response.text and response.status_code == 200,
        started,
        f"6th attempt: {response.status_code}",
    )


def document_across_instances(stack: Stack) -> None:
    started = time.monotonic()
    instructor = Browser(client_ip="203.0.113.60")
    instructor.login("instructor@example.com", PASSWORD, INSTANCES[0])
    form = instructor.get("/admin/documents/add/", INSTANCES[0]).text
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form)
    content = b"Scenario handout " + str(time.time()).encode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    upload = instructor.request(
        "POST",
        "/admin/documents/add/",
        INSTANCES[0],
        data={
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "title": "Scenario handout",
            "collection": collection.group(1) if collection else "1",
        },
        files={"file": ("scenario-handout.txt", content, "text/plain")},
    )
    rows = sql(
        "SELECT id, file FROM wagtaildocs_document WHERE title = 'Scenario handout'"
    )
    if upload.status_code != 302 or not rows:
        check("a document uploaded on A", False, started, f"{upload.status_code}")
        return
    pk, key = rows[-1]
    name = key.rsplit("/", 1)[-1]
    served = instructor.get(f"/documents/{pk}/{name}", INSTANCES[1])
    refused = Browser(client_ip="203.0.113.61").get(
        f"/documents/{pk}/{name}", INSTANCES[1]
    )
    s3 = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{S3_PORT}",
        region_name="us-east-1",
        aws_access_key_id="scenario",
        aws_secret_access_key="scenario",
    )
    stored = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    public = [g for g in grants if "URI" in g["Grantee"]]
    check(
        "a document uploaded on A (admin) is in the private bucket and served by B",
        served.status_code == 200
        and served.content == content
        and stored == content
        and not public
        and refused.status_code in (302, 403),
        started,
        f"B served {served.status_code}, a visitor got {refused.status_code}",
    )


def purchase_email_once(stack: Stack, world: dict, learner: Browser) -> None:
    started = time.monotonic()
    order = world["orders"]["learner@example.com"]
    first, event = webhook_post(order)
    again, _ = webhook_post(order, INSTANCES[1], event=event)  # Stripe retries
    subject = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        sent = [m for m in mails(stack.mail_worker) if m[0] == "learner@example.com"]
        if sent:
            subject = sent[0][1]
            break
        time.sleep(0.2)
    time.sleep(1.5)  # anything sent twice would be sent by now
    to_learner = [m for m in mails(stack.mail_worker) if m[0] == "learner@example.com"]
    by_web = mails(stack.mail_web)
    duplicates = len(mails(stack.mail_worker)) - len(set(mails(stack.mail_worker)))
    enrolled = learner.get("/dashboard/").status_code
    check(
        "the purchase email is sent by the worker, exactly once (web processes: none)",
        first.status_code == 200
        and again.status_code == 200
        and len(to_learner) == 1
        and not by_web
        and duplicates == 0
        and enrolled == 200,
        started,
        f"webhook {first.status_code}/{again.status_code}, to the learner "
        f"{len(to_learner)} ({subject!r}), from the web {len(by_web)}, "
        f"worker total {len(mails(stack.mail_worker))}",
    )
