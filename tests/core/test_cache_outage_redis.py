"""The resilient cache against a real redis-server of its own, stopped and restarted.

A throwaway server on a free port (never the machine's shared Redis, which
this test would empty).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

from django.core.cache import caches

import pytest
from redis import Redis

from core.generation import Generation


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, tmp_path):
        self.port = _free_port()
        self.tmp_path = tmp_path
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(self.port),
             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.tmp_path)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis(settings, tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    yield server
    caches["default"]._local.clear()
    server.stop()


def test_redis_stopped_then_back(redis, db):
    cache = caches["default"]
    generation = Generation("test:real-generation")
    value = generation.cached("test:real-value", lambda: "before", 60)
    before = generation.current()
    cache.set("allauth:rl:test", [1.0], 60)

    # Redis stops: reads miss, a bump is dropped, rate-limit keys count locally
    redis.stop()
    cache._retry_at = 0.0
    assert cache.get("test:real-value") is None
    generation.bump()
    assert cache.add("allauth:rl:test:lock", True, 10) is True
    assert cache.get("allauth:rl:test:lock") is True
    assert cache.available() is False

    # Redis is back, holding an entry from before the change (as after a
    # network partition, or written there by another process)
    redis.start()
    other_process = Redis(port=redis.port)
    other_process.set("stale-entry", "built before the bump")
    assert cache.available() is True

    # The process that dropped the bump emptied it: nothing from before is served
    assert other_process.exists("stale-entry") == 0
    assert value == "before" and before != generation.current()
    cache.set("test:after", 1, 60)
    cache.incr("test:after")
    assert cache.get("test:after") == 2
    other_process.close()
