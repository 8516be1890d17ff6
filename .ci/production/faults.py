"""Faults in the running scenario: Redis stops, PostgreSQL restarts, an app dies."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time

from proofs import mails, sql, webhook_post
from services import APP_PORTS, REDIS_PORT, Stack
from web import INSTANCES, TOO_MANY, Browser, check

PAGES = ("/", "/courses/", "/healthz/")
PROCESSES = 2 * 2  # two instances of two gunicorn workers


def counts() -> dict[str, int]:
    def one(query: str) -> int:
        return sql(query)[0][0]

    return {
        "orders": one("SELECT count(*) FROM payments_order"),
        "paid orders": one(
            "SELECT count(*) FROM payments_order WHERE paid_at IS NOT NULL"
        ),
        "enrollments": one("SELECT count(*) FROM courses_enrollment"),
        "duplicate enrollments": one(
            "SELECT count(*) FROM (SELECT user_id, course_id FROM courses_enrollment"
            " GROUP BY 1, 2 HAVING count(*) > 1) d"
        ),
        "certificates": one("SELECT count(*) FROM courses_certificate"),
    }


def redis_stops(stack: Stack, learner: Browser) -> None:
    started = time.monotonic()
    stack.kill("redis")
    statuses = [Browser().get(path).status_code for path in PAGES[:2] * 5]
    statuses += [learner.get("/dashboard/", base).status_code for base in INSTANCES]
    health = Browser().get("/healthz/")
    body = health.json() if health.status_code == 200 else {}
    check(
        "Redis stopped: pages keep serving, healthz says the cache is unavailable",
        set(statuses) == {200} and body.get("cache") == "unavailable",
        started,
        f"statuses {sorted(set(statuses))}, healthz {health.status_code} {body}",
    )

    started = time.monotonic()
    attacker = Browser(client_ip="203.0.113.70")
    refused_at = None
    for attempt in range(1, 5 * PROCESSES + 2):
        response = attacker.login("scenario-14@example.com", "wrong")
        if TOO_MANY in response.text:
            refused_at = attempt
            break
    check(
        "Redis stopped: failed logins are still limited (counted per process)",
        refused_at is not None and refused_at > 5,
        started,
        f"refused at attempt {refused_at} (at most {5 * PROCESSES + 1} with "
        f"{PROCESSES} processes)",
    )

    started = time.monotonic()
    stack.redis_start()
    bodies = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        bodies = [Browser(base).get("/healthz/").json() for base in INSTANCES]
        if all(b == {"status": "ok", "database": "ok", "cache": "ok"} for b in bodies):
            break
        time.sleep(0.2)
    statuses = [Browser().get(path).status_code for path in PAGES[:2] * 3]
    keys = subprocess.run(
        ["redis-cli", "-p", str(REDIS_PORT), "dbsize"], capture_output=True, text=True
    ).stdout.strip()
    check(
        "Redis back: healthz ok on both instances, pages cached in Redis again",
        all(b.get("cache") == "ok" for b in bodies)
        and set(statuses) == {200}
        and int(keys or 0) > 0,
        started,
        f"{bodies[0] if bodies else None}, {keys} keys in Redis",
    )


def _load(stop: threading.Event, learner: Browser, results: list) -> None:
    while not stop.is_set():
        for path in ("/healthz/", "/dashboard/"):
            at = time.monotonic()
            try:
                status = learner.get(path, timeout=5).status_code
            except Exception:  # noqa: BLE001 (counted as an error)
                status = 0
            results.append((at, time.monotonic(), status))


def _pay(orders: list, results: dict, deadline: float, pause: float = 0.1) -> None:
    """Deliver each order's webhook, retrying until 200 as Stripe does."""
    for order in orders:
        event = None
        while time.monotonic() < deadline:
            try:
                response, event = webhook_post(order, event=event)
                if response.status_code == 200:
                    break
            except Exception:  # noqa: BLE001 (retried)
                pass
            results["retries"] += 1
            time.sleep(0.3)
        time.sleep(pause)


def postgres_restarts(stack: Stack, world: dict, learner: Browser) -> None:
    started = time.monotonic()
    before = counts()
    orders = [world["orders"][f"scenario-{n}@example.com"] for n in range(10)]
    stop, results, paid = threading.Event(), [], {"retries": 0}
    loaders = [threading.Thread(target=_load, args=(stop, learner, results))]
    payer = threading.Thread(target=_pay, args=(orders, paid, time.monotonic() + 60))
    for thread in (*loaders, payer):
        thread.start()
    time.sleep(1.0)
    down = time.monotonic()
    stack.postgres("restart")
    up = time.monotonic()
    time.sleep(3.0)
    stop.set()
    payer.join()
    for thread in loaders:
        thread.join()
    errors_after = [r for r in results if r[2] != 200 and r[0] > up + 0.5]
    errors_during = [r for r in results if r[2] != 200 and r[0] <= up + 0.5]
    after = counts()
    expected = {**before, "paid orders": before["paid orders"] + 10}
    expected["enrollments"] = before["enrollments"] + 10
    check(
        "PostgreSQL restarted mid-load: errors only while it was down",
        not errors_after and results[-1][2] == 200,
        started,
        f"down {up - down:.2f} s, {len(results)} requests, {len(errors_during)} "
        f"errors while down, {len(errors_after)} after",
    )
    check(
        "PostgreSQL restarted: no order, enrollment or certificate lost or doubled",
        after == expected,
        started,
        f"{paid['retries']} webhook retries; before {before}; after {after}",
    )
    _worker_caught_up(stack, 11, started)


def _learner_mails(stack: Stack) -> list[tuple[str, str]]:
    learners = ("scenario-", "learner@")
    return [m for m in mails(stack.mail_worker) if m[0].startswith(learners)]


def _worker_caught_up(stack: Stack, confirmations: int, started: float) -> None:
    deadline = time.monotonic() + 30
    while len(_learner_mails(stack)) < confirmations and time.monotonic() < deadline:
        time.sleep(0.3)
    time.sleep(1.0)  # anything sent twice would be sent by now
    sent = _learner_mails(stack)
    check(
        f"the worker sent each of {confirmations} learners' purchase emails once",
        len(sent) == confirmations and len(set(sent)) == confirmations,
        started,
        f"{len(sent)} sent; the worker exited {stack.worker_restarts()} time(s) "
        "(its supervisor restarts it)",
    )


def instance_killed(stack: Stack, world: dict) -> None:
    started = time.monotonic()
    before = counts()
    orders = [world["orders"][f"scenario-{n}@example.com"] for n in range(10, 14)]
    stop, results, paid = threading.Event(), [], {"retries": 0}
    visitor = Browser()
    loaders = [
        threading.Thread(target=_load, args=(stop, visitor, results)) for _ in range(3)
    ]
    # one delivery every 0.5 s, from before the kill to after it
    payer = threading.Thread(
        target=_pay, args=(orders, paid, time.monotonic() + 60, 0.5)
    )
    for thread in (*loaders, payer):
        thread.start()
    time.sleep(1.0)
    victim = stack.procs.pop("app1")
    os.killpg(victim.pid, signal.SIGKILL)  # the master and its workers, mid-request
    victim.wait(timeout=5)
    time.sleep(2.0)
    stop.set()
    payer.join()
    for thread in loaders:
        thread.join()
    failed = [r for r in results if r[2] not in (200, 302)]
    check(
        "an instance killed (-9) mid-load: nginx retried every GET on the other",
        not failed and len(results) > 20,
        started,
        f"{len(results)} GETs, {len(failed)} failed; {paid['retries']} webhook POSTs"
        " failed and re-sent by the sender (nginx passes a POST on only when the"
        " dead instance never received it)",
    )
    after = counts()
    expected = {**before, "paid orders": before["paid orders"] + 4}
    expected["enrollments"] = before["enrollments"] + 4
    check(
        "an instance killed: nothing half written (each order paid and enrolled once)",
        after == expected,
        started,
        f"after {after}",
    )
    started = time.monotonic()
    stack.app_start(1)
    health = Browser(INSTANCES[1]).get("/healthz/")
    check(
        f"the killed instance restarts on {APP_PORTS[1]}",
        health.status_code == 200,
        started,
        health.text,
    )
