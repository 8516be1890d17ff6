from django.urls import path

from courses import views, views_ce, views_requests

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/transcript/", views_ce.transcript, name="transcript"),
    path("dashboard/transcript.csv", views_ce.transcript_csv, name="transcript_csv"),
    path("dashboard/transcript.pdf", views_ce.transcript_pdf, name="transcript_pdf"),
    path("enroll/<int:course_id>/", views.enroll, name="enroll"),
    path(
        "requests/<slug:kind>/",
        views_requests.learner_request_new,
        name="learner_request_new",
    ),
    path(
        "evaluation/<int:course_id>/",
        views_ce.course_evaluation,
        name="course_evaluation",
    ),
    path(
        "certificates/verify/<str:code>/",
        views_ce.certificate_verify,
        name="certificate_verify",
    ),
    path(
        "certificates/<str:serial>/",
        views_ce.certificate_detail,
        name="certificate_detail",
    ),
    path(
        "certificates/<str:serial>/pdf/",
        views_ce.certificate_pdf,
        name="certificate_pdf",
    ),
]
