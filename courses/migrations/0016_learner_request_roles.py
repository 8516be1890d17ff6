"""The Instructor reads and answers learner requests (config/roles.py)."""

from django.db import migrations


def roles_update(apps, schema_editor):
    from config.roles import LEARNER_REQUEST_GRANTS, roles_sync

    roles_sync(apps, model_permissions=LEARNER_REQUEST_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0015_learner_request"),
    ]

    operations = [
        migrations.RunPython(roles_update, migrations.RunPython.noop),
    ]
