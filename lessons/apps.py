from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = "Lessons"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from accounts.user_cache import user_rows_changed
        from courses.signals import learner_course_records_purge
        from lessons.discussion.posts_cache import posts_changed
        from lessons.receivers import quiz_attempts_purge

        # Cached posts go stale when a post or a name it shows changes.
        for signal in (post_save, post_delete):
            signal.connect(posts_changed, dispatch_uid="lessons.posts_cache")
        # A learner's attempts and grants are read through their cache
        # (lessons.selectors.quiz_standing).
        for name in ("QuizAttempt", "QuizAttemptGrant"):
            for signal in (post_save, post_delete):
                signal.connect(
                    user_rows_changed,
                    sender=self.get_model(name),
                    dispatch_uid=f"lessons.user_rows.{name}",
                )
        learner_course_records_purge.connect(
            quiz_attempts_purge, dispatch_uid="lessons.quiz_attempts_purge"
        )
