"""Read and save the firm profile and its timekeepers, and the Settings (with the documents and inbox folders)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import FirmRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper, validate_profile


def _keeper(row: TimekeeperRow) -> Timekeeper:
    return Timekeeper(
        id=row.id,
        name=row.name,
        initials=row.initials,
        default_rate_cents=row.default_rate_cents,
        is_attorney=row.is_attorney,
        daily_target_minutes=row.daily_target_minutes,
        active=row.active,
        classification=row.classification,
        title=row.title,
        bar_number=row.bar_number,
    )


def load_profile(store: Store) -> FirmProfile:
    """The saved profile, or defaults with is_set_up False on a new database."""
    with store.read() as session:
        row = session.get(FirmRow, 1)
        keepers = tuple(_keeper(k) for k in session.scalars(select(TimekeeperRow).order_by(TimekeeperRow.id)))
        if row is None:
            return FirmProfile(timekeepers=keepers)
        return FirmProfile(
            name=row.name,
            address=row.address,
            billing_increment_minutes=row.billing_increment_minutes,
            default_jurisdiction=row.default_jurisdiction,
            matter_number_pattern=row.matter_number_pattern,
            timekeepers=keepers,
            is_set_up=row.set_up_at is not None,
            tax_id=row.tax_id,
            phone=row.phone,
            fax=row.fax,
            email=row.email,
        )


def save_profile(store: Store, profile: FirmProfile) -> FirmProfile:
    """Validate and save the profile and timekeepers in one transaction; return what was saved.

    Timekeepers left out of the list are kept but marked inactive: their time entries need them.
    """
    validate_profile(profile)
    with store.write() as session:
        _save_profile(session, store, profile)
    return load_profile(store)


KEEP: Literal["keep"] = "keep"  # save_settings: leave the templates folder as it is


def save_settings(store: Store, profile: FirmProfile, documents_root: Path | None,
                  inbox_folder: Path | None, templates_folder: Path | None | Literal["keep"] = KEEP) -> FirmProfile:
    """The Settings dialog's save: the profile and timekeepers (as save_profile), the documents folder (None: the
    default), the inbox folder (None: none) and the letter templates' folder (None: the default; KEEP: as it is),
    all in one transaction: all saved, or nothing."""
    validate_profile(profile)
    with store.write() as session:
        row = _save_profile(session, store, profile)
        row.documents_root = str(documents_root) if documents_root is not None else ""
        row.inbox_folder = str(inbox_folder) if inbox_folder is not None else ""
        if templates_folder != KEEP:
            row.templates_folder = str(templates_folder) if templates_folder is not None else ""
    return load_profile(store)


def chosen_templates_folder(store: Store) -> Path | None:
    """The letter templates' folder the firm chose; None when it chose none (the default folder is then used)."""
    with store.read() as session:
        row = session.get(FirmRow, 1)
        chosen = row.templates_folder.strip() if row is not None else ""
    return Path(chosen) if chosen else None


def set_templates_folder(store: Store, folder: Path | None) -> None:
    """Keep `folder` as the firm's letter templates' folder (None: back to the default one)."""
    with store.write() as session:
        row = session.get(FirmRow, 1) or FirmRow(id=1)
        row.templates_folder = str(folder) if folder is not None else ""
        session.add(row)


def _save_profile(session: Session, store: Store, profile: FirmProfile) -> FirmRow:
    row = session.get(FirmRow, 1) or FirmRow(id=1)
    row.name = profile.name.strip()
    row.address = profile.address.strip()
    row.billing_increment_minutes = profile.billing_increment_minutes
    row.default_jurisdiction = profile.default_jurisdiction
    row.matter_number_pattern = profile.matter_number_pattern
    row.tax_id = profile.tax_id.strip()
    row.phone, row.fax, row.email = profile.phone.strip(), profile.fax.strip(), profile.email.strip()
    row.set_up_at = row.set_up_at or store.clock.utc_now()
    session.add(row)
    existing = {k.id: k for k in session.scalars(select(TimekeeperRow))}
    by_initials = {k.initials.upper(): k for k in existing.values()}
    kept: set[int] = set()
    for keeper in profile.timekeepers:
        target = existing.get(keeper.id) if keeper.id else None
        clash = by_initials.get(keeper.initials.upper())
        if clash is not None and clash is not target:
            if target is None and not clash.active:
                target = clash  # bringing back someone who had been removed
            else:
                raise ValidationError("timekeepers",
                                      f"The initials {keeper.initials} already belong to {clash.name}.")
        target = target or TimekeeperRow()
        target.name = keeper.name.strip()
        target.initials = keeper.initials.upper()
        target.default_rate_cents = keeper.default_rate_cents
        target.is_attorney = keeper.is_attorney
        target.daily_target_minutes = keeper.daily_target_minutes
        target.classification = keeper.classification
        target.title, target.bar_number = keeper.title.strip(), keeper.bar_number.strip()
        target.active = True
        session.add(target)
        session.flush()
        kept.add(target.id)
    for keeper_id, row_keeper in existing.items():
        if keeper_id not in kept:
            row_keeper.active = False
    return row
