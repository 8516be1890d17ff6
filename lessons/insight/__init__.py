"""What the instructor learns from the quizzes: item analysis, attempts, figures.

Selectors only (reads); the report views are in :mod:`lessons.insight.reports`
and the admin home's figures in :mod:`lessons.insight.dashboard`.
"""
