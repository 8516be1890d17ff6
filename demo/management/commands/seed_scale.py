"""``manage.py seed_scale``: build the large benchmark school (see demo/scale)."""

import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.management.commands.seed_demo import _quiet_loggers
from demo.scale.school import (
    ScaleSchoolError,
    scale_school_delete,
    scale_school_exists,
    scale_school_seed,
)


class Command(BaseCommand):
    help = (
        "Build a large school for benchmarks: three courses, 10,000 learners and "
        "a year of enrollments, completions, quiz attempts, orders, evaluations, "
        "certificates and discussion posts. Runs once: --reset deletes the scale "
        "school first. Needs the catalog seed_demo creates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--learners", type=int, default=10_000, help="learners (default 10,000)"
        )
        parser.add_argument(
            "--items",
            type=int,
            default=200,
            help="lessons and quizzes per course (default 200)",
        )
        parser.add_argument(
            "--seed", type=int, default=11, help="random seed (default 11)"
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="delete the scale school (its courses and learners) first",
        )

    def handle(self, *args, learners, items, seed, reset, verbosity=1, **options):
        module = settings.SETTINGS_MODULE or os.environ.get(
            "DJANGO_SETTINGS_MODULE", ""
        )
        if module.endswith(".production"):
            raise CommandError(
                "seed_scale fills the database with made-up learners and orders "
                "and will not run under production settings."
            )
        started = time.perf_counter()

        def step(name: str, seconds: float) -> None:
            self._say(verbosity, f"  {name}: {seconds:.1f} s")

        try:
            with _quiet_loggers(enabled=verbosity < 2):
                if reset and scale_school_exists():
                    scale_school_delete()
                    self._say(
                        verbosity, f"Deleted the scale school ({self._since(started)})."
                    )
                report = scale_school_seed(
                    learners=learners, items=items, seed=seed, step=step
                )
        except ScaleSchoolError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(_count(name, n) for name, n in report.counts.items())
        self._say(verbosity, f"Scale school built in {self._since(started)}: {counts}.")

    def _say(self, verbosity: int, text: str) -> None:
        if verbosity >= 1:
            self.stdout.write(text)

    @staticmethod
    def _since(started: float) -> str:
        return f"{time.perf_counter() - started:.1f} s"


def _count(name: str, n: int) -> str:
    words = name.replace("_", " ")
    if n == 1:
        words = words.removesuffix("es" if words.endswith("ches") else "s")
    return f"{n:,} {words}"
