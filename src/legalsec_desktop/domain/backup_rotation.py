"""Which backups of the database to keep: the newest few, plus one a day, a week and a month going back.

Named for what it is: the retention of database backups, not the file room's retention rules for client files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RetentionPolicy:
    """How many of each kind of backup survive rotation."""

    latest: int = 3
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def backups_to_keep(stamps: Iterable[datetime], policy: RetentionPolicy = RetentionPolicy()) -> set[datetime]:
    """Return the stamps to keep: the newest of each day, ISO week and month within the policy."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(ordered[: policy.latest])
    buckets = (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    )
    for limit, bucket_of in buckets:
        seen: list[object] = []
        for stamp in ordered:  # newest first, so the first stamp in a bucket is its newest
            bucket = bucket_of(stamp)
            if bucket in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(bucket)
            keep.add(stamp)
    return keep
