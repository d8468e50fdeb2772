"""No leftover English on an Italian page: every page, in every phase, is walked in Italian (loaded in
Italian, and switched from English to Italian in place) and each visible text and label is compared with
the English-only strings of en.json (those whose Italian differs)."""
import json
import re

from conftest import Api, DESKTOP, PHONE, REPO
from flows import join, set_phase, sign_in
from helpers import card_with_title, css, press, visible, wait

EN = json.loads((REPO / "web/i18n/en.json").read_text())
IT = json.loads((REPO / "web/i18n/it.json").read_text())
ITALIAN_VALUES = set(IT.values())


def english_only():
    """(key, exact text or compiled pattern) for every English string that no Italian string equals."""
    found = []
    for key, value in EN.items():
        if value == IT.get(key) or value in ITALIAN_VALUES or len(value) < 4:
            continue
        if "{" in value:
            literal = re.sub(r"\{\w+\}", "", value)
            if len(re.findall(r"[A-Za-z]{3,}", literal)) < 2:
                continue     # too little fixed English to recognise it safely
            parts = re.split(r"\{\w+\}", value)
            found.append((key, re.compile("^" + ".+?".join(re.escape(p) for p in parts) + "$", re.S)))
        else:
            found.append((key, value))
    return found


ENGLISH = english_only()

TEXTS_JS = r"""
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const text = n.textContent.trim();
  const parent = n.parentElement;
  if (!text || !parent || parent.closest('script, style, [hidden], dialog:not([open]), .toast')) continue;
  const r = parent.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  out.push(text);
  if (parent.textContent.trim() !== text) out.push(parent.textContent.trim());
}
for (const node of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
  if (node.closest('[hidden]')) continue;
  for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
    const v = node.getAttribute(attr);
    if (v) out.push(v.trim());
  }
}
out.push(document.title);
return out;
"""


def leftovers(driver, page):
    found = []
    for text in driver.execute_script(TEXTS_JS):
        for key, english in ENGLISH:
            if (english == text) if isinstance(english, str) else english.match(text):
                found.append(f"{page}: {text!r} is the English of {key}")
    return found


def to_italian(driver):
    """Switches an English page to Italian in place (the path where stale strings are left behind)."""
    press(driver, '[data-lang="it"]')
    wait(driver, lambda d: d.execute_script("return document.documentElement.lang") == "it", message="Italian")


def test_no_english_is_left_on_any_italian_page(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    ada = Api(server.url)
    assert ada.call("POST", "/api/join", {"code": code, "name": "Ada"})[0] == 201
    status, first = ada.call("POST", f"/api/workshops/{code}/proposals", {"title": "Biblioteca degli attrezzi", "goals": ["space"]})
    assert status == 201
    # One idea in a cluster and one in none: the cluster board, its headings and "other ideas" are checked too.
    assert ada.call("POST", f"/api/workshops/{code}/proposals", {"title": "Serate di riparazione", "goals": ["space"]})[0] == 201
    status, cluster = api.call("POST", f"/api/workshops/{code}/clusters", {"name": "Spazi"})
    assert status == 201 and api.call("PUT", f"/api/proposals/{first['id']}/cluster", {"cluster": cluster["id"]})[0] == 200

    fresh = browsers.new("italiano", PHONE, language="it-IT")      # loaded in Italian
    switched = browsers.new("switched", PHONE, language="en-GB")   # loaded in English, switched in place
    screen_it = browsers.new("screen-it", DESKTOP, language="it-IT")
    console_it = browsers.new("console-it", DESKTOP, language="en-GB")
    found = []

    for driver in (fresh, switched):
        driver.get(server.url + "/")
        visible(driver, "#code")
    to_italian(switched)
    found += leftovers(fresh, "join") + leftovers(switched, "join (switched)")

    join(fresh, server, code, "Giulia")
    join(switched, server, code, "Marco")
    card_with_title(fresh, "Biblioteca degli attrezzi")
    card_with_title(switched, "Biblioteca degli attrezzi")
    to_italian(switched)
    screen_it.get(f"{server.url}/screen/{code}")
    visible(screen_it, "#wall .idea")
    sign_in(console_it, server, f"/console#{code}")
    visible(console_it, "#phase-buttons button")
    to_italian(console_it)
    for phase in ("collecting", "voting", "closed"):
        if phase != "collecting":
            status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": phase})
            assert status == 200
            for driver in (fresh, switched, screen_it):
                wait(driver, lambda d: d.execute_script(
                    "const b = document.querySelector('#phase-badge, #s-phase'); return b && b.dataset.phase") == phase,
                    message=f"{phase} shown")
            if phase == "voting":
                # A saved choice: the save state is one of the strings that must follow the language.
                press(switched, '.card .round:last-of-type, .card button.toggle')
                wait(switched, lambda d: css(d, "#save-state").get_attribute("data-state") == "saved", message="saved")
                press(switched, '[data-lang="en"]')
                wait(switched, lambda d: d.execute_script("return document.documentElement.lang") == "en", message="English")
                to_italian(switched)
            if phase == "closed":
                visible(fresh, "#results .ranking")
                visible(screen_it, "#s-results .ranking")
        found += leftovers(fresh, f"participant {phase}") + leftovers(switched, f"participant {phase} (switched)")
        found += leftovers(screen_it, f"projector {phase}")
        found += leftovers(console_it, f"console {phase}")
    assert not found, "\n".join(sorted(set(found)))


BODY_TEXT = "return document.body.innerText"


def test_an_erased_participant_is_named_in_the_page_language(server, browsers):
    """The server stores an erased participant's name as a fixed English placeholder; Italian pages
    show it in Italian (console list, projector wall, participants' list)."""
    code = server.create_workshop()["code"]
    set_phase(server, code, "collecting")
    ada = Api(server.url)
    assert ada.call("POST", "/api/join", {"code": code, "name": "Ada"})[0] == 201
    assert ada.call("POST", f"/api/workshops/{code}/proposals", {"title": "Biblioteca degli attrezzi", "goals": ["space"]})[0] == 201
    assert ada.call("DELETE", f"/api/workshops/{code}/me")[0] == 204

    console_it = browsers.new("console-erased", DESKTOP, language="it-IT")
    sign_in(console_it, server, f"/console#{code}")
    wait(console_it, lambda d: "Biblioteca degli attrezzi" in d.execute_script(BODY_TEXT), message="the idea on the console")
    wait(console_it, lambda d: "partecipante eliminato" in d.execute_script(BODY_TEXT), message="erased name in Italian (console)")
    phone = browsers.new("phone-erased", PHONE, language="it-IT")
    join(phone, server, code, "Giulia")
    card_with_title(phone, "Biblioteca degli attrezzi")
    wait(phone, lambda d: "partecipante eliminato" in d.execute_script(BODY_TEXT), message="erased name in Italian (phone)")
    for driver in (console_it, phone):
        assert "deleted participant" not in driver.execute_script(BODY_TEXT)
