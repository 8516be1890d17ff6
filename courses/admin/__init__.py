"""The instructor's back office for courses: one module per screen.

Registered with Wagtail in ``courses/wagtail_hooks.py``.
"""
