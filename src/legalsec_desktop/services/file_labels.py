"""What goes on the labels of a matter's files, or of files chosen by id (the label sheet is drawn by the shell)."""

from __future__ import annotations

from collections.abc import Sequence

from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.formats.labels import LabelData
from legalsec_desktop.services import volumes
from legalsec_desktop.services.file_rows import VolumeItem


def label_of(item: VolumeItem) -> LabelData:
    """A closed matter's label carries its closed-file number too, as the closed-files shelf is ordered by it."""
    number = f"{item.matter_number} · {item.closed_number}" if item.closed_number else item.matter_number
    return LabelData(barcode_id=item.barcode, matter_number=number, client=item.client, caption=item.caption,
                     text=item.label)


def labels_for(store: Store, file_ids: Sequence[int] = (), matter_id: int | None = None) -> list[LabelData]:
    """The labels of these files (in the order given) or of a matter's files not destroyed (by label)."""
    if matter_id is not None:
        chosen = [item for item in volumes.matter_volumes(store, matter_id) if item.destroyed_at is None]
        if not chosen:
            raise ValidationError("matter", "That matter has no files to label (none, or all destroyed).")
    else:
        chosen = volumes.by_ids(store, file_ids)
        if not chosen:
            raise ValidationError("barcode", "Choose the files to label.")
        gone = [item.barcode for item in chosen if item.destroyed_at is not None]
        if gone:
            raise ValidationError("barcode", f"{', '.join(gone)} {'was' if len(gone) == 1 else 'were'} destroyed: "
                                             "a destroyed file gets no label.")
    return [label_of(item) for item in chosen]
