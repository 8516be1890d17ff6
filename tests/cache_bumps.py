"""On-commit callbacks that only bump cache generations, told apart from the rest.

Caches (outlines, permissions, posts, the page cache) bump their generation
again when a transaction commits; a test that counts the side effects a
request queued (an email, a task) leaves those out.
"""

CACHE_MODULES = {
    "core.generation",
    "accounts.backends",
    "core.page_generation",
    "lessons.discussion.posts_cache",
}


def without_cache_bumps(callbacks) -> list:
    return [c for c in callbacks if c.__module__ not in CACHE_MODULES]
