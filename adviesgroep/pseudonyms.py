"""What makes a text about a youth pseudonymous, and the network's pseudonymous code.

DESIGN.md: "Signals carry no name, birth date or school of the youth and no member's name in any
free text; prefills are pseudonymised; the sender shows as a sector and the network as a stable
pseudonymous code, unless the network ticked 'share more'."

Texts are compared after folding: lower case, accents removed, every run of punctuation and
white space one space. A name is found as a whole word (or words) anywhere in the text, so
"Rahimi's" and "RAHIMI," are found and "Janssens" is not taken for "Jan". Nothing found is ever
logged or echoed: the messages say which KIND of detail was found, never the detail itself.
"""

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.choices import Sector

# --- the kinds of identifying details ------------------------------------------------------------

YOUTH_FIRST_NAME = "youth_first_name"
YOUTH_LAST_NAME = "youth_last_name"
BIRTH_DATE = "birth_date"
SCHOOL = "school"
MEMBER_NAME = "member_name"

# In the order in which they are named in a message; also the priority when two overlap.
KIND_LABELS: dict[str, Promise] = {
    YOUTH_FIRST_NAME: _("the youth's first name"),
    YOUTH_LAST_NAME: _("the youth's last name"),
    BIRTH_DATE: _("the youth's date of birth"),
    SCHOOL: _("the name of a school"),
    MEMBER_NAME: _("the name of a member of the network"),
}

PLACEHOLDERS: dict[str, Promise] = {
    YOUTH_FIRST_NAME: _("[youth]"),
    YOUTH_LAST_NAME: _("[youth]"),
    BIRTH_DATE: _("[date of birth]"),
    SCHOOL: _("[school]"),
    MEMBER_NAME: _("[supporter]"),
}

# Parts of a composed surname that are no name on their own ("De Smet", "El Idrissi", "van der Berg").
# (Parts shorter than three letters, such as "de", "el" and "al", are never checked on their own.)
_PARTICLES = frozenset(
    {"ben", "bin", "dal", "del", "della", "den", "der", "des", "dos", "ibn", "les", "ten", "ter", "van", "von"}
)

# Month names and their usual abbreviations in Dutch, English and French, folded.
_MONTHS = {}
for _number, _names in enumerate(
    (
        "januari january janvier jan janv",
        "februari february fevrier feb febr fev fevr",
        "maart march mars mrt mar",
        "april avril apr avr",
        "mei may mai",
        "juni june juin jun",
        "juli july juillet jul juil",
        "augustus august aout aug",
        "september septembre sep sept",
        "oktober october octobre okt oct",
        "november novembre nov",
        "december decembre dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DATE_PATTERNS = (
    # 14/03/2009, 14-3-2009, 14.3.09, and month first 03/14/2009 (numbers only: the order is unknown)
    ("dmy", re.compile(r"(?<![0-9a-z])(\d{1,2}) (\d{1,2}) (\d{4}|\d{2})(?![0-9a-z])")),
    ("ymd", re.compile(r"(?<![0-9a-z])(\d{4}) (\d{1,2}) (\d{1,2})(?![0-9a-z])")),
    ("d month y", re.compile(rf"(?<![0-9a-z])(\d{{1,2}}) {_MONTH} (\d{{4}})(?![0-9a-z])")),
    ("month d y", re.compile(rf"(?<![0-9a-z]){_MONTH} (\d{{1,2}}) (\d{{4}})(?![0-9a-z])")),
)


# --- folding with a map back to the original text ------------------------------------------------


# The blocks of combining diacritical marks: what NFKD splits off "é", "ç", "ñ", "ø"…
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", char)).casefold()


def _fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text or ""):
        for folded in _fold_char(char):
            if folded.isalnum():
                out.append(folded)
                origin.append(index)
            elif out and out[-1] != " ":
                out.append(" ")
                origin.append(index)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case, no accents, punctuation and white space as single spaces (as `_fold`, without the map).

    Whole-string operations: a 2 MB text folds in a fraction of a second.
    """
    text = _ACCENTS.sub("", unicodedata.normalize("NFKD", text or ""))
    return _NOT_ALNUM.sub(" ", text.casefold()).strip()


# --- what identifies the youth of a network ------------------------------------------------------


@dataclass
class Identifiers:
    """The folded phrases (kind, phrase) and the birth dates that must not appear in a text."""

    phrases: list[tuple[str, str]] = field(default_factory=list)
    birth_dates: set[datetime.date] = field(default_factory=set)

    def add_name(self, kind: str, name: str, *, parts: bool = True) -> None:
        folded = fold(name)
        if len(folded) < 2:
            return
        self.phrases.append((kind, folded))
        if parts and " " in folded:
            for part in folded.split(" "):
                if len(part) >= 3 and part not in _PARTICLES:
                    self.phrases.append((kind, part))

    def add_school(self, name: str) -> None:
        self.add_name(SCHOOL, name, parts=False)
        # "Atheneum Gent-Zuid (OKAN)" is also written "Atheneum Gent-Zuid".
        bare = re.sub(r"\([^)]*\)", " ", name or "")
        if fold(bare) != fold(name):
            self.add_name(SCHOOL, bare, parts=False)

    def merge(self, other: "Identifiers") -> "Identifiers":
        return Identifiers(self.phrases + other.phrases, self.birth_dates | other.birth_dates)


def identifiers_for(network, *, sender=None) -> Identifiers:
    """Everything that names the network's youth: names, birth date, school; and its members' names.

    The school is the youth's school field and every organisation of sector education with a
    member in the network (past members too). One query for the memberships.
    """
    found = Identifiers()
    if network is None:
        return found
    youth = network.youth
    found.add_name(YOUTH_FIRST_NAME, youth.first_name)
    found.add_name(YOUTH_LAST_NAME, youth.last_name)
    if youth.birth_date:
        found.birth_dates.add(youth.birth_date)
    if youth.school_name:
        found.add_school(youth.school_name)
    memberships = network.memberships.select_related("supporter__organisation").only(
        "sector",
        "supporter__first_name",
        "supporter__last_name",
        "supporter__organisation__name",
        "supporter__organisation__sector",
    )
    for membership in memberships:
        supporter = membership.supporter
        found.add_name(MEMBER_NAME, supporter.first_name)
        found.add_name(MEMBER_NAME, supporter.last_name)
        organisation = supporter.organisation
        if organisation is not None and Sector.EDUCATION in (membership.sector, organisation.sector):
            found.add_school(organisation.name)
    if sender is not None and getattr(sender, "is_authenticated", True):
        found.add_name(MEMBER_NAME, getattr(sender, "first_name", ""))
        found.add_name(MEMBER_NAME, getattr(sender, "last_name", ""))
        organisation = getattr(sender, "organisation", None)
        if organisation is not None and organisation.sector == Sector.EDUCATION:
            found.add_school(organisation.name)
    return found


# --- finding and replacing -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    start: int  # in the folded text
    end: int
    kind: str


def _is_date(day: int, month: int, year: int, born: datetime.date) -> bool:
    if year < 100:
        return year == born.year % 100 and (day, month) == (born.day, born.month)
    return year == born.year and (day, month) == (born.day, born.month)


def _matches(folded: str, identifiers: Identifiers) -> list[_Match]:
    matches: list[_Match] = []
    padded = f" {folded} "
    for kind, phrase in identifiers.phrases:
        needle = f" {phrase} "
        start = padded.find(needle)
        while start != -1:
            matches.append(_Match(start, start + len(phrase), kind))
            start = padded.find(needle, start + 1)
    for born in identifiers.birth_dates:
        for shape, pattern in _DATE_PATTERNS:
            for match in pattern.finditer(folded):
                a, b, c = match.groups()
                if shape == "dmy":
                    hit = _is_date(int(a), int(b), int(c), born) or _is_date(int(b), int(a), int(c), born)
                elif shape == "ymd":
                    hit = _is_date(int(c), int(b), int(a), born)
                elif shape == "d month y":
                    hit = _is_date(int(a), _MONTHS[b], int(c), born)
                else:
                    hit = _is_date(int(b), _MONTHS[a], int(c), born)
                if hit:
                    matches.append(_Match(match.start(), match.end(), BIRTH_DATE))
    return matches


def identifying_details_in(text: str, identifiers: Identifiers) -> list[str]:
    """The kinds of identifying details found in the text, in a fixed order (never the details)."""
    kinds = {match.kind for match in _matches(fold(text), identifiers)}
    return [kind for kind in KIND_LABELS if kind in kinds]


def pseudonymise(text: str, identifiers: Identifiers) -> str:
    """The text with each name, birth date and school replaced by a neutral placeholder.

    "Ahmad Rahimi zit op het Atheneum" becomes "[youth] zit op het [school]".
    """
    if not text:
        return text
    folded, origin = _fold(text)
    priority = list(KIND_LABELS)
    # Longest first, then by kind: a school named after a person stays a school.
    candidates = sorted(
        _matches(folded, identifiers), key=lambda m: (m.start, -(m.end - m.start), priority.index(m.kind))
    )
    spans: list[tuple[int, int, str]] = []  # in the original text
    for match in candidates:
        start, end = origin[match.start], origin[match.end - 1] + 1
        if spans and start < spans[-1][1]:
            continue  # inside a longer match already taken
        placeholder = str(PLACEHOLDERS[match.kind])
        # "Ahmad Rahimi": one placeholder for the whole name.
        if spans and spans[-1][2] == placeholder and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end, placeholder)
            continue
        spans.append((start, end, placeholder))
    for start, end, placeholder in reversed(spans):
        text = text[:start] + placeholder + text[end:]
    return text


# --- the rule ------------------------------------------------------------------------------------


def texts_are_pseudonymous(*, texts: dict[str, str], networks, sender=None, share_more_fields=()) -> None:
    """Refuse free text that names the youth, their birth date or school, or a member of the network.

    DESIGN.md: "Signals carry no name, birth date or school of the youth and no member's name in
    any free text." `texts` maps a field name to its text; `networks` are the networks the text is
    about (a signal's, or those of the signals an advice, lesson or feedback is linked to).
    `share_more_fields` are the fields where the network's choice to share more may be offered.
    Raises a ValidationError per field that says which KIND of detail was found.
    """
    identifiers = Identifiers()
    for network in networks:
        if network is not None:
            identifiers = identifiers.merge(identifiers_for(network, sender=sender))
    if not identifiers.phrases and not identifiers.birth_dates:
        return
    errors = {}
    for name, text in texts.items():
        found = identifying_details_in(text, identifiers)
        if not found:
            continue
        details = ", ".join(str(KIND_LABELS[kind]) for kind in found)
        if name in share_more_fields:
            message = _(
                "This text contains %(details)s. Leave it out (write for example %(placeholder)s), or tick "
                "'the network chooses to share more' if the youth agreed."
            )
        else:
            message = _(
                "This text contains %(details)s. Leave it out (write for example %(placeholder)s): "
                "the advisory group works with pseudonymised signals."
            )
        errors[name] = ValidationError(
            message,
            code="identifying",
            params={"details": details, "placeholder": str(PLACEHOLDERS[found[0]])},
        )
    if errors:
        raise ValidationError(errors)


# --- the network's pseudonymous code -------------------------------------------------------------

_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O or U
CODE_LENGTH = 6


def network_code(network_id: int | None) -> str:
    """A stable pseudonymous code for a network, e.g. "N-7K3Q9X", instead of its database id.

    An HMAC of the id with SECRET_KEY: the same on every page and in every export, and not
    reversible without the key. (Rotating SECRET_KEY gives every network a new code.)
    """
    if network_id is None:
        return ""
    number = int.from_bytes(salted_hmac("adviesgroep.network_code", str(network_id)).digest()[:8], "big")
    chars = []
    for _i in range(CODE_LENGTH):
        number, rest = divmod(number, 32)
        chars.append(_CODE_ALPHABET[rest])
    return "N-" + "".join(chars)
