"""A small fixed-window rate limit for the youth's page (per client address), in Django's cache.

The code gate itself locks a link after five wrong codes; this limit keeps anyone from hammering
the page (guessing tokens, flooding messages). With the default per-process cache each worker
counts on its own; a shared cache (CACHES) makes it one count for all workers.
"""

from django.core.cache import cache

from zorgnetwerk.client_ip import client_ip

WINDOW_SECONDS = 60
PAGE_REQUESTS_PER_WINDOW = 60
POSTS_PER_WINDOW = 15


def rate_limited(request) -> bool:
    """True when this client has made too many requests to the youth's pages in the current window."""
    ip = client_ip(request) or "unknown"
    limit = POSTS_PER_WINDOW if request.method == "POST" else PAGE_REQUESTS_PER_WINDOW
    key = f"youthpage:rate:{request.method}:{ip}"
    if cache.add(key, 1, WINDOW_SECONDS):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, WINDOW_SECONDS)
        return False
    return count > limit
