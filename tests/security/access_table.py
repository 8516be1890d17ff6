# ruff: noqa: E501
"""What every role gets from every route and page type: the one table.

Expectation classes (see ``test_access_matrix.observed``):

- ``ALLOW``: 200 (for a lesson, with its body).
- ``LOGIN``: a redirect to the site's login page.
- ``ADMIN_LOGIN``: a redirect to the admin's login page (Wagtail's answer to
  anyone without admin access).
- ``DENY``: 403 or 404, or Wagtail's "permission denied" redirect to the admin
  home (its answer to staff without the permission).
- ``CTA``: 403 with the course's call to action, without the lesson body.
- ``METHOD``: 405, a POST-only view asked with GET.
- ``REDIRECT``: a redirect somewhere else (noted per row).
- ``BAD_REQUEST``: 400.
"""

from __future__ import annotations

ALLOW = "ALLOW"
LOGIN = "LOGIN"
ADMIN_LOGIN = "ADMIN_LOGIN"
DENY = "DENY"
CTA = "CTA"
METHOD = "METHOD"
REDIRECT = "REDIRECT"
BAD_REQUEST = "BAD_REQUEST"

LEARNERS = ("visitor", "other", "enrolled", "revoked", "refunded")
STAFF = ("assistant", "instructor", "superuser")


def row(visitor, other, enrolled, revoked, refunded, assistant, instructor, su):
    return {
        "visitor": visitor,
        "other": other,
        "enrolled": enrolled,
        "revoked": revoked,
        "refunded": refunded,
        "assistant": assistant,
        "instructor": instructor,
        "superuser": su,
    }


def every(expected):
    return row(*[expected] * 8)


# fmt: off
ROUTES: dict[str, dict[str, str]] = {
    "account_change_password": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "account_confirm_email": every(ALLOW),
    "account_confirm_login_code": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "account_delete": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "account_email": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "account_email_verification_sent": every(ALLOW),
    "account_inactive": every(ALLOW),
    "account_login": row(ALLOW, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "account_logout": row(REDIRECT, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "account_reauthenticate": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "account_reset_password": every(ALLOW),
    "account_reset_password_done": every(ALLOW),
    "account_reset_password_from_key": every(ALLOW),
    "account_reset_password_from_key_done": every(ALLOW),
    "account_set_password": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "account_signup": row(ALLOW, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "admin/^.*/$": dict.fromkeys(LEARNERS, REDIRECT),
    # Announcements: read with courses.view_announcement (Instructor, Assistant);
    # compose and send with courses.add_announcement (Instructor).
    "announcements:create": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    "announcements:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "announcements:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "announcements:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "announcements:send": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "ce_certificates:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "ce_certificates:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "ce_certificates:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "ce_evaluations:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "ce_evaluations:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "ce_evaluations:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    # Staff (user_is_editor: Assistant, Instructor, superuser) read any certificate.
    "certificate_detail": row(LOGIN, DENY, ALLOW, DENY, DENY, ALLOW, ALLOW, ALLOW),
    "certificate_pdf": row(LOGIN, DENY, ALLOW, DENY, DENY, ALLOW, ALLOW, ALLOW),
    "certificate_verify": every(ALLOW),
    # Any signed-in learner sees the evaluation form (it says the course is not
    # finished); a POST from one not ready for it writes nothing.
    "course_evaluation": row(LOGIN, ALLOW, REDIRECT, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "courses_bulk_enroll": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    "courses_bulk_enroll_apply": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "courses_board_roster": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_ce_roster": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_ce_roster_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_certificate_reissue": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    "courses_certificate_revoke": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    "courses_evaluation_summary": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_evaluation_summary_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_invitations:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_invitations:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_invitations:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    # Insight reports (courses.view_enrollment: Assistant, Instructor, superuser).
    "courses_report_enrollments": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_report_enrollments_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_report_progress": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "courses_report_progress_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    # The discussion's admin screens (lessons.view_post; actions lessons.moderate_post).
    "discussion_posts:answer": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "discussion_posts:dismiss": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "discussion_posts:hide": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "discussion_posts:erase": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "discussion_posts:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "discussion_posts:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "discussion_posts:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "discussion_posts:mark_answered": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "discussion_posts:restore": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "discussion_unanswered:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "discussion_unanswered:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "dashboard": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    # The discussion: 404 for anyone who may not read it; edit and delete are
    # the author's (``enrolled`` wrote the world's post), report is for others.
    "discussion_post": row(LOGIN, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD),
    "discussion_post_delete": row(LOGIN, DENY, ALLOW, DENY, DENY, DENY, DENY, DENY),
    "discussion_post_edit": row(LOGIN, DENY, ALLOW, DENY, DENY, DENY, DENY, DENY),
    "discussion_post_report": row(LOGIN, DENY, DENY, DENY, DENY, ALLOW, ALLOW, ALLOW),
    "discussion_question_answered": row(LOGIN, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD),
    "enroll": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "healthz": every(ALLOW),
    "item_completion": row(LOGIN, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD),
    "lesson_time_heartbeat": row(LOGIN, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD),
    "learner_request_new": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    # Accommodation requests and grievances: the instructor reads and answers
    # them; the assistant does not see them (they may hold health information).
    "learner_requests:edit": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    "learner_requests:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    "learners:deactivate": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "learners:enroll": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "learners:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "learners:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "learners:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "learners:reactivate": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "learners:release_anchor": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "learners:restore": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "learners:revoke": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "learners:verification_resend": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "lessons_learner_quiz_attempts_grant": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    # Quiz reports (lessons.view_quizattempt: Assistant and Instructor).
    "lessons_report_item_analysis": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "lessons_report_item_analysis_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "lessons_report_quiz_attempts": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "lessons_report_quiz_attempts_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "mfa_activate_totp": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "mfa_authenticate": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "mfa_deactivate_totp": row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    "mfa_download_recovery_codes": row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    "mfa_generate_recovery_codes": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "mfa_index": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "mfa_reauthenticate": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "mfa_view_recovery_codes": row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    "orders:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "orders:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "orders:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "payments:cancel": row(LOGIN, DENY, REDIRECT, DENY, DENY, DENY, DENY, DENY),
    "payments:checkout": row(LOGIN, ALLOW, REDIRECT, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "payments:orders": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "payments:receipt": row(LOGIN, DENY, ALLOW, DENY, DENY, DENY, DENY, DENY),
    "payments:stripe_webhook": every(METHOD),
    "payments:success": row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    "payments:test_checkout": row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    "payments_order_refund": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
    # Payment problems: read with payments.view_order; "Try again" is a POST
    # (payments.change_order, checked after the method).
    "payments_problems": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "payments_event_retry": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    "payments_refund_retry": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, METHOD, METHOD, METHOD),
    # The revenue report (payments.view_order: Assistant and Instructor).
    "payments_report_revenue": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "payments_report_revenue_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "profile_edit": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "quiz_attempts:index": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "quiz_attempts:index_results": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "quiz_attempts:inspect": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, ALLOW, ALLOW, ALLOW),
    "search": every(ALLOW),
    "sitemap": every(ALLOW),
    "transcript": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "transcript_csv": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "transcript_pdf": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "usersessions_list": row(LOGIN, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW),
    "wagtail_serve": every(ALLOW),
    "wagtailadmin_javascript_catalog": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailadmin_login": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailadmin_password_reset": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailadmin_password_reset_complete": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailadmin_password_reset_confirm": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailadmin_password_reset_done": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailadmin_sprite": dict.fromkeys(LEARNERS, ALLOW),
    "wagtailcore_authenticate_with_password": every(DENY),
    "wagtailcore_login": every(ALLOW),
    "wagtaildocs_authenticate_with_password": every(DENY),
    # No such document in the world: the per-lesson document policy has its
    # own matrix in tests/courses/test_access.py.
    "wagtaildocs_serve": every(DENY),
    "wagtailusers_users:add": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, DENY, ALLOW),
    "wagtailusers_users:edit": row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, DENY, ALLOW, ALLOW),
}
# fmt: on

# Wagtail's own admin views (callback in ``wagtail.*``, under /admin/): learners
# must never reach them; what each staff role may do there is Wagtail's own
# permission system, tested by Wagtail. Our viewsets and views are in ROUTES.
# Wagtail's admin login is the site's (WAGTAILADMIN_LOGIN_URL), hence LOGIN.
FRAMEWORK_ADMIN_ROW = {"visitor": LOGIN, "enrolled": LOGIN}

# Deliberately not requested: unnamed framework patterns.
SKIP = {
    "admin/test404/",  # Wagtail's 404 test view, unnamed
}


def _is_framework_admin(name: str) -> bool:

    route = _routes().get(name)
    if route is None:
        return False
    module = getattr(route.callback, "__module__", "")
    return route.pattern.startswith("admin/") and module.startswith(
        ("wagtail.", "django.")
    )


_ROUTE_CACHE: dict = {}


def _routes():
    if not _ROUTE_CACHE:
        from tests.security.world import routes_all

        _ROUTE_CACHE.update({r.name: r for r in routes_all()})
    return _ROUTE_CACHE


def route_row(name: str):
    if name in ROUTES:
        return ROUTES[name]
    if name in SKIP:
        return None
    if _is_framework_admin(name):
        return FRAMEWORK_ADMIN_ROW
    return None


def route_skipped(name: str) -> bool:
    return name in SKIP


# Page types: page type label -> {target in the world -> row}. Wagtail's base
# Page is only the tree's root, which is never served.
PAGES: dict = {
    "wagtailcore.Page": {},
    "core.HomePage": {"home": every(ALLOW)},
    "core.ContentPage": {"about": every(ALLOW)},
    "courses.CourseIndexPage": {"course_index": every(ALLOW)},
    "courses.CoursePage": {"free_course": every(ALLOW), "paid_course": every(ALLOW)},
    "courses.ModulePage": {"paid_module": every(ALLOW)},
    "lessons.LessonPage": {
        "paid_lesson": row(CTA, CTA, ALLOW, CTA, CTA, ALLOW, ALLOW, ALLOW),
        "free_preview": every(ALLOW),
    },
    # A refused quiz answers 403 with the course's call to action (no marker).
    "lessons.QuizPage": {
        "paid_quiz": row(DENY, DENY, ALLOW, DENY, DENY, ALLOW, ALLOW, ALLOW)
    },
}

_TARGETS = {
    "paid_course": lambda w: w.paid.course,
    "paid_lesson": lambda w: w.paid_lesson,
    "paid_quiz": lambda w: w.paid.final,
}


def page_target(world, target):
    return _TARGETS[target](world) if target in _TARGETS else getattr(world, target)


def page_marker(world, target):
    """Text only the page's own content shows, for ALLOW and CTA."""
    from tests.lessons.factories import body_marker

    if target in ("paid_lesson", "free_preview"):
        return body_marker(page_target(world, target).slug)
    return None
