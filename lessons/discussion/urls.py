from django.urls import path

from lessons.discussion import views

urlpatterns = [
    path("<int:page_id>/post/", views.discussion_post, name="discussion_post"),
    path(
        "posts/<int:post_id>/edit/",
        views.discussion_post_edit,
        name="discussion_post_edit",
    ),
    path(
        "posts/<int:post_id>/delete/",
        views.discussion_post_delete,
        name="discussion_post_delete",
    ),
    path(
        "posts/<int:post_id>/report/",
        views.discussion_post_report,
        name="discussion_post_report",
    ),
    path(
        "posts/<int:post_id>/answered/",
        views.discussion_question_answered,
        name="discussion_question_answered",
    ),
]
