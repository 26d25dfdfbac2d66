"""The firm's profile: its name and address, the timekeepers, and billing defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legalsec_desktop.domain.contacts import EMAIL
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.text_limits import shown

# Billing increments people actually use, in minutes: 0.1 h, 0.25 h, 1 min, 0.5 h, 1 h.
BILLING_INCREMENTS = (6, 15, 1, 30, 60)
JURISDICTIONS = {
    "US-FED": "United States federal courts",
    "CA": "California state courts",
    "NY": "New York state courts",
    "TX": "Texas state courts",
}
DEFAULT_JURISDICTION = "US-FED"
DEFAULT_INCREMENT_MINUTES = 6
# The longest each may be: the database's column widths (db.models).
MAX_PHONE, MAX_EMAIL, MAX_KEEPER_TITLE, MAX_BAR_NUMBER = 60, 200, 100, 40
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,4}$")
# LEDES timekeeper classifications: the 1998B sample's codes, offered in Settings, and the short forms another copy
# of the sample and some portals use (PT partner, AS associate), accepted as they are.
CLASSIFICATIONS = ("PARTNR", "ASSOC", "OFCNSL", "PARLGL", "LGLAST", "OTHER")
SHORT_CLASSIFICATIONS = ("PT", "AS")
CLASSIFICATION_NAMES = {"PARTNR": "partner", "ASSOC": "associate", "OFCNSL": "of counsel", "PARLGL": "paralegal",
                        "LGLAST": "legal assistant", "OTHER": "other", "PT": "partner", "AS": "associate"}


def default_classification(is_attorney: bool) -> str:
    """The classification of a timekeeper nobody chose one for: nothing tells partner from associate."""
    return "OTHER" if is_attorney else "PARLGL"



@dataclass(frozen=True)
class Timekeeper:
    """An attorney or other person whose time is billed."""

    name: str
    initials: str
    default_rate_cents: int
    id: int | None = None
    is_attorney: bool = True
    daily_target_minutes: int = 360
    active: bool = True
    classification: str = "OTHER"  # LEDES TIMEKEEPER_CLASSIFICATION
    title: str = ""  # under a signature: "Partner", "Associate Attorney"
    bar_number: str = ""  # "State Bar No. 123456" is written by the template; this is the number


@dataclass(frozen=True)
class FirmProfile:
    """Firm-wide settings that travel with the database (and so with its backups)."""

    name: str = ""
    address: str = ""
    billing_increment_minutes: int = DEFAULT_INCREMENT_MINUTES
    default_jurisdiction: str = DEFAULT_JURISDICTION
    matter_number_pattern: str = "{year}-{seq:04d}"
    timekeepers: tuple[Timekeeper, ...] = field(default_factory=tuple)
    is_set_up: bool = False
    tax_id: str = ""  # the firm's federal taxpayer ID (LEDES LAW_FIRM_ID)
    phone: str = ""  # letterhead, fax cover sheets, envelopes
    fax: str = ""
    email: str = ""


def describe_increment(minutes: int) -> str:
    """'0.1 hour (6 minutes)' for a billing increment in minutes."""
    hours = minutes / 60
    shown = f"{hours:.2f}".rstrip("0").rstrip(".")
    plural = "minute" if minutes == 1 else "minutes"
    return f"{shown} hour ({minutes} {plural})"


def validate_profile(profile: FirmProfile) -> None:
    """Raise ValidationError naming the first bad field of a profile about to be saved."""
    if not profile.name.strip():
        raise ValidationError("name", "Enter the firm's name; it heads every docket sheet and timesheet.")
    if len(profile.name) > 200:
        raise ValidationError("name", "The firm name is longer than 200 characters.")
    if profile.billing_increment_minutes not in BILLING_INCREMENTS:
        raise ValidationError("billing_increment_minutes", "Choose a billing increment from the list.")
    if profile.default_jurisdiction not in JURISDICTIONS:
        raise ValidationError("default_jurisdiction", "Choose a jurisdiction from the list.")
    seen: set[str] = set()
    for index, keeper in enumerate(profile.timekeepers):
        where = f"timekeepers[{index}]"
        if not keeper.name.strip():
            raise ValidationError(where, f"Timekeeper {index + 1} needs a name.")
        if not _INITIALS.match(keeper.initials):
            raise ValidationError(
                where, f"Initials for {keeper.name} must be 1 to 5 letters or digits, starting with a letter."
            )
        key = keeper.initials.upper()
        if key in seen:
            raise ValidationError(where, f"The initials {key} are used twice; each timekeeper needs their own.")
        seen.add(key)
        if keeper.default_rate_cents < 0:
            raise ValidationError(where, f"The rate for {keeper.name} cannot be negative.")
        if not 0 <= keeper.daily_target_minutes <= 24 * 60:
            raise ValidationError(where, f"The daily target for {keeper.name} must be between 0 and 24 hours.")
        if keeper.classification not in CLASSIFICATIONS + SHORT_CLASSIFICATIONS:
            raise ValidationError(where, f"Choose {keeper.name}'s classification from the list.")
        if len(keeper.title.strip()) > MAX_KEEPER_TITLE:
            raise ValidationError(where, f"The title of {keeper.name} is longer than {MAX_KEEPER_TITLE} characters.")
        if len(keeper.bar_number.strip()) > MAX_BAR_NUMBER:
            raise ValidationError(where, f"The bar number of {keeper.name} is longer than {MAX_BAR_NUMBER} "
                                         "characters.")
    for name, value, limit, what in (("phone", profile.phone, MAX_PHONE, "phone number"),
                                      ("fax", profile.fax, MAX_PHONE, "fax number"),
                                      ("email", profile.email, MAX_EMAIL, "e-mail address")):
        if len(value.strip()) > limit:
            raise ValidationError(name, f"The firm's {what} is longer than {limit} characters.")
    if profile.email.strip() and not EMAIL.match(profile.email.strip()):
        raise ValidationError("email", f"“{shown(profile.email.strip())}” does not look like an e-mail address "
                                       "(office@example.com).")
    if len(profile.tax_id.strip()) > 20:
        raise ValidationError("tax_id", "The taxpayer ID has at most 20 characters, such as 24-6437381.")
