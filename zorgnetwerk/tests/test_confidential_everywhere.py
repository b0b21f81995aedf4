"""A confidential note and the residence situation stay where they belong, on every door.

DESIGN.md: "Notes can be marked confidential to my organisation: the rest of the network sees
that a note exists, not its content", and only the guardian and welfare read the residence
situation. Issue 13 found them in the export; this test walks every page the resolver knows
(the permission matrix's world, so a page added tomorrow is walked too), opens every PDF and
ZIP a user can download, and searches the text for them, as each other user of the network and
as users outside it.

How it was checked: letting `Note.readable_by` return True fails the first test on the network
page; printing `youth.get_residence_status_display` in the p.10 PDF fails the second.
"""

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from networks.models import Note
from networks.tests.factories import UserFactory
from youths.models import ResidenceStatus
from zorgnetwerk.tests.test_permission_matrix import World, matrix_routes

NOTE_TEXT = "Vertrouwelijk7319 schuldbemiddeling lopende"
# POST-only URLs that hand out a file (the export); every other URL is read with GET.
DOWNLOADS_BY_POST = {"privacy:youth_export"}


def texts_of(response, *, officer: bool) -> list[str]:
    """The readable text of a response: HTML as it is, PDFs page by page, ZIPs file by file.

    A privacy officer's export holds confidential notes and need-to-know fields in its marked
    `confidential/` folder, for the officer to decide on; everything else in it is searched.
    """
    content = getattr(response, "content", b"") or b"".join(getattr(response, "streaming_content", []))
    return _texts(content, skip_marked=officer)


def _texts(content: bytes, *, skip_marked: bool = False) -> list[str]:
    if content.startswith(b"%PDF"):
        reader = PdfReader(io.BytesIO(content))
        return [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    if content.startswith(b"PK"):
        found = []
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                if not (skip_marked and name.startswith("confidential/")):
                    found.extend(_texts(archive.read(name)))
        return found
    return [content.decode(errors="ignore")]


def everything_seen_by(client, user, world) -> dict[str, list[str]]:
    client.force_login(user)
    officer = user.has_perm("youths.export_youth_data")
    seen = {}
    for name, route, kwarg_names, _callback in matrix_routes():
        url, _types = world.url(name, route, kwarg_names)
        response = client.post(url) if name in DOWNLOADS_BY_POST else client.get(url)
        if response.status_code == 200:
            seen[f"{name} {url}"] = texts_of(response, officer=officer)
    return seen


@pytest.fixture
def staff_user(db):
    return UserFactory(email="staff@zorgnetwerk.example", is_staff=True, is_superuser=False)


@pytest.fixture
def officer(db):
    """A privacy officer of the guardianship service: in the group admins give the export to."""
    from django.contrib.auth.models import Group

    user = UserFactory(email="privacy@voogdij.example")
    user.groups.add(Group.objects.get(name="Privacy officers"))
    return user


@pytest.fixture
def confidential_world(network, coach, guardian, vdab, pending_handover):
    world = World(network, coach, guardian, vdab, pending_handover)
    Note.objects.create(network=network, author=vdab, organisation=vdab.organisation, text=NOTE_TEXT, confidential=True)
    youth = network.youth
    youth.residence_status = ResidenceStatus.NO_DOCUMENTS
    youth.save(update_fields=["residence_status"])
    return world


# (persona, may read the residence situation): everyone but the note's author, Karim of VDAB,
# is searched for the note; only the guardian reads the residence situation.
PERSONAS = [
    ("coach", False),
    ("guardian", True),
    ("vdab", False),
    ("outsider", False),
    ("advisor", False),
    ("staff_user", False),
    ("admin_user", False),
    ("officer", False),
    ("successor", False),
]


@pytest.mark.parametrize(("persona", "reads_residence"), PERSONAS)
def test_no_page_pdf_or_export_shows_what_this_user_may_not_read(
    client, confidential_world, persona, reads_residence, request
):
    user = request.getfixturevalue(persona)
    seen = everything_seen_by(client, user, confidential_world)
    assert seen, "the walk reached no page at all"
    residence = str(ResidenceStatus.NO_DOCUMENTS.label)
    note_leaks = [where for where, texts in seen.items() if any("Vertrouwelijk7319" in text for text in texts)]
    residence_leaks = [where for where, texts in seen.items() if any(residence in text for text in texts)]
    assert note_leaks == [] or persona == "vdab"
    assert residence_leaks == [] or reads_residence


def test_the_author_reads_the_confidential_note_on_the_network_page(client, confidential_world, vdab):
    client.force_login(vdab)
    page = client.get(reverse("networks:network_detail", args=[confidential_world.network.pk]))
    assert NOTE_TEXT in page.content.decode()


def test_the_guardian_reads_the_residence_situation_on_the_dossier(client, confidential_world, guardian):
    client.force_login(guardian)
    page = client.get(reverse("youths:youth_detail", args=[confidential_world.youth.pk]))
    assert str(ResidenceStatus.NO_DOCUMENTS.label) in page.content.decode()
