"""The eco-map: valid, escaped SVG that stays legible with 1 and with 25 members."""

import xml.etree.ElementTree as ET

import pytest

from networks.choices import MemberRole, Trust
from networks.ecomap import ROW_HEIGHT, ecomap_layout, render_ecomap_svg
from networks.services import network_add_member
from networks.tests.factories import CareNetworkFactory, OrganisationFactory, SupporterFactory
from youths.tests.helpers import add_members

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def assert_legible(network):
    memberships = list(network.memberships.active().select_related("supporter__organisation"))
    layout = ecomap_layout(memberships)
    nodes = layout["nodes"]
    assert len(nodes) == len(memberships)
    # Every member has its own place, clear of the youth in the centre.
    assert len({(node.x, node.y) for node in nodes}) == len(nodes)
    for node in nodes:
        assert abs(node.x - layout["cx"]) > layout["youth_radius"] + layout["node_radius"]
        assert 0 < node.x < layout["width"] and 0 < node.y < layout["height"]
    # Labels point outwards on each side, a full row apart: no two labels overlap.
    for side in ("left", "right"):
        ys = sorted(node.y for node in nodes if node.side == side)
        assert all(b - a >= ROW_HEIGHT for a, b in zip(ys, ys[1:], strict=False))
    for node in nodes:
        if node.side == "right":
            assert node.label_x > node.x > layout["cx"]
        else:
            assert node.label_x < node.x < layout["cx"]
    return layout


def test_a_network_with_one_member_gives_a_valid_map():
    network = CareNetworkFactory()
    supporter = SupporterFactory(first_name="Sara", last_name="Vermeulen")
    network_add_member(network=network, supporter=supporter, role=MemberRole.OKAN_COACH)
    root = parse(render_ecomap_svg(network))
    assert "Sara Vermeulen" in texts(root)
    assert network.youth.first_name[:10] in " ".join(texts(root))
    assert_legible(network)


def test_a_network_with_25_members_stays_legible(network):
    add_members(network, 22)
    memberships = network.memberships.active().select_related("supporter__organisation")
    root = parse(render_ecomap_svg(network, memberships))
    names = texts(root)
    for membership in memberships:
        assert membership.supporter.full_name[:27] in " ".join(names)
    assert len(root.findall(f".//{SVG}g[@class='ecomap-member']")) == 25
    layout = assert_legible(network)
    assert {node.side for node in layout["nodes"]} == {"left", "right"}


def test_members_are_grouped_by_sector_and_coloured(network):
    add_members(network, 10)
    layout = ecomap_layout(network.memberships.active().select_related("supporter__organisation"))
    order = [node.membership.sector for node in layout["nodes"] if node.side == "right"]
    order += list(reversed([node.membership.sector for node in layout["nodes"] if node.side == "left"]))
    # Going round the youth, each sector forms one unbroken group.
    groups = [sector for i, sector in enumerate(order) if i == 0 or order[i - 1] != sector]
    assert len(groups) == len(set(groups))
    colours = {node.membership.sector: node.colour for node in layout["nodes"]}
    assert len(set(colours.values())) == len(colours)
    assert {item["label"] for item in layout["legend"]} == {
        str(node.membership.get_sector_display()) for node in layout["nodes"]
    }


def test_the_line_style_follows_the_youths_trust(network):
    for membership, trust in zip(network.memberships.all(), (Trust.HIGH, Trust.SOME, Trust.LOW), strict=True):
        membership.youth_trust = trust
        membership.save()
    root = parse(render_ecomap_svg(network))
    lines = root.find(f"{SVG}g[@class='ecomap-lines']").findall(f"{SVG}line")
    dashes = sorted(line.get("stroke-dasharray") or "solid" for line in lines)
    assert dashes == sorted(["solid", "8 5", "2 5"])


def test_names_are_escaped(network):
    evil = OrganisationFactory(name='<script>alert("x")</script> & Co')
    supporter = SupporterFactory(first_name="<b>Bob</b>", last_name="O'Neil & Zn", organisation=evil)
    network_add_member(network=network, supporter=supporter, role=MemberRole.OTHER)
    svg = render_ecomap_svg(network)
    assert "<script>" not in svg and "<b>" not in svg
    root = parse(svg)
    assert "<b>Bob</b> O'Neil & Zn" in texts(root)


def test_the_map_uses_dots_for_decimals_in_dutch(network, settings):
    from django.utils import translation

    with translation.override("nl"):
        svg = render_ecomap_svg(network)
    root = parse(svg)
    for circle in root.iter(f"{SVG}circle"):
        float(circle.get("cx"))
        float(circle.get("cy"))
