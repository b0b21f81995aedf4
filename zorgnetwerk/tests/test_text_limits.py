"""Every text a user can type has a limit: in the model, in every form, and before a PDF is drawn.

Issue 13: a 2.4 MB plan field made its PDF take 99 s. How these tests were checked: removing
`max_length` from ActionPlan.question_for_help fails the first and the third test; removing the
`PDF_HTML_MAX_CHARS` check in zorgnetwerk.pdf.html_to_pdf fails the last two.
"""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _

from actionplans.models import ActionPlan
from zorgnetwerk.limits import TEXT_LONG
from zorgnetwerk.pdf import PDF_HTML_MAX_CHARS, PDFTooLarge, html_to_pdf

PROJECT_APPS = ("networks", "youths", "actionplans", "handovers", "adviesgroep")
# Fields whose value is never stored or shown as text: a password or a one-time code.
NOT_TEXT = {"password", "password1", "password2", "old_password", "new_password1", "new_password2", "token"}


def project_models():
    return [model for model in apps.get_models() if model._meta.app_label in PROJECT_APPS]


def project_form_classes():
    seen = set()
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".tests" in info.name or ".migrations" in info.name or ".management" in info.name:
                continue
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__ and cls not in seen:
                    seen.add(cls)
                    yield cls


def test_every_free_text_field_of_every_model_has_a_maximum_length():
    missing = [
        f"{model._meta.label}.{field.name}"
        for model in project_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and not field.max_length
    ]
    assert missing == []


def test_every_text_field_of_every_form_has_a_maximum_length():
    form_classes = list(project_form_classes())
    assert len(form_classes) > 20, "the forms of the project were not found"
    missing = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in form_classes
        for name, field in cls.base_fields.items()
        if type(field) is forms.CharField and name not in NOT_TEXT and not field.max_length
    ]
    assert missing == []


@pytest.mark.django_db
def test_a_plan_field_of_two_megabytes_is_refused_with_a_message_and_nothing_changes(client, coach, network):
    plan = ActionPlan.objects.create(network=network, question_for_help="Hulp bij school")
    client.force_login(coach)
    url = reverse("actionplans:plan_update", args=[network.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["question_for_help"] = "x" * 2_400_000
    response = client.post(url, data)
    assert response.status_code == 200
    assert "question_for_help" in response.context["form"].errors
    plan.refresh_from_db()
    assert plan.question_for_help == "Hulp bij school"


def test_a_document_over_the_size_guard_is_refused_before_it_is_drawn():
    with pytest.raises(PDFTooLarge):
        html_to_pdf("<p>" + "x" * (PDF_HTML_MAX_CHARS + 1) + "</p>")


def test_the_longest_text_a_field_allows_still_prints():
    assert html_to_pdf("<p>" + "woord " * (TEXT_LONG // 6) + "</p>").startswith(b"%PDF")


@pytest.mark.django_db
def test_a_plan_too_long_to_print_sends_the_coach_back_with_a_message(client, coach, network, monkeypatch):
    monkeypatch.setattr("zorgnetwerk.pdf.PDF_HTML_MAX_CHARS", 1000)
    ActionPlan.objects.create(network=network, question_for_help="Hulp bij school")
    client.force_login(coach)
    plan_page = reverse("actionplans:plan_detail", args=[network.pk])
    response = client.get(reverse("actionplans:plan_pdf", args=[network.pk]), HTTP_REFERER=plan_page, follow=True)
    assert response.redirect_chain == [(plan_page, 302)]
    assert _("This document is too long to print. Shorten the longest texts in it and try again.") in [
        str(m) for m in response.context["messages"]
    ]
