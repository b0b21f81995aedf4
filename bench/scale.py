"""Synthetic data at the scale of all of Flanders, for the benchmark (`make bench`).

Every person and organisation here is made up ("(fictional)" in organisation names, e-mail
addresses under `scale.example`). Proportions: ~300 organisations, ~10 members
per network, ~3 round tables and a plan with actions (at most 3 open), barriers and referrals
per network, about one signal per five networks, and ~40 audit rows per network.

Rows are written in bulk with ids allocated here, so parents and children can be written
table by table without reading anything back: PostgreSQL's COPY on PostgreSQL, bulk_create
elsewhere (SQLite, for the tests). Guardian rows are written the way
networks.access.network_sync_access would write them (a test checks that).
"""

from __future__ import annotations

import datetime
import io
import json
import math
import random
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.choices import Sector
from accounts.models import Organisation, User
from actionplans.models import (
    Action,
    ActionPlan,
    ActionStatus,
    Barrier,
    BarrierCategory,
    BarrierStatus,
    Domain,
    Evaluation,
    Meeting,
    MeetingStatus,
    Offer,
    PlanVersion,
    QuestionRoute,
    Referral,
    ReferralStatus,
)
from adviesgroep.models import SignalKind, SignalStatus, Theme
from audit.models import AuditEvent
from networks.choices import MemberRole, NetworkStatus, TimelineKind
from networks.models import (
    CareNetwork,
    Membership,
    NetworkGroupObjectPermission,
    NetworkUserObjectPermission,
    Note,
    SharingConsent,
    Supporter,
    TimelineEntry,
)
from youths.models import Gender, Housing, Intake, ResidenceStatus, SchoolSituation, Youth

BENCH_PASSWORD = "scale-bench-not-a-secret"  # noqa: S105 - fictional benchmark users only
COACH_EMAIL = "coach@scale.example"
ADVISOR_EMAIL = "advisor@scale.example"
BIG_ORG_EMAIL = "bigorg@scale.example"
EMAIL_DOMAIN = "scale.example"
ORGANISATION_COUNT = 300
COACH_NETWORK_COUNT = 20
BIG_NETWORK_MEMBERS = 25
MEETINGS_PER_NETWORK = 3
AUDIT_PER_NETWORK = 40
SIGNAL_EVERY = 5

# How the 299 ordinary organisations divide over the sectors (the 300th is the benchmark school).
SECTOR_WEIGHTS = {
    Sector.EDUCATION: 90,
    Sector.WELFARE: 50,
    Sector.HEALTH: 35,
    Sector.HOUSING: 30,
    Sector.WORK: 20,
    Sector.INTEGRATION: 20,
    Sector.LEISURE: 25,
    Sector.GUARDIANSHIP: 15,
    Sector.OTHER: 14,
}

# (role, sector, probability) of the members that a typical network has, besides family.
NETWORK_ROLES = (
    (MemberRole.OKAN_COACH, Sector.EDUCATION, 1.0),
    (MemberRole.GUARDIAN, Sector.GUARDIANSHIP, 1.0),
    (MemberRole.SOCIAL_WORKER, Sector.WELFARE, 1.0),
    (MemberRole.SOCIAL_WORKER, Sector.WELFARE, 0.8),
    (MemberRole.HOUSING_COUNSELLOR, Sector.HOUSING, 1.0),
    (MemberRole.CLB_WORKER, Sector.EDUCATION, 0.8),
    (MemberRole.JOB_COACH, Sector.WORK, 0.8),
    (MemberRole.PSYCHOLOGIST, Sector.HEALTH, 0.6),
    (MemberRole.YOUTH_WORKER, Sector.LEISURE, 0.6),
    (MemberRole.OTHER, Sector.INTEGRATION, 0.5),
    (MemberRole.INTERPRETER, Sector.OTHER, 0.4),
)

FIRST_NAMES = [
    "Ahmad",
    "Bilal",
    "Dawit",
    "Elias",
    "Farid",
    "Hamid",
    "Idris",
    "Jamal",
    "Karim",
    "Lamin",
    "Mahmud",
    "Nasir",
    "Omid",
    "Rahim",
    "Samir",
    "Tariq",
    "Yonas",
    "Zaki",
    "Amina",
    "Fatima",
    "Hawa",
    "Layla",
    "Mariam",
    "Nadia",
    "Rahma",
    "Saba",
    "Yasmin",
    "Zahra",
    "Ali",
    "Hassan",
    "Musa",
    "Abdi",
]
LAST_NAMES = [
    "Ahmadi",
    "Barakzai",
    "Daud",
    "Eritreo",
    "Faizi",
    "Ghani",
    "Haidari",
    "Jalali",
    "Karimi",
    "Mohammadi",
    "Noori",
    "Popal",
    "Rahimi",
    "Safi",
    "Tesfaye",
    "Usmani",
    "Wardak",
    "Yusufzai",
    "Zadran",
    "Habte",
    "Kidane",
    "Tekle",
    "Abdullahi",
    "Warsame",
    "Diallo",
    "Bah",
]
COUNTRIES = ("Afghanistan", "Eritrea", "Syria", "Somalia", "Guinea", "Morocco", "Palestine", "Iraq")
LANGUAGES = ("Dari", "Pashto", "Tigrinya", "Arabic", "Somali", "Fula", "Kurdish")

ROW_BATCH = 50_000


@dataclass(slots=True)
class Member:
    id: int
    supporter_id: int
    organisation_id: int | None
    user_id: int | None
    role: str
    active: bool = True


@dataclass
class NetworkPlan:
    id: int
    youth_id: int
    status: str
    started_on: datetime.date
    members: list[Member] = field(default_factory=list)
    lead: Member | None = None

    @property
    def active_members(self) -> list[Member]:
        return [m for m in self.members if m.active]


@dataclass
class ScaleResult:
    youths: int
    counts: dict[str, int]
    seconds: dict[str, float]
    coach_network_ids: list[int]
    big_network_id: int


class BulkWriter:
    """Writes rows (tuples of column values) with ids the caller allocated."""

    def __init__(self, using: str = "default", log: Callable[[str], None] | None = None):
        self.using = using
        self.connection = connections[using]
        self.is_postgres = self.connection.vendor == "postgresql"
        self.next_id: dict[type[models.Model], int] = {}
        self.counts: dict[str, int] = {}
        self.touched: list[type[models.Model]] = []
        self.log = log or (lambda message: None)

    def ids(self, model: type[models.Model], count: int) -> range:
        if model not in self.next_id:
            current = model._default_manager.using(self.using).aggregate(top=Max("pk"))["top"] or 0
            self.next_id[model] = current + 1
        start = self.next_id[model]
        self.next_id[model] = start + count
        return range(start, start + count)

    def insert(self, model: type[models.Model], columns: list[str], rows: Iterable[tuple]) -> int:
        """Insert rows; columns not given get the field's default (auto_now fields: now)."""
        meta = model._meta
        given = set(columns)
        now = timezone.now()
        extra_columns, extra_values = [], []
        for f in meta.concrete_fields:
            if f.attname in given or f.primary_key:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            elif f.has_default():
                value = f.get_default()
            elif f.null:
                value = None
            else:
                value = f.get_default()
            if isinstance(value, uuid.UUID):
                raise ValueError(f"{meta.label}.{f.name} needs a value per row")
            extra_columns.append(f.attname)
            extra_values.append(value)
        all_columns = list(columns) + extra_columns
        extra = tuple(extra_values)
        if model not in self.touched:
            self.touched.append(model)
        total = 0
        batch: list[tuple] = []
        for row in rows:
            batch.append(row + extra if extra else row)
            if len(batch) >= ROW_BATCH:
                total += self._write(model, all_columns, batch)
                batch = []
        if batch:
            total += self._write(model, all_columns, batch)
        self.counts[meta.label] = self.counts.get(meta.label, 0) + total
        return total

    def _write(self, model, columns, batch) -> int:
        if self.is_postgres:
            buffer = io.StringIO()
            buffer.writelines("\t".join(map(_copy_text, row)) + "\n" for row in batch)
            buffer.seek(0)
            quote = self.connection.ops.quote_name
            sql = "COPY {} ({}) FROM STDIN".format(
                quote(model._meta.db_table), ", ".join(quote(model._meta.get_field(c).column) for c in columns)
            )
            with self.connection.cursor() as cursor:
                cursor.copy_expert(sql, buffer)
        else:
            objects = [model(**dict(zip(columns, row, strict=True))) for row in batch]
            model._default_manager.using(self.using).bulk_create(objects, batch_size=500)
        return len(batch)

    def reset_sequences(self):
        statements = self.connection.ops.sequence_reset_sql(no_style(), self.touched)
        if statements:
            with self.connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    kind = type(value)
    if kind is str:
        return value.translate(_COPY_ESCAPES)
    if kind is bool:
        return "t" if value else "f"
    if kind is int:
        return str(value)
    if kind is dict or kind is list:
        return json.dumps(value).translate(_COPY_ESCAPES)
    return str(value)


class ScaleSeeder:
    def __init__(self, *, youths: int, seed: int = 1, using: str = "default", log=None):
        if youths < COACH_NETWORK_COUNT:
            raise ValueError(f"Use at least {COACH_NETWORK_COUNT} youths.")
        self.n = youths
        self.rng = random.Random(seed)
        self.using = using
        self.log = log or (lambda message: None)
        self.writer = BulkWriter(using, self.log)
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.seconds: dict[str, float] = {}

    # -- helpers ---------------------------------------------------------------------------

    def _phase(self, name: str, function: Callable[[], None]) -> None:
        started = time.perf_counter()
        with transaction.atomic(using=self.using):
            function()
        self.seconds[name] = time.perf_counter() - started
        self.log(f"{name}: {self.seconds[name]:.1f}s")

    def _day(self, back_from: int, back_to: int) -> datetime.date:
        return self.today - datetime.timedelta(days=self.rng.randint(back_from, back_to))

    def _moment(self, day: datetime.date, hour: int = 10) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)

    def _uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> ScaleResult:
        if User.objects.using(self.using).filter(email=COACH_EMAIL).exists():
            raise ValueError("This database already holds scale data; seed a fresh database.")
        self._phase("organisations, supporters, users", self._people)
        self._phase("youths, networks, members, access", self._networks)
        self._phase("intakes, consents, timeline, notes", self._dossiers)
        self._phase("round tables", self._meetings)
        self._phase("plans, actions, barriers, referrals", self._plans)
        self._phase("signals", self._signals)
        self._phase("audit trail", self._audit)
        self.writer.reset_sequences()
        return ScaleResult(
            youths=self.n,
            counts=dict(self.writer.counts),
            seconds=self.seconds,
            coach_network_ids=[network.id for network in self.coach_networks],
            big_network_id=self.big_network.id,
        )

    def _people(self):
        w, rng = self.writer, self.rng
        sectors = [sector for sector, weight in SECTOR_WEIGHTS.items() for _ in range(weight)]
        assert len(sectors) == ORGANISATION_COUNT - 1
        org_ids = list(w.ids(Organisation, ORGANISATION_COUNT))
        group_ids = list(w.ids(Group, ORGANISATION_COUNT))
        names = [f"Scale {sector.label} {index:03d} (fictional)" for index, sector in enumerate(sectors, 1)]
        sectors.append(Sector.EDUCATION)
        names.append("Scale benchmark school (fictional)")
        w.insert(
            Group,
            ["id", "name"],
            ((gid, f"org-{oid}: {name}"[:150]) for gid, oid, name in zip(group_ids, org_ids, names, strict=True)),
        )
        w.insert(
            Organisation,
            ["id", "name", "sector", "group_id", "email"],
            (
                (oid, name, str(sector), gid, f"info{oid}@{EMAIL_DOMAIN}")
                for oid, gid, name, sector in zip(org_ids, group_ids, names, sectors, strict=True)
            ),
        )
        self.org_group = dict(zip(org_ids, group_ids, strict=True))
        self.bench_org_id = org_ids[-1]
        self.orgs_by_sector: dict[str, list[int]] = {}
        for oid, sector in zip(org_ids[:-1], sectors[:-1], strict=True):
            self.orgs_by_sector.setdefault(str(sector), []).append(oid)

        # Organisation supporters: a worker is in ~30 networks; 60% of them log in.
        per_org = max(2, math.ceil(self.n / 4 / (ORGANISATION_COUNT - 1)))
        supporter_rows, user_rows = [], []
        self.org_supporters: dict[int, list[tuple[int, int | None]]] = {}
        sup_ids = iter(w.ids(Supporter, per_org * (ORGANISATION_COUNT - 1) + 1 + self.n + self.n // 10 + 1))
        user_ids = iter(w.ids(User, per_org * (ORGANISATION_COUNT - 1) + 5 + self.n // 100))
        unusable = make_password(None)
        bench_hash = make_password(BENCH_PASSWORD)
        self.sup_ids, self.user_ids = sup_ids, user_ids

        def person(org_id, email=None, login=False, password=unusable):
            sid = next(sup_ids)
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            uid = None
            email = email or f"s{sid}@{EMAIL_DOMAIN}"
            if login:
                uid = next(user_ids)
                user_rows.append((uid, email, first, last, org_id, password, False))
            supporter_rows.append((sid, first, last, "Fictional worker", org_id, email, uid))
            return sid, uid

        for oid in org_ids[:-1]:
            self.org_supporters[oid] = [person(oid, login=rng.random() < 0.6) for _ in range(per_org)]
        self.coach_supporter = person(self.bench_org_id, COACH_EMAIL, login=True, password=bench_hash)
        # Family members (one per youth, no organisation) and volunteer buddies (a few log in).
        self.family = [person(None) for _ in range(self.n)]
        self.buddies = [person(None, login=rng.random() < 0.05) for _ in range(max(1, self.n // 10))]
        for uid, email, first, last, org_id, password, advisory in (
            (next(user_ids), ADVISOR_EMAIL, "Fictional", "Advisor", None, bench_hash, True),
            (next(user_ids), BIG_ORG_EMAIL, "Fictional", "Colleague", org_ids[0], bench_hash, False),
        ):
            user_rows.append((uid, email, first, last, org_id, password, advisory))
        self.advisor_id = user_rows[-2][0]
        w.insert(
            User,
            ["id", "email", "first_name", "last_name", "organisation_id", "password", "is_advisory"],
            user_rows,
        )
        w.insert(
            Supporter,
            ["id", "first_name", "last_name", "function", "organisation_id", "email", "user_id"],
            supporter_rows,
        )
        membership_rows = [(uid, self.org_group[org]) for uid, _, _, _, org, _, _ in user_rows if org]
        through = User.groups.through
        w.insert(
            through,
            ["id", "user_id", "group_id"],
            ((tid, *row) for tid, row in zip(w.ids(through, len(membership_rows)), membership_rows, strict=True)),
        )

    def _networks(self):
        w, rng, n = self.writer, self.rng, self.n
        youth_ids = list(w.ids(Youth, n))

        def youth_rows():
            for yid in youth_ids:
                age_days = rng.randint(14 * 365, 20 * 365)
                yield (
                    yid,
                    rng.choice(FIRST_NAMES),
                    rng.choice(LAST_NAMES),
                    self.today - datetime.timedelta(days=age_days),
                    rng.choice(Gender.values),
                    rng.choice(COUNTRIES),
                    rng.choice(LANGUAGES),
                    rng.choice(LANGUAGES) if rng.random() < 0.4 else "",
                    self._day(200, 1500),
                    rng.choice(ResidenceStatus.values),
                    rng.choice(SchoolSituation.values),
                    "Fictional school",
                    rng.choice(Housing.values),
                )

        w.insert(
            Youth,
            [
                "id",
                "first_name",
                "last_name",
                "birth_date",
                "gender",
                "country_of_origin",
                "languages",
                "interpreter_language",
                "arrival_date",
                "residence_status",
                "school_situation",
                "school_name",
                "housing",
            ],
            youth_rows(),
        )

        network_ids = list(w.ids(CareNetwork, n))
        coach_indexes = {round(i * (n - 1) / (COACH_NETWORK_COUNT - 1)) for i in range(COACH_NETWORK_COUNT)}
        big_index = min(coach_indexes)
        self.networks: list[NetworkPlan] = []
        all_members: list[Member] = []
        for index, (nid, yid) in enumerate(zip(network_ids, youth_ids, strict=True)):
            roll = rng.random()
            status = (
                NetworkStatus.ACTIVE
                if roll < 0.85 or index in coach_indexes
                else NetworkStatus.PREPARING
                if roll < 0.90
                else NetworkStatus.PAUSED
                if roll < 0.95
                else NetworkStatus.CLOSED
            )
            network = NetworkPlan(nid, yid, str(status), self._day(60, 900))
            seen: set[int] = set()

            def add(sid, uid, org, role, active=True, network=network, seen=seen):
                if sid in seen:
                    return None
                seen.add(sid)
                member = Member(0, sid, org, uid, str(role), active)
                network.members.append(member)
                return member

            if index in coach_indexes:
                network.lead = add(*self.coach_supporter, self.bench_org_id, MemberRole.OKAN_COACH)
            for role, sector, chance in NETWORK_ROLES:
                if rng.random() < chance:
                    org = rng.choice(self.orgs_by_sector[str(sector)])
                    sid, uid = rng.choice(self.org_supporters[org])
                    member = add(sid, uid, org, role)
                    if network.lead is None and member is not None:
                        network.lead = member
            add(*self.family[index], None, MemberRole.FAMILY_MEMBER)
            if rng.random() < 0.3:
                add(*rng.choice(self.buddies), None, MemberRole.BUDDY)
            if rng.random() < 0.3:  # someone who left earlier
                org = rng.choice(self.orgs_by_sector[str(Sector.WELFARE)])
                add(*rng.choice(self.org_supporters[org]), org, MemberRole.SOCIAL_WORKER, active=False)
            if index == big_index:
                self.big_network = network
                while len(network.active_members) < BIG_NETWORK_MEMBERS:
                    org = rng.choice(self.orgs_by_sector[rng.choice(list(self.orgs_by_sector))])
                    add(*rng.choice(self.org_supporters[org]), org, MemberRole.OTHER)
            all_members.extend(network.members)
            self.networks.append(network)
        self.coach_networks = [self.networks[i] for i in sorted(coach_indexes)]
        for member, mid in zip(all_members, w.ids(Membership, len(all_members)), strict=True):
            member.id = mid

        def network_rows():
            for network in self.networks:
                closed = network.status == NetworkStatus.CLOSED
                guardian = next((m for m in network.members if m.role == MemberRole.GUARDIAN), None)
                yield (
                    network.id,
                    network.youth_id,
                    "intensive" if rng.random() < 0.3 else "light",
                    network.status,
                    "sustainable_plan" if closed else "",
                    network.started_on,
                    self._day(0, 50) if closed else None,
                    None if closed else self.today + datetime.timedelta(days=rng.randint(-20, 40)),
                    network.lead.id,
                    guardian.id if guardian else None,
                    None if closed else network.lead.id,
                    self._moment(network.started_on),
                )

        w.insert(
            CareNetwork,
            [
                "id",
                "youth_id",
                "intensity",
                "status",
                "closure_reason",
                "started_on",
                "ended_on",
                "next_contact_on",
                "lead_id",
                "continuity_figure_id",
                "next_contact_by_id",
                "created_at",
            ],
            network_rows(),
        )

        sector_of_org = {org: sector for sector, orgs in self.orgs_by_sector.items() for org in orgs}
        sector_of_org[self.bench_org_id] = str(Sector.EDUCATION)

        def membership_rows():
            for network in self.networks:
                for member in network.members:
                    if member.organisation_id:
                        sector = sector_of_org[member.organisation_id]
                    else:
                        sector = Sector.FAMILY if member.role == MemberRole.FAMILY_MEMBER else Sector.OTHER
                    joined = network.started_on + datetime.timedelta(days=rng.randint(0, 30))
                    left = None if member.active else joined + datetime.timedelta(days=rng.randint(1, 60))
                    yield (
                        member.id,
                        network.id,
                        member.supporter_id,
                        member.role,
                        str(sector),
                        joined,
                        left,
                        member.role == MemberRole.GUARDIAN,
                        rng.choice(("high", "some", "low", "")),
                        member.role == MemberRole.FAMILY_MEMBER,
                    )

        w.insert(
            Membership,
            [
                "id",
                "network_id",
                "supporter_id",
                "role",
                "sector",
                "joined_on",
                "left_on",
                "continues_after_18",
                "youth_trust",
                "joins_online",
            ],
            membership_rows(),
        )
        self._access()

    def _access(self):
        """Guardian rows exactly as networks.access.network_sync_access would write them."""
        w = self.writer
        permissions = list(
            Permission.objects.using(self.using)
            .filter(content_type__app_label="networks", codename__in=("view_carenetwork", "change_carenetwork"))
            .values_list("pk", flat=True)
        )
        group_rows, user_rows = [], []
        for network in self.networks:
            if network.status == NetworkStatus.CLOSED:
                entitled = [network.lead]
            else:
                entitled = network.active_members
            groups, users = set(), set()
            for member in entitled:
                if member.organisation_id:
                    groups.add(self.org_group[member.organisation_id])
                elif member.user_id:
                    users.add(member.user_id)
            group_rows.extend((gid, pid, network.id) for gid in sorted(groups) for pid in permissions)
            user_rows.extend((uid, pid, network.id) for uid in sorted(users) for pid in permissions)
        for model, column, rows in (
            (NetworkGroupObjectPermission, "group_id", group_rows),
            (NetworkUserObjectPermission, "user_id", user_rows),
        ):
            w.insert(
                model,
                ["id", column, "permission_id", "content_object_id"],
                ((pk, *row) for pk, row in zip(w.ids(model, len(rows)), rows, strict=True)),
            )

    def _dossiers(self):
        w, rng = self.writer, self.rng
        w.insert(
            Intake,
            ["id", "youth_id", "held_on", "needs", "what_goes_well", "strengths", "interests"],
            (
                (iid, network.youth_id, network.started_on, "Fictional needs: school and housing.", "Sport", "", "")
                for iid, network in zip(w.ids(Intake, len(self.networks)), self.networks, strict=True)
            ),
        )
        consent_rows = []
        for network in self.networks:
            for org in sorted({m.organisation_id for m in network.members if m.organisation_id}):
                consent_rows.append((network.youth_id, org, network.started_on))
        w.insert(
            SharingConsent,
            ["id", "youth_id", "organisation_id", "given_on"],
            ((pk, *row) for pk, row in zip(w.ids(SharingConsent, len(consent_rows)), consent_rows, strict=True)),
        )
        kinds = [str(kind) for kind in TimelineKind.values]

        def timeline_rows():
            ids = iter(w.ids(TimelineEntry, len(self.networks) * 8))
            for network in self.networks:
                for _ in range(8):
                    member = rng.choice(network.members)
                    moment = self._moment(network.started_on) + datetime.timedelta(hours=rng.randint(1, 20000))
                    yield (
                        next(ids),
                        network.youth_id,
                        network.id,
                        min(moment, self.now),
                        rng.choice(kinds),
                        "Fictional event in the network",
                        member.user_id,
                    )

        w.insert(
            TimelineEntry,
            ["id", "youth_id", "network_id", "occurred_at", "kind", "summary", "actor_id"],
            timeline_rows(),
        )

        def note_rows():
            ids = iter(w.ids(Note, len(self.networks) * 2))
            for network in self.networks:
                for _ in range(2):
                    member = rng.choice(network.members)
                    yield (
                        next(ids),
                        network.id,
                        member.user_id,
                        member.organisation_id,
                        "A fictional note about how things go.",
                        bool(member.organisation_id) and rng.random() < 0.2,
                        self._moment(self._day(0, 300)),
                    )

        w.insert(
            Note,
            ["id", "network_id", "author_id", "organisation_id", "text", "confidential", "created_at"],
            note_rows(),
        )

    def _meetings(self):
        w, rng = self.writer, self.rng
        meeting_rows, invited, attended = [], [], []
        self.held_meeting: dict[int, int] = {}
        for network in self.networks:
            active = network.active_members
            count = 1 if network.status == NetworkStatus.PREPARING else MEETINGS_PER_NETWORK
            for number, mid in enumerate(w.ids(Meeting, count)):
                planned = number == count - 1 and network.status != NetworkStatus.CLOSED
                day = self.today + datetime.timedelta(days=rng.randint(3, 40)) if planned else self._day(5, 400)
                start = self._moment(day, 9 + number)
                meeting_rows.append(
                    (
                        mid,
                        network.id,
                        start,
                        start + datetime.timedelta(hours=1, minutes=30),
                        "Fictional meeting room",
                        "1. How are things?\n2. The plan",
                        "" if planned else "Fictional notes of the round table.",
                        str(MeetingStatus.PLANNED if planned else MeetingStatus.HELD),
                        self._uuid(),
                        network.lead.user_id,
                    )
                )
                if planned:
                    invited.extend((mid, m.id) for m in active)
                else:
                    self.held_meeting.setdefault(network.id, mid)
                    attended.extend((mid, m.id) for m in active if rng.random() < 0.7)
        w.insert(
            Meeting,
            [
                "id",
                "network_id",
                "starts_at",
                "ends_at",
                "location",
                "agenda",
                "notes",
                "status",
                "uid",
                "organiser_id",
            ],
            meeting_rows,
        )
        for through, rows in ((Meeting.invited.through, invited), (Meeting.attended.through, attended)):
            w.insert(
                through,
                ["id", "meeting_id", "membership_id"],
                ((pk, *row) for pk, row in zip(w.ids(through, len(rows)), rows, strict=True)),
            )

    def _plans(self):
        w, rng = self.writer, self.rng
        category_ids = list(BarrierCategory.objects.using(self.using).values_list("pk", flat=True))
        if not category_ids:
            category_ids = list(w.ids(BarrierCategory, 4))
            w.insert(
                BarrierCategory,
                ["id", "name", "slug", "order"],
                ((pk, f"Fictional category {pk}", f"scale-{pk}", pk) for pk in category_ids),
            )
        offer_ids = list(Offer.objects.using(self.using).values_list("pk", flat=True))
        self.category_ids = category_ids
        planned = [network for network in self.networks if network.status != NetworkStatus.PREPARING]
        plan_ids = list(w.ids(ActionPlan, len(planned)))
        self.plan_of: dict[int, int] = {}
        plan_rows, action_rows, barrier_rows, referral_rows, route_rows, version_rows, evaluation_rows = (
            [] for _ in range(7)
        )
        self.barrier_of_plan: dict[int, int] = {}
        domains = Domain.values
        for network, pid in zip(planned, plan_ids, strict=True):
            self.plan_of[network.id] = pid
            active = network.active_members or network.members
            changed = self._moment(self._day(0, 60))
            plan_rows.append(
                (
                    pid,
                    network.id,
                    "How can the youth finish school and find a place to live? (fictional)",
                    "Goes well at the sports club.",
                    "Follows OKAN.",
                    "Wants to become an electrician.",
                    "Finish the school year.",
                    "A diploma and a job.",
                    changed,
                    network.lead.user_id,
                    changed,
                    network.lead.user_id,
                    changed - datetime.timedelta(days=2),
                )
            )
            for _ in range(rng.randint(1, 3)):  # at most three open actions
                owner = rng.choice(active)
                action_rows.append(
                    (
                        pid,
                        rng.choice(domains),
                        "Fictional action: call the school",
                        owner.id,
                        self.today + datetime.timedelta(days=rng.randint(-10, 40)),
                        str(ActionStatus.OPEN),
                        None,
                        "",
                    )
                )
            for _ in range(rng.randint(0, 2)):
                owner = rng.choice(active)
                action_rows.append(
                    (
                        pid,
                        rng.choice(domains),
                        "Fictional action that was done",
                        owner.id,
                        self._day(10, 200),
                        str(ActionStatus.DONE),
                        self._day(0, 10),
                        "It worked out.",
                    )
                )
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                barrier_rows.append(
                    (
                        pid,
                        rng.choice(category_ids),
                        "Fictional barrier: waiting list",
                        rng.choice(active).id,
                        rng.choice(BarrierStatus.values),
                    )
                )
            for _ in range(rng.choice((0, 1, 1, 2))):
                status = rng.choice((ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.DONE))
                referral_rows.append(
                    (
                        pid,
                        rng.choice(offer_ids) if offer_ids else None,
                        "" if offer_ids else "Fictional partner",
                        "Fictional reason for the referral",
                        rng.choice(active).id,
                        str(status),
                        self._day(0, 200),
                        True if status == ReferralStatus.DONE else None,
                    )
                )
            for order in range(2):
                route_rows.append((pid, "Fictional question: who helps with papers?", rng.choice(active).id, order))
            if network.id in self.held_meeting:
                version_rows.append(
                    (pid, 1, self.held_meeting[network.id], {"question_for_help": "fictional", "actions": []})
                )
            if rng.random() < 0.3:
                evaluation_rows.append((network.id, self._day(0, 200), "The round table worked well.", None))

        w.insert(
            ActionPlan,
            [
                "id",
                "network_id",
                "question_for_help",
                "situation_wellbeing",
                "situation_school",
                "future_vision",
                "goal_short_term",
                "goal_long_term",
                "updated_at",
                "updated_by_id",
                "last_change_at",
                "last_change_by_id",
                "lead_seen_at",
            ],
            plan_rows,
        )
        barrier_ids = list(w.ids(Barrier, len(barrier_rows)))
        for bid, row in zip(barrier_ids, barrier_rows, strict=True):
            self.barrier_of_plan.setdefault(row[0], bid)
        for model, columns, rows in (
            (
                Action,
                ["plan_id", "domain", "description", "owner_id", "deadline", "status", "completed_on", "result"],
                action_rows,
            ),
            (
                Referral,
                ["plan_id", "offer_id", "partner", "reason", "referred_by_id", "status", "sent_on", "succeeded"],
                referral_rows,
            ),
            (QuestionRoute, ["plan_id", "question", "member_id", "order"], route_rows),
            (PlanVersion, ["plan_id", "number", "meeting_id", "snapshot"], version_rows),
            (Evaluation, ["network_id", "held_on", "went_well", "by_id"], evaluation_rows),
        ):
            w.insert(
                model, ["id", *columns], ((pk, *row) for pk, row in zip(w.ids(model, len(rows)), rows, strict=True))
            )
        w.insert(
            Barrier,
            ["id", "plan_id", "category_id", "description", "helper_id", "status"],
            ((pk, *row) for pk, row in zip(barrier_ids, barrier_rows, strict=True)),
        )

    def _signals(self):
        try:
            Signal = apps.get_model("adviesgroep", "Signal")
        except LookupError:
            return
        w, rng = self.writer, self.rng
        chosen = [network for index, network in enumerate(self.networks) if index % SIGNAL_EVERY == 2]
        signal_ids = list(w.ids(Signal, len(chosen)))
        rows, category_rows = [], []
        for sid, network in zip(signal_ids, chosen, strict=True):
            rows.append(
                (
                    sid,
                    network.id,
                    rng.choice(SignalKind.values),
                    rng.choice(Theme.values),
                    "Fictional question: the waiting list for housing is too long.",
                    "A., 17 years, OKAN (pseudonymised, fictional).",
                    rng.choice(SignalStatus.values),
                    network.lead.user_id,
                    self._moment(self._day(0, 700)),
                    self.barrier_of_plan.get(self.plan_of.get(network.id)),
                )
            )
            for category in rng.sample(self.category_ids, k=min(len(self.category_ids), rng.randint(1, 2))):
                category_rows.append((sid, category))
        w.insert(
            Signal,
            [
                "id",
                "network_id",
                "kind",
                "theme",
                "question",
                "case_summary",
                "status",
                "sent_by_id",
                "sent_at",
                "source_barrier_id",
            ],
            rows,
        )
        through = Signal.categories.through
        columns = [f.attname for f in through._meta.concrete_fields if not f.primary_key]
        w.insert(
            through,
            ["id", *columns],
            ((pk, *row) for pk, row in zip(w.ids(through, len(category_rows)), category_rows, strict=True)),
        )
        try:
            Advice = apps.get_model("adviesgroep", "Advice")
        except LookupError:
            return
        answered = [row for row in rows if row[6] != SignalStatus.NEW]
        w.insert(
            Advice,
            ["id", "signal_id", "text", "by_id", "at"],
            (
                (pk, row[0], "Fictional advice: contact the housing desk.", self.advisor_id, row[8])
                for pk, row in zip(w.ids(Advice, len(answered)), answered, strict=True)
            ),
        )

    def _audit(self):
        w, rng = self.writer, self.rng
        has_youth = any(f.attname == "youth_id" for f in AuditEvent._meta.concrete_fields)
        columns = ["id", "at", "user_id", "user_email", "organisation_id", "action", "object_type", "object_id"]
        columns += ["network_id", "fields", "ip", "path"] + (["youth_id"] if has_youth else [])
        actions = ("view", "view", "view", "update", "create", "pdf")
        types = ("networks.carenetwork", "youths.youth", "actionplans.actionplan", "actionplans.action")
        horizon = 2 * 365 * 24 * 3600

        def rows():
            ids = iter(w.ids(AuditEvent, len(self.networks) * AUDIT_PER_NETWORK))
            for network in self.networks:
                members = [m for m in network.members if m.user_id] or [network.lead]
                for _ in range(AUDIT_PER_NETWORK):
                    member = rng.choice(members)
                    row = (
                        next(ids),
                        self.now - datetime.timedelta(seconds=rng.randint(0, horizon)),
                        member.user_id,
                        f"s{member.supporter_id}@{EMAIL_DOMAIN}" if member.user_id else "",
                        member.organisation_id,
                        rng.choice(actions),
                        rng.choice(types),
                        str(network.id),
                        network.id,
                        [],
                        "10.0.0.1",
                        f"/networks/{network.id}/",
                    )
                    yield row + (network.youth_id,) if has_youth else row

        w.insert(AuditEvent, columns, rows())


def seed_scale(*, youths: int, seed: int = 1, using: str = "default", log=None) -> ScaleResult:
    """Write a synthetic, fictional data set of `youths` youths with the issue's proportions."""
    return ScaleSeeder(youths=youths, seed=seed, using=using, log=log).run()
