"""Read-only panels in the editors: what the instructor should know while editing.

``CourseCEWarningsPanel`` sits in the course page's CE panel and says what
threatens its CE hours (``courses.ce_coverage``); ``CourseContentTimePanel``
sets the lessons' estimated minutes beside the CE hours claimed and warns
when the claim is larger (``courses.ce_content``); ``ApprovalStatementsPanel``
shows the CE approval's standard wording for each kind. Both render nothing
into the form: they only read the instance being edited.
"""

from __future__ import annotations

from wagtail.admin.panels import Panel


class CourseCEWarningsPanel(Panel):
    """Warnings about the course's CE approvals (none: the panel is not shown)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/course_ce_warnings_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from courses.ce_coverage import course_ce_warnings

            self.warnings = (
                course_ce_warnings(course=self.instance) if self.instance.pk else []
            )

        def is_shown(self):
            return bool(self.warnings)


class CourseContentTimePanel(Panel):
    """The lessons' estimated time beside the CE hours (a new course: not shown)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/course_content_time_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from courses.ce_content import course_content_time

            self.content_time = (
                course_content_time(course=self.instance) if self.instance.pk else None
            )

        def is_shown(self):
            return self.content_time is not None


class ApprovalStatementsPanel(Panel):
    """The standard statement of every kind, filled in with this approval's facts."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/approval_statements_panel.html"

        def get_context_data(self, parent_context=None):
            from courses.models import ApprovalKind

            context = super().get_context_data(parent_context)
            approval = self.instance
            current = approval.kind
            rows = []
            for value, label in ApprovalKind.choices:
                approval.kind = value
                rows.append(
                    {
                        "label": label,
                        "text": approval.statement_standard(),
                        "is_current": value == current,
                    }
                )
            approval.kind = current
            rows.sort(key=lambda row: not row["is_current"])
            context["statements"] = rows
            return context
