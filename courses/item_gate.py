"""The gate in front of every lesson and quiz (``courses.models.items``).

The access policy decides (``courses.access.item_access``); a refusal shows
the course's call to action, never content; what is let through renders with
the learner's course state: the outline, previous and next.
"""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from courses.access import AccessDecision, Reason, course_state, item_access


def item_refused(request, *, page, decision: AccessDecision):
    """A refused lesson or quiz shows the course's call to action, never content."""
    if decision.reason == Reason.UNPUBLISHED or decision.course is None:
        raise Http404
    response = TemplateResponse(
        request,
        "courses/item_refused.html",
        {"page": page, "course": decision.course, "decision": decision},
        status=403,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def item_serve(page, request, *args, **kwargs):
    """Serve ``page`` if the policy lets ``request.user`` in; editors previewing
    a draft pass. A signed-in learner's page is never stored by a cache."""
    if getattr(request, "is_preview", False):
        return page.serve_item(request, *args, **kwargs)
    decision = item_access(user=request.user, page=page)
    if not decision.allowed:
        return item_refused(request, page=page, decision=decision)
    request.access_decision = decision
    response = page.serve_item(request, *args, **kwargs)
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def item_context(page, request) -> dict:
    """The course, the learner's state in it, the outline, previous and next."""
    decision = getattr(request, "access_decision", None)
    if decision is not None and decision.state is not None:
        state = decision.state
    else:
        state = course_state(user=request.user, course=page.course)
    previous_item, current_item, next_item = state.neighbours(page.pk)
    return {
        "course": state.course,
        "state": state,
        "outline": state.modules,
        "current_item": current_item,
        "previous_item": previous_item,
        "next_item": next_item,
    }
