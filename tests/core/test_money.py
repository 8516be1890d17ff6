from decimal import Decimal

import pytest

from core.money import major_from_minor, minor_from_major, money_format


@pytest.mark.parametrize(
    ("minor", "currency", "shown"),
    [
        (24900, "usd", "$249.00"),
        (14900, "USD", "$149.00"),
        (5, "usd", "$0.05"),
        (123456789, "usd", "$1,234,567.89"),
        (1500, "eur", "€15.00"),
        (1000, "jpy", "¥1,000"),
    ],
)
def test_money_format_shows_the_normal_unit_with_its_symbol(minor, currency, shown):
    assert money_format(minor, currency) == shown


def test_an_unknown_amount_is_blank_not_zero():
    assert money_format(None, "usd") == ""


@pytest.mark.parametrize(
    ("major", "currency", "minor"),
    [
        ("149", "usd", 14900),
        ("149.5", "usd", 14950),
        ("0.005", "usd", 1),
        ("1000", "jpy", 1000),
    ],
)
def test_minor_from_major_converts_what_people_type(major, currency, minor):
    assert minor_from_major(Decimal(major), currency) == minor


def test_major_from_minor_round_trips():
    assert major_from_minor(14900, "usd") == Decimal("149.00")
    assert minor_from_major(major_from_minor(14999, "usd"), "usd") == 14999
