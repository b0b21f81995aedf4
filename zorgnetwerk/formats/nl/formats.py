# Zorgnetwerk's two date styles in Dutch (docs/design.md): "1 december 2026" in text, "01-12-2026" in tables.
# Everything not named here comes from Django's own Dutch formats (input formats included).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
