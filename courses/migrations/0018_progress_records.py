"""Completions and time on lessons become the course's own records.

The tables were created by ``lessons`` (0002 and 0005); this takes them over
without copying a row: the models enter ``courses``' state on their old
tables, which are then renamed, with their indexes. ``lessons`` 0006 drops
them from its state. Their content types and permissions follow them.
Enrollments gain the post-test's best passing score, which ``lessons`` 0006
fills in from the quiz attempts already recorded.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("itemcompletion", "lessontime")


def content_types_follow(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label="courses", model=model).exists():
            content_type.objects.filter(app_label="lessons", model=model).update(
                app_label="courses"
            )


def content_types_return(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="courses", model__in=MOVED).update(
        app_label="lessons"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0017_time_on_task"),
        ("lessons", "0005_time_on_task"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ItemCompletion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("course", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="completions", to="courses.coursepage")),
                        ("page", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.WAGTAIL_PAGE_MODEL)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="completions", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "completion",
                        "ordering": ["created_at"],
                        "db_table": "lessons_itemcompletion",
                        "indexes": [models.Index(fields=["user", "course"], name="lessons_ite_user_id_1c4c40_idx")],
                        "constraints": [models.UniqueConstraint(fields=("user", "page"), name="completion_unique_user_page")],
                    },
                ),
                migrations.CreateModel(
                    name="LessonTime",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("first_opened_at", models.DateTimeField()),
                        ("seconds", models.PositiveIntegerField(default=0)),
                        ("last_heartbeat_at", models.DateTimeField(blank=True, null=True)),
                        ("course", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="lesson_times", to="courses.coursepage")),
                        ("page", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.WAGTAIL_PAGE_MODEL)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="lesson_times", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "time on a lesson",
                        "ordering": ["first_opened_at"],
                        "db_table": "lessons_lessontime",
                        "indexes": [models.Index(fields=["user", "course"], name="lessons_les_user_id_34947c_idx")],
                        "constraints": [models.UniqueConstraint(fields=("user", "page"), name="lesson_time_unique_user_page")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="itemcompletion", table=None),
        migrations.AlterModelTable(name="lessontime", table=None),
        migrations.RenameIndex(
            model_name="itemcompletion",
            new_name="completion_user_course_idx",
            old_name="lessons_ite_user_id_1c4c40_idx",
        ),
        migrations.RenameIndex(
            model_name="lessontime",
            new_name="lesson_time_user_course_idx",
            old_name="lessons_les_user_id_34947c_idx",
        ),
        migrations.RunPython(content_types_follow, content_types_return),
        migrations.AddField(
            model_name="enrollment",
            name="post_test_score",
            field=models.PositiveSmallIntegerField(blank=True, help_text="The best score of a passed attempt at the course's post-test.", null=True, verbose_name="post-test best passing score (%)"),
        ),
    ]
