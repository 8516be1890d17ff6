"""Certificates and transcripts as PDF (WeasyPrint) and the verification QR code.

Placeholder contract, filled in by the CE templates work: see the functions.
"""

from __future__ import annotations

import io

from django.template.loader import render_to_string

import qrcode
import qrcode.image.svg
from weasyprint import HTML


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (no network, no raster image)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def certificate_pdf(*, certificate, verify_url: str) -> bytes:
    html = render_to_string(
        "courses/pdf/certificate.html",
        {
            "certificate": certificate,
            "verify_url": verify_url,
            "qr_svg": qr_svg(verify_url),
        },
    )
    return HTML(string=html).write_pdf()


def transcript_pdf(*, user, transcript) -> bytes:
    html = render_to_string(
        "courses/pdf/transcript.html", {"user": user, "transcript": transcript}
    )
    return HTML(string=html).write_pdf()
