from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from networks.dashboard import dashboard_panels


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "networks/dashboard.html", {"panels": dashboard_panels(request.user)})
