"""Calendar arithmetic on dates, in one place: whole years and whole months.

A date that does not exist in the target month (29 February in another year, 31 January plus one
month) becomes the last day of that month, so that "18 years after 29 February 2008" is
28 February 2026, and a youth born on 29 February comes of age on 28 February.
"""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier, when negative), kept within the target month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: datetime.date, years: int) -> datetime.date:
    return add_months(day, 12 * years)


def years_before(day: datetime.date, years: int) -> datetime.date:
    return add_years(day, -years)
