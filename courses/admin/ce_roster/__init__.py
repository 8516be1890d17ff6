"""The CE rosters, as a licensing board's auditor reads them.

``CERosterReportView`` (``enrollments``): one row per enrollment, every
course, filterable. ``board_roster_view`` (``board``): the board roster of one
course and period, one row per CE certificate in force, as CSV or XLSX.
"""

from courses.admin.ce_roster.board import board_roster_view
from courses.admin.ce_roster.enrollments import CERosterReportView

__all__ = ["CERosterReportView", "board_roster_view"]
