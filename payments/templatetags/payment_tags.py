from django import template

register = template.Library()


@register.filter
def money(amount: int | None, currency: str) -> str:
    """Format minor units: ``14900|money:"usd"`` → ``USD 149.00``."""
    return f"{(currency or '').upper()} {(amount or 0) / 100:,.2f}"
