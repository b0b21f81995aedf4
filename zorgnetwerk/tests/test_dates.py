import datetime

import pytest

from zorgnetwerk.dates import add_months, add_years, years_before

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 15), 3, D(2026, 4, 15)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2027, 11, 30), 3, D(2028, 2, 29)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 1, 1), -1, D(2025, 12, 1)),
        (D(2026, 10, 1), 3, D(2027, 1, 1)),
    ],
)
def test_add_months_keeps_the_day_within_the_target_month(day, months, expected):
    assert add_months(day, months) == expected


def test_someone_born_on_29_february_comes_of_age_on_28_february():
    assert add_years(D(2008, 2, 29), 18) == D(2026, 2, 28)
    assert years_before(D(2028, 2, 29), 18) == D(2010, 2, 28)
    assert years_before(D(2026, 12, 1), 17) == D(2009, 12, 1)
