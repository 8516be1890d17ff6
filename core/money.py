"""Money for people: the one boundary between stored minor units and what humans read.

Amounts are stored as integers in the currency's smallest unit (cents for USD)
with an ISO 4217 code (DESIGN.md, "Money"). Nobody types or reads minor units:
forms convert with :func:`minor_from_major` (through ``core.forms.MoneyField``)
and every page, email, PDF and export formats with :func:`money_format`, which
uses Babel's CLDR data for the symbol and the number of decimals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, get_currency_precision

#: The locale amounts are written in; the site is in US English.
MONEY_LOCALE = "en_US"


def currency_digits(currency: str) -> int:
    """Decimals of ``currency``'s minor unit: 2 for USD and EUR, 0 for JPY."""
    return get_currency_precision((currency or "USD").upper())


def major_from_minor(amount: int, currency: str) -> Decimal:
    """``14900`` USD → ``Decimal("149.00")``."""
    digits = currency_digits(currency)
    return (Decimal(int(amount)) / (10**digits)).quantize(Decimal(1).scaleb(-digits))


def minor_from_major(amount: Decimal | int | str, currency: str) -> int:
    """``Decimal("149")`` USD → ``14900``; rounds half up to the minor unit."""
    digits = currency_digits(currency)
    minor = (Decimal(str(amount)) * (10**digits)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    return int(minor)


def money_format(amount: int | None, currency: str) -> str:
    """Format minor units for people: ``money_format(24900, "usd")`` → ``"$249.00"``.

    ``None`` gives an empty string (an unknown amount is not zero).
    """
    if amount is None or amount == "":
        return ""
    code = (currency or "USD").upper()
    return format_currency(major_from_minor(amount, code), code, locale=MONEY_LOCALE)
