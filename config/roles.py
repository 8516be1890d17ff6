"""The school's roles: who may do what in the Wagtail admin, as data.

Two groups, created by ``courses/migrations/0008_roles.py``. Kept with the
project's wiring (``config``): the roles name permissions of every app.

- **Instructor** authors the courses and runs the school: pages, images,
  documents, CE snippets, certificates (revoke and correct), enrollments,
  quiz attempts and extra attempts, orders (refunds), learners (deactivate,
  resend verification). She never adds or deletes accounts, manages groups
  or becomes an administrator.
- **Assistant** reads what the instructor reads and changes nothing, except
  in the discussion: like the instructor, she answers learners' questions and
  hides or restores posts (``lessons.moderate_post``). She does not see
  learners' accommodation requests and grievances, which the instructor
  answers.

The permission sets are defined once here; :func:`roles_sync` applies them
with the models it is given, so a migration can call it with its historical
``apps``. Other parts of the back office check these codenames.
"""

from __future__ import annotations

from django.contrib.auth.management import create_permissions

INSTRUCTOR = "Instructor"
ASSISTANT = "Assistant"

_SNIPPETS_VIEW = ["courses.view_approval", "courses.view_instructor"]
_SNIPPETS_EDIT = [
    "courses.add_approval",
    "courses.change_approval",
    "courses.delete_approval",
    "courses.add_instructor",
    "courses.change_instructor",
    "courses.delete_instructor",
]

# Model permissions, "app_label.codename", as first granted (courses 0008).
BASE_PERMISSIONS: dict[str, list[str]] = {
    INSTRUCTOR: [
        "wagtailadmin.access_admin",
        *_SNIPPETS_VIEW,
        *_SNIPPETS_EDIT,
        "courses.view_certificate",
        "courses.change_certificate",  # revoke, issue a corrected copy
        "courses.view_enrollment",
        "courses.add_enrollment",
        "courses.change_enrollment",
        "courses.view_invitation",  # bulk enroll invites who has no account yet
        "courses.view_courseevaluation",
        "lessons.view_quizattempt",
        "lessons.view_quizattemptgrant",
        "lessons.add_quizattemptgrant",
        "payments.view_order",
        "payments.change_order",  # refunds
        "accounts.view_user",
        "accounts.change_user",  # deactivate, resend the verification email
    ],
    ASSISTANT: [
        "wagtailadmin.access_admin",
        *_SNIPPETS_VIEW,
        "courses.view_certificate",
        "courses.view_enrollment",
        "courses.view_invitation",
        "courses.view_courseevaluation",
        "lessons.view_quizattempt",
        "lessons.view_quizattemptgrant",
        "payments.view_order",
        "accounts.view_user",
    ],
}

# Granted later, each by its own migration (the models came later).
# courses 0009: answer, hide and restore discussion posts; read the reports.
DISCUSSION = ["lessons.view_post", "lessons.moderate_post", "lessons.view_postreport"]
DISCUSSION_GRANTS = {INSTRUCTOR: DISCUSSION, ASSISTANT: DISCUSSION}
# courses 0011: the instructor writes announcements; the assistant reads them.
ANNOUNCEMENT_GRANTS = {
    INSTRUCTOR: ["courses.view_announcement", "courses.add_announcement"],
    ASSISTANT: ["courses.view_announcement"],
}

# courses 0016: the instructor reads and answers accommodation requests and
# grievances; the assistant does not see them (they may hold health information).
LEARNER_REQUEST_GRANTS = {
    INSTRUCTOR: ["courses.view_learnerrequest", "courses.change_learnerrequest"],
    ASSISTANT: [],
}

# Every model permission each role holds now.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    name: [
        *BASE_PERMISSIONS[name],
        *DISCUSSION_GRANTS[name],
        *ANNOUNCEMENT_GRANTS[name],
        *LEARNER_REQUEST_GRANTS[name],
    ]
    for name in (INSTRUCTOR, ASSISTANT)
}

# Page permissions on the root page (so on every page), by codename of
# wagtailcore.Page. Deleting a page with its children is "bulk_delete".
ROLE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    INSTRUCTOR: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    ASSISTANT: [],
}

# Collection permissions on the root collection (so on every collection).
ROLE_COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    INSTRUCTOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
    ],
    ASSISTANT: [],
}


def permissions_create(apps) -> None:
    """Create every model's permissions now (a fresh database has none yet).

    Django creates permissions after ``migrate`` finishes (``post_migrate``);
    a data migration that grants them must create them itself. Safe to repeat.
    """
    for app_config in apps.get_app_configs():
        # The historical app configs have no models module; create_permissions
        # skips such apps, so it is set for the duration of the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = models_module


def _permission(apps, dotted: str):
    permission_model = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    try:
        return permission_model.objects.get(
            content_type__app_label=app_label, codename=codename
        )
    except permission_model.DoesNotExist as missing:
        raise LookupError(
            f"No permission {dotted}: is the role list current?"
        ) from missing


def roles_sync(apps, model_permissions: dict[str, list[str]] | None = None) -> None:
    """Create the Instructor and Assistant groups and grant their permissions.

    ``apps`` is a migration's historical registry or ``django.apps.apps``.
    Idempotent and additive: groups are found by name, permissions are added
    (never removed), so running it again changes nothing. Raises LookupError
    when a listed permission does not exist, rather than skipping it.

    ``model_permissions`` defaults to :data:`ROLE_PERMISSIONS`; a migration
    passes the list as it stood then, since later models do not exist yet in
    its historical ``apps``.
    """
    if model_permissions is None:
        model_permissions = ROLE_PERMISSIONS
    permissions_create(apps)
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    collection_model = apps.get_model("wagtailcore", "Collection")
    page_grant = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_grant = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = page_model.objects.filter(depth=1).order_by("path").first()
    root_collection = collection_model.objects.filter(depth=1).order_by("path").first()

    for name, dotted_names in model_permissions.items():
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, dotted) for dotted in dotted_names])
        for codename in ROLE_PAGE_PERMISSIONS[name]:
            permission = _permission(apps, f"wagtailcore.{codename}")
            page_grant.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for dotted in ROLE_COLLECTION_PERMISSIONS[name]:
            collection_grant.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, dotted),
            )
