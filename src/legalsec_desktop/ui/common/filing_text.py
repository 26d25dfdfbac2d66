"""What a filing did, in words: the summary shown when documents have been filed (Qt-free, for tests)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from legalsec_desktop.services.document_rows import FilingResult

SHOWN = 12  # lines of duplicates or problems listed before "and N more"


def _name(result: FilingResult) -> str:
    return Path(result.source).name or result.source


def _listed(lines: list[str]) -> list[str]:
    if len(lines) <= SHOWN:
        return lines
    return [*lines[:SHOWN], f"  … and {len(lines) - SHOWN} more"]


def _flat(results: Sequence[FilingResult]) -> list[FilingResult]:
    """The results with an e-mail's attachments after it."""
    flat: list[FilingResult] = []
    for result in results:
        flat.append(result)
        flat.extend(_flat(result.attachments))
    return flat


def filing_summary(results: Sequence[FilingResult], cancelled: bool = False) -> tuple[str, str]:
    """(headline, the details): filed N, duplicates M with their titles, flagged or refused with their reasons."""
    flat = _flat(results)
    filed = [r for r in flat if r.outcome == "filed"]
    duplicates = [r for r in flat if r.outcome == "duplicate"]
    refused = [r for r in flat if r.outcome not in ("filed", "duplicate")]
    flagged = [r for r in filed if r.flag]
    parts = [f"Filed {len(filed):,} document{'s' if len(filed) != 1 else ''}"]
    if duplicates:
        parts.append(f"{len(duplicates):,} already filed")
    if refused:
        parts.append(f"{len(refused):,} not filed")
    headline = ", ".join(parts) + "." + (" Cancelled: the rest were not filed." if cancelled else "")
    details: list[str] = []
    if duplicates:
        details.append("Already filed (not filed again):")
        details += _listed([f"  {_name(r)}" + ("" if Path(_name(r)).stem == r.title else f" (as “{r.title}”)")
                            for r in duplicates])
    if flagged:
        details.append("Filed, but their text could not be read (not found by a search of words):")
        details += _listed([f"  {_name(r)}: {r.reason or r.flag}" for r in flagged])
    if refused:
        details.append("Not filed:")
        details += _listed([f"  {_name(r)}: {r.message}" for r in refused])
    if not flat:
        headline = "Nothing was filed: no files were found there." if not cancelled else "Cancelled: nothing was filed."
    return headline, "\n".join(details)
