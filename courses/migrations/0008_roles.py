"""The Instructor and Assistant groups (see config/roles.py)."""

from django.db import migrations


def roles_create(apps, schema_editor):
    from config.roles import BASE_PERMISSIONS, roles_sync

    # The lists as they stood: later models get their grants later (0009, …).
    roles_sync(apps, model_permissions=BASE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_invitation"),
        ("accounts", "0001_initial"),
        ("lessons", "0002_quizpage_lessonpage_is_optional_and_more"),
        ("payments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [
        migrations.RunPython(roles_create, migrations.RunPython.noop),
    ]
