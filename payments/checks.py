"""System checks: say when Stripe is not configured, and what that means."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security)
def stripe_settings_check(app_configs, **kwargs):
    problems = []
    if not settings.STRIPE_SECRET_KEY:
        if settings.DEBUG:
            hint = "Purchases use the offline test checkout (no money moves)."
        else:
            hint = "Paid courses cannot be bought until it is set."
        problems.append(
            Warning("STRIPE_SECRET_KEY is not set.", hint=hint, id="payments.W001")
        )
    elif not settings.STRIPE_WEBHOOK_SECRET:
        problems.append(
            Warning(
                "STRIPE_WEBHOOK_SECRET is not set.",
                hint="Every Stripe webhook will be rejected with 400; access then "
                "depends on the success page and `manage.py stripe_reconcile`.",
                id="payments.W002",
            )
        )
    return problems
