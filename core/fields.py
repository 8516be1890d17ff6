"""Model fields every app shares."""

from __future__ import annotations

from django.db import models

from core.forms import MoneyField


class MinorUnitsField(models.PositiveIntegerField):
    """An amount stored in minor units (cents), edited in the normal unit.

    The column is a plain positive integer (DESIGN.md, "Money"); forms built
    from the model (Wagtail's page editor among them) get a
    :class:`core.forms.MoneyField`, so people type "149.50", never 14950. The
    form field assumes a currency with two decimals, as all our course
    currencies have (USD, CAD, EUR, GBP).
    """

    #: The largest amount the column holds (a 32-bit integer), so the form refuses
    #: it in money rather than the database in cents.
    MAX_AMOUNT = 2_147_483_647

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": MoneyField, "max_value": self.MAX_AMOUNT, **kwargs}
        )
