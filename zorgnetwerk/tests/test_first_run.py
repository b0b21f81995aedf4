"""First run: `make run HOST=…` points e-mail links at that host; seed_demo prints the logins last."""

import re
import subprocess
from pathlib import Path

from django.core.management import call_command

from networks.demo import demo_logins

ROOT = Path(__file__).resolve().parents[2]


def test_make_run_with_a_host_sets_the_site_url_and_allowed_hosts():
    plan = subprocess.run(
        ["make", "-n", "run", "HOST=192.168.1.20:8000"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "SITE_URL=${SITE_URL:-http://192.168.1.20:8000}" in plan
    assert "192.168.1.20" in plan.split("ALLOWED_HOSTS=")[1].split()[0]


def test_seed_demo_prints_the_logins_last_and_no_raw_emails(db, settings, capsys):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "Subject:" not in out and "Content-Type:" not in out
    lines = [line for line in out.splitlines() if line.strip()]
    emails = [email for email, _who in demo_logins()]
    assert [line.split()[0] for line in lines[-len(emails) :]] == emails


def test_the_readme_lists_the_logins_seed_demo_prints():
    readme = (ROOT / "README.md").read_text()
    table = readme.split("| login | who |")[1].split("\n\n")[0]
    assert re.findall(r"^\| `([^`]+)` \|", table, re.M) == [email for email, _who in demo_logins()]
