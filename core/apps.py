from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import checks  # noqa: F401  (registers the deploy checks)
        from core.page_cache_signals import connect_page_cache_purges
        from core.spreadsheets import make_wagtail_exports_safe

        make_wagtail_exports_safe()
        connect_page_cache_purges()
