"""The Instructor writes announcements, the Assistant reads them (config/roles.py)."""

from django.db import migrations


def roles_update(apps, schema_editor):
    from config.roles import ANNOUNCEMENT_GRANTS, roles_sync

    roles_sync(apps, model_permissions=ANNOUNCEMENT_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0010_announcement"),
    ]

    operations = [
        migrations.RunPython(roles_update, migrations.RunPython.noop),
    ]
