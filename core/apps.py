from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import checks  # noqa: F401  (registers the deploy checks)
        from core.page_generation import connect_page_generation
        from core.spreadsheets import make_wagtail_exports_safe

        make_wagtail_exports_safe()
        # What is cached from the page tree, and the visitors' page cache, go
        # stale when a page or what pages show changes.
        connect_page_generation()
