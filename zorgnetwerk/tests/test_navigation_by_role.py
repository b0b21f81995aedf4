"""Navigation by role: nobody sees a button or menu link that leads to a 404; staff see the admin."""

import re

import pytest
from django.urls import reverse

from actionplans.services.plans import plan_get_or_create
from actionplans.tests.factories import ActionFactory
from adviesgroep.tests.factories import LessonFactory
from youths.tests.helpers import client_for

# Buttons and menu links: <a class="... btn ..." href="..."> and <a class="nav-link ..." href="...">.
LINK = re.compile(r'<a class="([^"]*)"[^>]*?href="(/[^"#]*)')
NOT_FOLLOWED = (".pdf", "/i18n/", "/logout", "/admin/", ".ics", ".csv", "/export")


def buttons_and_menu_links(html: str) -> set[str]:
    found = set()
    for classes, href in LINK.findall(html):
        if ("btn" in classes.split() or "nav-link" in classes.split()) and not any(p in href for p in NOT_FOLLOWED):
            found.add(href.replace("&amp;", "&"))
    return found


@pytest.fixture
def pages(network):
    lesson = LessonFactory()
    return [
        reverse("dashboard"),
        reverse("youths:youth_list"),
        reverse("youths:youth_detail", args=[network.youth.pk]),
        reverse("networks:network_detail", args=[network.pk]),
        reverse("actionplans:plan_detail", args=[network.pk]),
        reverse("adviesgroep:lesson_list"),
        reverse("adviesgroep:lesson_detail", args=[lesson.pk]),
    ]


@pytest.mark.parametrize("persona", ["coach", "guardian", "vdab", "advisor", "staff_user", "admin_user", "outsider"])
def test_no_button_or_menu_link_leads_to_a_404(request, persona, pages):
    client = client_for(request.getfixturevalue(persona))
    problems, checked = [], 0
    for page in pages:
        response = client.get(page)
        if response.status_code != 200:
            continue  # a page this persona may not open shows them nothing to click
        for href in buttons_and_menu_links(response.content.decode()):
            status = client.get(href).status_code
            checked += 1
            if status == 404:
                problems.append(f"{persona} on {page}: {href} answers 404")
    assert checked >= 3  # the menu alone has more
    assert not problems, "\n".join(problems)


def test_the_advisory_group_is_not_offered_to_register_a_youth(advisor):
    page = client_for(advisor).get(reverse("youths:youth_list")).content.decode()
    assert reverse("youths:youth_create") not in page


def test_staff_see_a_link_to_the_admin_and_others_do_not(staff_user, coach):
    assert reverse("admin:index") in client_for(staff_user).get(reverse("dashboard")).content.decode()
    assert 'data-testid="nav-admin"' not in client_for(coach).get(reverse("dashboard")).content.decode()


def test_with_three_open_actions_the_add_action_form_is_not_offered(network, coach):
    plan = plan_get_or_create(network=network)
    ActionFactory.create_batch(3, plan=plan)
    client = client_for(coach)
    url = reverse("actionplans:action_create", args=[network.pk])
    for page in (
        reverse("actionplans:plan_detail", args=[network.pk]),
        reverse("youths:youth_detail", args=[network.youth.pk]),
        reverse("networks:network_detail", args=[network.pk]),
    ):
        assert f'href="{url}"' not in client.get(page).content.decode(), page
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("actionplans:plan_detail", args=[network.pk]) + "#actions"
    assert plan.actions.count() == 3
