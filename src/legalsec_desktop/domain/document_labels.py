"""How document kinds and the state of a document's text are named on screen."""

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
