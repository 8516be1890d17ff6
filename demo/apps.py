from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo academy and the benchmark school (no models, no URLs)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo academy"
