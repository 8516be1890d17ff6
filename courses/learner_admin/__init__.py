"""The Learners screens of the Wagtail admin: the list, one learner's page, and
the actions the instructor takes on a learner (each recorded in the audit log).

Other apps add panels to the learner's page through the
``register_learner_panels`` hook (see ``panels.py``) and their own actions'
log messages through ``audit.learner_log_action_register``.
"""
