from django.contrib import messages
from django.shortcuts import redirect

from networks.models import NetworkClosed


class NetworkClosedMiddleware:
    """A change to a closed network is refused with a clear message, not an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NetworkClosed):
            messages.error(request, str(exception))
            return redirect("networks:network_detail", network_pk=exception.network.pk)
        return None
