"""The Instructor and Assistant moderate the discussion (see config/roles.py)."""

from django.db import migrations


def roles_update(apps, schema_editor):
    from config.roles import DISCUSSION_GRANTS, roles_sync

    roles_sync(apps, model_permissions=DISCUSSION_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_roles"),
        ("lessons", "0004_discussion"),
        ("accounts", "0003_discussion"),
    ]

    operations = [
        migrations.RunPython(roles_update, migrations.RunPython.noop),
    ]
