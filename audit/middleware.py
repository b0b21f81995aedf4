"""Reads of a youth's pages go to the audit trail; no cache keeps a logged-in user's pages."""

from django.utils.cache import add_never_cache_headers

from audit.registry import registration, url_objects
from audit.trail import Action, current, record, scope_of


def audit_target(resolver_match) -> tuple[str, str] | None:
    """The (model name, id) of the youth's record a URL is about; None if it is not about one.

    The last audited object the URL names wins: /networks/3/meetings/7/ is about meeting 7.
    """
    if resolver_match is None or not resolver_match.kwargs or resolver_match.namespace in ("admin", ""):
        return None
    found = url_objects(resolver_match.route, resolver_match.url_name, resolver_match.kwargs)
    for model_name, pk in reversed(found.items()):
        audited = registration(model_name)
        if audited is not None and audited.read_audited:
            return model_name, pk
    return None


class AuditReadMiddleware:
    """Records reads of a youth's pages (after a 200) and refusals (a 404 for a logged-in user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current.set({"request": request})
        try:
            response = self.get_response(request)
            self._record(request, response)
        finally:
            current.reset(token)
        return response

    def _record(self, request, response):
        if getattr(request, "_audit_recorded", False):
            return
        user = getattr(request, "user", None)
        if not getattr(user, "is_authenticated", False):
            return
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            action = Action.READ
        elif response.status_code == 404:
            action = Action.REFUSED
        else:
            return
        match = getattr(request, "resolver_match", None)
        target = audit_target(match)
        if target is None:
            return
        model_name, pk = target
        network_id, youth_id = None, None
        named = url_objects(match.route, match.url_name, match.kwargs)
        if str(named.get("carenetwork", "")).isdigit():
            network_id = int(named["carenetwork"])
        if network_id is None:
            network_id, youth_id = scope_of(model_name, pk)
        record(
            action,
            request=request,
            user=user,
            object_type=model_name,
            object_id=pk,
            network_id=network_id,
            youth_id=youth_id,
        )


class NoStoreMiddleware:
    """No browser or proxy may keep a copy of a page or file shown to a logged-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False) or getattr(request, "_audit_recorded", False):
            add_never_cache_headers(response)
        return response
