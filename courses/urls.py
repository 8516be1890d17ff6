from django.urls import path

from courses import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("enroll/<int:course_id>/", views.enroll, name="enroll"),
]
