"""What the instructor's dashboard and reports count, computed in SQL.

One meaning per figure, school-wide (see the definitions each module states):
``outline`` (the required items and modules of every course), ``periods``
(the windows: last 30 days, this week, this month, twelve weeks),
``enrollments`` (how many enrolled, per window and per week), ``progress``
(progress, stuck, owes an evaluation, completion rates, funnels) and
``activity`` (learners active this week, certificates this month).

Every selector runs a fixed number of queries whatever the number of
learners: counts and states are aggregated by the database, never by a
Python loop over enrollments. ``courses`` never imports ``lessons``; its
tables are read through ``django.apps.apps.get_model`` inside functions.
"""
