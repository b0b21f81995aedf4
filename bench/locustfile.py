"""Load for one page at a fixed request rate, from a second process on loopback (run by bench/run.py).

Environment: BENCH_PATH (the page), BENCH_COOKIE ("name=value" of a logged-in session),
BENCH_USER_RATE (requests per second per simulated user), BENCH_SAMPLES (where to write every
response time in ms and whether it succeeded, as JSON, for exact percentiles).
"""

import json
import os

from locust import FastHttpUser, constant_throughput, events, task

PATH = os.environ.get("BENCH_PATH", "/health/")
COOKIE = os.environ.get("BENCH_COOKIE", "")
SAMPLES: list[tuple[float, bool]] = []


@events.request.add_listener
def _record(response_time, exception, **kwargs):
    SAMPLES.append((response_time, exception is None))


@events.quitting.add_listener
def _write(**kwargs):
    target = os.environ.get("BENCH_SAMPLES")
    if target:
        with open(target, "w") as handle:
            json.dump(SAMPLES, handle)


class PageUser(FastHttpUser):
    wait_time = constant_throughput(float(os.environ.get("BENCH_USER_RATE", "1")))

    @task
    def page(self):
        headers = {"Cookie": COOKIE} if COOKIE else {}
        with self.client.get(PATH, headers=headers, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
