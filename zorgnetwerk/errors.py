"""Optional error reporting to Sentry (SENTRY_DSN), without personal data.

No user, cookie or request body leaves the server: `send_default_pii=False` and no request
bodies; the event's request keeps only the path (ids, never names) and the method.
"""


def scrub(event, hint):
    request = event.get("request") or {}
    event["request"] = {key: request[key] for key in ("url", "method") if key in request}
    event.pop("user", None)
    return event


def init_error_reporting(dsn: str, *, environment: str = "production") -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        before_send=scrub,
        traces_sample_rate=0,
    )
