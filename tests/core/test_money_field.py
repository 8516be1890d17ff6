"""MoneyField: people type amounts in the normal unit; forms hand back minor units."""

from __future__ import annotations

from django import forms

import pytest

from core.fields import MinorUnitsField
from core.forms import MoneyField


class PriceForm(forms.Form):
    price = MoneyField(currency="usd")


class YenForm(forms.Form):
    price = MoneyField(currency="jpy")


class RefundLikeForm(forms.Form):
    amount = MoneyField(
        currency="usd",
        min_value=1,
        max_value=24900,
        error_messages={"max_value": "You can refund at most %(limit)s."},
    )


@pytest.mark.parametrize(
    ("typed", "minor"),
    [
        ("149", 14900),
        ("149.5", 14950),
        ("149.50", 14950),
        ("1,249.00", 124900),
        ("$1,249", 124900),
        (" 0 ", 0),
        ("0.05", 5),
        ("149.500", 14950),
    ],
)
def test_typed_amount_cleans_to_minor_units(typed, minor):
    form = PriceForm({"price": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["price"] == minor
    assert isinstance(form.cleaned_data["price"], int)


def test_a_whole_currency_takes_whole_amounts():
    form = YenForm({"price": "1,000"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["price"] == 1000


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "Enter an amount of zero or more, without a minus sign."),
        ("149.505", "Enter at most 2 digits after the decimal point, e.g. 149.50."),
        ("149,50", "Enter an amount such as 149 or 149.50."),
        ("abc", "Enter an amount such as 149 or 149.50."),
        ("1e3", "Enter an amount such as 149 or 149.50."),
        ("", "This field is required."),
    ],
)
def test_bad_input_is_refused_and_shown_back_with_a_message(typed, message):
    form = PriceForm({"price": typed})

    assert not form.is_valid()
    assert form.errors["price"] == [message]
    # The form shown again keeps what was typed, so it can be corrected
    assert f'value="{typed}"' in str(form["price"]) or typed == ""


def test_decimals_in_a_whole_currency_are_refused():
    form = YenForm({"price": "1000.5"})

    assert not form.is_valid()
    assert form.errors["price"] == ["Enter a whole amount, without decimals."]


def test_limits_are_in_minor_units_and_messages_show_money():
    over = RefundLikeForm({"amount": "249.01"})
    zero = RefundLikeForm({"amount": "0"})
    full = RefundLikeForm({"amount": "249"})

    assert over.errors["amount"] == ["You can refund at most $249.00."]
    assert zero.errors["amount"] == ["Enter an amount of at least $0.01."]
    assert full.is_valid() and full.cleaned_data["amount"] == 24900


def test_stored_minor_units_are_shown_in_the_normal_unit():
    form = PriceForm(initial={"price": 14900})

    html = str(form["price"])

    assert 'value="149.00"' in html
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html


def test_unchanged_amount_is_not_a_change():
    form = PriceForm({"price": "149"}, initial={"price": 14900})

    assert not form.has_changed()


def test_minor_units_model_field_edits_in_the_normal_unit():
    field = MinorUnitsField(default=0).formfield()

    assert isinstance(field, MoneyField)
    assert field.clean("149") == 14900
    assert field.prepare_value(0) == "0.00"
