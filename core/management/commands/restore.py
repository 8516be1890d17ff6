"""``manage.py restore --from DIR``: ``make restore`` (docs/OPERATIONS.md, Backups).

The target database comes from the environment variable
``TARGET_DATABASE_URL``, never from the command line, where a password would
show in ``ps`` and in make's echo.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

import environ

from core.backups import BackupError, files_counted
from core.backups.database import database_label
from core.backups.folder import backup_restore, storage_name


class Command(BaseCommand):
    help = (
        "Restore a backup folder into the database named by TARGET_DATABASE_URL "
        "(pg_restore), check every table's row count against the backup's "
        "manifest, then put the media back into the configured storage."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="folder", type=Path, required=True)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Restore even though the target database already has tables "
            "(they are replaced).",
        )
        parser.add_argument(
            "--skip-media",
            action="store_true",
            help="Restore the database only (e.g. to check a backup).",
        )

    def handle(self, *args, folder: Path, replace: bool, skip_media: bool, **options):
        url = os.environ.get("TARGET_DATABASE_URL", "")
        if not url:
            raise CommandError(
                "Set TARGET_DATABASE_URL to the database to restore into "
                "(postgres://user:password@host:5432/name; create it first with "
                "createdb). It is not read from DATABASE_URL, so that a restore "
                "never replaces the live database by accident."
            )
        try:
            target = environ.Env.db_url_config(url)
        except Exception as error:  # noqa: BLE001 - never echo the URL itself
            raise CommandError("TARGET_DATABASE_URL is not a database URL.") from error
        try:
            restored = backup_restore(
                folder=folder,
                settings_dict=target,
                storage=None if skip_media else default_storage,
                replace=replace,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {folder}/ into {database_label(target)}: {restored.tables} "
            f"tables, {restored.rows} rows, every count as in the manifest."
        )
        if restored.media is None:
            self.stdout.write("Media not restored (--skip-media).")
        else:
            media = files_counted(restored.media.files, restored.media.bytes)
            self.stdout.write(
                f"Media: put {media} into {storage_name(default_storage)}."
            )
