"""An admin page that reads as a document and carries action forms.

The learner's page and a discussion post's page are both built this way: a
Wagtail ``InspectView`` with no field list and no edit or delete buttons,
whose actions are small forms posted to their own views. When an action's
form is refused, :meth:`ActionPageView.with_errors` draws the page again with
that form bound, so the errors show in place.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied

from wagtail.admin.views.generic import InspectView


class ActionPageView(InspectView):
    bound_forms: dict = {}
    index_label = ""  # the breadcrumb back to the index

    def get_fields(self):
        return []

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    @cached_property
    def header_more_buttons(self):
        return []

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def action_form(self, form_class, prefix: str, **kwargs):
        """The action's form: the refused one if it was, else a fresh one."""
        return self.bound_forms.get(prefix) or form_class(prefix=prefix, **kwargs)

    @classmethod
    def with_errors(cls, request, *, pk: int, form, message: str):
        """This page again, ``form`` (bound and refused) in place, and why."""
        messages.error(request, message)
        view = cls(bound_forms={form.prefix: form})
        view.setup(request, pk=pk)
        return view.get(request, pk=pk)


def admin_action(view):
    """An action posted from such a page: POST only, refused with a plain 403.

    (Wagtail turns a ``PermissionDenied`` into a redirect to the dashboard;
    an action posted without its permission is answered 403 instead.)
    """

    @require_POST
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exception:
            return permission_denied(request, exception)

    return wrapper
