"""Language, safety, layout and resilience of the pages in a real browser, plus the screenshots."""
import time

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import DESKTOP, PHONE, record_figure, screenshot
from helpers import (press, all_css, click, card_with_title, css, low_contrast, no_horizontal_scroll, text_has, text_is, type_into, visible, wait)

XSS = "<img src=x onerror=alert(1)>"
LONG_WORD = "Supercalifragilisticexpialidocious" * 3


def open_phase(server, code, phase):
    api = server.facilitator_api()
    status, body = api.call("POST", f"/api/workshops/{code}/phase", {"phase": phase})
    assert status == 200, (status, body)
    return api


def join_by_keyboard(driver, server, code, name):
    """Joins using only the keyboard: type the code, Tab to the name, Enter to submit."""
    driver.get(server.url + "/")
    visible(driver, "#code")
    assert driver.switch_to.active_element == css(driver, "#code"), "the code field has focus on arrival"
    driver.switch_to.active_element.send_keys(code)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "name", message="Tab reaches name")
    driver.switch_to.active_element.send_keys(name, Keys.ENTER)
    wait(driver, lambda d: d.current_url.endswith(f"/w/{code}"), message="joined")
    visible(driver, "#who")


def post(driver, title):
    visible(driver, "#proposal-form")
    type_into(driver, "#p-title", title)
    press(driver, "#proposal-submit")
    return card_with_title(driver, title)


def test_an_italian_browser_sees_italian_and_the_choice_is_remembered(server, browsers):
    workshop = server.draft_workshop()
    code = workshop["code"]
    open_phase(server, code, "collecting")
    driver = browsers.new("italiano", PHONE, language="it-IT")
    driver.get(server.url + "/")
    text_is(driver, "h1", "Partecipa a un laboratorio")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "it"
    assert css(driver, '[data-lang="it"]').get_attribute("aria-pressed") == "true"
    screenshot(driver, "join-it-phone")
    join_by_keyboard(driver, server, code, "Giulia")
    text_is(driver, "#w-title", workshop["title"]["it"])
    text_is(driver, "#phase-badge", "Raccolta idee")
    text_has(driver, "#who", "Partecipi come Giulia")
    text_is(driver, "#p-title-count", "0 / 120")
    screenshot(driver, "participant-collecting-it-phone")

    # Switching to English re-renders in place, and a reload keeps English.
    press(driver, '[data-lang="en"]')
    text_is(driver, "#w-title", workshop["title"]["en"])
    text_is(driver, "#phase-badge", "Collecting ideas")
    driver.refresh()
    text_is(driver, "#phase-badge", "Collecting ideas")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_a_script_in_a_title_shows_as_text_and_runs_nothing(server, browsers):
    code = server.create_workshop()["code"]
    open_phase(server, code, "collecting")
    author = browsers.new("xss-author", PHONE)
    join_by_keyboard(author, server, code, "Mallory")
    card = post(author, XSS)
    assert card.find_element(By.CSS_SELECTOR, ".card-title").text == XSS
    assert card.find_elements(By.TAG_NAME, "img") == []

    # The same title on the projector wall and in the facilitator's console.
    wall = browsers.new("xss-screen", DESKTOP)
    wall.get(f"{server.url}/screen/{code}")
    wait(wall, lambda d: any(i.text.startswith(XSS) for i in all_css(d, "#wall .idea-title")), message="title on wall")
    console = browsers.new("xss-console", DESKTOP)
    console.get(server.url + "/console")
    visible(console, "#login-form")
    type_into(console, "#username", server.username)
    type_into(console, "#password", server.password + Keys.ENTER)
    visible(console, "#programmes .ws-list")
    console.get(f"{server.url}/console#{code}")
    wait(console, lambda d: any(s.text == XSS for s in all_css(d, "#mod-list strong")), message="title in console")
    time.sleep(0.5)
    for driver in (author, wall, console):
        assert driver.find_elements(By.CSS_SELECTOR, "main img:not(#qr)") == []
        try:
            alert = driver.switch_to.alert
            raise AssertionError(f"an alert ran: {alert.text}")
        except NoAlertPresentException:
            pass


def test_a_360_px_phone_never_scrolls_sideways(server, browsers):
    code = server.create_workshop()["code"]
    open_phase(server, code, "collecting")
    phone = browsers.new("narrow", PHONE)
    assert phone.execute_script("return window.innerWidth") <= 360
    phone.get(server.url + "/")
    visible(phone, "#join-form")
    assert no_horizontal_scroll(phone), "join page"
    assert low_contrast(phone) == []
    screenshot(phone, "join-phone")
    join_by_keyboard(phone, server, code, "Nadia")
    post(phone, LONG_WORD)
    assert no_horizontal_scroll(phone), "participant page with a long unbroken title"
    assert low_contrast(phone) == []
    phone.get(f"{server.url}/screen/{code}")
    visible(phone, "#wall .idea")
    assert no_horizontal_scroll(phone), "projector page"
    assert low_contrast(phone) == []
    screenshot(phone, "screen-collecting-phone")
    phone.get(server.url + "/console")
    visible(phone, "#login-form")
    assert no_horizontal_scroll(phone), "console login"
    screenshot(phone, "console-login-phone")
    type_into(phone, "#username", server.username)
    type_into(phone, "#password", server.password + Keys.ENTER)
    visible(phone, "#programmes .ws-list")
    phone.get(f"{server.url}/console#{code}")
    wait(phone, lambda d: css(d, "#ws-code").text == code, message="workshop open")
    visible(phone, "#mod-list li")
    assert no_horizontal_scroll(phone), "console workshop view"
    assert low_contrast(phone) == []
    screenshot(phone, "console-workshop-phone")


def test_desktop_layouts_have_no_sideways_scroll_and_are_photographed(server, browsers):
    code = server.create_workshop()["code"]
    open_phase(server, code, "collecting")
    desk = browsers.new("desk", DESKTOP)
    desk.get(server.url + "/console")
    visible(desk, "#login-form")
    screenshot(desk, "console-login-desktop")
    desk.get(server.url + "/")
    visible(desk, "#join-form")
    screenshot(desk, "join-desktop")
    join_by_keyboard(desk, server, code, "Dora")
    post(desk, "A repair café every Saturday")
    post(desk, "Bike parking in the courtyard")
    assert no_horizontal_scroll(desk)
    assert low_contrast(desk) == []
    screenshot(desk, "participant-collecting-desktop")


def test_a_wrong_password_gets_a_clear_message(server, browsers):
    browsers.allow("/api/session - Failed to load resource")
    driver = browsers.new("wrong-password", PHONE)
    driver.get(server.url + "/console")
    visible(driver, "#login-form")
    type_into(driver, "#username", server.username)
    type_into(driver, "#password", "not-the-password" + Keys.ENTER)
    text_is(driver, "#login-error", "Wrong username or password.")
    assert css(driver, "#login").is_displayed()


def test_an_unknown_code_is_refused_before_joining(server, browsers):
    driver = browsers.new("bad-code", PHONE)
    driver.get(server.url + "/")
    visible(driver, "#code")
    type_into(driver, "#code", "AB")
    type_into(driver, "#name", "Zoe" + Keys.ENTER)
    text_has(driver, "#join-error", "6 letters and digits")
    assert driver.current_url.rstrip("/") == server.url


def test_a_lost_connection_shows_reconnecting_and_recovers(server, browsers):
    code = server.create_workshop()["code"]
    api = open_phase(server, code, "collecting")
    driver = browsers.new("flaky", PHONE)
    join_by_keyboard(driver, server, code, "Ivo")
    wait(driver, lambda d: css(d, "#conn").get_attribute("data-state") == "live", message="live at first")
    browsers.allow("net::ERR_INTERNET_DISCONNECTED")
    browsers.allow("/events - Failed to load resource")
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    wait(driver, lambda d: css(d, "#conn").get_attribute("data-state") == "reconnecting", message="reconnecting shown")
    assert "reconnecting" in css(driver, "#conn").text.lower()
    screenshot(driver, "participant-reconnecting-phone")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    wait(driver, lambda d: css(d, "#conn").get_attribute("data-state") == "live", timeout=20, message="live again")
    # What happened while offline arrives after the reconnection, without reload.
    status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    assert status == 200
    wait(driver, lambda d: css(d, "#phase-badge").get_attribute("data-phase") == "voting", message="phase follows")


def test_approval_voting_without_ratings_toggles_support_and_saves(server, browsers):
    workshop = server.create_workshop(votingMethod="approval", ratingsEnabled=False)
    code = workshop["code"]
    api = open_phase(server, code, "collecting")
    ada = browsers.new("ada", PHONE)
    ben = browsers.new("ben", PHONE)
    join_by_keyboard(ada, server, code, "Ada")
    join_by_keyboard(ben, server, code, "Ben")
    post(ada, "Open workshop evenings")
    post(ben, "Shared tool library")
    card_with_title(ada, "Shared tool library")
    status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    assert status == 200
    card = card_with_title(ada, "Shared tool library")
    toggle = wait(ada, lambda d: card.find_element(By.CSS_SELECTOR, "button.toggle"), message="toggle shown")
    assert card.find_elements(By.CSS_SELECTOR, "fieldset.rating") == [], "no ratings when the workshop asks none"
    assert toggle.get_attribute("aria-pressed") == "false"
    click(ada, toggle)
    assert toggle.get_attribute("aria-pressed") == "true"
    wait(ada, lambda d: css(d, "#save-state").get_attribute("data-state") == "saved", message="saved")
    text_has(ada, "#budget", "1")
    own = card_with_title(ada, "Open workshop evenings")
    assert own.find_elements(By.CSS_SELECTOR, "button.toggle")[0].is_displayed() is False
    screenshot(ada, "participant-approval-phone")


def test_reduced_motion_turns_animations_off(server, browsers):
    code = server.create_workshop()["code"]
    open_phase(server, code, "collecting")
    phone = browsers.new("calm-phone", PHONE)
    join_by_keyboard(phone, server, code, "Pia")
    post(phone, "Quiet reading corner")
    wall = browsers.new("calm-screen", DESKTOP)
    wall.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    wall.get(f"{server.url}/screen/{code}")
    idea = visible(wall, "#wall .idea")
    assert wall.execute_script("return getComputedStyle(arguments[0]).animationName", idea) == "none"
    # Without the preference the wall does animate new ideas in.
    wall.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "no-preference"}]})
    assert wall.execute_script("return getComputedStyle(arguments[0]).animationName", idea) == "pop"


def test_with_tallies_hidden_the_projector_counts_ballots_and_nobody_sees_support(server, browsers):
    code = server.create_workshop()["code"]        # default settings: tallies hidden until closed
    api = open_phase(server, code, "collecting")
    voter = browsers.new("quiet-voter", PHONE)
    author = browsers.new("quiet-author", PHONE)
    join_by_keyboard(voter, server, code, "Lia")
    join_by_keyboard(author, server, code, "Ugo")
    post(author, "Seed swap shelf")
    card_with_title(voter, "Seed swap shelf")
    status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    assert status == 200
    wall = browsers.new("quiet-screen", DESKTOP)
    wall.get(f"{server.url}/screen/{code}")
    visible(wall, "#stage-voting")
    assert css(wall, "#ballot-count").get_attribute("data-count") == "0"
    assert not css(wall, "#chart-box").is_displayed()
    card = card_with_title(voter, "Seed swap shelf")
    plus = wait(voter, lambda d: card.find_element(By.CSS_SELECTOR, ".dots button:last-of-type"), message="dots shown")
    click(voter, plus)
    wait(voter, lambda d: css(d, "#save-state").get_attribute("data-state") == "saved", message="saved")
    saved_at = time.monotonic()
    # Liveness bound (10 s); the latency is a recorded figure, not an assertion.
    wait(wall, lambda d: css(d, "#ballot-count").get_attribute("data-count") == "1", timeout=10,
         message="ballot count without reload")
    record_figure(f"pages: quiet screen showed the ballot count {time.monotonic() - saved_at:.2f} s after the save")
    assert not css(wall, "#chart-box").is_displayed(), "no support chart while tallies are hidden"
    assert not card.find_element(By.CSS_SELECTOR, ".tally").is_displayed(), "participants see no tallies"
    screenshot(wall, "screen-voting-ballots-desktop")


def test_a_participant_over_the_proposal_quota_is_told_so_in_their_language(server, browsers):
    browsers.allow("/proposals - Failed to load resource")  # the refused second idea (409)
    workshop = server.create_workshop(proposalsPerParticipant=1)
    code = workshop["code"]
    open_phase(server, code, "collecting")
    driver = browsers.new("quota-it", PHONE, language="it-IT")
    join_by_keyboard(driver, server, code, "Quinta")
    post(driver, "La prima idea")
    type_into(driver, "#p-title", "Una seconda idea")
    press(driver, "#proposal-submit")
    text_is(driver, "#proposal-error", "Hai aggiunto tutte le idee che una persona può proporre in questo laboratorio.")
    press(driver, '[data-lang="en"]')
    press(driver, "#proposal-submit")
    text_is(driver, "#proposal-error", "You have added as many ideas as one person may add in this workshop.")
