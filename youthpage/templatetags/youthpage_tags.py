"""The youth's page section on the network page: the link (create, renew, revoke) and what I show the youth."""

from django import template

from networks.models import Membership
from youthpage.forms import LinkForm, ShareForm
from youthpage.models import YouthContactShare
from youthpage.services import current_link

register = template.Library()


@register.inclusion_tag("youthpage/_network_section_body.html", takes_context=True)
def youthpage_network_section(context, network, user):
    """Only for members of the network: the page that includes this section already checked access.

    Two queries: the current link, and what I show the youth (my membership comes from the
    page's own list of members when it has one).
    """
    members = context.get("members")
    if members is None:
        members = Membership.objects.active().filter(network=network).select_related("supporter")
    mine = next((m for m in members if m.supporter.user_id == user.pk), None)
    share = YouthContactShare.objects.filter(membership=mine).first() if mine is not None else None
    return {
        "network": network,
        "csrf_token": context.get("csrf_token"),
        "link": current_link(network),
        "may_manage": (mine is not None or network.is_led_by(user)) and not network.is_closed,
        "link_form": LinkForm(),
        "membership": mine,
        "share_form": ShareForm(
            initial={
                "show_phone": share.show_phone if share else False,
                "show_email": share.show_email if share else False,
                "show_last_name": share.show_last_name if share else False,
            }
        ),
    }
