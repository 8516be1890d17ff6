"""An S3 bucket for tests: moto's in-process S3, with throwaway credentials."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import boto3
from moto import mock_aws


@contextmanager
def s3_bucket(monkeypatch, name: str) -> Iterator:
    """A client of moto's S3 holding the empty bucket ``name``, while in use."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=name)
        yield s3
