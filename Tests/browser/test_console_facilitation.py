"""The facilitator's console, round 2: deadline presets and date-time, "close automatically at the
deadline" carried out by the server and shown live, a phase change that keeps or clears the deadline as
chosen (and says which), the settings lock appearing live, the merge audit, and a console that fits a
tablet (768 px) and a phone (390 px) with nothing cut off."""
import datetime

from conftest import Api, screenshot
from flows import iso_in, set_phase, sign_in
from helpers import all_css, css, press, text_has, visible, wait


def deadline_of(api, code):
    status, workshop = api.call("GET", f"/api/workshops/{code}")
    assert status == 200
    return workshop["deadline"], workshop


def participants(server, code, titles):
    people = []
    for index, title in enumerate(titles):
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": f"P{index}"})[0] == 201
        status, proposal = person.call("POST", f"/api/workshops/{code}/proposals", {"title": title, "goals": ["space"]})
        assert status == 201
        people.append((person, proposal["id"]))
    return people


def test_deadline_presets_auto_close_and_keep_or_clear(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    console = browsers.new("deadline-console")
    sign_in(console, server, f"/console#{code}")
    visible(console, "#deadline-plus-5")
    start = datetime.datetime.now(datetime.timezone.utc)
    press(console, "#deadline-plus-5")
    wait(console, lambda d: deadline_of(api, code)[0] is not None, message="preset saved")
    at = datetime.datetime.fromisoformat(deadline_of(api, code)[0].replace("Z", "+00:00"))
    assert datetime.timedelta(minutes=4, seconds=50) <= at - start <= datetime.timedelta(minutes=5, seconds=30)
    visible(console, "#ws-countdown")

    # Moving on with "keep" ticked keeps the deadline, and the confirmation says so.
    press(console, "#keep-deadline")
    press(console, '#phase-buttons [data-phase="voting"]')
    dialog = visible(console, "#confirm-dialog[open]")
    assert "is kept" in dialog.text
    press(console, "#confirm-ok")
    wait(console, lambda d: deadline_of(api, code)[1]["phase"] == "voting", message="voting")
    assert deadline_of(api, code)[0] is not None
    # Back to collecting without "keep": cleared, and said beforehand.
    press(console, "#keep-deadline")
    press(console, '#phase-buttons [data-phase="collecting"]')
    assert "will be cleared" in visible(console, "#confirm-dialog[open]").text
    press(console, "#confirm-ok")
    wait(console, lambda d: deadline_of(api, code)[1]["phase"] == "collecting", message="collecting again")
    assert deadline_of(api, code)[0] is None

    # "Close automatically": the server moves the phase at the deadline and the console shows it live.
    press(console, "#auto-advance")
    wait(console, lambda d: deadline_of(api, code)[1]["autoAdvance"] is True, message="auto on")
    status, _ = api.call("PATCH", f"/api/workshops/{code}", {"deadline": iso_in(3)})
    assert status == 200
    wait(console, lambda d: css(d, "#ws-phase").get_attribute("data-phase") == "voting", timeout=15,
         message="the server moved the phase and the console shows it")
    status, log = api.call("GET", f"/api/workshops/{code}/phases")
    assert log["log"][-1]["by"] == "officina (deadline)"
    screenshot(console, "console-deadline-en-1366")


def test_the_settings_lock_and_the_merge_audit_show_live(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    (ada, ada_idea), (ben, ben_idea) = participants(server, code, ["Tool library", "Tool library for all"])
    console = browsers.new("audit-console")
    sign_in(console, server, f"/console#{code}")
    visible(console, "#mod-list li")
    status, _ = api.call("POST", f"/api/proposals/{ben_idea}/merge", {"into": ada_idea})
    assert status == 200
    entry = visible(console, "#merge-audit-box")
    press(console, "#merge-audit-box summary")
    text_has(console, "#merge-audit", "“Tool library for all” merged into “Tool library” by facilitator")
    api.call("POST", f"/api/proposals/{ben_idea}/unmerge")
    wait(console, lambda d: css(d, "#merge-audit li").get_attribute("data-undone") == "true", message="undo shown")
    text_has(console, "#merge-audit", "undone")

    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    wait(console, lambda d: css(d, "#ws-phase").get_attribute("data-phase") == "voting", message="voting")
    press(console, "#edit-open")
    visible(console, "#edit-dialog[open]")
    assert not css(console, "#e-locked").is_displayed()
    assert css(console, "#e-method").is_enabled()
    assert ada.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(ben_idea): 1}})[0] == 200
    visible(console, "#e-locked")
    wait(console, lambda d: not css(d, "#e-method").is_enabled(), message="locked live")


def test_the_console_fits_a_tablet_and_a_phone(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    people = participants(server, code, ["A long proposal title that goes on and on about a shared workshop space",
                                         "Supercalifragilisticexpialidocious" * 2])
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    voter, _ = people[0]
    voter.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(people[1][1]): 1}})
    for width in (768, 390):
        console = browsers.new(f"console-{width}", (width, 900))
        sign_in(console, server, f"/console#{code}")
        visible(console, "#console-ranking .rank-entry")
        overflow = console.execute_script("""
            const wide = [];
            const page = document.documentElement;
            if (page.scrollWidth > page.clientWidth) wide.push(`page ${page.scrollWidth} > ${page.clientWidth}`);
            for (const node of document.querySelectorAll('#app *')) {
              const r = node.getBoundingClientRect();
              if (r.width === 0 || node.closest('[hidden], dialog:not([open]), .sr-only')) continue;
              if (r.right > page.clientWidth + 0.5) wide.push(`${node.tagName.toLowerCase()}#${node.id}.${node.className} right ${Math.round(r.right)}`);
              if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible' && node.clientWidth > 0)
                wide.push(`${node.tagName.toLowerCase()}.${node.className} scrolls ${node.scrollWidth} > ${node.clientWidth}`);
            }
            return wide.slice(0, 15);
        """)
        assert not overflow, f"{width} px:\n" + "\n".join(overflow)
        ranking = css(console, "#console-ranking")
        assert console.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", ranking)
