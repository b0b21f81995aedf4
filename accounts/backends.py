"""Authentication backends of our own."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for every login that comes through a request.

    Our login page always passes the request. A call without one (``Client.login`` in tests,
    a management command) cannot be counted per client, so it is left to the next backend
    instead of raising; it never logs anyone in by itself.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
