"""``manage.py seed_demo``: load the demo academy from demo/content/ (idempotent).

Only the dev and test settings install the ``demo`` app, so production has no
such command; the settings check below guards any other settings module
named ``*.production`` that might add it.
"""

import logging
import os
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts_seed import DEMO_PASSWORD
from demo.directives import ContentError
from demo.loader import demo_academy_seed
from demo.site_seed import DemoTreeConflict


class Command(BaseCommand):
    help = (
        "Create the demo academy: an instructor (superuser), a learner and an "
        "assistant (read-only admin), the home "
        "page, the catalog, a free and a paid course, and the site's policy pages, "
        "from the files in demo/content/. Safe to run again: it only adds what is "
        "missing and never overwrites edits."
    )

    def handle(self, *args, verbosity=1, **options):
        module = settings.SETTINGS_MODULE or os.environ.get(
            "DJANGO_SETTINGS_MODULE", ""
        )
        if module.endswith(".production"):
            raise CommandError(
                "seed_demo creates a superuser with a published password and will "
                "not run under production settings. For a throwaway demo "
                "deployment, run it with DJANGO_SETTINGS_MODULE=config.settings.dev "
                "against that deployment's database."
            )
        try:
            with _quiet_loggers(enabled=verbosity < 2):
                report = demo_academy_seed()
        except (DemoTreeConflict, ContentError) as exc:
            raise CommandError(str(exc)) from exc
        if verbosity < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo academy ready: {report.courses} courses, {report.modules} "
                f"modules, {report.lessons} lessons, {report.quizzes} quizzes."
            )
        )
        if report.created_anything:
            created = ", ".join(
                _count(kind, n) for kind, n in report.created.most_common() if n
            )
            self.stdout.write(f"Created this run: {created}.")
        else:
            self.stdout.write("Created this run: nothing (already loaded).")
        if report.welcome_page_removed:
            self.stdout.write("Replaced Wagtail's welcome page with the home page.")
        self.stdout.write(
            f"Log in as {' or '.join(report.logins)} with password {DEMO_PASSWORD}."
        )


# Each page publish logs a few lines (Wagtail's audit log, the immediate task
# backend): about 400 lines for the demo. Shown with --verbosity 2.
_CHATTY_LOGGERS = ("wagtail", "django.tasks", "django_tasks")


@contextmanager
def _quiet_loggers(*, enabled: bool):
    if not enabled:
        yield
        return
    loggers = [logging.getLogger(name) for name in _CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _count(kind: str, n: int) -> str:
    if n == 1:
        return f"1 {kind}"
    return f"{n} {kind}es" if kind.endswith("ss") else f"{n} {kind}s"
