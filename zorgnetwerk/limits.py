"""How much text one field holds: enough for what a supporter writes, never a denial of service.

Every free-text field of every model takes one of these as its `max_length` (Django checks it in
each form and the browser stops typing there; the database keeps TEXT). A 2.4 MB plan field once
made its PDF take 99 s; with these limits the longest document stays within a few pages per field.
"""

# A reason, a result, a short answer: a paragraph or two.
TEXT_SHORT = 2000
# A section of the plan, an answer in the first conversation, a note, a handover note: about a page.
TEXT_LONG = 5000
