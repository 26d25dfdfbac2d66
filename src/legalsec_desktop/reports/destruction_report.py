"""The destruction review list and the certificate of destruction, as report content (no Qt, no database)."""

from __future__ import annotations

from datetime import date, datetime

from legalsec_desktop.domain.destruction import Batch, DestroyedFile, ReviewLine
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.domain.report import Report, Section, Table

REVIEW_COLUMNS = ("File", "Matter", "Client / caption", "Label", "Where", "Closed", "Retention", "Destroy after")
REVIEW_WIDTHS = (7, 9, 16, 12, 13, 8, 18, 8)
HELD_COLUMNS = (*REVIEW_COLUMNS, "Why not")
HELD_WIDTHS = (7, 9, 14, 10, 11, 8, 14, 8, 14)
CERTIFICATE_COLUMNS = ("File", "Matter", "Client", "Label", "Closed", "Retention rule")
CERTIFICATE_WIDTHS = (8, 10, 18, 18, 9, 12)
READY_NOTE = ("Each file's retention has run and nothing holds it back. Destroy only with an attorney's approval, "
              "and record the destruction so the register and the certificate keep it.")
SIGNATURE_LINE = "_" * 44
DATE_LINE = "_" * 16


def _matter(number: str, closed_number: str) -> str:
    return f"{number}\nClosed no. {closed_number}" if closed_number else number


def _printed(at: datetime) -> str:
    return f"{format_date(at.date())} {format_clock(at)}"


def review_cells(line: ReviewLine) -> tuple[str, ...]:
    """One file of the review list as the paper and the screen show it."""
    client = f"{line.client}\n{line.caption}" if line.caption else line.client
    return (line.barcode, _matter(line.matter_number, line.closed_number), client, line.label, line.where,
            format_date(line.closed_on), line.retention_note or line.retention, format_date(line.destroy_after))


def review_report(firm_name: str, as_of: date, lines: list[ReviewLine], printed_at: datetime) -> Report:
    """The files due for destruction by `as_of`: those that may go, and those held back with the reason."""
    ready = [line for line in lines if line.may_destroy]
    held = [line for line in lines if not line.may_destroy]
    on_hold = sum(1 for line in held if line.hold_reason)
    return Report(
        title="Destruction review",
        author=firm_name,
        made_at=printed_at,
        header_lines=tuple(line for line in (firm_name, f"Files due for destruction on or before {format_date(as_of)}")
                           if line),
        facts=(("Due", f"{len(lines):,} file{'s' if len(lines) != 1 else ''}"),
               ("May be destroyed", f"{len(ready):,}"),
               ("Held back", f"{len(held):,} ({on_hold:,} on legal hold)")),
        sections=(
            Section(f"May be destroyed ({len(ready):,})", paragraphs=(READY_NOTE,),
                table=Table(REVIEW_COLUMNS, [review_cells(line) for line in ready], REVIEW_WIDTHS,
                            empty_text="No file may be destroyed on this day.")),
            Section(f"Held back ({len(held):,})", table=Table(
                HELD_COLUMNS, [(*review_cells(line), line.refusal) for line in held], HELD_WIDTHS,
                frozenset(i for i, line in enumerate(held) if line.hold_reason),
                "No file due is held back.")),
        ),
        running_head=f"{firm_name} — Destruction review as of {format_date(as_of)}" if firm_name
        else f"Destruction review as of {format_date(as_of)}",
        footer=f"Printed {_printed(printed_at)}",
        landscape=True,
    )


def certificate_cells(file: DestroyedFile) -> tuple[str, ...]:
    return (file.barcode, _matter(file.matter_number, file.closed_number), file.client,
            f"{file.label}\n{file.caption}" if file.caption else file.label, format_date(file.closed_on),
            file.retention)


def certificate_statement(firm_name: str, batch: Batch) -> str:
    count = f"{batch.file_count} file{'s' if batch.file_count != 1 else ''}"
    firm = firm_name or "the firm"
    done = (f"We certify that the {count} listed above, belonging to {firm}, were destroyed on "
            f"{format_date(batch.destroyed_on)} by this method: {batch.method}, by {batch.destroyed_by}"
            f"{', in the presence of ' + batch.witness if batch.witness else ''}")
    done += "" if done.endswith(".") else "."  # "by Shred-It Inc." ends the sentence already
    return (f"{done} Each file's retention period had run, no file was under a legal hold, and the destruction was "
            f"approved by {batch.approver_name or batch.approved_by} ({batch.approved_by}) on "
            f"{format_date(batch.approved_on)}. "
            f"The files are kept in the firm's destruction register as destroyed, with this certificate's number.")


def certificate_report(firm_name: str, firm_address: str, batch: Batch, printed_at: datetime) -> Report:
    """The certificate of destruction of one batch: who, when, how, approved by whom, the files, signatures."""
    approver = f"{batch.approver_name} ({batch.approved_by})" if batch.approver_name else batch.approved_by
    facts = [("Certificate no.", batch.certificate_number), ("Date destroyed", format_date(batch.destroyed_on)),
             ("Method", batch.method), ("Destroyed by", batch.destroyed_by), ("Witness", batch.witness or "—"),
             ("Approved by", f"{approver}, attorney"), ("Date approved", format_date(batch.approved_on)),
             ("Files destroyed", str(batch.file_count))]
    if batch.notes:
        facts.append(("Notes", batch.notes))
    signatures = [f"Destroyed by: {SIGNATURE_LINE}   Date: {DATE_LINE}\n{batch.destroyed_by}"]
    if batch.witness:
        signatures.append(f"Witness: {SIGNATURE_LINE}   Date: {DATE_LINE}\n{batch.witness}")
    signatures.append(f"Approving attorney: {SIGNATURE_LINE}   Date: {DATE_LINE}\n{approver}")
    header = [firm_name, *[line.strip() for line in firm_address.splitlines() if line.strip()]]
    return Report(
        title="Certificate of Destruction",
        author=firm_name,
        made_at=printed_at,
        header_lines=tuple(line for line in header if line),
        facts=tuple(facts),
        sections=(
            Section(f"Files destroyed ({batch.file_count})", table=Table(
                CERTIFICATE_COLUMNS, [certificate_cells(file) for file in batch.files], CERTIFICATE_WIDTHS)),
            Section("Statement", paragraphs=(certificate_statement(firm_name, batch),)),
            Section("Signatures", paragraphs=tuple(signatures)),
        ),
        running_head=f"{firm_name} — Certificate of Destruction {batch.certificate_number}" if firm_name
        else f"Certificate of Destruction {batch.certificate_number}",
        footer=f"Certificate {batch.certificate_number} — printed {_printed(printed_at)}",
        landscape=False,
    )
