"""The database half of a backup: pg_dump, pg_restore and row counts.

Connection details reach the client programs through libpq's environment
(``PGHOST``, ``PGPASSWORD``, …), never on a command line or in any output,
so no password shows in ``ps``, a log, an error or the manifest.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from core.backups import BackupError

# Django's DATABASES entry (and its OPTIONS) -> libpq's keyword and variable.
_LIBPQ = {
    "HOST": ("host", "PGHOST"),
    "PORT": ("port", "PGPORT"),
    "USER": ("user", "PGUSER"),
    "PASSWORD": ("password", "PGPASSWORD"),
    "NAME": ("dbname", "PGDATABASE"),
}
_LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
}

SQLITE_ADVICE = (
    "The database is SQLite ({name}): pg_dump and pg_restore work on PostgreSQL "
    "only. To back up SQLite, stop the app and copy the file (cp {name} "
    "backups/db-$(date -u +%Y%m%dT%H%M%SZ).sqlite3), and copy the media folder "
    "(manage.py backup_media --to DIR); to restore, copy it back."
)


def database_label(settings_dict: dict) -> str:
    """Which database, for messages: name, host, port and user, never the password."""
    host = settings_dict.get("HOST") or "the local socket"
    port = settings_dict.get("PORT") or 5432
    user = settings_dict.get("USER") or "the default user"
    return f'"{settings_dict.get("NAME")}" on {host}:{port} as {user}'


def database_require_postgresql(settings_dict: dict) -> None:
    """Refuse, saying what to do instead, unless the database is PostgreSQL."""
    engine = settings_dict.get("ENGINE", "")
    if "sqlite" in engine:
        raise BackupError(SQLITE_ADVICE.format(name=settings_dict.get("NAME")))
    if "postgresql" not in engine:
        raise BackupError(f"Backups need PostgreSQL; this database uses {engine}.")
    if not settings_dict.get("NAME"):
        raise BackupError("The database URL names no database.")


def _connect_kwargs(settings_dict: dict) -> dict[str, Any]:
    kwargs = {
        keyword: str(settings_dict[key])
        for key, (keyword, _variable) in _LIBPQ.items()
        if settings_dict.get(key)
    }
    options = settings_dict.get("OPTIONS") or {}
    kwargs.update({k: str(options[k]) for k in _LIBPQ_OPTIONS if options.get(k)})
    return kwargs


def _client_environment(settings_dict: dict) -> dict[str, str]:
    """This process's environment with the database's libpq variables set."""
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("PG")
    }
    options = settings_dict.get("OPTIONS") or {}
    for key, (_keyword, variable) in _LIBPQ.items():
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    for key, variable in _LIBPQ_OPTIONS.items():
        if options.get(key):
            environment[variable] = str(options[key])
    return environment


def database_connect(settings_dict: dict, **kwargs: Any) -> psycopg.Connection:
    try:
        return psycopg.connect(**_connect_kwargs(settings_dict), **kwargs)
    except psycopg.OperationalError as error:
        raise BackupError(
            f"Cannot connect to the database {database_label(settings_dict)}: "
            f"{str(error).strip()}"
        ) from error


def client_version(program: str) -> tuple[str, int]:
    """The PostgreSQL client program's path and major version; refuse if missing."""
    path = shutil.which(program)
    if path is None:
        raise BackupError(
            f"{program} is not installed (or not on PATH). Install PostgreSQL's "
            "client programs of the same major version as the server, e.g. on "
            "Debian 12 with PostgreSQL 15: apt-get install postgresql-client-15."
        )
    # The program PATH finds, run with a fixed argument: no input of anyone's.
    out = subprocess.run(  # noqa: S603
        [path, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"\)\s+(\d+)", out)
    if match is None:
        raise BackupError(f"Cannot read the version of {path}: {out.strip()!r}")
    return path, int(match.group(1))


def _scalar(connection: psycopg.Connection, query: Any) -> Any:
    row = connection.execute(query).fetchone()
    assert row is not None  # an aggregate or a function call: always one row
    return row[0]


def table_row_counts(connection: psycopg.Connection) -> dict[str, int]:
    """The number of rows in every table of the connection's schema, by name."""
    names = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "ORDER BY tablename"
    ).fetchall()
    counts = {}
    for (name,) in names:
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name))
        counts[name] = _scalar(connection, query)
    return counts


def _run(command: list[str], settings_dict: dict) -> None:
    # pg_dump / pg_restore by their PATH, with arguments built here.
    result = subprocess.run(  # noqa: S603
        command,
        env=_client_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(
            f"{program} failed (exit {result.returncode}): {result.stderr.strip()}"
        )


def _server_major(connection: psycopg.Connection) -> int:
    return connection.info.server_version // 10000


def database_dump(*, settings_dict: dict, path: Path) -> dict:
    """pg_dump the database to ``path`` (custom format); return what the
    manifest records, with every table's row count read from the very
    snapshot pg_dump dumps (a repeatable-read transaction it shares), so the
    counts match the dump even while the site keeps writing."""
    database_require_postgresql(settings_dict)
    pg_dump, client_major = client_version("pg_dump")
    with database_connect(settings_dict) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        server_major = _server_major(connection)
        if client_major < server_major:
            raise BackupError(
                f"pg_dump is version {client_major} and the server {server_major}: "
                f"pg_dump cannot dump a newer server. Install "
                f"postgresql-client-{server_major}."
            )
        snapshot = _scalar(connection, "SELECT pg_export_snapshot()")
        counts = table_row_counts(connection)
        _run(
            [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={path}"],
            settings_dict,
        )
        server_version = connection.info.parameter_status("server_version")
    return {
        "database": database_label(settings_dict),
        "server_version": server_version,
        "pg_dump_major_version": client_major,
        "tables": counts,
    }


def database_restore(
    *, settings_dict: dict, path: Path, dumped_by: int, replace: bool
) -> dict[str, int]:
    """pg_restore ``path`` into the database, in one transaction (all or
    nothing), without owners or privileges (the target's roles may differ);
    return the row counts found in it afterwards.

    An existing table of the same name is replaced; a database that already
    has tables is refused unless ``replace``.
    """
    database_require_postgresql(settings_dict)
    pg_restore, client_major = client_version("pg_restore")
    if client_major < dumped_by:
        raise BackupError(
            f"The dump was made by pg_dump {dumped_by} and pg_restore is "
            f"{client_major}: install postgresql-client-{dumped_by}."
        )
    label = database_label(settings_dict)
    with database_connect(settings_dict, autocommit=True) as connection:
        existing = table_row_counts(connection)
        if existing and not replace:
            raise BackupError(
                f"The database {label} already has {len(existing)} tables: "
                "restoring replaces them. Restore into a new, empty database "
                "(createdb), or say REPLACE=yes (manage.py restore --replace) "
                "if replacing this one is what you mean."
            )
        _run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--clean",
                "--if-exists",
                "--single-transaction",
                f"--dbname={settings_dict['NAME']}",
                str(path),
            ],
            settings_dict,
        )
        return table_row_counts(connection)
