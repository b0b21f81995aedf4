from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from networks.models import CareNetwork


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    networks = (
        CareNetwork.objects.visible_to(request.user)
        .open()
        .select_related("youth")
        .order_by("youth__first_name", "youth__last_name")
    )
    return render(request, "networks/dashboard.html", {"networks": networks})
