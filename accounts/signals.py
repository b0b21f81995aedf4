"""What happens to a user's second factor, for whoever keeps the record (the audit trail).

Logins, failed logins and logouts need no signal of ours: django.contrib.auth sends them.
Receivers get `request` and `user`.
"""

from django.dispatch import Signal

# An authenticator app was set up, or new backup codes replaced the old ones (`fields` says which).
second_factor_enrolled = Signal()

# A code from the app or a backup code was not right.
second_factor_failed = Signal()
