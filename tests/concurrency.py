"""Start jobs at the same instant, each in its own thread and database connection.

Shared by the PostgreSQL race tests (webhooks, success page, course completion).
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection

BARRIER_TIMEOUT = 30
JOIN_TIMEOUT = 60


@dataclass
class Outcome:
    """What a burst of jobs returned, raised, and which threads never finished."""

    results: list[tuple[str, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    hung: list[str] = field(default_factory=list)


def run_at_once(
    jobs: list[tuple[str, Callable[[], object]]], delays: dict[str, float] | None = None
) -> Outcome:
    """Run every ``(label, job)`` together behind a barrier.

    ``delays`` holds a job back by so many seconds after the barrier, to sweep
    the moment two requests overlap. Each thread closes its connection.
    """
    barrier = threading.Barrier(len(jobs))
    outcome = Outcome()
    lock = threading.Lock()
    delays = delays or {}

    def run(label: str, job: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=BARRIER_TIMEOUT)
            if delays.get(label):
                time.sleep(delays[label])
            value = job()
            with lock:
                outcome.results.append((label, value))
        except BaseException:  # noqa: BLE001 - everything is reported to the test
            with lock:
                outcome.errors.append(f"{label}: {traceback.format_exc()}")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(label, job), name=label, daemon=True)
        for label, job in jobs
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=JOIN_TIMEOUT)
    outcome.hung = [thread.name for thread in threads if thread.is_alive()]
    return outcome
