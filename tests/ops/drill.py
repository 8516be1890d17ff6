"""What the backup drill needs beside the test: the commands run as an
operator runs them (``make backup`` / ``make restore`` in a fresh process),
a scratch database, and an independent look at what a database holds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import sql

REPO_ROOT = Path(__file__).resolve().parents[2]

# The suite's own password, or one the trust-authenticated test server
# ignores: either way it must never appear in what the commands print or write.
PLACEHOLDER_PASSWORD = "never-printed-9f4e2c"  # noqa: S105


def database_url(settings_dict: dict, *, name: str | None = None) -> str:
    password = settings_dict.get("PASSWORD") or PLACEHOLDER_PASSWORD
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    database = name or settings_dict["NAME"]
    return f"postgres://{user}:{quote(str(password), safe='')}@{host}:{port}/{database}"


def connect(settings_dict: dict, *, name: str | None = None) -> psycopg.Connection:
    return psycopg.connect(
        dbname=name or settings_dict["NAME"],
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        autocommit=True,
    )


@contextmanager
def scratch_database(settings_dict: dict, name: str) -> Iterator[str]:
    """An empty database beside the test database, dropped afterwards."""
    with connect(settings_dict, name="postgres") as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with connect(settings_dict, name="postgres") as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


def operator_environment(**variables: str) -> dict[str, str]:
    """A shell's environment with the dev settings: no test runner's leftovers."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        **variables,
    }


def run(command: list[str], **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=operator_environment(**variables),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def python(code: str, *args: str, **variables: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-c", code, *args], **variables)


def row_counts(connection: psycopg.Connection) -> dict[str, int]:
    tables = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    ).fetchall()
    return {
        name: connection.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name))
        ).fetchone()[0]
        for (name,) in tables
    }


def rows(connection: psycopg.Connection, table: str) -> list[tuple]:
    query = sql.SQL("SELECT * FROM {} ORDER BY id").format(sql.Identifier(table))
    return connection.execute(query).fetchall()


def sequences(connection: psycopg.Connection) -> dict[str, int | None]:
    return dict(
        connection.execute(
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = 'public'"
        ).fetchall()
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }
