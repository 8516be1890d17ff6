"""The Learners list: every account that learns here, searchable and filterable."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from accounts.models import User
from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.learner_admin import views
from courses.learner_admin.page import LearnerPageView
from courses.learner_admin.panels import learner_display_name
from courses.learner_admin.permissions import learner_policy
from courses.models import CoursePage, Enrollment, EnrollmentStatus


class LearnerFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Enrolled in"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("Any course"),
        method="filter_enrollment",
    )
    enrollment_status = django_filters.ChoiceFilter(
        label=_("Enrollment status"),
        choices=EnrollmentStatus.choices,
        empty_label=_("Any"),
        method="filter_enrollment",
    )
    account = django_filters.ChoiceFilter(
        label=_("Account"),
        choices=[("active", _("Active")), ("inactive", _("Deactivated"))],
        empty_label=_("Any"),
        method="filter_account",
    )
    date_joined = django_filters.DateFromToRangeFilter(
        label=_("Joined"), widget=DateRangePickerWidget
    )
    staff = django_filters.ChoiceFilter(
        label=_("Staff accounts"),
        choices=[("include", _("Include staff")), ("only", _("Only staff"))],
        empty_label=_("Leave out staff"),
        method="filter_staff",
    )

    class Meta:
        model = User
        fields = ["course", "enrollment_status", "account", "date_joined", "staff"]

    def filter_enrollment(self, queryset, name, value):
        # Course and status together mean "an enrollment in that course with
        # that status"; filtering both from one method keeps it one EXISTS.
        if name == "enrollment_status" and self.form.cleaned_data.get("course"):
            return queryset  # handled with the course
        enrollments = Enrollment.objects.filter(user=OuterRef("pk"))
        course = self.form.cleaned_data.get("course")
        status = self.form.cleaned_data.get("enrollment_status")
        if course:
            enrollments = enrollments.filter(course=course)
        if status:
            enrollments = enrollments.filter(status=status)
        return queryset.filter(Exists(enrollments))

    def filter_account(self, queryset, name, value):
        return queryset.filter(is_active=(value == "active"))

    def filter_staff(self, queryset, name, value):
        return queryset.filter(_staff_q()) if value == "only" else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("staff"):
            queryset = queryset.exclude(_staff_q())
        return queryset


def _staff_q() -> Q:
    """Staff: administrators, Django staff, and anyone a group lets into the admin
    (the Instructor and Assistant roles), so the assistant is not a learner."""
    admin_groups = User.groups.through.objects.filter(
        user_id=OuterRef("pk"),
        group__permissions__codename="access_admin",
        group__permissions__content_type__app_label="wagtailadmin",
    )
    return Q(is_staff=True) | Q(is_superuser=True) | Q(Exists(admin_groups))


class LearnerIndexView(SafeSpreadsheetExportMixin, IndexView):
    permission_policy = learner_policy
    page_title = _("Learners")
    default_ordering = "-date_joined"

    def get_base_queryset(self):
        return User.objects.select_related("profile").annotate(
            courses_count=Count(
                "enrollments",
                filter=Q(enrollments__status=EnrollmentStatus.ACTIVE),
                distinct=True,
            )
        )

    def get_page_title(self):
        return _("Learners")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Learners")}]

    def get_list_more_buttons(self, instance):
        return []

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                accessor=learner_display_name,
                get_url=lambda user: reverse("learners:inspect", args=[user.pk]),
            ),
            Column("email", label=_("Email"), sort_key="email"),
            Column(
                "courses_count", label=_("Active courses"), sort_key="courses_count"
            ),
            DateColumn("date_joined", label=_("Joined"), sort_key="date_joined"),
            DateColumn("last_login", label=_("Last login"), sort_key="last_login"),
        ]


class LearnerViewSet(ModelViewSet):
    """Learners: the list and each learner's page, alongside (not instead of)
    Wagtail's own Settings → Users, which still edits accounts."""

    model = User
    icon = "group"
    menu_label = _("Learners")
    menu_order = 100
    add_to_admin_menu = False
    index_view_class = LearnerIndexView
    inspect_view_enabled = True
    inspect_view_class = LearnerPageView
    copy_view_enabled = False
    filterset_class = LearnerFilterSet
    search_fields = [
        "email",
        "first_name",
        "last_name",
        "profile__name_on_certificate",
        "profile__license_number",
    ]
    form_fields = ["is_active"]  # required by ModelViewSet; accounts edit elsewhere

    @cached_property
    def menu_item_class(self):
        class LearnersMenuItem(MenuItem):
            def is_shown(self, request):
                return learner_policy.user_has_permission(request.user, "view")

        return LearnersMenuItem

    # Wagtail's own user viewset owns the User model's URL finder, reference
    # index entry and permissions; this viewset only reads.
    def register_admin_url_finder(self):
        pass

    def register_reference_index(self):
        pass

    def register_permissions(self):
        pass

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/enroll/", views.enroll_view, name="enroll"),
            path(
                "<int:pk>/enrollments/<int:enrollment_pk>/revoke/",
                views.revoke_view,
                name="revoke",
            ),
            path(
                "<int:pk>/enrollments/<int:enrollment_pk>/restore/",
                views.restore_view,
                name="restore",
            ),
            path(
                "<int:pk>/enrollments/<int:enrollment_pk>/drip/",
                views.release_anchor_view,
                name="release_anchor",
            ),
            path(
                "<int:pk>/verification/",
                views.verification_resend_view,
                name="verification_resend",
            ),
            path("<int:pk>/deactivate/", views.deactivate_view, name="deactivate"),
            path("<int:pk>/reactivate/", views.reactivate_view, name="reactivate"),
        ]
