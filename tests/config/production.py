"""The environment a production host sets, and a way to read its settings."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def production_environment(home: Path) -> dict[str, str]:
    """The documented required variables, and nothing from this shell."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "academy.example.com",
        "SITE_URL": "https://academy.example.com",
        "DATABASE_URL": f"sqlite:///{home / 'x.sqlite3'}",
        "EMAIL_URL": "smtp+tls://u:p@smtp.example.com:587",
        "STRIPE_SECRET_KEY": "sk_test_x",
        "STRIPE_WEBHOOK_SECRET": "whsec_x",
        "REDIS_URL": "redis://cache.internal:6379/0",
    }


def production_setting(name: str, **environment: str):
    """One setting's value under config.settings.production (in a fresh process)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**production_environment(Path(home)), **environment}
        code = (
            "import json, django; django.setup();"
            "from django.conf import settings;"
            f"print(json.dumps(getattr(settings, {name!r}, None)))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
