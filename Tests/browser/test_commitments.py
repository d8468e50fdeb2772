"""Offers of help on a phone, the console's people view and the follow-up page (issue 13)."""
import urllib.request

from selenium.webdriver.common.by import By

from conftest import DESKTOP, PHONE, Api, screenshot
from helpers import all_css, card_with_title, click, css, no_horizontal_scroll, press, text_has, type_into, visible, wait
from test_story import join

IDEA = "Orto condiviso sul tetto"


def sign_in_as(driver, server, api):
    """Gives the browser the cookies of an API client (a participant who joined through the API)."""
    driver.get(server.url + "/")
    jar = next(h for h in api.opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)).cookiejar
    for cookie in jar:
        driver.add_cookie({"name": cookie.name, "value": cookie.value, "path": "/"})


_SESSIONS = {}


def facilitator(server):
    """One facilitator API session for this module: each login costs a full password hash."""
    if server.url not in _SESSIONS:
        _SESSIONS[server.url] = server.facilitator_api()
    return _SESSIONS[server.url]


def open_workshop(server, phase="collecting"):
    """A fresh seeded workshop in `phase` with one idea posted by Bruno (through the API)."""
    workshop = server.draft_workshop()
    code = workshop["code"]
    api = facilitator(server)
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


def test_follow_up_from_the_console_to_the_public_page_and_back_to_the_participant(server, browsers):
    code, api, bruno, idea = open_workshop(server, phase="closed")
    fac = browsers.new("facilitator-fu", DESKTOP)
    sign_in_as(fac, server, api)  # the API's session: one password hash less on a loaded machine
    fac.get(f"{server.url}/console#{code}")
    visible(fac, "#fu-closed")
    wait(fac, lambda d: any(o.text == IDEA for o in all_css(d, "#fu-proposal option")), message="idea offered as target")
    fac.execute_script("const s = document.getElementById('fu-proposal'); s.value = arguments[0]; s.dispatchEvent(new Event('change'))",
                       str(idea["id"]))
    press(fac, '#fu-new button[type="submit"]')
    item = wait(fac, lambda d: css(d, "#fu-list > li"), message="action listed")
    aid = item.get_attribute("data-id")
    fac.execute_script("const s = document.getElementById(arguments[0]); s.value = 'in_progress'; s.dispatchEvent(new Event('change'))",
                       f"fu-{aid}-status")
    type_into(fac, f"#fu-{aid}-owner", "Comitato di quartiere")
    type_into(fac, f"#fu-{aid}-step", "Sopralluogo sul tetto")
    press(fac, f'#fu-list > li[data-id="{aid}"] .fu-form button[type="submit"]')
    wait(fac, lambda d: api.get(f"/api/workshops/{code}/actions")["actions"][0]["status"] == "in_progress", message="saved")
    wait(fac, lambda d: "in progress" in css(d, f'#fu-list > li[data-id="{aid}"] h3').text, message="row redrawn")
    type_into(fac, f"#fu-{aid}-note", "Il condominio ha detto sì")
    press(fac, f'#fu-list > li[data-id="{aid}"] .fu-note-form button')
    wait(fac, lambda d: "Il condominio ha detto sì" in css(d, "#fu-list").text, message="note listed")
    screenshot(fac, "console-followup-desktop")

    # Anyone with the programme's public link, on a phone.
    programme = api.get(f"/api/workshops/{code}")["programmeId"]
    visitor = browsers.new("visitor", PHONE)
    visitor.get(f"{server.url}/follow-up/{programme}")
    text_has(visitor, "#f-workshops", IDEA)
    text_has(visitor, "#f-workshops", "in progress")
    text_has(visitor, "#f-workshops", "Il condominio ha detto sì")
    text_has(visitor, "#f-goals", "1 in progress")
    assert no_horizontal_scroll(visitor)
    screenshot(visitor, "followup-public-phone")

    # A participant coming back to /w/CODE sees it too, and a later change arrives live.
    bruno_page = browsers.new("bruno-fu", PHONE)
    sign_in_as(bruno_page, server, bruno)
    bruno_page.get(f"{server.url}/w/{code}")
    visible(bruno_page, "#followup-section")
    text_has(bruno_page, "#followup-list", "Sopralluogo sul tetto")
    api.call("PATCH", f"/api/actions/{aid}", {"status": "done"})
    text_has(bruno_page, "#followup-list", "done")


def test_a_personal_return_link_opens_the_same_participant_on_another_device(server, browsers):
    code, _, _, _ = open_workshop(server)
    phone = browsers.new("carla-phone", PHONE)
    join(phone, server, code, "Carla", via_link=True)
    click(phone, css(phone, "#return-box summary"))
    press(phone, "#return-make")
    visible(phone, "#return-qr svg")
    url = wait(phone, lambda d: css(d, "#return-url").get_attribute("value"), message="link shown")
    assert "/back#" in url
    assert no_horizontal_scroll(phone)
    screenshot(phone, "participant-return-link-phone")

    laptop = browsers.new("carla-laptop", DESKTOP)
    laptop.get(url)
    wait(laptop, lambda d: d.current_url.endswith(f"/w/{code}"), message="workshop opens")
    text_has(laptop, "#who", "Carla")
    assert "#" not in laptop.current_url


def test_the_console_people_view_lists_offers_reachable_people_and_records_exports(server, browsers):
    code, api, bruno, idea = open_workshop(server)
    status, _ = bruno.call("POST", f"/api/workshops/{code}/offers", {
        "kind": "space", "proposalId": idea["id"], "organisation": "Cooperativa Aurora",
        "contact": "bruno@example.org", "consent": True})
    assert status == 201
    dora = Api(server.url)
    assert dora.call("POST", "/api/join", {"code": code, "name": "Dora"})[0] == 201
    assert dora.call("POST", f"/api/workshops/{code}/offers", {"kind": "time", "proposalId": idea["id"]})[0] == 201

    fac = browsers.new("facilitator-pp", DESKTOP)
    sign_in_as(fac, server, api)
    fac.get(f"{server.url}/console#{code}")
    text_has(fac, "#pp-totals", "2 offers of help from 2 people; 1 can be contacted")
    text_has(fac, "#pp-reachable", "bruno@example.org")
    text_has(fac, "#pp-reachable", "Cooperativa Aurora")
    assert "dora" not in css(fac, "#pp-reachable").text.lower()
    text_has(fac, "#pp-view", "2 offers: time, a space")
    # The console's live ranking carries the same offer line.
    wait(fac, lambda d: "2 offers: time, a space" in css(d, "#console-ranking").text or not all_css(d, "#console-ranking li.rank-entry"),
         message="ranking offer line")
    screenshot(fac, "console-people-desktop")

    programme = api.get(f"/api/workshops/{code}")["programmeId"]
    before = len(api.get(f"/api/programmes/{programme}/contact-exports")["exports"])
    # Each export button POSTs (a GET of the address records nothing: 405) and saves the answer as a
    # download; the export is recorded once and the log in the console refreshes.
    press(fac, '#pp-view button[data-format="vcard"][data-scope="workshop"]')
    vcard = wait(fac, lambda d: next((p for p in d.download_dir.glob("officina-contacts-*.vcf")), False), timeout=10,
                 message="vCard downloaded")
    wait(fac, lambda d: vcard.stat().st_size > 0 and not list(d.download_dir.glob("*.crdownload")), message="vCard complete")
    assert "EMAIL:bruno@example.org" in vcard.read_text(encoding="utf-8")
    assert "dora" not in vcard.read_text(encoding="utf-8").lower()
    wait(fac, lambda d: len(api.get(f"/api/programmes/{programme}/contact-exports")["exports"]) == before + 1, message="export recorded")
    press(fac, '#pp-view button[data-format="csv"][data-scope="workshop"]')
    wait(fac, lambda d: "csv, 1 contacts" in css(d, "#pp-view").text, message="export listed")
    csv_file = wait(fac, lambda d: next((p for p in d.download_dir.glob("officina-contacts-*.csv")), False), timeout=10,
                    message="CSV downloaded")
    wait(fac, lambda d: csv_file.stat().st_size > 0 and not list(d.download_dir.glob("*.crdownload")), message="CSV complete")
    assert "bruno@example.org" in csv_file.read_text(encoding="utf-8")
    assert len(api.get(f"/api/programmes/{programme}/contact-exports")["exports"]) == before + 2
    assert css(fac, "#pp-error").text == ""
    # The old link's address, requested with the facilitator's session, records nothing.
    status, answer = api.call("GET", f"/api/programmes/{programme}/contacts?format=csv&workshop={code}")
    assert status == 405 and answer["error"]["code"] == "method_not_allowed"
    assert len(api.get(f"/api/programmes/{programme}/contact-exports")["exports"]) == before + 2

    # Across the whole programme: the same view, other workshops' offers included.
    fac.execute_script("const s = document.getElementById('pp-scope'); s.value = 'programme'; s.dispatchEvent(new Event('change'))")
    programme_people = api.get(f"/api/programmes/{programme}/people")
    text_has(fac, "#pp-totals", f"{programme_people['totals']['offers']} offers of help")
    text_has(fac, "#pp-reachable", "bruno@example.org")

    # Reissuing a return link shows its QR code.
    click(fac, css(fac, "#pp-participants-box summary"))
    row = wait(fac, lambda d: next((li for li in all_css(d, "#pp-participants li") if "Dora" in li.text), False), message="Dora listed")
    click(fac, row.find_element(By.CSS_SELECTOR, "button"))
    visible(fac, "#pp-link svg")
    text_has(fac, "#pp-link", "Dora")
