"""Announcements: the instructor writes to the active learners of a course.

Compose, preview with the recipient count, send: :mod:`.services` stores the
announcement and enqueues the sending after commit; :mod:`.tasks` sends it in
batches in the background; :mod:`.selectors` decides who receives it.
"""
