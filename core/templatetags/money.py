"""``{% load money %}`` then ``{{ order.amount_paid|money:order.currency }}``."""

from django import template

from core.money import money_format

register = template.Library()


@register.filter(name="money")
def money_filter(amount, currency: str = "usd") -> str:
    """Minor units to "$149.00" (see ``core.money.money_format``)."""
    if amount in (None, ""):
        return ""
    return money_format(int(amount), currency)
