"""Names of the document store's files and folders: made from a document's date and title, safe on Windows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')  # what Windows refuses in a name, and control characters
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{stem}{digit}" for stem in ("COM", "LPT") for digit in "0123456789¹²³"
}
SURROGATES = re.compile("[\ud800-\udfff]")  # bytes of a name that were not text: not storable, not shown
MAX_NAME = 120
"""The longest file name made (characters); with MAX_FOLDER and a root of up to ~70 characters a stored file's
whole path stays well under Windows' 260."""
MAX_FOLDER = 60
MAX_EXTENSION = 16
MAX_FREE = 9999  # the most " (n)" tried before a name counts as taken for good


COLON_SPACE = re.compile(r"\s*:\s+")
PARTIAL_PREFIX = ".legalsec-filing-"  # the store's own file being copied in (hidden: passed by, like the others)
TEMPORARY_EXTENSIONS = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download")
SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store", "icon\r"}


def passed_by(name: str) -> bool:
    """Whether a file (or folder) of this name is never a document, for filing a folder, a rescan and the inbox:
    hidden ones (the store's own partial copies among them), Office's lock files (~$…), Word's and other programs'
    temporaries (~WRL0001.tmp, .tmp, .part, .crdownload …), and what Windows and macOS leave behind (Thumbs.db,
    desktop.ini, .DS_Store)."""
    folded = name.casefold()
    return name.startswith((".", "~$")) or folded.endswith(TEMPORARY_EXTENSIONS) or folded in SYSTEM_FILES


def safe_name(name: str, fallback: str = "document", limit: int = MAX_NAME) -> str:
    """`name` made safe on Windows, macOS and Linux: a colon before a space (a subject's "Re: ") made " -", other
    forbidden and control characters replaced by '_', no trailing dot or space, reserved device names (CON,
    NUL.txt, COM1 …) avoided, the extension kept, at most `limit` characters; `fallback` when nothing is left."""
    spoken = COLON_SPACE.sub(" - ", SURROGATES.sub("\ufffd", name))
    cleaned = " ".join(FORBIDDEN.sub("_", spoken).split()).rstrip(". ")
    if not cleaned.strip("._ "):
        cleaned = fallback
    stem, dot, extension = cleaned.rpartition(".")
    if not dot or not stem or len(extension) > MAX_EXTENSION or " " in extension:
        stem, extension = cleaned, ""
    if stem.split(".")[0].strip().upper() in RESERVED:
        stem = f"_{stem}"
    suffix = f".{extension}" if extension else ""
    stem = stem[: max(1, limit - len(suffix))].rstrip(". ")
    return f"{stem or fallback}{suffix}"


def extension_of(file_name: str) -> str:
    """The extension of a file's name, lower case with its dot ('.pdf'); '' when it has none (or a strange one)."""
    stem, dot, extension = file_name.rpartition(".")
    if not dot or not stem.strip(". ") or not extension or len(extension) > MAX_EXTENSION:
        return ""
    if FORBIDDEN.search(extension) or " " in extension:
        return ""
    return f".{extension.lower()}"


def title_from_file_name(file_name: str) -> str:
    """A document's title from the name its file came with: 'scan_0001 final.PDF' -> 'scan_0001 final'."""
    base = SURROGATES.sub("\ufffd", re.split(r"[\\/]", file_name)[-1])
    stem = base[: -len(extension_of(base))] if extension_of(base) else base
    title = " ".join(stem.split())
    return title or " ".join(base.split()) or "Untitled"


DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\s+(.+)$")


def title_and_date(file_name: str, fallback: date) -> tuple[str, date]:
    """A document's title and date read back from a stored name (stored_name's inverse): '2026-11-30 Letter re
    extension.pdf' gives 'Letter re extension' and that date; another name, its title and `fallback`."""
    title = title_from_file_name(file_name)
    dated = DATED_NAME.match(title)
    if dated:
        try:
            return dated.group(2).strip()[:300], date.fromisoformat(dated.group(1))
        except ValueError:
            pass
    return title[:300], fallback


def stored_name(doc_date: date, title: str, extension: str, version: int = 1) -> str:
    """The name of a stored file: '2026-11-30 Letter from opposing counsel re extension.pdf'; a later version
    '… (v2).pdf'."""
    tail = f" (v{version})" if version > 1 else ""
    room = MAX_NAME - len(extension) - len(tail) - 11  # the date and its space
    stem = safe_name(" ".join(title.split()), fallback="Untitled", limit=max(1, room))
    return safe_name(f"{doc_date.isoformat()} {stem}{tail}{extension}", limit=MAX_NAME)


def folder_name(number: str, caption: str, title: str = "") -> str:
    """A matter's folder: its number and caption, else its title ('2026-0001 Rivera v. Okafor'). A folder has no
    extension: a dot is an ordinary character, and every character counts toward MAX_FOLDER."""
    given = SURROGATES.sub("\ufffd", f"{number} {caption.strip() or title.strip()}")
    words = " ".join(FORBIDDEN.sub("_", given).split())
    cleaned = words[:MAX_FOLDER].rstrip(". ")
    if not cleaned.strip("._ "):
        cleaned = "Matter"
    if cleaned.split(".")[0].strip().upper() in RESERVED:
        cleaned = f"_{cleaned}"[:MAX_FOLDER].rstrip(". ")
    return cleaned


def free_name(name: str, taken: Callable[[str], bool]) -> str:
    """`name`, else 'name (2).ext', 'name (3).ext' …: the first that `taken` says is free (compare names folded,
    as Windows and macOS do, in `taken`)."""
    if not taken(name):
        return name
    extension = extension_of(name)
    stem = name[: len(name) - len(extension)] if extension else name
    for counter in range(2, MAX_FREE + 1):
        candidate = f"{stem} ({counter}){extension}"
        if not taken(candidate):
            return candidate
    raise FileExistsError(f"no free name like {name}")
