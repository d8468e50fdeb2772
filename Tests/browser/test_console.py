"""The facilitator console beyond the main story: creating a workshop with its settings, single-use
access codes, and joining with one."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import DESKTOP, PHONE, screenshot
from helpers import click, css, press, text_has, type_into, visible, wait


def log_in(driver, server):
    driver.get(server.url + "/console")
    visible(driver, "#login-form")
    type_into(driver, "#username", server.username)
    type_into(driver, "#password", server.password + Keys.ENTER)
    visible(driver, "#programmes .ws-list")


def test_a_facilitator_creates_a_workshop_that_needs_access_codes_and_a_ticket_lets_one_person_in(server, browsers):
    browsers.allow("/api/join - Failed to load resource")
    fac = browsers.new("creator", DESKTOP)
    log_in(fac, server)
    press(fac, "#programmes section:first-child > button")
    visible(fac, "#edit-dialog")
    type_into(fac, "#e-theme", "events")
    type_into(fac, "#e-title-it", "Serata di quartiere")
    type_into(fac, "#e-title-en", "Neighbourhood evening")
    type_into(fac, "#e-desc-it", "Idee per la prima serata aperta.")
    type_into(fac, "#e-desc-en", "Ideas for the first open evening.")
    fac.find_element(By.CSS_SELECTOR, '#e-method option[value="approval"]').click()
    assert not css(fac, "#e-budget").is_enabled(), "no dot budget with approval voting"
    click(fac, css(fac, "#e-access"))
    click(fac, css(fac, "#e-anonymous"))
    screenshot(fac, "console-create-desktop")
    press(fac, "#edit-save")
    wait(fac, lambda d: not css(d, "#edit-dialog").is_displayed(), message="dialog closes")
    wait(fac, lambda d: css(d, "#ws-title").text == "Neighbourhood evening", message="new workshop opens")
    code = css(fac, "#ws-code").text
    api = server.facilitator_api()
    created = api.get(f"/api/workshops/{code}")
    assert created["settings"]["votingMethod"] == "approval"
    assert created["settings"]["requireAccessCode"] is True
    assert created["settings"]["anonymous"] is True
    assert created["title"] == {"it": "Serata di quartiere", "en": "Neighbourhood evening"}

    # Three single-use codes; the tickets link points at the printable sheet.
    count = css(fac, "#codes-count")
    count.clear()
    count.send_keys("3")
    press(fac, "#codes-form button[type=submit]")
    wait(fac, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#codes li")) == 3, message="3 codes listed")
    codes = [li.text for li in fac.find_elements(By.CSS_SELECTOR, "#codes li")]
    assert css(fac, "#tickets-link").get_attribute("href").endswith(f"/api/workshops/{code}/access-codes/tickets")
    status, sheet = api.call("GET", f"/api/workshops/{code}/access-codes/tickets")
    assert status == 200 and all(c.encode() in sheet for c in codes)

    # The whole programme can be exported too, in every format.
    links = fac.find_elements(By.CSS_SELECTOR, "#programmes .programme-export a")
    assert {a.get_attribute("data-format") for a in links} == {"csv", "csv-excel", "json", "html"}
    for link in links:
        status, _ = api.call("GET", link.get_attribute("href").replace(server.url, ""))
        assert status == 200, link.get_attribute("href")

    # A participant is asked for the code and gets in with one; the same code cannot be used twice.
    # (A draft cannot be joined: the workshop opens first.)
    status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})
    assert status == 200
    first = browsers.new("ticket-1", PHONE)
    first.get(f"{server.url}/?code={code}")
    visible(first, "#access-field")
    type_into(first, "#name", "Rita")
    type_into(first, "#access", codes[0] + Keys.ENTER)
    wait(first, lambda d: d.current_url.endswith(f"/w/{code}"), message="joined with a ticket")
    second = browsers.new("ticket-2", PHONE)
    second.get(f"{server.url}/?code={code}")
    visible(second, "#access-field")
    type_into(second, "#name", "Sam")
    type_into(second, "#access", codes[0] + Keys.ENTER)
    wait(second, lambda d: css(d, "#join-error").text.strip() != "", message="refused")
    assert not second.current_url.endswith(f"/w/{code}")
    screenshot(second, "join-access-refused-phone")


def test_a_deadline_set_in_the_console_counts_down_on_phones_and_the_projector(server, browsers):
    workshop = server.create_workshop()
    code = workshop["code"]
    api = server.facilitator_api()
    status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})
    assert status == 200
    phone = browsers.new("countdown-phone", PHONE)
    phone.get(f"{server.url}/?code={code}")
    visible(phone, "#name")
    type_into(phone, "#name", "Teo" + Keys.ENTER)
    wait(phone, lambda d: d.current_url.endswith(f"/w/{code}"), message="joined")
    wall = browsers.new("countdown-screen", DESKTOP)
    wall.get(f"{server.url}/screen/{code}")
    visible(wall, "#s-code")

    fac = browsers.new("countdown-console", DESKTOP)
    log_in(fac, server)
    fac.get(f"{server.url}/console#{code}")
    wait(fac, lambda d: css(d, "#ws-code").text == code, message="workshop open")
    # Ten minutes from now, in the browser's local time, as a datetime-local value.
    fac.execute_script("""
        const d = new Date(Date.now() + 10 * 60 * 1000);
        const pad = (n) => String(n).padStart(2, '0');
        const input = document.getElementById('deadline');
        input.value = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
    """)
    press(fac, "#deadline-form button[type=submit]")
    wait(fac, lambda d: api.get(f"/api/workshops/{code}")["deadline"] is not None, message="deadline saved")
    for driver, selector in ((phone, "#countdown"), (wall, "#s-countdown"), (fac, "#ws-countdown")):
        wait(driver, lambda d: css(d, selector).is_displayed() and "left" in css(d, selector).text,
             message=f"countdown on {driver.label}")
        assert css(driver, selector).text.split()[0].count(":") == 1   # m:ss, under an hour
    screenshot(phone, "participant-countdown-phone")

    press(fac, "#deadline-clear")
    wait(phone, lambda d: not css(d, "#countdown").is_displayed(), message="countdown gone when cleared")
