# Zorgnetwerk's two date styles in English (docs/design.md): "1 December 2026" in text, "01/12/2026" in tables
# (day first, as in Belgium). Everything not named here comes from Django's own English formats.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
# Typed dates are read day first too, like the dates we show (date pickers send ISO dates).
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y"]
