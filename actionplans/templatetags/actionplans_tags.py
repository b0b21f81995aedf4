from django import template

from actionplans import selectors
from networks.models import CareNetwork

register = template.Library()


@register.simple_tag
def plan_summary(network):
    """Open and overdue actions, waiting referrals and the next round table of one network."""
    return selectors.plan_summary(network)


@register.simple_tag
def youth_plan_networks(youth, user):
    """The youth's networks the user may see, newest first (normally one open network)."""
    return list(CareNetwork.objects.visible_to(user).filter(youth=youth).order_by("-created_at")[:3])
