"""The parts of a backup one at a time: what is refused and why, and the
media copied through the storage API alone (a folder, or a storage with no
folder at all, as an S3 bucket is)."""

from __future__ import annotations

import stat
from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

import boto3
import pytest
from moto import mock_aws
from storages.backends.s3 import S3Storage

from core.backups import BackupError
from core.backups.database import database_dump
from core.backups.folder import backup_create
from core.backups.media import media_copy_in, media_copy_out
from tests.ops import drill

POSTGRES = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "practicum",
    "USER": "postgres",
    "PASSWORD": drill.PLACEHOLDER_PASSWORD,
    "HOST": "127.0.0.1",
    "PORT": 5432,
    "OPTIONS": {},
}

MEDIA = {
    "documents/handout.pdf": b"%PDF-1.7 handout",
    "documents/2026/12/records log.csv": b"date,source\n2026-12-01,school\n",
    "original_images/portrait.jpg": b"\xff\xd8\xff\xe0 jpeg",
}


def _fake_program(folder: Path, name: str, version_line: str) -> None:
    program = folder / name
    program.write_text(f"#!/bin/sh\necho '{version_line}'\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)


def test_sqlite_is_refused_with_how_to_copy_the_file(tmp_path):
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/db.sqlite3"}
    folder = tmp_path / "backup"
    with pytest.raises(
        BackupError, match=r"SQLite.*copy the file \(cp /srv/db\.sqlite3"
    ):
        backup_create(settings_dict=sqlite, storage=default_storage, folder=folder)
    assert not folder.exists()


def test_a_missing_pg_dump_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    folder = tmp_path / "backup"
    with pytest.raises(BackupError, match="pg_dump is not installed") as refused:
        backup_create(settings_dict=POSTGRES, storage=default_storage, folder=folder)
    assert not folder.exists()
    assert drill.PLACEHOLDER_PASSWORD not in str(refused.value)


def test_a_folder_with_files_in_it_is_not_written_over(tmp_path):
    (tmp_path / "old.dump").write_bytes(b"an earlier backup")
    with pytest.raises(BackupError, match="not empty"):
        backup_create(settings_dict=POSTGRES, storage=default_storage, folder=tmp_path)
    assert (tmp_path / "old.dump").read_bytes() == b"an earlier backup"


@pytest.mark.postgres_only
@pytest.mark.django_db
@pytest.mark.usefixtures("on_postgresql")
def test_a_pg_dump_older_than_the_server_is_refused(tmp_path, monkeypatch):
    programs = tmp_path / "bin"
    programs.mkdir()
    _fake_program(programs, "pg_dump", "pg_dump (PostgreSQL) 9.6.24")
    monkeypatch.setenv("PATH", str(programs))
    server = connection.pg_version // 10000
    with pytest.raises(BackupError, match=f"version 9 and the server {server}"):
        database_dump(settings_dict=connection.settings_dict, path=tmp_path / "x.dump")
    assert not (tmp_path / "x.dump").exists()


def test_restore_needs_the_target_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("TARGET_DATABASE_URL", raising=False)
    with pytest.raises(CommandError, match="Set TARGET_DATABASE_URL"):
        call_command("restore", folder=tmp_path)


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path, monkeypatch):
    monkeypatch.setenv(
        "TARGET_DATABASE_URL", drill.database_url(POSTGRES, name="practicum_nowhere")
    )
    with pytest.raises(CommandError, match="is not a backup") as refused:
        call_command("restore", folder=tmp_path)
    assert drill.PLACEHOLDER_PASSWORD not in str(refused.value)


def test_media_round_trip_through_a_storage_that_has_no_folders(tmp_path):
    """InMemoryStorage has no ``path()``, like S3: only the storage API works."""
    bucket = InMemoryStorage()
    for name, content in MEDIA.items():
        bucket.save(name, ContentFile(content))
    out = media_copy_out(storage=bucket, folder=tmp_path / "media")
    assert out.files == len(MEDIA)
    assert out.bytes == sum(len(content) for content in MEDIA.values())
    assert drill.files(tmp_path / "media") == MEDIA

    new_bucket = InMemoryStorage()
    new_bucket.save("documents/handout.pdf", ContentFile(b"a different handout"))
    back = media_copy_in(storage=new_bucket, folder=tmp_path / "media")
    assert back.files == len(MEDIA)
    for name, content in MEDIA.items():
        with new_bucket.open(name, "rb") as handle:
            assert handle.read() == content, name
    # Replaced under its own name, not saved beside it as handout_AbC123.pdf.
    assert new_bucket.listdir("documents")[1] == ["handout.pdf"]


def test_backup_media_and_restore_media_commands_use_the_configured_storage(
    settings, tmp_path
):
    for name, content in MEDIA.items():
        default_storage.save(name, ContentFile(content))
    out = StringIO()
    call_command("backup_media", to=tmp_path / "copy", stdout=out)
    assert f"Media: copied {len(MEDIA)} files, " in out.getvalue()
    assert drill.files(tmp_path / "copy") == MEDIA

    settings.MEDIA_ROOT = tmp_path / "new-media"
    call_command("restore_media", folder=tmp_path / "copy")
    assert drill.files(tmp_path / "new-media") == MEDIA


def _bucket(name: str) -> S3Storage:
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=name)
    return S3Storage(bucket_name=name, region_name="us-east-1")


def test_media_round_trip_through_an_s3_bucket(tmp_path, monkeypatch):
    """django-storages' S3 backend (as production uses with
    AWS_STORAGE_BUCKET_NAME), against moto's S3 in this process."""

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")  # noqa: S105 - moto's
    with mock_aws():
        live = _bucket("practicum-media")
        for name, content in MEDIA.items():
            live.save(name, ContentFile(content))
        out = media_copy_out(storage=live, folder=tmp_path / "media")
        assert out.files == len(MEDIA)
        assert drill.files(tmp_path / "media") == MEDIA

        new = _bucket("practicum-media-restored")
        new.save("documents/handout.pdf", ContentFile(b"a different handout"))
        media_copy_in(storage=new, folder=tmp_path / "media")
        for name, content in MEDIA.items():
            with new.open(name, "rb") as handle:
                assert handle.read() == content, name
        assert new.listdir("documents")[1] == ["handout.pdf"]
