from django.urls import include, path

from lessons import views

urlpatterns = [
    path(
        "learn/<int:page_id>/complete/", views.item_completion, name="item_completion"
    ),
    path("discussion/", include("lessons.discussion.urls")),
]
