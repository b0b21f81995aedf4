"""Every URL names its records by `<name>_pk`, a name the audit trail knows.

The audit trail finds the records a page shows from these kwargs alone (audit.registry.url_objects),
so a new URL with a bare `pk`, an `_id` or an unregistered name would be read without a trace.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver

from audit import registry

# Kwargs that name no record: Django's password reset link.
NOT_RECORDS = {"uidb64", "token"}


def routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def kwargs_of(route: str) -> list[str]:
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


def test_every_url_kwarg_is_a_registered_name_with_pk():
    ours = [route for route in routes() if not route.startswith(("admin/", "^admin/"))]
    assert any("network_pk" in route for route in ours)
    wrong = {
        (route, kwarg)
        for route in ours
        for kwarg in kwargs_of(route)
        if kwarg not in NOT_RECORDS and not (kwarg.endswith("_pk") and registry.url_objects(route, "", {kwarg: "1"}))
    }
    assert not wrong, f"Name records as <registered name>_pk: {sorted(wrong)}"
