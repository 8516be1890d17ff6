"""Images on S3-style storage, as production builds it: the original private and
signed, the renditions pages show at plain addresses that do not expire.

Rendered lesson bodies and course pages are kept for a day or more
(``core.page_generation``), so an expiring address in them would break the
page's images long before the page is rebuilt.
"""

from __future__ import annotations

from wagtail.images.models import Rendition, get_rendition_storage

import pytest
import wagtail_factories

from tests.s3_bucket import s3_bucket

BUCKET = "practicum-media"
S3 = {"bucket_name": BUCKET, "file_overwrite": False}

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_media(settings, monkeypatch):
    with s3_bucket(monkeypatch, BUCKET) as s3:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**S3, "default_acl": "private", "querystring_auth": True},
            },
            "renditions": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {**S3, "querystring_auth": False},
            },
        }
        settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
        # Wagtail resolves the rendition storage once, when the model loads
        # (production's settings are in place by then): resolve it again here.
        field = Rendition._meta.get_field("file")
        monkeypatch.setattr(field, "storage", get_rendition_storage())
        yield s3


def test_a_rendition_has_a_plain_lasting_address_the_original_a_signed_one(s3_media):
    image = wagtail_factories.ImageFactory()

    rendition = image.get_rendition("width-200")

    assert "Signature" not in rendition.url
    assert f"/{BUCKET}/images/" in rendition.url or rendition.url.startswith(
        f"https://{BUCKET}."
    )
    assert "Signature=" in image.file.url  # the original stays private
    stored = s3_media.list_objects_v2(Bucket=BUCKET, Prefix="images/")
    assert stored["KeyCount"] == 1
