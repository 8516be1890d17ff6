"""A paid lesson's document on S3-style storage: private, and only through the policy.

The storage is the one production builds (django-storages' S3 backend, the
options of ``config/settings/production.py``) against moto's in-process S3.
"""

from __future__ import annotations

from django.test import Client

import pytest

from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from tests.accounts.factories import UserFactory
from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import DocumentFactory, LessonPageFactory, paragraph
from tests.s3_bucket import s3_bucket

BUCKET = "practicum-media"
SECRET = b"DOCUMENT-BYTES: paid workbook\n"


@pytest.fixture
def s3_media(settings, monkeypatch):
    with s3_bucket(monkeypatch, BUCKET) as s3:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "default_acl": "private",
                    "querystring_auth": True,
                    "file_overwrite": False,
                },
            },
        }
        yield s3


@pytest.fixture
def paid_document(s3_media, paid_course):
    document = DocumentFactory(
        title="Workbook", file__data=SECRET, file__filename="workbook.txt"
    )
    module = ModulePageFactory(parent=paid_course, slug="paid-module")
    LessonPageFactory(
        parent=module,
        slug="paid-lesson",
        body=[
            *paragraph("Read the workbook."),
            ("document", {"document": document, "description": "Read first."}),
        ],
    )
    return document


def test_the_upload_is_a_private_object_in_the_bucket(s3_media, paid_document):
    # Given a document uploaded for a paid lesson
    key = paid_document.file.name

    # Then it is in the bucket, readable by no one but the account
    stored = s3_media.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored == SECRET
    grants = s3_media.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [g["Grantee"].get("URI") for g in grants if "URI" in g["Grantee"]] == []


def test_a_learner_who_has_not_paid_is_refused(paid_document):
    client = Client()
    client.force_login(UserFactory(email="browsing@example.com"))

    response = client.get(paid_document.url)

    assert response.status_code != 200
    assert SECRET not in response.content


def test_a_learner_who_paid_gets_it_streamed_privately(paid_document, paid_course):
    # Given a learner enrolled in the paid course
    user = UserFactory(email="paid@example.com")
    enrollment_grant(user=user, course=paid_course, source=EnrollmentSource.PURCHASE)
    client = Client()
    client.force_login(user)

    # When she downloads the document
    response = client.get(paid_document.url)

    # Then the app streams it from the bucket, for her only
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "Location" not in response  # never a redirect to the bucket
