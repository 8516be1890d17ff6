"""The production scenario: two app servers behind nginx, proven, then faulted.

Run through ``.ci/production/run``. Prints one line per check with its time;
exits 1 if any check failed. Every process it starts is stopped on the way
out (and ``run`` kills what is left in its process group).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import faults
import proofs
from services import Stack
from web import FAILED, INSTANCES, Browser, check, log


def seed(stack: Stack) -> None:
    env = {
        **stack.web_env(),
        "DJANGO_SETTINGS_MODULE": "seed_settings",
        "PYTHONPATH": str(Path(__file__).parent),
        "EMAIL_URL": f"filemail:///{stack.tmp / 'mail-seed'}",
        "TASKS_BACKEND": "immediate",  # the reference index, before any worker
    }
    env.pop("SECURE_SSL_REDIRECT")
    stack.manage("seed_demo", env=env)


def people(stack: Stack) -> dict:
    """The demo learner's and 15 more learners' pending orders of the paid course."""
    code = """
import json
import sys
from accounts.models import User
from courses.models import CoursePage
from payments.services import order_create
course = CoursePage.objects.get(slug="foundations-of-mitigation-practice")
orders = {}
emails = ["learner@example.com"] + [f"scenario-{n}@example.com" for n in range(15)]
for email in emails:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password="practicum-demo")
    order = order_create(user=user, course=course)
    orders[email] = [order.pk, order.amount, order.currency]
json.dump({"orders": orders, "course": course.url_path}, sys.stdout)
"""
    return json.loads(stack.shell(code).splitlines()[-1])


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="practicum-production-"))
    os.chmod(tmp, 0o755)  # the postgres user reads its cluster inside
    stack = Stack(tmp)
    begun = time.monotonic()
    try:
        started = time.monotonic()
        stack.postgres_start()
        stack.redis_start()
        stack.s3_start()
        check("PostgreSQL, Redis and S3 (moto) started", True, started)

        started = time.monotonic()
        static = stack.manage_in_background("collectstatic", "--noinput")
        stack.manage("migrate", "--noinput")
        migrated = time.monotonic()
        seed(stack)
        seeded = time.monotonic()
        world = people(stack)
        check(
            "collected static (beside), migrated, seeded the demo academy",
            static.wait(timeout=180) == 0,
            started,
            f"migrate {migrated - started:.1f} s, seed_demo {seeded - migrated:.1f} s",
        )

        started = time.monotonic()
        stack.app_start(0)
        stack.app_start(1)
        stack.worker_start()
        stack.nginx_start()
        health = Browser().get("/healthz/")
        check(
            "nginx in front of two gunicorn instances and a db_worker",
            health.status_code == 200,
            started,
            health.text,
        )
        for base in INSTANCES:
            started = time.monotonic()
            body = Browser(base).get("/healthz/").json()
            check(f"healthz on {base}", body.get("cache") == "ok", started, str(body))

        learner = proofs.session_across_instances()
        proofs.login_limit_across_instances()
        proofs.document_across_instances(stack)
        proofs.purchase_email_once(stack, world, learner)

        faults.redis_stops(stack, learner)
        faults.postgres_restarts(stack, world, learner)
        faults.instance_killed(stack, world)
    except Exception as error:  # noqa: BLE001 (reported as a failed check)
        check(
            "scenario ran to the end", False, begun, f"{type(error).__name__}: {error}"
        )
        log.error("logs are in %s", tmp)
    finally:
        stack.stop()
    total = time.monotonic() - begun
    if FAILED:
        failed = ", ".join(FAILED)
        log.error("FAILED %d check(s) in %.1f s: %s", len(FAILED), total, failed)
        log.error("logs kept in %s", tmp)
        return 1
    log.info("all checks passed in %.1f s", total)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    # One line per check on stdout; other libraries' logs stay out of it.
    log.addHandler(logging.StreamHandler(sys.stdout))
    log.setLevel(logging.INFO)
    log.propagate = False
    sys.exit(main())
