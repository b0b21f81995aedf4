"""Demo data for Ghent: organisations, people and logins. Every person here is fictional.

Each app adds its own part of the demo in its own `demo.py`; `seed_demo` calls them in the
order of the playbook. Every function is idempotent: running the command twice changes nothing.
"""

from django.contrib.auth.models import Group

from accounts.choices import Sector
from accounts.models import Organisation, User
from networks.models import Supporter

DEMO_PASSWORD = "zorgnetwerk-demo"

ORGANISATIONS = [
    ("Atheneum Gent-Zuid (OKAN)", Sector.EDUCATION, "Voskenslaan 1, 9000 Gent"),
    ("Sint-Lievenscollege (vervolgschool)", Sector.EDUCATION, "Kunstlaan 2, 9000 Gent"),
    ("CLB Gent", Sector.EDUCATION, "Sint-Pietersnieuwstraat 3, 9000 Gent"),
    ("Opvanglocatie Rode Kruis Gent", Sector.HOUSING, "Lange Violettestraat 4, 9000 Gent"),
    ("Minor Ndako Gent", Sector.WELFARE, "Kortrijksesteenweg 5, 9000 Gent"),
    ("Pleegzorg Oost-Vlaanderen", Sector.WELFARE, "Sint-Denijslaan 6, 9000 Gent"),
    ("CAW Oost-Vlaanderen", Sector.WELFARE, "Visserij 7, 9000 Gent"),
    ("VDAB Gent", Sector.WORK, "Kongostraat 8, 9000 Gent"),
    ("Jobteam Gent", Sector.WORK, "Sint-Salvatorstraat 9, 9000 Gent"),
    ("JES Gent", Sector.LEISURE, "Nederkouter 10, 9000 Gent"),
    ("Dienst Voogdij", Sector.GUARDIANSHIP, "Waterloolaan 11, 1000 Brussel"),
    ("Agentschap Integratie en Inburgering", Sector.INTEGRATION, "Bisdomkaai 12, 9000 Gent"),
]

# (e-mail, first name, last name, function, organisation); all fictional.
PEOPLE = [
    ("sara@okan.demo", "Sara", "Vermeulen", "OKAN-coach", "Atheneum Gent-Zuid (OKAN)"),
    ("tom@sintlieven.demo", "Tom", "Wouters", "Vervolgschoolcoach", "Sint-Lievenscollege (vervolgschool)"),
    ("ines@clb.demo", "Ines", "Maes", "CLB-medewerker", "CLB Gent"),
    ("youssef@rodekruis.demo", "Youssef", "Benali", "Woonbegeleider", "Opvanglocatie Rode Kruis Gent"),
    ("nina@minorndako.demo", "Nina", "Janssens", "Begeleider", "Minor Ndako Gent"),
    ("eva@pleegzorg.demo", "Eva", "Goossens", "Pleegzorgbegeleider", "Pleegzorg Oost-Vlaanderen"),
    ("pieter@caw.demo", "Pieter", "Desmet", "Maatschappelijk assistent", "CAW Oost-Vlaanderen"),
    ("karim@vdab.demo", "Karim", "El Idrissi", "VDAB-bemiddelaar", "VDAB Gent"),
    ("lore@jobteam.demo", "Lore", "Van Damme", "Jobcoach", "Jobteam Gent"),
    ("bram@jes.demo", "Bram", "De Clercq", "Jeugdwerker", "JES Gent"),
    ("jan@voogdij.demo", "Jan", "De Smet", "Voogd", "Dienst Voogdij"),
    ("fatima@voogdij.demo", "Fatima", "Azizi", "Voogd", "Dienst Voogdij"),
]

ADVISORY = [("marie@adviesgroep.demo", "Marie", "Peeters"), ("luc@adviesgroep.demo", "Luc", "Verstraete")]
ADMIN = ("admin@zorgnetwerk.demo", "Admin", "Zorgnetwerk")
# The privacy officer who answers a youth's request for their data (DESIGN.md: export).
PRIVACY_OFFICER = ("privacy@zorgnetwerk.demo", "Petra", "De Wilde")
PRIVACY_OFFICERS_GROUP = "Privacy officers"  # made by youths/migrations/0005_privacy_officers_group.py


def _user(email, first_name, last_name, **fields) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **fields}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def seed_organisations_and_people(stdout=None) -> dict:
    organisations = {}
    for name, sector, address in ORGANISATIONS:
        organisations[name], _ = Organisation.objects.get_or_create(
            name=name, defaults={"sector": sector, "address": address}
        )
    supporters = {}
    for email, first_name, last_name, function, org_name in PEOPLE:
        user = _user(email, first_name, last_name, organisation=organisations[org_name])
        supporters[email], _ = Supporter.objects.get_or_create(
            user=user,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "function": function,
                "organisation": organisations[org_name],
                "email": email,
                "phone": "09 000 00 00",
            },
        )
    for email, first_name, last_name in ADVISORY:
        _user(email, first_name, last_name, is_advisory=True)
    admin = _user(ADMIN[0], ADMIN[1], ADMIN[2], is_staff=True, is_superuser=True)
    officer = _user(*PRIVACY_OFFICER)
    officer.groups.add(Group.objects.get(name=PRIVACY_OFFICERS_GROUP))
    return {"organisations": organisations, "supporters": supporters, "admin": admin}


def demo_logins() -> list[tuple[str, str]]:
    rows = [(email, f"{function}, {org}") for email, _, _, function, org in PEOPLE]
    rows += [(email, "Adviesgroep") for email, _, _ in ADVISORY]
    rows.append((PRIVACY_OFFICER[0], "Privacyverantwoordelijke (export op /export/jongeren/)"))
    rows.append((ADMIN[0], "Admin (Django admin op /admin/)"))
    return rows


def seed_organisation_proposals(context: dict) -> None:
    """Two proposals an admin sees in `make run`: Groep Intro, pending approval, and "CAW Gent",
    not approved because the CAW is in the app already (the reason is on Yonas's timeline)."""
    from accounts.models import User
    from networks.choices import MemberRole
    from networks.services import organisation_proposal_reject, organisation_propose

    networks = context.get("networks") or {}
    network = networks.get("Yonas") or next(iter(networks.values()), None)
    if network is None or Organisation.objects.filter(name="Groep Intro Gent").exists():
        return
    organisation_propose(
        network=network,
        by=context["supporters"]["sara@okan.demo"].user,
        name="Groep Intro Gent",
        sector=Sector.WORK,
        contact_first_name="Nadia",
        contact_last_name="Bouzid",
        contact_email="nadia@groepintro.demo",
        contact_role=MemberRole.JOB_COACH,
        share_consent=True,
    )
    admin = User.objects.filter(email=ADMIN[0]).first()
    if admin is None:
        return
    duplicate = organisation_propose(
        network=network,
        by=context["supporters"]["sara@okan.demo"].user,
        name="CAW Gent",
        sector=Sector.WELFARE,
        contact_first_name="Pieter",
        contact_last_name="Desmet",
        contact_email="pieter.desmet@caw-gent.demo",
        contact_role=MemberRole.SOCIAL_WORKER,
    )
    organisation_proposal_reject(
        proposal=duplicate,
        by=admin,
        reason="Staat al in de app als CAW Oost-Vlaanderen: voeg Pieter Desmet toe als lid van die organisatie.",
    )
