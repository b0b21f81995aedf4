"""Demo youths in Ghent with their first conversation, consents and care network. All fictional.

Idempotent: a youth is found by first and last name, and its intake, network, members and
consents are only added when missing, so running `seed_demo` twice duplicates nothing.
"""

import datetime

from django.utils import timezone

from accounts.choices import Sector
from networks.choices import Intensity, MemberRole, NetworkStatus, Trust
from networks.models import CareNetwork, Membership, SharingConsent, Supporter
from networks.services import network_add_member
from youths.models import Gender, Housing, Intake, ResidenceStatus, SchoolSituation, Youth
from zorgnetwerk.dates import years_before


def _born(years: int, days: int = 0) -> datetime.date:
    """The birth date of someone who is `years` old plus `days` days today."""
    return years_before(timezone.localdate(), years) - datetime.timedelta(days=days)


# Members: (supporter e-mail or a key of EXTRA_SUPPORTERS, role, trust, continues after 18, joins online)
YOUTHS = [
    {
        "first_name": "Yonas",
        "last_name": "Tesfaye",
        "birth": (16, 120),
        "gender": Gender.MALE,
        "country_of_origin": "Eritrea",
        "languages": "Tigrinya, een beetje Engels",
        "interpreter_language": "Tigrinya",
        "residence_status": ResidenceStatus.ASYLUM_PROCEDURE,
        "school_situation": SchoolSituation.OKAN,
        "school_name": "Atheneum Gent-Zuid",
        "housing": Housing.MINOR_NDAKO,
        "intensity": Intensity.INTENSIVE,
        "needs": "Slaapt slecht, mist zijn familie. Wil sneller Nederlands leren.",
        "strengths": "Goed in wiskunde, helpt anderen in de klas.",
        "members": [
            ("sara@okan.demo", MemberRole.OKAN_COACH, Trust.HIGH, False, False),
            ("jan@voogdij.demo", MemberRole.GUARDIAN, Trust.HIGH, False, False),
            ("nina@minorndako.demo", MemberRole.SOCIAL_WORKER, Trust.SOME, False, False),
            ("karim@vdab.demo", MemberRole.JOB_COACH, Trust.UNKNOWN, True, False),
            ("youssef@rodekruis.demo", MemberRole.HOUSING_COUNSELLOR, Trust.SOME, False, False),
            ("uncle-dawit", MemberRole.FAMILY_MEMBER, Trust.HIGH, True, True),
        ],
    },
    {
        "first_name": "Farida",
        "last_name": "Ahmadi",
        "birth": (17, 300),  # turns 18 in about two months
        "gender": Gender.FEMALE,
        "country_of_origin": "Afghanistan",
        "languages": "Dari, Nederlands",
        "residence_status": ResidenceStatus.RECOGNISED,
        "school_situation": SchoolSituation.SECONDARY,
        "school_name": "Sint-Lievenscollege",
        "study_choice": "Zorg en welzijn",
        "housing": Housing.INDEPENDENT,
        "intensity": Intensity.LIGHT,
        "needs": "Wordt binnenkort 18: wie helpt haar dan met wonen en school?",
        "strengths": "Zelfstandig, sterk in talen.",
        "members": [
            ("tom@sintlieven.demo", MemberRole.SCHOOL_COACH, Trust.HIGH, False, False),
            ("jan@voogdij.demo", MemberRole.GUARDIAN, Trust.SOME, False, False),
            ("pieter@caw.demo", MemberRole.SOCIAL_WORKER, Trust.UNKNOWN, True, False),
            ("lore@jobteam.demo", MemberRole.JOB_COACH, Trust.UNKNOWN, True, False),
        ],
    },
    {
        "first_name": "Mamadou",
        "last_name": "Diallo",
        "birth": (17, 90),
        "gender": Gender.MALE,
        "country_of_origin": "Guinee",
        "languages": "Pular, Frans",
        "interpreter_language": "Pular",
        "residence_status": ResidenceStatus.NO_DOCUMENTS,
        "school_situation": SchoolSituation.NONE,
        "housing": Housing.RECEPTION,
        "intensity": Intensity.INTENSIVE,
        "needs": "Geen papieren en geen schooltraject; zoekt een zinvolle dagbesteding.",
        "strengths": "Voetbalt graag, is een goede kok.",
        "members": [
            ("sara@okan.demo", MemberRole.OKAN_COACH, Trust.SOME, False, False),
            ("jan@voogdij.demo", MemberRole.GUARDIAN, Trust.SOME, False, False),
            ("youssef@rodekruis.demo", MemberRole.HOUSING_COUNSELLOR, Trust.HIGH, False, False),
            ("bram@jes.demo", MemberRole.YOUTH_WORKER, Trust.HIGH, True, False),
            ("pieter@caw.demo", MemberRole.SOCIAL_WORKER, Trust.LOW, True, False),
            ("interpreter-aissatou", MemberRole.INTERPRETER, Trust.UNKNOWN, False, False),
        ],
    },
    {
        "first_name": "Hamid",
        "last_name": "Sultani",
        "birth": (15, 30),
        "gender": Gender.MALE,
        "country_of_origin": "Afghanistan",
        "languages": "Pashto",
        "interpreter_language": "Pashto",
        "residence_status": ResidenceStatus.DURABLE_SOLUTION,
        "school_situation": SchoolSituation.OKAN,
        "school_name": "Atheneum Gent-Zuid",
        "housing": Housing.RECEPTION,
        "intensity": Intensity.LIGHT,
        "needs": "Vaak afwezig op school; weet niet goed wat hij later wil doen.",
        "strengths": "Creatief, tekent graag.",
        "members": [
            ("sara@okan.demo", MemberRole.OKAN_COACH, Trust.SOME, False, False),
            ("fatima@voogdij.demo", MemberRole.GUARDIAN, Trust.HIGH, False, False),
            ("youssef@rodekruis.demo", MemberRole.HOUSING_COUNSELLOR, Trust.UNKNOWN, False, False),
            ("ines@clb.demo", MemberRole.CLB_WORKER, Trust.UNKNOWN, False, False),
        ],
    },
    {
        "first_name": "Amina",
        "last_name": "Yusuf",
        "birth": (16, 10),
        "gender": Gender.FEMALE,
        "country_of_origin": "Somalië",
        "languages": "Somali",
        "interpreter_language": "Somali",
        "residence_status": ResidenceStatus.SUBSIDIARY,
        "school_situation": SchoolSituation.OKAN,
        "school_name": "Atheneum Gent-Zuid",
        "housing": Housing.FOSTER_CARE,
        "intensity": Intensity.LIGHT,
        "status": NetworkStatus.PREPARING,
        "consent": False,  # the first conversation happened; the youth still thinks it over
        "needs": "Wil eerst beter begrijpen wat een netwerk is.",
        "strengths": "Nieuwsgierig, stelt veel vragen.",
        "members": [
            ("sara@okan.demo", MemberRole.OKAN_COACH, Trust.SOME, False, False),
            ("jan@voogdij.demo", MemberRole.GUARDIAN, Trust.UNKNOWN, False, False),
            ("eva@pleegzorg.demo", MemberRole.SOCIAL_WORKER, Trust.HIGH, True, False),
        ],
    },
    {
        "first_name": "Omar",
        "last_name": "Haddad",
        "birth_year_estimated": 17,  # only the year is known
        "gender": Gender.MALE,
        "country_of_origin": "Syrië",
        "languages": "Arabisch, Engels",
        "interpreter_language": "Arabisch",
        "residence_status": ResidenceStatus.RECOGNISED,
        "school_situation": SchoolSituation.SECONDARY,
        "school_name": "Sint-Lievenscollege",
        "study_choice": "Elektriciteit",
        "housing": Housing.MINOR_NDAKO,
        "intensity": Intensity.INTENSIVE,
        "needs": "Wil na school snel werken; twijfelt over zijn studiekeuze.",
        "strengths": "Technisch sterk, betrouwbaar.",
        "members": [
            ("tom@sintlieven.demo", MemberRole.SCHOOL_COACH, Trust.SOME, False, False),
            ("jan@voogdij.demo", MemberRole.GUARDIAN, Trust.HIGH, False, False),
            ("karim@vdab.demo", MemberRole.JOB_COACH, Trust.HIGH, True, False),
            ("nina@minorndako.demo", MemberRole.SOCIAL_WORKER, Trust.SOME, False, False),
        ],
    },
    {
        "first_name": "Tesfay",
        "last_name": "Gebre",
        "birth": (14, 200),
        "gender": Gender.MALE,
        "country_of_origin": "Eritrea",
        "languages": "Tigrinya",
        "interpreter_language": "Tigrinya",
        "residence_status": ResidenceStatus.ASYLUM_PROCEDURE,
        "school_situation": SchoolSituation.OKAN,
        "school_name": "Atheneum Gent-Zuid",
        "housing": Housing.MINOR_NDAKO,
        "intensity": Intensity.LIGHT,
        "needs": "Voelt zich alleen; zoekt vrienden en een hobby.",
        "strengths": "Vriendelijk, loopt graag.",
        "members": [
            ("sara@okan.demo", MemberRole.OKAN_COACH, Trust.HIGH, False, False),
            ("jan@voogdij.demo", MemberRole.GUARDIAN, Trust.SOME, False, False),
            ("nina@minorndako.demo", MemberRole.SOCIAL_WORKER, Trust.HIGH, False, False),
            ("bram@jes.demo", MemberRole.YOUTH_WORKER, Trust.UNKNOWN, False, False),
        ],
    },
    {
        "first_name": "Bilal",
        "last_name": "Nazari",
        "birth": (16, 250),
        "gender": Gender.MALE,
        "country_of_origin": "Afghanistan",
        "languages": "Dari, Nederlands",
        "residence_status": ResidenceStatus.SUBSIDIARY,
        "school_situation": SchoolSituation.SECONDARY,
        "school_name": "Sint-Lievenscollege",
        "study_choice": "Houtbewerking",
        "housing": Housing.RECEPTION,
        "intensity": Intensity.LIGHT,
        "needs": "Zoekt een studentenjob en hulp bij huiswerk.",
        "strengths": "Handig, geduldig.",
        "members": [
            ("tom@sintlieven.demo", MemberRole.SCHOOL_COACH, Trust.HIGH, False, False),
            ("fatima@voogdij.demo", MemberRole.GUARDIAN, Trust.SOME, False, False),
            ("youssef@rodekruis.demo", MemberRole.HOUSING_COUNSELLOR, Trust.SOME, False, False),
            ("lore@jobteam.demo", MemberRole.JOB_COACH, Trust.UNKNOWN, True, False),
            ("sara@okan.demo", MemberRole.OKAN_COACH, Trust.HIGH, False, False),
        ],
    },
]

# Supporters without a login: family abroad (online) and an interpreter. All fictional.
EXTRA_SUPPORTERS = {
    "uncle-dawit": {
        "first_name": "Dawit",
        "last_name": "Tesfaye",
        "function": "Oom (Eritrea)",
        "organisation": None,
        "preferred_language": "Tigrinya",
    },
    "interpreter-aissatou": {
        "first_name": "Aissatou",
        "last_name": "Barry",
        "function": "Sociaal tolk Pular",
        "organisation": "Agentschap Integratie en Inburgering",
    },
}

YOUTH_FIELDS = (
    "gender",
    "country_of_origin",
    "languages",
    "interpreter_language",
    "residence_status",
    "school_situation",
    "school_name",
    "study_choice",
    "housing",
)


def _supporter(key: str, context: dict) -> Supporter:
    if key in context["supporters"]:
        return context["supporters"][key]
    fields = dict(EXTRA_SUPPORTERS[key])
    org_name = fields.pop("organisation")
    organisation = context["organisations"][org_name] if org_name else None
    supporter, _ = Supporter.objects.get_or_create(
        first_name=fields.pop("first_name"),
        last_name=fields.pop("last_name"),
        organisation=organisation,
        defaults=fields,
    )
    return supporter


def _youth(data: dict) -> Youth:
    defaults = {name: data.get(name, "") for name in YOUTH_FIELDS}
    if "birth" in data:
        defaults["birth_date"] = _born(*data["birth"])
    else:
        defaults["birth_year_estimated"] = timezone.localdate().year - data["birth_year_estimated"]
    defaults["arrival_date"] = timezone.localdate() - datetime.timedelta(days=400)
    youth, _ = Youth.objects.get_or_create(
        first_name=data["first_name"], last_name=data["last_name"], defaults=defaults
    )
    return youth


def _intake(youth: Youth, data: dict, lead: Supporter) -> None:
    if youth.intakes.exists():
        return
    consent = data.get("consent", True)
    held_on = timezone.localdate() - datetime.timedelta(days=60)
    Intake.objects.create(
        youth=youth,
        held_on=held_on,
        needs=data["needs"],
        strengths=data["strengths"],
        what_goes_well="Gaat graag naar school en heeft een goede band met de begeleiders.",
        interests="Sport, muziek",
        future_dreams="Een eigen plek en een job die hij of zij graag doet.",
        current_support="Mijn voogd en mijn leerkracht.",
        interpreter_present=bool(data.get("interpreter_language")),
        consent_given=consent,
        consent_date=held_on if consent else None,
        consent_explained_by=f"{lead.full_name} ({lead.function})" if consent else "",
        consent_language=(data.get("interpreter_language") or "Nederlands") if consent else "",
    )


def seed(context: dict) -> None:
    """Add the demo youths, their intake, consents and networks; fills context["networks"]."""
    context.setdefault("networks", {})
    recorder = context["supporters"]["sara@okan.demo"].user
    for data in YOUTHS:
        youth = _youth(data)
        members = [(_supporter(key, context), *rest) for key, *rest in data["members"]]
        lead = members[0][0]
        _intake(youth, data, lead)
        network = CareNetwork.objects.filter(youth=youth).open().first()
        if network is None:
            network = CareNetwork.objects.create(
                youth=youth,
                intensity=data["intensity"],
                status=data.get("status", NetworkStatus.ACTIVE),
                started_on=timezone.localdate() - datetime.timedelta(days=50),
                next_contact_on=timezone.localdate() + datetime.timedelta(days=14),
            )
        for supporter, role, trust, after_18, online in members:
            if supporter.organisation_id:
                SharingConsent.objects.get_or_create(
                    youth=youth,
                    organisation_id=supporter.organisation_id,
                    revoked_on=None,
                    defaults={"recorded_by": recorder, "given_on": timezone.localdate() - datetime.timedelta(days=55)},
                )
            # Only when never a member: a later demo step may have handed this place over.
            if not Membership.objects.filter(network=network, supporter=supporter).exists():
                network_add_member(
                    network=network,
                    supporter=supporter,
                    role=role,
                    youth_trust=trust,
                    continues_after_18=after_18,
                    joins_online=online,
                    sector=Sector.FAMILY if role == MemberRole.FAMILY_MEMBER else "",
                )
        if network.lead_id is None:
            active = Membership.objects.active().filter(network=network)
            network.lead = active.filter(supporter=lead).first()
            network.continuity_figure = active.filter(role=MemberRole.GUARDIAN).first()
            network.next_contact_by = network.lead
            network.save(update_fields=["lead", "continuity_figure", "next_contact_by"])
        context["networks"][youth.first_name] = network
