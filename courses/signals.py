"""Signals ``courses`` sends for records other apps keep about a course.

``learner_course_records_purge``: an anonymised learner's records in a
course are past retention (``courses.services.records_purge``). Sent with
``user_id``, ``course_id`` and ``dry_run``, inside the purge's transaction
and before the enrollment is deleted. Each receiver deletes its own rows of
that learner in that course unless ``dry_run``, and returns how many it found
as ``{"quiz_attempts": n}`` (the purge report adds up each name).
"""

from django.dispatch import Signal

learner_course_records_purge = Signal()
