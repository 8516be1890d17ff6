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

    def get_reauthentication_methods(self, user) -> list[dict]:
        """With two-factor on, the second factor proves it is them again.

        allauth offers the password first, and its decorator sends the user to
        the first method: someone who learnt the password of an account with
        two-factor on could then delete it. Such a user is asked for their
        authenticator code (or a recovery code) instead.
        """
        methods = super().get_reauthentication_methods(user)
        second_factor = [m for m in methods if m["id"] != "reauthenticate"]
        return second_factor or methods
