"""What the instructor learns from the quizzes: item analysis, attempts, figures.

Selectors (reads) in ``item_analysis`` and ``attempts``; the report views in
``reports`` (item analysis) and ``attempts_report``; the admin home's figures
in ``dashboard``; URLs and menu items in ``menu``.
"""
