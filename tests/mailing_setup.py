"""A matter whose parties have addresses (one with a firm, one with none) and a firm with a return address."""

from datetime import date

from legalsec_desktop.db.models import ContactRow, FirmRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import contacts, matters

FIRM = ("Holloway & Chen LLP", "455 Market St, Suite 1200", "San Francisco, CA 94105")
ADDRESSES = {
    "Ana Rivera": "12 Elm St\n\nApt 4B\nOakland, CA 94612",
    "Brian Okafor": "77 Pine Ave\nBoston, MA 02108",
    "Scott Collins": "4107 Market St, Floor 9\nLos Angeles, CA 90012",
    "Dana Whitfield": "900 Main St\nAustin, TX 78701",
    "Nora Blank": "",
}


def mailing_matter(store, number: str = "2026-0001", firm: bool = True) -> int:
    """Ana Rivera (client), Brian Okafor (opposing party), Scott Collins of Collins & Björk LLP and Dana Whitfield
    (opposing counsel), Nora Blank (witness, no address)."""
    matter_id = matters.create_matter(store, MatterDraft(number, "Rivera v. Okafor", "Ana Rivera",
                                                         date(2026, 2, 2), adverse_names=("Brian Okafor",)))
    for name, role in (("Scott Collins", "opposing counsel"), ("Dana Whitfield", "opposing counsel"),
                       ("Nora Blank", "witness")):
        contacts.add_party(store, matter_id, name, role, is_organization=False)
    with store.write() as session:
        for row in session.query(ContactRow):
            row.address = ADDRESSES.get(row.name, row.address)
            if row.name == "Scott Collins":
                row.organization = "Collins & Björk LLP"
        if firm:
            row = session.get(FirmRow, 1) or FirmRow(id=1)
            row.name, row.address = FIRM[0], "\n".join(FIRM[1:])
            session.add(row)
    return matter_id
