"""The demo academy: content files under ``content/`` and ``manage.py seed_demo``.

Installed by the dev and test settings only, never by production. See README.md.
"""
