"""Certificates and transcripts as PDF (WeasyPrint) and the verification QR code.

The PDF templates (``courses/pdf/*.html``) are self-contained: their CSS is
inline and they load nothing over the network (no ``base_url``), so a PDF
renders the same on any machine with DejaVu or another system sans font.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

import qrcode
import qrcode.image.svg
from weasyprint import HTML

from accounts.models import ClinicianProfile
from core.site_url import site_url


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (no network, no raster image).

    The SVG carries a ``viewBox`` so CSS can size it; medium error correction
    keeps it readable when printed small.
    """
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        box_size=10,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def _write_pdf(html: str, *, title: str) -> bytes:
    document = HTML(string=html).render()
    document.metadata.title = title
    document.metadata.authors = [settings.CE_PROVIDER_NAME]
    return document.write_pdf()


def certificate_pdf(*, certificate, verify_url: str) -> bytes:
    """The certificate as a one-page landscape PDF, QR code included."""
    html = render_to_string(
        "courses/pdf/certificate.html",
        {
            "certificate": certificate,
            "verify_url": verify_url,
            "qr_svg": qr_svg(verify_url),
        },
    )
    return _write_pdf(html, title=f"{certificate.course_title} · {certificate.serial}")


def transcript_pdf(*, user, transcript) -> bytes:
    """The learner's CE transcript (``selectors.Transcript``) as a PDF."""
    profile = ClinicianProfile.objects.filter(user=user).first()
    name = getattr(profile, "name_on_certificate", "") or user.get_full_name()
    license_parts = [
        getattr(profile, "license_type", ""),
        getattr(profile, "license_number", ""),
        getattr(profile, "license_state", ""),
    ]
    verify_base = site_url(reverse("certificate_verify", args=["SERIAL"]))
    html = render_to_string(
        "courses/pdf/transcript.html",
        {
            "user": user,
            "transcript": transcript,
            "name": name,
            "license": " ".join(part for part in license_parts if part),
            "provider_name": settings.CE_PROVIDER_NAME,
            "generated_on": timezone.localdate(),
            "verify_base": verify_base.replace("SERIAL/", ""),
        },
    )
    return _write_pdf(html, title=str(name or user.email) + " · CE transcript")
