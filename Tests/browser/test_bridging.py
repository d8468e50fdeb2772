"""Participant groups and broad support (docs/scoring.md §19): the join form offers the programme's
groups with "prefer not to say" as the default, and the console shows support per group and the
broad-support switch."""
from conftest import DESKTOP, PHONE, Api
from helpers import css, type_into, visible, wait
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select


def test_a_participant_declares_a_group_and_the_console_shows_support_per_group(server, browsers):
    from test_console import log_in

    workshop = server.create_workshop()
    code = workshop["code"]
    api = server.facilitator_api()
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    author = Api(server.url)
    assert author.call("POST", "/api/join", {"code": code, "name": "Autrice"})[0] == 201
    status, body = author.call("POST", f"/api/workshops/{code}/proposals", {"title": "Orto condiviso sul tetto"})
    assert status == 201, body
    proposal = body["id"]
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})[0] == 200
    resident = Api(server.url)
    assert resident.call("POST", "/api/join", {"code": code, "name": "Residente", "group": "resident"})[0] == 201
    assert resident.call("PUT", f"/api/workshops/{code}/ballot", {"ratings": {str(proposal): {"space": 1}}})[0] == 200

    phone = browsers.new("groups-phone", PHONE)
    phone.get(f"{server.url}/?code={code}")
    visible(phone, "#group-field")
    select = Select(css(phone, "#group"))
    assert select.first_selected_option.get_attribute("value") == "", "prefer not to say is the default"
    assert len(select.options) == 5, [o.text for o in select.options]
    select.select_by_value("student")
    type_into(phone, "#name", "Studentessa" + Keys.ENTER)
    wait(phone, lambda d: d.current_url.endswith(f"/w/{code}"), message="joined")
    # Rate through the page's own session (same cookie) so the ballot is the student's.
    result = phone.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"fetch('/api/workshops/{code}/ballot', {{method: 'PUT', headers: {{'Content-Type': 'application/json'}},"
        f" body: JSON.stringify({{support: {{'{proposal}': 1}}, ratings: {{'{proposal}': {{space: 4}}}}}})}})"
        ".then((r) => done(r.status)).catch((e) => done(String(e)));")
    assert result == 200, result
    ranking = api.get(f"/api/workshops/{code}/ranking")
    assert [g["key"] for g in ranking["bridging"]["groups"]] == ["resident", "student"]
    entry = ranking["entries"][0]
    # Shares come rounded to 3 decimals (docs/scoring.md, "Precision of the answer").
    assert entry["broadSupport"]["groups"]["student"] == {"seen": 1, "agree": 1, "share": round(2 / 3, 3)}

    fac = browsers.new("groups-console", DESKTOP)
    log_in(fac, server)
    fac.get(f"{server.url}/console#{code}")
    wait(fac, lambda d: css(d, "#ws-code").text == code, message="workshop open")
    line = wait(fac, lambda d: d.execute_script(
        "const p = document.querySelector('.rank-groups'); return p ? p.textContent : null;"), message="group breakdown")
    assert ("1 of 1" in line or "1 su 1" in line) and ("0 of 1" in line or "0 su 1" in line), line
    checked = "const c = document.getElementById('scoring-bridging'); return c ? c.checked : null;"
    wait(fac, lambda d: d.execute_script(checked) is False, message="switch shown, off")
    fac.execute_script("const c = document.getElementById('scoring-bridging'); c.checked = true; c.dispatchEvent(new Event('change'));")
    wait(fac, lambda d: api.get(f"/api/workshops/{code}/scoring")["bridging"] is True, message="setting saved")
    wait(fac, lambda d: api.get(f"/api/workshops/{code}/ranking")["bridging"]["applied"] is True, message="weighed in")
