"""Every change to a round table, a plan or its follow-up goes through these services (steps 3-4).

- `roundtables`: planning a round table, its invitations (.ics by e-mail), filling in its record;
- `plans`: the action plan, its versions, actions, barriers, referrals and "with which question to whom";
- `followup`: evaluations and the next contact.

They lock what they check, write the youth's timeline, mark the plan as changed for the lead,
and send e-mails only after commit.
"""
