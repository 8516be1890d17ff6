from django.core.paginator import Paginator
from django.db import connection
from django.db.utils import Error as DatabaseError
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Page

from core.resilient_cache import cache_state


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 while the database answers, else 503.

    ``cache`` is ``"unavailable"`` while Redis cannot be reached: pages still
    serve (slower, every cache read a miss), so the answer stays 200, with
    ``status`` ``"degraded"`` for the monitoring to alert on.
    """
    cache = cache_state()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse(
            {"status": "error", "database": "unreachable", "cache": cache}, status=503
        )
    status = "ok" if cache == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})


@require_GET
def search(request):
    """Search public page titles and summaries.

    Page types index only what a visitor may read (titles, summaries,
    descriptions); lesson bodies are never indexed, so results cannot leak them.
    """
    # A NUL character is no search (PostgreSQL refuses it in text): drop it.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "core/search.html", {"search_query": query, "results": page}
    )
