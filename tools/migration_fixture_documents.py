"""The rows tools/make_migration_fixture.py adds for the document store and its search index (revision 0010 on)."""

from __future__ import annotations

from typing import Any


def fill_documents(f: Any, live: int, closed: int, mail_entry: int | None) -> None:
    """Revision 0010's documents: an e-mail logged in the correspondence, its attachment, a pleading with two
    versions (the older one missing from disk), a deleted note; every text state a version can be in; and the
    search index rows the program writes for documents."""
    from legalsec_desktop.domain.names import search_fold  # exists from 0005, long before these tables

    f.update("firm", f.scalar("SELECT min(id) FROM firm"), documents_root="D:\\Kanzlei\\Akten — digital",
             inbox_folder="D:\\Scans\\Eingang")
    live_number = f.scalar("SELECT number FROM matter WHERE id = ?", live)
    closed_number = f.scalar("SELECT number FROM matter WHERE id = ?", closed)
    live_folder, closed_folder = f"{live_number} Öztürk GmbH v. José Müller", f"{closed_number} Müller Estate"
    f.add("document_folder", matter_id=live, folder=live_folder)
    f.add("document_folder", matter_id=closed, folder=closed_folder)

    def document(matter: int, title: str, author: str = "", **values: object) -> int:
        return f.add("document", matter_id=matter, title=title, author=author,
                     search_key=search_fold(f"{title} {author}"), **values)

    mail = document(live, "Re: Kündigung – Ihr Schreiben vom 3. November", "José Müller <jose@mueller.example>",
                    kind="email", doc_date="2026-11-04",
                    recipients="recht@oeztuerk.example; Zoë Ødegård <zo@x.example>",
                    description="", sender_address="jose@mueller.example",
                    message_id="<20261104093000.4711@mueller.example>",
                    thread_ids="<20261103170000.1@oeztuerk.example>", parent_id=None, communication_id=mail_entry,
                    filed_at="2026-11-04 10:02:00.000000", filed_by="LS", deleted_at=None)
    attachment = document(live, "Übersetzung der Kündigung", "", kind="correspondence", doc_date="2026-11-04",
                          recipients="", description="Attachment of the e-mail of 11/04/2026.", sender_address="",
                          message_id="", thread_ids="", parent_id=mail, communication_id=None,
                          filed_at="2026-11-04 10:02:00.000000", filed_by="LS", deleted_at=None)
    pleading = document(live, "Klageerwiderung (Entwurf) — «final»", "Hon. Zoë Ødegård", kind="pleading",
                        doc_date="2026-11-16", recipients="", description="Answer, with the partner's changes.",
                        sender_address="", message_id="", thread_ids="", parent_id=None, communication_id=None,
                        filed_at="2026-11-16 12:00:00.000000", filed_by="MAH", deleted_at=None)
    note = document(closed, "Aktennotiz: Testament zurückgegeben", "", kind="note", doc_date="2021-06-30",
                    recipients="", description="", sender_address="", message_id="", thread_ids="", parent_id=None,
                    communication_id=None, filed_at="2021-06-30 16:30:00.000000", filed_by="LS",
                    deleted_at="2021-07-01 09:00:00.000000")

    def version(document_id: int, number: int, path: str, state: str, **values: object) -> None:
        f.add("document_version", document_id=document_id, number=number, path=path, text_state=state, **values)

    version(mail, 1, f"{live_folder}/2026-11-04 Re Kündigung – Ihr Schreiben vom 3. November.eml",
            "indexed", original_name="Re: Kündigung.eml", sha256="a" * 64, size_bytes=48_211,
            modified_ns=1_793_000_000_000_000_000, filed_at="2026-11-04 10:02:00.000000", text_note="",
            indexed_at="2026-11-04 10:02:01.000000", missing_since=None, note="")
    version(attachment, 1, f"{live_folder}/2026-11-04 Übersetzung der Kündigung.pdf", "needs_ocr",
            original_name="scan0001.pdf", sha256="b" * 64, size_bytes=1_204_993, modified_ns=1_793_000_000_100_000_000,
            filed_at="2026-11-04 10:02:00.000000", text_note="Scanned pages with no text: 3 of 3 need OCR.",
            indexed_at="2026-11-04 10:02:02.000000", missing_since=None, note="")
    version(pleading, 1, f"{live_folder}/Older versions/2026-11-16 Klageerwiderung (Entwurf) v1.docx", "indexed",
            original_name="Klageerwiderung.docx", sha256="c" * 64, size_bytes=30_112,
            modified_ns=1_794_000_000_000_000_000, filed_at="2026-11-16 12:00:00.000000", text_note="",
            indexed_at="2026-11-16 12:00:01.000000", missing_since="2026-11-22 08:00:00.000000",
            note="Missing since the rescan of 11/22/2026.")
    version(pleading, 2, f"{live_folder}/2026-11-16 Klageerwiderung (Entwurf) — «final».docx", "waiting",
            original_name="Klageerwiderung v2 (MAH).docx", sha256="d" * 64, size_bytes=31_870,
            modified_ns=1_794_500_000_000_000_000, filed_at="2026-11-20 09:15:00.000000", text_note="",
            indexed_at=None, missing_since=None, note="Changed outside the program (rescan of 11/22/2026).")
    version(note, 1, f"{closed_folder}/2021-06-30 Aktennotiz Testament zurückgegeben.txt", "protected",
            original_name="notiz.txt", sha256="e" * 64, size_bytes=0, modified_ns=1_625_000_000_000_000_000,
            filed_at="2021-06-30 16:30:00.000000", text_note="The file is protected by a password.",
            indexed_at="2021-06-30 16:30:01.000000", missing_since=None, note="")
    for document_id, on_date, title, body in (
            (mail, "2026-11-04", "Re: Kündigung – Ihr Schreiben vom 3. November",
             "José Müller jose@mueller.example Bitte um Fristverlängerung um zwei Wochen — «not before Christmas»."),
            (attachment, "2026-11-04", "Übersetzung der Kündigung", ""),
            (pleading, "2026-11-16", "Klageerwiderung (Entwurf) — «final»", "")):
        f.conn.execute("INSERT INTO search_entry (id, kind, ref_id, matter_id, on_date) "
                       "VALUES (?, 'document', ?, ?, ?)",
                       (document_id * 8 + 1, document_id, live, on_date))
        f.conn.execute("INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)",
                       (document_id * 8 + 1, title, body))
