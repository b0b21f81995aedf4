"""A URL that names a record only by a `<model>_pk` kwarg, after a path word nobody registered."""

from django.http import HttpResponse
from django.urls import include, path


def probe(request, membership_pk):
    return HttpResponse("ok")


urlpatterns = [
    path("", include(([path("dingen/<int:membership_pk>/", probe, name="thing_detail")], "probe"))),
]
