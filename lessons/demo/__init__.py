"""The demo academy that ``manage.py seed_demo`` loads.

``loader`` builds it; the other modules hold its content as plain data.
Everything here is fictional: the instructor, the learner and every case.
"""
