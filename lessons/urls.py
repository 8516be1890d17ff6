from django.urls import include, path

from lessons import views

urlpatterns = [
    path(
        "learn/<int:page_id>/complete/", views.item_completion, name="item_completion"
    ),
    path(
        "learn/<int:page_id>/time/",
        views.lesson_time_heartbeat,
        name="lesson_time_heartbeat",
    ),
    path("discussion/", include("lessons.discussion.urls")),
]
