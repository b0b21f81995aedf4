"""Pages of the round table, the action plan and its follow-up (steps 3-4).

Thin: parse, call one service, render. Every view starts from what the user may see
(`get_network_for_user` or `Model.objects.visible_to(user)`), so a non-member gets a 404; changes go
through POST and refuse a closed network.
"""
