"""What the documents list and a document's detail say, in words (no Qt here, so tests need no window)."""

from __future__ import annotations

from html import escape

from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.formatting import counted, format_clock, format_date
from legalsec_desktop.domain.document_labels import KIND_LABELS, STATE_LABELS
from legalsec_desktop.services.document_rows import DocumentItem, IndexHealth, VersionItem

WARNING = "#b00020"
VERSION_COLUMNS = ("No.", "Filed", "Size", "State", "Filed from")  # the last takes the spare width


def health_line(health: IndexHealth) -> str:
    """'1,234 documents · 1,200 indexed · 20 waiting · 4 failed · 10 need OCR · 0 missing', and '· 3 without
    text' when some hold none or are of a kind whose text is not read (pictures): that is no failure."""
    parts = [counted(health.total, "document"), f"{health.indexed:,} indexed", f"{health.waiting:,} waiting",
             f"{health.failed:,} failed", f"{health.needs_ocr:,} need OCR", f"{health.missing:,} missing"]
    if health.empty + health.not_read:
        parts.append(f"{health.empty + health.not_read:,} without text")
    return " · ".join(parts)


def version_state(version: VersionItem) -> str:
    """'Missing', 'Indexed', 'Needs OCR' … with the reason when the text could not be read."""
    if version.missing_since is not None:
        return "Missing"
    label = STATE_LABELS.get(version.text_state, version.text_state)
    return f"{label}: {version.text_note}" if version.text_note and version.text_state != "indexed" else label


def size_text(size: int) -> str:
    for unit, step in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= step:
            return f"{size / step:,.1f} {unit}"
    return f"{size:,} bytes"


def version_rows(versions: list[VersionItem]) -> list[tuple[str, ...]]:
    """The versions table, newest first."""
    rows: list[tuple[str, ...]] = []
    for place, v in enumerate(sorted(versions, key=lambda v: v.number, reverse=True)):
        filed = to_local(v.filed_at)
        # only the newest version's text is read (and searched): an older one still waiting never will be
        state = "Not read (an older version)" if place and v.text_state == "waiting" and v.missing_since is None \
            else version_state(v)
        rows.append((str(v.number), f"{format_date(filed.date())} {format_clock(filed)}", size_text(v.size_bytes),
                     state, v.original_name))
    return rows


def heading_html(item: DocumentItem) -> str:
    kind = KIND_LABELS.get(item.kind, item.kind)
    return (f"<span style='font-size:14pt'><b>{escape(item.title)}</b></span>"
            f"&nbsp;&nbsp;<span style='color:#555'>{escape(kind)}</span>")


def facts_html(item: DocumentItem) -> str:
    """The detail pane's facts: matter, date, from, to, description, filed, and the newest version's state."""
    filed = to_local(item.filed_at)
    state = version_state(item.current)
    state_html = f"<b style='color:{WARNING}'>{escape(state)}</b>" if item.current.missing_since or \
        item.current.text_state not in ("indexed", "waiting") else escape(state)
    rows = [
        ("Matter", f"{escape(item.matter_number)} — {escape(item.caption)}"),
        ("Date", format_date(item.doc_date)),
        ("From / author", escape(item.author)),
        ("To", escape(item.recipients)),
        ("Description", escape(item.description).replace("\n", "<br>")),
        ("Filed", f"{format_date(filed.date())} {format_clock(filed)}"
                  + (f" by {escape(item.filed_by)}" if item.filed_by else "")),
        ("Versions", str(item.version_count)),
        ("Text", state_html),
    ]
    cells = "".join(f"<tr><td style='color:#555; padding-right:10px'>{label}</td><td>{value}</td></tr>"
                    for label, value in rows if value)
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"
