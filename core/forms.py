"""Form fields every app shares."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.money import currency_digits, major_from_minor, minor_from_major, money_format

# "149", "149.5", "1249.00", "1,249.00", ".50": digits with commas only as thousands
# separators (so "149,50" is refused rather than read as 14,950), and a point for
# the decimals.
_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?$")
# Signs, spaces and currency symbols people paste along with the number.
_DECORATION = re.compile(r"[\s$€£¥]|(?i:usd|cad|eur|gbp)")


class MoneyField(forms.DecimalField):
    """An amount people type in the normal unit ("149.50"), cleaned to minor units.

    The one place input crosses from what people type to what is stored
    (``core.money`` is the one place output crosses back): ``clean()`` returns an
    ``int`` of minor units (``"149.50"`` USD → ``14950``) and ``prepare_value()``
    shows stored minor units as ``"149.50"``. Accepts a leading currency symbol
    and thousands separators ("$1,249.00"); refuses negative amounts and more
    decimals than ``currency`` has. ``min_value`` and ``max_value`` are in minor
    units, like the stored amount, and their error messages show money
    (``%(limit)s`` is ``"$249.00"``).
    """

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Enter an amount such as 149 or 149.50."),
        "negative": _("Enter an amount of zero or more, without a minus sign."),
        "max_decimal_places": ngettext_lazy(
            "Enter at most %(max)s digit after the decimal point, e.g. 149.5.",
            "Enter at most %(max)s digits after the decimal point, e.g. 149.50.",
            "max",
        ),
        "whole": _("Enter a whole amount, without decimals."),
        "min_value": _("Enter an amount of at least %(limit)s."),
        "max_value": _("Enter an amount of at most %(limit)s."),
    }

    def __init__(
        self,
        *,
        currency: str = "usd",
        min_value: int | None = 0,
        max_value: int | None = None,
        **kwargs,
    ):
        self.currency = currency
        self.min_amount = min_value
        self.max_amount = max_value
        # Limits are checked in minor units in clean(); none reach DecimalField,
        # whose messages would speak of bare numbers.
        kwargs.pop("max_digits", None)
        kwargs.pop("decimal_places", None)
        kwargs.pop("step_size", None)
        super().__init__(**kwargs)
        self.decimal_places = currency_digits(currency)

    def to_python(self, value) -> Decimal | None:
        """What was typed, as a ``Decimal`` in the normal unit (before the checks)."""
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        text = _DECORATION.sub("", str(value))
        negative = text.startswith("-")
        text = text.removeprefix("-")
        if not text or text == "." or not _AMOUNT.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            amount = Decimal(text.replace(",", ""))
        except InvalidOperation as error:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from error
        return -amount if negative else amount

    def validate(self, value) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        if value < 0:
            raise ValidationError(self.error_messages["negative"], code="negative")
        digits = self.decimal_places
        if value != value.quantize(Decimal(1).scaleb(-digits)):
            if digits == 0:
                raise ValidationError(self.error_messages["whole"], code="whole")
            raise ValidationError(
                self.error_messages["max_decimal_places"],
                code="max_decimal_places",
                params={"max": digits},
            )

    def clean(self, value) -> int | None:
        """Minor units (an ``int``), or ``None`` when left empty and not required."""
        major = super().clean(value)
        if major is None:
            return None
        amount = minor_from_major(major, self.currency)
        if self.min_amount is not None and amount < self.min_amount:
            raise ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": money_format(self.min_amount, self.currency)},
            )
        if self.max_amount is not None and amount > self.max_amount:
            raise ValidationError(
                self.error_messages["max_value"],
                code="max_value",
                params={"limit": money_format(self.max_amount, self.currency)},
            )
        return amount

    def prepare_value(self, value):
        """Stored minor units (an ``int``) as people read them: ``14900`` → "149.00".

        What someone typed (a string, on a form shown again with errors) is
        shown back as typed.
        """
        if isinstance(value, int) and not isinstance(value, bool):
            return str(major_from_minor(value, self.currency))
        return value

    def has_changed(self, initial, data) -> bool:
        if self.disabled:
            return False
        try:
            typed = self.to_python(data)
        except ValidationError:
            return True
        if typed is None or initial in (None, ""):
            return (typed is None) != (initial in (None, ""))
        return minor_from_major(typed, self.currency) != int(initial)

    def widget_attrs(self, widget) -> dict:
        attrs = super().widget_attrs(widget)
        attrs.setdefault("inputmode", "decimal")
        return attrs
