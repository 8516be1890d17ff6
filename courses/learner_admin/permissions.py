"""Who may see the Learners screens and take each action on a learner."""

from __future__ import annotations

from wagtail.permission_policies.base import ModelPermissionPolicy

from accounts.models import User

VIEW = "courses.view_enrollment"
ENROLL = "courses.add_enrollment"
CHANGE_ENROLLMENT = "courses.change_enrollment"
CHANGE_ACCOUNT = "accounts.change_user"


class LearnerPermissionPolicy(ModelPermissionPolicy):
    """Users seen as learners: viewing follows ``courses.view_enrollment``.

    Adding, editing or deleting accounts is not done here (Settings → Users
    does that); each action on a learner checks its own permission.
    """

    def __init__(self):
        super().__init__(User)

    def user_has_permission(self, user, action):
        if action == "view":
            return bool(user.is_active and user.has_perm(VIEW))
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


learner_policy = LearnerPermissionPolicy()
