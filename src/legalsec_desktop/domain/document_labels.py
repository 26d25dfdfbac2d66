"""The kinds of document, and how kinds and the state of a document's text are named on screen."""

DOCUMENT_KINDS = ("pleading", "correspondence", "email", "discovery", "evidence", "note", "other")

KIND_LABELS = {
    "pleading": "Pleading",
    "correspondence": "Correspondence",
    "email": "E-mail",
    "discovery": "Discovery",
    "evidence": "Evidence",
    "note": "Note",
    "other": "Other",
}
STATE_LABELS = {
    "indexed": "Indexed",
    "waiting": "Waiting",
    "needs_ocr": "Needs OCR",
    "protected": "Protected",
    "damaged": "Damaged",
    "empty": "No text",
    "unsupported": "Text not read",
    "failed": "Failed",
    "missing": "Missing",
}
