"""Every model-choice field of every form of the project refuses an id beyond the integer range as
an invalid choice (2**70 in the signal form was a server error on SQLite), and the
estimated birth year has a clear range.

The forms are found, not listed: every module of the project apps is imported and every Form
and ModelForm class defined there is checked, in its class fields and, where its constructor's
arguments can be given, in the fields its `__init__` adds or replaces.

How these tests were shown to fail: with `_pk_out_of_range` returning False, the
multiple-choice field tests and the posts of 2**70 as a signal category fail (OverflowError on
SQLite; a single id is already answered by Django's own IntegerFieldOverflow lookup, so those
tests stay green and guard the behaviour); with `forms.ModelChoiceField` back in
`InboxFilterForm` or the `formfield_callback` taken out of `SignalForm.Meta`, the walk names that
field; without `clean_birth_year_estimated` the year 10000 is a server error, and without the
guard in `Youth.clean()` it is one in Django admin.
"""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import zorgnetwerk.forms as safe
from actionplans.models import Barrier, BarrierCategory
from actionplans.tests.factories import ReferralFactory
from adviesgroep.models import Signal
from adviesgroep.tests.factories import AdviceFactory, BarrierCategoryFactory, BarrierFactory, SignalFactory
from youths.models import Youth

PROJECT_APPS = ("youths", "networks", "actionplans", "handovers", "adviesgroep", "zorgnetwerk")
SKIPPED_PACKAGES = (".tests", ".migrations", ".management")
HUGE = [str(2**70), str(-(2**70)), str(2**63)]


def project_form_classes() -> list[type[forms.BaseForm]]:
    """Every Form and ModelForm class defined in a module of the project apps."""
    found = set()
    for label in PROJECT_APPS:
        package = importlib.import_module(label)
        for module_info in pkgutil.walk_packages(package.__path__, prefix=f"{label}."):
            if any(part in module_info.name for part in SKIPPED_PACKAGES):
                continue
            module = importlib.import_module(module_info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, forms.BaseForm) and value.__module__.split(".")[0] in PROJECT_APPS:
                    found.add(value)
    return sorted(found, key=lambda form_class: f"{form_class.__module__}.{form_class.__qualname__}")


def unsafe_fields(fields: dict) -> list[str]:
    problems = []
    for name, field in fields.items():
        if isinstance(field, forms.ModelMultipleChoiceField):
            if not isinstance(field, safe.ModelMultipleChoiceField):
                problems.append(f"{name}: {type(field).__name__}")
        elif isinstance(field, forms.ModelChoiceField) and not isinstance(field, safe.ModelChoiceField):
            problems.append(f"{name}: {type(field).__name__}")
    return problems


def test_the_walk_finds_the_forms_of_every_app():
    modules = {form_class.__module__ for form_class in project_form_classes()}
    for expected in ("actionplans.forms", "adviesgroep.forms", "networks.forms", "handovers.forms"):
        assert expected in modules
    assert len(project_form_classes()) >= 25


def test_every_model_choice_field_declared_by_a_form_of_the_project_is_the_safe_one():
    problems = {
        f"{form_class.__module__}.{form_class.__qualname__}": unsafe_fields(form_class.base_fields)
        for form_class in project_form_classes()
    }
    assert {form: fields for form, fields in problems.items() if fields} == {}


def test_every_model_choice_field_a_form_sets_up_in_its_constructor_is_the_safe_one(network, coach):
    request = RequestFactory().post("/")
    request.user = coach
    arguments = {
        "network": network,
        "user": coach,
        "youth": network.youth,
        "referral": ReferralFactory(plan__network=network),
        "signal": SignalFactory(network=network),
        "advice": AdviceFactory(signal=SignalFactory(network=network)),
        "reason_required": True,
        "answer": "Sara van school, mijn voogd Jan",
        "request": request,
    }
    problems, built, not_built = {}, [], []
    for form_class in project_form_classes():
        parameters = inspect.signature(form_class.__init__).parameters
        wanted = [name for name, p in parameters.items() if p.kind is p.KEYWORD_ONLY and p.default is p.empty]
        if any(name not in arguments for name in wanted):
            not_built.append(form_class.__qualname__)
            continue
        kwargs = {name: arguments[name] for name in wanted}
        if issubclass(form_class, forms.ModelForm) and form_class.__name__ == "NetworkForm":
            kwargs["instance"] = network
        form = form_class(**kwargs)
        built.append(form_class.__qualname__)
        fields = unsafe_fields(form.fields)
        if fields:
            problems[f"{form_class.__module__}.{form_class.__qualname__}"] = fields
    assert problems == {}
    assert not_built == [], "give these forms' constructor arguments to the test"
    assert len(built) >= 25


# --- the fields themselves ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", HUGE)
def test_the_safe_field_calls_an_id_beyond_the_integer_range_an_invalid_choice(db, value):
    field = safe.ModelChoiceField(queryset=BarrierCategory.objects.all())
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    assert refused.value.code == "invalid_choice"


@pytest.mark.parametrize("value", HUGE)
def test_the_safe_multiple_field_calls_an_id_beyond_the_integer_range_an_invalid_choice(db, value):
    category = BarrierCategoryFactory()
    field = safe.ModelMultipleChoiceField(queryset=BarrierCategory.objects.all())
    with pytest.raises(ValidationError) as refused:
        field.clean([str(category.pk), value])
    assert refused.value.code == "invalid_choice"


def test_the_safe_fields_still_accept_a_real_choice_and_refuse_an_unknown_one(db):
    category = BarrierCategoryFactory()
    assert safe.ModelChoiceField(queryset=BarrierCategory.objects.all()).clean(str(category.pk)) == category
    multiple = safe.ModelMultipleChoiceField(queryset=BarrierCategory.objects.all())
    assert list(multiple.clean([str(category.pk)])) == [category]
    for value in (str(2**63 - 1), "-1", "abc", "1e308"):
        with pytest.raises(ValidationError):
            safe.ModelChoiceField(queryset=BarrierCategory.objects.all()).clean(value)
        with pytest.raises(ValidationError):
            multiple.clean([value])


# --- posted to the pages ------------------------------------------------------------------------------


def _signal_data(category, **overrides):
    return {
        "kind": "question",
        "theme": "school",
        "question": "Hoe vinden we een stageplaats?",
        "case_summary": "Een jongere van 17 zoekt een stage.",
        "categories": [str(category.pk)],
        **overrides,
    }


@pytest.mark.parametrize("value", [str(2**70), str(-(2**70))])
@pytest.mark.parametrize("field", ["categories", "source_barrier"])
def test_a_huge_id_in_the_signal_form_is_an_invalid_choice_and_stores_nothing(coach_client, network, field, value):
    category = BarrierCategoryFactory()
    url = reverse("adviesgroep:signal_create", kwargs={"network_pk": network.pk})
    posted = [str(category.pk), value] if field == "categories" else value
    response = coach_client.post(url, _signal_data(category, **{field: posted}))
    assert response.status_code == 200
    assert response.context["form"].has_error(field, "invalid_choice")
    assert not Signal.objects.exists()


@pytest.mark.parametrize("value", [str(2**70), str(-(2**70))])
def test_a_huge_id_in_the_barrier_form_is_an_invalid_choice_and_stores_nothing(coach_client, network, value):
    BarrierFactory(plan__network=network)  # the plan exists; the new barrier must not
    before = Barrier.objects.count()
    response = coach_client.post(
        reverse("actionplans:barrier_create", kwargs={"network_pk": network.pk}),
        {"category": value, "description": "Geen stageplaats", "helper": value},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("category", "invalid_choice")
    assert response.context["form"].has_error("helper", "invalid_choice")
    assert Barrier.objects.count() == before


# --- the estimated year of birth ----------------------------------------------------------------------


@pytest.mark.parametrize("year", ["10000", "1899", str(timezone.localdate().year + 1)])
def test_an_estimated_birth_year_out_of_range_gets_a_clear_message(coach_client, year):
    from youths.tests.test_youth_forms import youth_data

    response = coach_client.post(reverse("youths:youth_create"), youth_data(birth_date="", birth_year_estimated=year))
    assert response.status_code == 200
    message = _("Give a year between %(first)d and %(last)d.") % {"first": 1900, "last": timezone.localdate().year}
    assert response.context["form"].errors["birth_year_estimated"] == [message]
    assert not Youth.objects.exists()


def test_django_admin_refuses_an_estimated_birth_year_of_10000_without_a_server_error(admin_client):
    response = admin_client.post(
        reverse("admin:youths_youth_add"),
        {
            "first_name": "Nour",
            "last_name": "Haidari",
            "birth_year_estimated": "10000",
            "intakes-TOTAL_FORMS": "0",
            "intakes-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("birth_year_estimated")
    assert not Youth.objects.exists()
