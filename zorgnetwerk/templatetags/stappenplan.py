"""`{% load stappenplan %}`: the six steps of the playbook for the pages under a youth.

The tracker reads every app, so it lives in the top layer; a page in a lower app reaches it through
this template library (Django loads it by name, no import crosses the layers).
"""

from django import template

from networks.models import CareNetwork
from zorgnetwerk.stappenplan import youth_stappenplan as compute

register = template.Library()


@register.simple_tag(takes_context=True)
def youth_stappenplan(context, youth, network, intakes=None, members=None):
    """The youth's six steps; computed once per request for the same network."""
    request = context.get("request")
    if not isinstance(network, CareNetwork):
        # A page about the youth without a network in its context (the first conversation): the
        # youth's newest network the user may see, open ones first.
        user = getattr(request, "user", None)
        networks = (
            list(CareNetwork.objects.visible_to(user).filter(youth=youth).order_by("-created_at")[:5])
            if user is not None
            else []
        )
        network = next((n for n in networks if not n.is_closed), networks[0] if networks else None)
    key = ("stappenplan", youth.pk, getattr(network, "pk", None))
    cache = getattr(request, "_stappenplan_cache", None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    # A variable the page does not have arrives as "": then the tracker loads it itself.
    intakes = intakes if isinstance(intakes, list | tuple) else None
    members = members if isinstance(members, list | tuple) else None
    result = compute(youth=youth, network=network, intakes=intakes, members=members)
    if request is not None:
        if cache is None:
            cache = request._stappenplan_cache = {}
        cache[key] = result
    return result
