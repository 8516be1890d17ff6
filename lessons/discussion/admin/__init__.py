"""The discussion in the Wagtail admin: the moderation queue, one post's page
with its thread, reports and history (hide, restore, dismiss reports, answer,
mark answered), and the unanswered questions.

Registered from ``lessons/wagtail_hooks.py``: the "Discussion" menu group
(``viewsets.py``), the log actions (``audit.py``) and a panel on each
learner's page (``panels.py``). Seeing the screens takes ``lessons.view_post``;
every action takes ``lessons.moderate_post`` (Instructor and Assistant).
"""
