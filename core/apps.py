from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished, post_page_move

        from core import (
            checks,  # noqa: F401  (registers the deploy checks)
            page_generation,
        )
        from core.page_cache_signals import connect_page_cache_purges
        from core.spreadsheets import make_wagtail_exports_safe

        make_wagtail_exports_safe()
        connect_page_cache_purges()
        # What is cached from the page tree goes stale when a page changes.
        for signal in (post_save, post_delete):
            signal.connect(page_generation.page_changed, dispatch_uid="core.pages")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(
                page_generation.page_generation_bump, dispatch_uid="core.pages"
            )
