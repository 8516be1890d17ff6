"""One mail convention for every email we send (after allauth's ``render_mail``).

An email is three templates sharing a prefix::

    templates/<app>/email/<name>_subject.txt
    templates/<app>/email/<name>_message.txt
    templates/<app>/email/<name>_message.html

:func:`mail_send` renders all three and sends one message with a plain-text
body and an HTML alternative. Call it from a task (``<app>/tasks.py``) that a
service enqueues in ``transaction.on_commit``, never inside a transaction.
"""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from core.site_url import site_url


def mail_render(template_prefix: str, context: dict) -> tuple[str, str, str]:
    """Return ``(subject, text, html)`` for ``template_prefix`` and ``context``."""
    context = {"site_url": site_url(""), **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    subject = " ".join(subject.split())  # one line, whatever the template did
    text = render_to_string(f"{template_prefix}_message.txt", context)
    html = render_to_string(f"{template_prefix}_message.html", context)
    return subject, text, html


def mail_send(template_prefix: str, *, to: list[str], context: dict) -> None:
    """Send the email ``template_prefix`` to ``to`` (text part plus HTML part)."""
    subject, text, html = mail_render(template_prefix, context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    message.attach_alternative(html, "text/html")
    message.send()
