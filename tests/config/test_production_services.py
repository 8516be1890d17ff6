"""Production settings build media storage and the cache from the environment."""

from __future__ import annotations

from tests.config.production import production_setting

S3 = {
    "AWS_STORAGE_BUCKET_NAME": "academy-media",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:55000",
    "AWS_S3_REGION_NAME": "eu-west-1",
}


def test_without_a_bucket_media_stays_on_local_disk():
    storages = production_setting("STORAGES")

    assert storages["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_a_bucket_puts_media_in_private_signed_s3_storage():
    storages = production_setting("STORAGES", **S3)

    default = storages["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"] == {
        "bucket_name": "academy-media",
        "endpoint_url": "http://127.0.0.1:55000",
        "region_name": "eu-west-1",
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 3600,
        "file_overwrite": False,
    }
    # What pages show (renditions) has addresses that outlive the caches of
    # rendered pages: unsigned, in the same bucket, under images/
    renditions = storages["renditions"]
    assert renditions["BACKEND"] == "storages.backends.s3.S3Storage"
    assert renditions["OPTIONS"]["bucket_name"] == "academy-media"
    assert renditions["OPTIONS"]["querystring_auth"] is False
    assert "default_acl" not in renditions["OPTIONS"]
    assert production_setting("WAGTAILIMAGES_RENDITION_STORAGE", **S3) == "renditions"
    # static files stay with WhiteNoise on each app server
    assert storages["staticfiles"]["BACKEND"].startswith("whitenoise.")


def test_documents_are_served_through_the_access_policy_whatever_the_storage():
    # Wagtail's serve view runs before_serve_document, then streams the file:
    # never a redirect to the bucket
    assert production_setting("WAGTAILDOCS_SERVE_METHOD", **S3) == "serve_view"


def test_the_cache_is_redis_where_an_outage_is_a_miss():
    caches = production_setting("CACHES")

    default = caches["default"]
    assert default["BACKEND"] == "core.resilient_cache.ResilientRedisCache"
    assert default["LOCATION"] == "redis://cache.internal:6379/0"
    assert default["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert default["OPTIONS"]["SOCKET_TIMEOUT"] <= 1
