from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = "Lessons"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from lessons.discussion.posts_cache import posts_changed

        # Cached posts go stale when a post or a name it shows changes.
        for signal in (post_save, post_delete):
            signal.connect(posts_changed, dispatch_uid="lessons.posts_cache")
