"""Backup rotation keeps the newest few plus one a day, a week and a month."""

from datetime import datetime, timedelta

from legalsec_desktop.domain.backup_rotation import RetentionPolicy, backups_to_keep


def test_hourly_backups_for_a_year_shrink_to_the_policy():
    now = datetime(2026, 11, 23, 18, 0)
    stamps = [now - timedelta(hours=h) for h in range(0, 24 * 400, 3)]
    keep = backups_to_keep(stamps, RetentionPolicy(latest=3, daily=7, weekly=4, monthly=12))
    assert set(sorted(stamps, reverse=True)[:3]) <= keep
    days = {s.date() for s in keep}
    assert len([d for d in days if (now.date() - d).days < 7]) == 7
    months = {(s.year, s.month) for s in keep}
    assert len(months) == 12
    assert len(keep) <= 3 + 7 + 4 + 12


def test_keeps_the_newest_of_each_day():
    day = datetime(2026, 11, 20)
    stamps = [day.replace(hour=h) for h in (8, 12, 17)]
    keep = backups_to_keep(stamps, RetentionPolicy(latest=0, daily=1, weekly=0, monthly=0))
    assert keep == {day.replace(hour=17)}


def test_nothing_to_keep_from_nothing():
    assert backups_to_keep([]) == set()
