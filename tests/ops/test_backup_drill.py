"""The backup drill, for real: ``make backup`` dumps the seeded database with
pg_dump and copies its media; ``make restore`` puts both into a scratch
database and a new media folder; the restored copy has every table's rows,
the same enrollments, orders and certificates, and still verifies a
certificate issued before.

pg_dump reads committed data from another connection, so the test is
transactional (committed, then flushed); tests/conftest.py deselects it, with
a notice, off PostgreSQL. CI runs the suite on PostgreSQL.
"""

from __future__ import annotations

import html
import json
from io import StringIO

from django.core.management import call_command
from django.db import connection

import pytest

from core.backups import BackupError
from core.backups.folder import backup_restore
from courses.models import Certificate, CoursePage, Enrollment
from payments.checkout import checkout_test_pay
from payments.models import Order
from payments.services import order_create
from tests.accounts.factories import UserFactory
from tests.ops import drill

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The public verification page, served from the restored database in a
# fresh process: each code's status and page.
VERIFY = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
pages = {}
for code in sys.argv[1:]:
    response = client.get(f"/certificates/verify/{code}/")
    pages[code] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def _academy_seeded() -> Certificate:
    """The demo academy (its learner holds a certificate), plus a paid order
    and a pending one for the paid course."""
    call_command("seed_demo", stdout=StringIO())
    paid_course = CoursePage.objects.get(slug="foundations-of-mitigation-practice")
    buyer = UserFactory(email="buyer@example.com")
    checkout_test_pay(order=order_create(user=buyer, course=paid_course, is_test=True))
    order_create(user=UserFactory(email="browser@example.com"), course=paid_course)
    return Certificate.objects.get()


def test_a_backup_restores_into_a_new_database_as_it_was(settings, tmp_path):
    certificate = _academy_seeded()
    source = connection.settings_dict
    source_url = drill.database_url(source)
    backup = tmp_path / "backups" / "drill"

    made = drill.run(
        ["make", "--no-print-directory", "backup", f"BACKUP={backup}"],
        DATABASE_URL=source_url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    assert made.returncode == 0, made.stderr
    manifest = json.loads((backup / "manifest.json").read_text())

    restored_media = tmp_path / "restored-media"
    with drill.scratch_database(source, f"{source['NAME']}_restored") as target:
        target_url = drill.database_url(source, name=target)
        restored = drill.run(
            ["make", "--no-print-directory", "restore", f"BACKUP={backup}"],
            DATABASE_URL=source_url,
            TARGET_DATABASE_URL=target_url,
            MEDIA_ROOT=str(restored_media),
        )
        assert restored.returncode == 0, restored.stderr

        with (
            drill.connect(source) as before,
            drill.connect(source, name=target) as after,
        ):
            counts = drill.row_counts(before)
            assert drill.row_counts(after) == counts
            assert manifest["tables"] == counts
            for model in (Enrollment, Order, Certificate):
                table = model._meta.db_table
                assert counts[table] == model.objects.count() > 0, table
                assert drill.rows(after, table) == drill.rows(before, table), table
            assert drill.sequences(after) == drill.sequences(before)

        # The same serial but its last character: well formed, never issued.
        last = "0" if certificate.serial[-1] != "0" else "1"
        never_issued = certificate.serial[:-1] + last
        verified = drill.python(
            VERIFY,
            certificate.serial,
            never_issued,
            DATABASE_URL=target_url,
            ALLOWED_HOSTS="testserver",
            DEBUG="false",
        )
        assert verified.returncode == 0, verified.stderr
        pages = json.loads(verified.stdout.splitlines()[-1])
        status, page = pages[certificate.serial]
        assert status == 200
        page = html.unescape(page)
        assert certificate.serial in page
        assert certificate.learner_name in page
        assert "genuine and valid" in page
        assert pages[never_issued][0] == 404

        # A second restore into the same database is refused without REPLACE;
        # a damaged backup is refused before anything is touched.
        target_settings = {**source, "NAME": target}
        with pytest.raises(BackupError, match="already has"):
            backup_restore(folder=backup, settings_dict=target_settings, storage=None)
        media_file = next((backup / "media").rglob("*.*"))
        media_file.write_bytes(media_file.read_bytes() + b"tampered")
        with pytest.raises(BackupError, match="does not match its checksum"):
            backup_restore(
                folder=backup, settings_dict=target_settings, storage=None, replace=True
            )

    source_media = drill.files(settings.MEDIA_ROOT)
    assert source_media, "seed_demo wrote the demo's document"
    assert drill.files(restored_media) == source_media
    assert manifest["media"]["files"] == len(source_media)

    printed = made.stdout + made.stderr + restored.stdout + restored.stderr
    password = source["PASSWORD"] or drill.PLACEHOLDER_PASSWORD
    assert password not in printed
    assert password not in (backup / "manifest.json").read_text()
    assert "every count as in the manifest" in restored.stdout
