"""Revoke a certificate, or reissue a corrected copy: forms and views."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import (
    Certificate,
    CertificateStatus,
)
from courses.services import (
    CertificateNotValid,
    certificate_reissue,
    certificate_revoke,
)

CERTIFICATE_INSPECT = "ce_certificates:inspect"


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy(
            "Kept with the certificate's record, e.g. 'Issued in error: "
            "the post-test was not passed.'"
        ),
    )


def _certificate_for_change(request, pk: int) -> Certificate:
    if not request.user.has_perm("courses.change_certificate"):
        raise PermissionDenied
    return get_object_or_404(
        Certificate.objects.select_related("enrollment__user"), pk=pk
    )


def _not_valid_message(certificate: Certificate) -> str:
    """What to tell the instructor when a certificate is no longer valid to change
    (a second click, or someone else was quicker)."""
    if certificate.status == CertificateStatus.REVOKED:
        return _("Certificate %(serial)s is already revoked; nothing was changed.") % {
            "serial": certificate.serial
        }
    return _(
        "Certificate %(serial)s has already been replaced by a corrected copy; "
        "nothing was changed."
    ) % {"serial": certificate.serial}


def certificate_revoke_view(request, pk: int):
    """Confirm, with a reason, and revoke a valid certificate."""
    certificate = _certificate_for_change(request, pk)
    inspect_url = reverse(CERTIFICATE_INSPECT, args=[certificate.pk])
    if certificate.status != CertificateStatus.VALID:
        messages.error(request, _not_valid_message(certificate))
        return redirect(inspect_url)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, reason=form.cleaned_data["reason"]
            )
        except CertificateNotValid:  # revoked or reissued meanwhile
            certificate.refresh_from_db()
            messages.error(request, _not_valid_message(certificate))
            return redirect(inspect_url)
        messages.success(
            request,
            _("Certificate %(serial)s was revoked.") % {"serial": certificate.serial},
        )
        return redirect(inspect_url)
    return TemplateResponse(
        request,
        "courses/admin/certificate_revoke.html",
        {"certificate": certificate, "form": form, "inspect_url": inspect_url},
    )


def certificate_reissue_view(request, pk: int):
    """Confirm and issue a corrected copy from the learner's current profile."""
    certificate = _certificate_for_change(request, pk)
    inspect_url = reverse(CERTIFICATE_INSPECT, args=[certificate.pk])
    if certificate.status != CertificateStatus.VALID:
        messages.error(request, _not_valid_message(certificate))
        return redirect(inspect_url)
    if request.method == "POST":
        try:
            copy = certificate_reissue(certificate=certificate)
        except CertificateNotValid:  # reissued or revoked meanwhile
            certificate.refresh_from_db()
            messages.error(request, _not_valid_message(certificate))
            return redirect(inspect_url)
        messages.success(
            request,
            _("Corrected copy %(serial)s issued; %(original)s is marked replaced.")
            % {"serial": copy.serial, "original": certificate.serial},
        )
        return redirect(CERTIFICATE_INSPECT, copy.pk)
    return TemplateResponse(
        request,
        "courses/admin/certificate_reissue.html",
        {"certificate": certificate, "inspect_url": inspect_url},
    )
