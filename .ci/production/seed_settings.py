"""Seeding the scenario's database: the dev settings (``seed_demo`` exists only
there), with uploads going to the scenario's bucket as production's do."""

from config.settings.dev import *  # noqa: F403
from config.settings.dev import env

STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "default_acl": "private",
            "file_overwrite": False,
        },
    },
}
