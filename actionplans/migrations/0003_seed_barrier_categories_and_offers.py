"""Seed the barrier categories and the offer catalogue from the playbook (the admin keeps them after)."""

from django.db import migrations

# (slug, name): the barriers the playbook and the Ghent trajectory met most often.
BARRIER_CATEGORIES = [
    ("language", "Taal"),
    ("documents-residence", "Documenten en verblijf"),
    ("money-groeipakket", "Geld en Groeipakket"),
    ("access-training", "Toegang tot een opleiding of traject (bv. NAFT, OKAN-regels)"),
    ("entry-tests", "Instaptesten"),
    ("distance-transport", "Afstand en vervoer"),
    ("sleep-trauma", "Slaap en trauma"),
    ("housing", "Huisvesting"),
    ("age-limit-18", "Leeftijdsgrens van 18 jaar"),
    ("prejudice-school", "Vooroordelen op school"),
    ("other", "Andere"),
]

# (name, organisation, for whom, min age, max age)
OFFERS = [
    (
        "Intensieve dienstverlening voor anderstaligen",
        "VDAB",
        "Anderstaligen met een grote afstand tot werk: toeleiding naar werk of een VDAB-opleiding.",
        None,
        None,
    ),
    ("Jobteam", "Jobteam Gent", "Jongeren vanaf 18 jaar op zoek naar werk of een opleiding.", 18, None),
    ("NAFT", "JES / Groep Intro", "Naadloze flexibele trajecten voor jongeren die dreigen uit te vallen op school.", None, None),
    ("POWER", "JES", "Traject voor jongeren rond school, werk en vrije tijd.", None, None),
    ("MindSpring", "MindSpring", "Psycho-educatie voor nieuwkomers, in de eigen taal.", None, None),
    ("Onthaal en begeleiding", "CAW Oost-Vlaanderen", "Vragen over welzijn, wonen, geld en administratie.", None, None),
    ("Compaan", "Etappe 9000", "Begeleiding naar werk voor jongeren.", None, None),
    (
        "Sociaal Tolken en Vertalen",
        "Agentschap Integratie en Inburgering",
        "Een tolk voor gesprekken met de jongere of de familie.",
        None,
        None,
    ),
]


def seed(apps, schema_editor):
    BarrierCategory = apps.get_model("actionplans", "BarrierCategory")
    Offer = apps.get_model("actionplans", "Offer")
    for order, (slug, name) in enumerate(BARRIER_CATEGORIES, start=1):
        BarrierCategory.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})
    for name, organisation, for_whom, min_age, max_age in OFFERS:
        Offer.objects.get_or_create(
            name=name,
            defaults={"organisation": organisation, "for_whom": for_whom, "min_age": min_age, "max_age": max_age},
        )


def unseed(apps, schema_editor):
    # Only rows nothing refers to; the admin may have used the others.
    apps.get_model("actionplans", "BarrierCategory").objects.filter(
        slug__in=[slug for slug, _ in BARRIER_CATEGORIES], barriers__isnull=True
    ).delete()
    apps.get_model("actionplans", "Offer").objects.filter(
        name__in=[offer[0] for offer in OFFERS], referrals__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actionplans", "0002_plan_change_flag_reminders_referral_outcome"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
