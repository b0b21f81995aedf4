"""seed_demo gives two youths a link (one in Dari) and prints the links and codes near the logins."""

import re

import pytest
from django.core.management import call_command

from youthpage.models import YouthLink


@pytest.fixture
def seeded(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    return capsys.readouterr().out


def test_seed_demo_prints_two_youth_links_with_their_codes_one_in_dari(seeded):
    lines = re.findall(r"^  (\w+) \((\w+)\): (\S+/j/\S+/)  code (\d+)$", seeded, re.MULTILINE)
    assert {(name, language) for name, language, _url, _code in lines} == {("Yonas", "ti"), ("Farida", "prs")}
    assert seeded.index("/j/") < seeded.index("Demo logins")  # the logins come last
    assert YouthLink.objects.current().count() == 2


def test_the_printed_link_and_code_open_faridas_page_in_dari(seeded, client):
    url, code = re.search(r"Farida \(prs\): \S+?(/j/\S+/)  code (\d+)", seeded).groups()
    client.post(url, {"code": code})
    body = client.get(url).content.decode()
    assert "Farida" in body and 'dir="rtl"' in body and "آدم‌های من" in body


def test_seed_demo_twice_keeps_the_same_links(seeded, settings, capsys):
    call_command("seed_demo")
    again = capsys.readouterr().out
    assert re.findall(r"/j/\S+/  code \d+", again) == re.findall(r"/j/\S+/  code \d+", seeded)
    assert YouthLink.objects.count() == 2
