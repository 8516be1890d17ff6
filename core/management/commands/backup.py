"""``manage.py backup [--to DIR]``: ``make backup`` (docs/OPERATIONS.md, Backups)."""

from __future__ import annotations

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from core.backups import BackupError, files_counted
from core.backups.folder import backup_create, backup_folder_default


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump) and every media file into one new "
        "folder, by default backups/<UTC time>/."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            help="The folder to write (new or empty). Default: backups/<UTC time>/.",
        )
        parser.add_argument(
            "--skip-media",
            action="store_true",
            help="The database only (media kept elsewhere, e.g. a versioned bucket).",
        )

    def handle(self, *args, to: Path | None, skip_media: bool, **options):
        folder = to or backup_folder_default()
        try:
            manifest = backup_create(
                settings_dict=connections["default"].settings_dict,
                storage=None if skip_media else default_storage,
                folder=folder,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        tables = manifest["tables"]
        media = manifest["media"]
        self.stdout.write(
            f"Backed up the database {manifest['database']} (PostgreSQL "
            f"{manifest['server_version']}): {len(tables)} tables, "
            f"{sum(tables.values())} rows; media: "
            + (
                "skipped (--skip-media)"
                if skip_media
                else files_counted(media["files"], media["bytes"])
            )
            + ".\n"
            f"Written to {folder}/ (check it: cd {folder} && sha256sum -c SHA256SUMS)."
        )
