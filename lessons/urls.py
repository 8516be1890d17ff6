from django.urls import path

from lessons import views

urlpatterns = [
    path(
        "learn/<int:page_id>/complete/", views.item_completion, name="item_completion"
    ),
]
