"""Continuing-education views: evaluation, certificates, verification, transcript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.services import profile_get_or_create
from core.rate_limits import rate_limited
from core.site_url import site_url
from core.spreadsheets import csv_writer
from courses import certificates_pdf
from courses.access import user_is_editor
from courses.certificate_serials import serial_normalize
from courses.completion import course_completion_facts, profile_fields_required
from courses.forms import EvaluationForm
from courses.models import (
    CECredit,
    Certificate,
    CertificateStatus,
    CourseEvaluation,
    CoursePage,
)
from courses.selectors import learner_transcript, transcript_csv_rows
from courses.services import course_evaluation_submit


@login_required
@require_http_methods(["GET", "POST"])
def course_evaluation(request, course_id: int):
    """The course evaluation, which unlocks the certificate once the course is done.

    A course without CE hours does not require it: its certificate may be
    issued already, and the learner may still evaluate the course, once.
    """
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    facts = course_completion_facts(user=request.user, course=course)
    certificate = None
    if facts.enrollment is not None:
        certificate = facts.enrollment.certificates.filter(
            replaces__isnull=True
        ).first()
    optional = not facts.evaluation_required
    if certificate is not None and not (optional and not facts.evaluation_submitted):
        return redirect("certificate_detail", serial=_current(certificate).serial)
    objectives = [str(block.value) for block in course.learning_objectives]
    needs_license = "license_number" in profile_fields_required(course)
    profile = profile_get_or_create(user=request.user)
    initial = {name: getattr(profile, name) for name in profile.PRINTED_FIELDS}
    form = EvaluationForm(
        request.POST or None,
        initial=initial,
        objectives=objectives,
        needs_license=needs_license,
        evaluation_required=not optional,
        with_profile=certificate is None,
    )
    if request.method == "POST" and facts.ready_for_evaluation and form.is_valid():
        evaluated = form.has_evaluation()
        had_certificate = certificate is not None
        certificate = course_evaluation_submit(
            user=request.user,
            course=course,
            profile_data=form.profile_data() if form.with_profile else None,
            evaluation_data=form.evaluation_data()
            if evaluated and not facts.evaluation_submitted
            else None,
        )
        if had_certificate and evaluated:
            messages.success(request, _("Thank you for evaluating the course."))
            return redirect("certificate_detail", serial=_current(certificate).serial)
        if certificate is not None:
            messages.success(
                request,
                _("Thank you. Your certificate is ready.")
                if evaluated
                else _("Your certificate of completion is ready."),
            )
            return redirect("certificate_detail", serial=certificate.serial)
        if not facts.time_met:
            messages.info(
                request,
                _(
                    "Your evaluation is saved. Your certificate waits for the time "
                    "on task the course asks for: it is issued as soon as you have "
                    "spent it."
                ),
            )
            return redirect(course.url)
        messages.error(
            request,
            _("Your evaluation is saved, but the course is not complete yet.")
            if evaluated
            else _("The course is not complete yet."),
        )
        return redirect(course.url)
    return TemplateResponse(
        request,
        "courses/evaluation.html",
        {
            "course": course,
            "facts": facts,
            "form": form,
            "optional": optional,
            "certificate": certificate,
        },
    )


def _current(certificate: Certificate) -> Certificate:
    """Follow corrected copies to the newest one."""
    while hasattr(certificate, "replaced_by"):
        certificate = certificate.replaced_by
    return certificate


def _own_certificate(request, serial: str) -> Certificate:
    if "\x00" in serial:  # no serial has one; PostgreSQL refuses NUL in text
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment", "replaces"), serial=serial
    )
    if certificate.enrollment.user_id != request.user.pk and not user_is_editor(
        request.user
    ):
        raise Http404
    return certificate


def _verify_url(request, certificate: Certificate, *, leaves_the_site: bool) -> str:
    """The certificate's public check. A PDF leaves the site, so its link (and
    QR code) come from ``SITE_URL``; the page links to the address it is on."""
    path = reverse("certificate_verify", args=[certificate.serial])
    return site_url(path) if leaves_the_site else request.build_absolute_uri(path)


@login_required
def certificate_detail(request, serial: str):
    certificate = _own_certificate(request, serial)
    verify_url = _verify_url(request, certificate, leaves_the_site=False)
    enrollment = certificate.enrollment
    evaluation_optional = (
        certificate.ce_credit == CECredit.NONE
        and certificate.status == CertificateStatus.VALID
        and enrollment.user_id == request.user.pk
        and not CourseEvaluation.objects.filter(enrollment=enrollment).exists()
    )
    return TemplateResponse(
        request,
        "courses/certificate_detail.html",
        {
            "certificate": certificate,
            "evaluation_url": (
                reverse("course_evaluation", args=[enrollment.course_id])
                if evaluation_optional
                else ""
            ),
            "verify_url": verify_url,
            "qr_svg": certificates_pdf.qr_svg(verify_url),
        },
    )


@login_required
def certificate_pdf(request, serial: str):
    certificate = _own_certificate(request, serial)
    pdf = certificates_pdf.certificate_pdf(
        certificate=certificate,
        verify_url=_verify_url(request, certificate, leaves_the_site=True),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.serial}.pdf"'
    )
    return response


@never_cache
@require_GET
@rate_limited("certificate_verify")
def certificate_verify(request, code: str):
    """Public: is this certificate genuine? Never shows the license number in full."""
    serial = serial_normalize(code)
    certificate = (
        Certificate.objects.select_related("replaces").filter(serial=serial).first()
        if serial
        else None
    )
    replacement = _current(certificate) if certificate else None
    return TemplateResponse(
        request,
        "courses/certificate_verify.html",
        {
            "code": code,
            "certificate": certificate,
            "replacement": replacement if replacement is not certificate else None,
        },
        status=200 if certificate else 404,
    )


@login_required
def transcript(request):
    return TemplateResponse(
        request,
        "courses/transcript.html",
        {"transcript": learner_transcript(user=request.user)},
    )


@login_required
def transcript_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ce-transcript.csv"'
    writer = csv_writer(response)
    for row in transcript_csv_rows(user=request.user):
        writer.writerow(row)
    return response


@login_required
def transcript_pdf(request):
    pdf = certificates_pdf.transcript_pdf(
        user=request.user, transcript=learner_transcript(user=request.user)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="ce-transcript.pdf"'
    return response
