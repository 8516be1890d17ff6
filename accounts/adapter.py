"""Practicum's allauth adapter (``ACCOUNT_ADAPTER``)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress


class AccountAdapter(DefaultAccountAdapter):
    def confirm_email(self, request: HttpRequest, email_address: EmailAddress) -> bool:
        """Verify the address, and drop pending copies of it on other accounts.

        Invariant: once an address is verified on one account, no other account
        holds it, verified (allauth's unique constraint) or pending (here), so
        a later login or password reset with it can only reach its owner.
        """
        with transaction.atomic():
            confirmed = super().confirm_email(request, email_address)
            if confirmed:
                EmailAddress.objects.filter(
                    email__iexact=email_address.email, verified=False
                ).exclude(user_id=email_address.user_id).delete()
        return confirmed
