"""Completions and time on lessons now belong to ``courses`` (its 0018 took
over the tables): drop them from this app's state, then record each
enrollment's best passing post-test score from the attempts kept here."""

from django.db import migrations
from django.db.models import Max


def post_test_scores_fill(apps, schema_editor):
    attempt = apps.get_model("lessons", "QuizAttempt")
    enrollment = apps.get_model("courses", "Enrollment")
    best = (
        attempt.objects.filter(is_final_assessment=True, passed=True)
        .exclude(course=None)
        .values("user_id", "course_id")
        .annotate(best=Max("score_percent"))
    )
    for row in best:
        enrollment.objects.filter(
            user_id=row["user_id"], course_id=row["course_id"]
        ).update(post_test_score=row["best"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0018_progress_records"),
        ("lessons", "0005_time_on_task"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ItemCompletion"),
                migrations.DeleteModel(name="LessonTime"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(post_test_scores_fill, migrations.RunPython.noop),
    ]
