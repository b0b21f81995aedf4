"""What the pages of the round table, the plan and the follow-up share: the form page and the way back."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from networks.models import CareNetwork

GET_POST = require_http_methods(["GET", "POST"])


def networks_queryset():
    """Networks with the youth, the lead and the next contact that every page shows."""
    return CareNetwork.objects.select_related("youth", "lead__supporter", "next_contact_by__supporter")


def plan_url(network_or_pk, anchor: str = "") -> str:
    """The plan page, at the section the change was made in."""
    pk = getattr(network_or_pk, "pk", network_or_pk)
    return reverse("actionplans:plan_detail", args=[pk]) + (f"#{anchor}" if anchor else "")


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(
    request: HttpRequest,
    *,
    form,
    network: CareNetwork,
    title: str,
    on_valid: Callable,
    back_url: str,
    intro: str = "",
    submit_label: str = "",
    danger: bool = False,
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service, a refused one keeps the input."""
    if request.method == "POST":
        network.require_open()
        if form.is_valid():
            try:
                message = on_valid(form)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, message)
                return redirect(back_url)
    return render(
        request,
        "actionplans/form_page.html",
        {
            "form": form,
            "network": network,
            "youth": network.youth,
            "title": title,
            "intro": intro,
            "back_url": back_url,
            "submit_label": submit_label or _("Save"),
            "danger": danger,
        },
    )


def form_data(request):
    """The submitted data on a POST; None on a GET, so the form starts unbound."""
    return request.POST if request.method == "POST" else None
