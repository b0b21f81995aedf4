"""Admins keep every model of the advisory group in Django admin."""

import pytest
from django.urls import reverse

from adviesgroep.tests.factories import AdviceFactory, LessonFactory, PolicyFeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["signal", "advice", "lesson", "policyfeedback"])
def test_the_admin_lists_and_opens_each_model(client, admin_user, signal, model):
    objects = {
        "signal": signal,
        "advice": AdviceFactory(signal=signal),
        "lesson": LessonFactory(source_signal=signal),
        "policyfeedback": PolicyFeedbackFactory(),
    }
    client.force_login(admin_user)
    assert client.get(reverse(f"admin:adviesgroep_{model}_changelist")).status_code == 200
    url = reverse(f"admin:adviesgroep_{model}_change", args=[objects[model].pk])
    assert client.get(url).status_code == 200
