import sentry_sdk

from zorgnetwerk.errors import init_error_reporting, scrub


def test_sentry_is_told_to_send_no_personal_data(monkeypatch):
    seen = {}
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: seen.update(options))
    init_error_reporting("https://key@sentry.example/1")
    assert seen["send_default_pii"] is False
    assert seen["max_request_body_size"] == "never"
    assert seen["before_send"] is scrub


def test_an_event_keeps_only_the_path_and_the_method():
    event = {
        "request": {
            "url": "https://zorgnetwerk.example/jongeren/12/",
            "method": "POST",
            "query_string": "q=Ahmad",
            "data": {"first_name": "Ahmad"},
            "cookies": {"sessionid": "x"},
        },
        "user": {"email": "sara@okan.demo"},
    }
    assert scrub(event, {}) == {"request": {"url": "https://zorgnetwerk.example/jongeren/12/", "method": "POST"}}
