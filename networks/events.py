"""What happened in a network, for the code that must follow it without being imported here.

Amsterdam's Signals habit (STYLE.md): a lower module publishes Django signals and the module
above it reacts, wired in `AppConfig.ready()`. handovers.services listens, so a handover waiting
for an answer ends when its leaver leaves another way or its consent is revoked.
"""

from django.dispatch import Signal

# A membership ended (`membership=`, `by=`), in the transaction that ended it.
membership_ended = Signal()
# The youth revoked a consent to share (`consent=`, `by=`), in the transaction that revoked it.
consent_revoked = Signal()
