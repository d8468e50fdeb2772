"""The projector: a live participant count, presenter controls for a signed-in facilitator (hidden from the
room, shortcuts on "?"), a results reveal from last to first that respects reduced motion, and type that
reads from 3 m on a 1080p screen (nothing under 24 px at 1920×1080)."""
import datetime

from selenium.webdriver.common.action_chains import ActionChains

from conftest import Api, screenshot
from flows import set_phase, sign_in
from helpers import all_css, css, press, text_has, visible, wait

FULL_HD = (1920, 1080)

SMALL_TEXT_JS = r"""
const small = [];
for (const node of document.querySelectorAll('body *')) {
  if (node.closest('[hidden], dialog:not([open]), .sr-only, #presenter')) continue;
  const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
  if (!own) continue;
  const r = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
  let size = parseFloat(style.fontSize);
  // SVG text is drawn at its font size times the drawing's scale on screen.
  if (node instanceof SVGElement && node.getScreenCTM) size *= Math.abs(node.getScreenCTM().a);
  if (size < 24) small.push(`${node.tagName.toLowerCase()}.${node.getAttribute('class') || ''} "${node.textContent.trim().slice(0, 30)}" ${size.toFixed(1)}px`);
}
return small;
"""


def key(driver, text):
    ActionChains(driver).send_keys(text).perform()


def people(server, code, names):
    for name, title in names:
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": name})[0] == 201
        if title:
            assert person.call("POST", f"/api/workshops/{code}/proposals", {"title": title, "goals": ["space"]})[0] == 201
        yield person


def deadline_of(api, code):
    status, workshop = api.call("GET", f"/api/workshops/{code}")
    assert status == 200
    return datetime.datetime.fromisoformat(workshop["deadline"].replace("Z", "+00:00")) if workshop["deadline"] else None


def test_the_participant_count_on_the_projector_is_live(server, browsers):
    code = server.create_workshop()["code"]
    set_phase(server, code, "collecting")
    wall = browsers.new("count-screen", FULL_HD)
    wall.get(f"{server.url}/screen/{code}")
    text_has(wall, "#s-people", "0")
    list(people(server, code, [("Ada", None), ("Ben", None)]))
    text_has(wall, "#s-people", "2 participants")


def test_presenter_controls_drive_the_workshop_from_the_projector(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    voters = list(people(server, code, [("Ada", "Shared tool library"), ("Ben", "Open evenings"), ("Cleo", "Repair café")]))
    room = browsers.new("room-screen", FULL_HD)
    room.get(f"{server.url}/screen/{code}")
    visible(room, "#wall .idea")
    presenter = browsers.new("presenter-screen", FULL_HD)
    sign_in(presenter, server, f"/screen/{code}")
    visible(presenter, "#wall .idea")
    wait(presenter, lambda d: all_css(d, "#presenter"), message="controls built")
    # The room's view shows none of it; the presenter's screen hides it until asked.
    assert not all_css(room, "#presenter")
    assert not css(presenter, "#presenter").is_displayed()
    key(presenter, "?")
    shortcuts = visible(presenter, "#shortcuts[open]")
    for shortcut in ["?", "c", "n", "3", "5", "0", "+", "r"]:
        assert shortcut in [k.text for k in shortcuts.find_elements("css selector", "kbd")]
    screenshot(presenter, "screen-shortcuts-en-1920")
    press(presenter, "#shortcuts button")
    wait(presenter, lambda d: not all_css(d, "#shortcuts[open]"), message="shortcuts closed")
    key(presenter, "c")
    visible(presenter, "#presenter")
    screenshot(presenter, "screen-presenter-en-1920")

    start = datetime.datetime.now(datetime.timezone.utc)
    key(presenter, "5")
    wait(presenter, lambda d: deadline_of(api, code) is not None, message="timer set")
    five = deadline_of(api, code)
    assert datetime.timedelta(minutes=4, seconds=50) <= five - start <= datetime.timedelta(minutes=5, seconds=30)
    visible(room, "#s-countdown")
    key(presenter, "+")
    wait(presenter, lambda d: deadline_of(api, code) > five, message="extended")
    assert abs((deadline_of(api, code) - five).total_seconds() - 60) < 15

    key(presenter, "n")
    visible(presenter, "#confirm-dialog[open]")
    press(presenter, "#confirm-ok")
    wait(room, lambda d: css(d, "#s-phase").get_attribute("data-phase") == "voting", message="voting on the room's screen")
    for voter, choice in zip(voters, [2, 1, 2]):
        status, proposals = voter.call("GET", f"/api/workshops/{code}/proposals")
        others = [p["id"] for p in proposals["proposals"] if not p["mine"]]
        assert voter.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(others[0]): choice}})[0] == 200

    key(presenter, "r")
    visible(presenter, "#confirm-dialog[open]")
    press(presenter, "#confirm-ok")
    results = visible(presenter, "#s-results .ranking")
    wait(presenter, lambda d: css(d, "#s-results").get_attribute("data-revealed") == "1", message="first reveal")
    entries = all_css(presenter, "#s-results .rank-entry")
    shown = [e for e in entries if e.is_displayed() and e.value_of_css_property("visibility") == "visible"]
    assert [e.get_attribute("data-id") for e in shown] == [entries[-1].get_attribute("data-id")], "the last is revealed first"
    assert not css(presenter, "#s-results .shortlist-box").is_displayed() or \
        css(presenter, "#s-results .shortlist-box").value_of_css_property("visibility") == "hidden"
    wait(presenter, lambda d: css(d, "#s-results").get_attribute("data-reveal-done") == "true", timeout=20, message="reveal done")
    assert all(e.value_of_css_property("visibility") == "visible" for e in all_css(presenter, "#s-results .rank-entry"))
    assert css(presenter, "#s-results .shortlist-box").value_of_css_property("visibility") == "visible"
    assert results.find_elements("css selector", ".goal-scores, .rank-parts")
    screenshot(presenter, "screen-reveal-en-1920")
    status, ranking = api.call("GET", f"/api/workshops/{code}/ranking")
    assert [e.get_attribute("data-id") for e in all_css(presenter, "#s-results .rank-entry")] == [str(e["id"]) for e in ranking["entries"]][:10]


def test_the_reveal_respects_reduced_motion(server, browsers):
    code = server.create_workshop()["code"]
    set_phase(server, code, "collecting")
    list(people(server, code, [("Ada", "Shared tool library"), ("Ben", "Open evenings")]))
    set_phase(server, code, "closed")
    calm = browsers.new("calm-presenter", FULL_HD)
    calm.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    sign_in(calm, server, f"/screen/{code}")
    visible(calm, "#s-results .ranking")
    wait(calm, lambda d: all_css(d, "#presenter"), message="controls built")
    key(calm, "r")
    wait(calm, lambda d: css(d, "#s-results").get_attribute("data-reveal-done") == "true", timeout=3, message="all at once")
    entries = all_css(calm, "#s-results .rank-entry")
    assert entries and all(e.value_of_css_property("visibility") == "visible" for e in entries)
    assert all(e.value_of_css_property("animation-name") == "none" for e in entries)


def test_nothing_on_the_projector_is_under_24px_at_1920_by_1080(server, browsers):
    code = server.create_workshop(showLiveTallies=True)["code"]
    api = set_phase(server, code, "collecting")
    voters = list(people(server, code, [("Ada", "Shared tool library"), ("Ben", "Open evenings")]))
    wall = browsers.new("hd-screen", FULL_HD)
    wall.get(f"{server.url}/screen/{code}")
    visible(wall, "#wall .idea")
    small = [f"collecting: {s}" for s in wall.execute_script(SMALL_TEXT_JS)]
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    for voter in voters:
        status, proposals = voter.call("GET", f"/api/workshops/{code}/proposals")
        other = next(p["id"] for p in proposals["proposals"] if not p["mine"])
        voter.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(other): 1}})
    visible(wall, "#chart-box svg")
    small += [f"voting: {s}" for s in wall.execute_script(SMALL_TEXT_JS)]
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "closed"})
    visible(wall, "#s-results .ranking")
    small += [f"closed: {s}" for s in wall.execute_script(SMALL_TEXT_JS)]
    screenshot(wall, "screen-closed-en-1920")
    assert not small, "\n".join(small)
