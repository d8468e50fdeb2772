"""Offers of help on a phone, the console's people view and the follow-up page (issue 13)."""
from selenium.webdriver.common.by import By

from conftest import DESKTOP, PHONE, Api, screenshot
from helpers import all_css, card_with_title, click, css, no_horizontal_scroll, press, text_has, type_into, visible, wait
from test_story import join, log_in

IDEA = "Orto condiviso sul tetto"


def open_workshop(server, phase="collecting"):
    """A fresh seeded workshop in `phase` with one idea posted by Bruno (through the API)."""
    workshop = server.draft_workshop()
    code = workshop["code"]
    api = server.facilitator_api()
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    bruno = Api(server.url)
    assert bruno.call("POST", "/api/join", {"code": code, "name": "Bruno"})[0] == 201
    status, idea = bruno.call("POST", f"/api/workshops/{code}/proposals", {"title": IDEA, "goals": ["space"]})
    assert status == 201, idea
    if phase != "collecting":
        assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": phase})[0] == 200
    return code, api, bruno, idea


def test_offering_help_on_a_phone_with_consent_then_withdrawing_it(server, browsers):
    code, api, _, idea = open_workshop(server)
    projector = browsers.new("projector", DESKTOP)
    projector.get(f"{server.url}/screen/{code}")
    visible(projector, "#s-code")

    alice = browsers.new("alice", PHONE)
    join(alice, server, code, "Alice", via_link=True)
    card = card_with_title(alice, IDEA)
    click(alice, card.find_element(By.CSS_SELECTOR, ".offer-help"))
    visible(alice, "#offer-dialog")
    assert css(alice, "#o-target").get_attribute("value") == str(idea["id"])
    assert not css(alice, "#o-consent").is_selected(), "consent must start unticked"
    text_has(alice, "#o-consent-text", "facilitators")
    press(alice, '#o-kinds input[value="space"]')
    type_into(alice, "#o-note", "Ho un cortile libero il sabato")
    type_into(alice, "#o-org", "Cooperativa Aurora")
    type_into(alice, "#o-contact", "alice@example.org")
    press(alice, "#offer-submit")
    text_has(alice, "#offer-error", "consent")
    assert no_horizontal_scroll(alice)
    screenshot(alice, "participant-offer-dialog-phone")
    press(alice, "#o-consent")
    press(alice, "#offer-submit")
    wait(alice, lambda d: not css(d, "#offer-dialog").is_displayed(), message="dialog closes")

    # The card, Alice's own list, and the projector (a count only) all show it.
    wait(alice, lambda d: "1 offer: a space" in card_with_title(d, IDEA).text, message="offer line on the card")
    text_has(alice, "#offers-mine", "Cooperativa Aurora")
    text_has(alice, "#offers-mine", "alice@example.org")
    text_has(projector, "#s-offers", "1 offer of help so far")
    assert "alice@example.org" not in projector.page_source
    screenshot(alice, "participant-offers-phone")
    assert no_horizontal_scroll(alice)
    stored = api.get(f"/api/workshops/{code}/offers")
    assert stored["summary"]["total"] == 1 and stored["mine"] == []

    # Withdrawing removes it everywhere, live.
    item = css(alice, "#offers-mine li")
    click(alice, item.find_element(By.CSS_SELECTOR, "button.danger"))
    visible(alice, "#confirm-dialog")
    press(alice, "#confirm-ok")
    wait(alice, lambda d: not all_css(d, "#offers-mine li"), message="own offer gone")
    wait(alice, lambda d: "offer:" not in card_with_title(d, IDEA).text, message="card line gone")
    wait(projector, lambda d: not css(d, "#s-offers").is_displayed(), message="projector count gone")
    assert api.get(f"/api/workshops/{code}/offers")["summary"]["total"] == 0
