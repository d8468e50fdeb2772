"""Every state of every control stays readable on a phone: with touch emulated (a tap leaves :hover stuck),
each button and choice is checked at rest, hovered, focused, pressed (:active), selected (aria-pressed,
checked) and disabled, in the light pages and the dark projector. Text must reach 4.5:1 against the
colour actually behind it, with no opacity fading it. Each test runs twice: in the light scheme and with
`prefers-color-scheme: dark` emulated (css/dark.css), where every visible text is checked as well."""
import time

import pytest

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

from conftest import Api, DESKTOP, PHONE
from flows import join, set_phase, sign_in
from helpers import card_with_title, click, css, low_contrast, visible, wait

SCHEMES = ["light", "dark"]

STATES = [[], ["hover"], ["focus", "focus-visible"], ["active", "hover"], ["hover", "focus", "focus-visible"]]

RATIO_JS = r"""
const [node, disable] = arguments;
const wasDisabled = node.disabled;
if (disable && 'disabled' in node) node.disabled = true;
function rgba(text) {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 0];
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function lum([r, g, b]) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
// The text-bearing element: the control itself, or the span a styled radio draws its label in.
const text = node.matches('input') ? node.nextElementSibling : node;
let layers = [];
for (let n = text; n && n.nodeType === 1; n = n.parentElement) layers.push(rgba(getComputedStyle(n).backgroundColor));
let bg = [255, 255, 255, 1];
const html = rgba(getComputedStyle(document.documentElement).backgroundColor);
if (html[3] > 0) bg = over(html, bg);
for (const layer of layers.reverse()) if (layer[3] > 0) bg = over(layer, bg);
const style = getComputedStyle(text);
const fg = over(rgba(style.color), bg);
let opacity = 1;
for (let n = text; n && n.nodeType === 1; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
const result = {ratio: (a + 0.05) / (b + 0.05), opacity, label: (text.textContent || text.getAttribute('aria-label') || '').trim().slice(0, 30),
                color: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`};
if (disable && 'disabled' in node) node.disabled = wasDisabled;
return result;
"""


def color_scheme(driver, scheme):
    """Emulates the device's colour scheme (it stays for every page the tab opens next)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return driver


def texts(driver, page, scheme):
    """Every visible text of the page at 4.5:1 (3:1 when large), in this scheme."""
    dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (scheme == "dark"), f"{page}: the {scheme} scheme is not in effect"
    return [f"{page} ({scheme}) text {failure}" for failure in low_contrast(driver)]


def touch(driver):
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    driver.execute_cdp_cmd("Emulation.setEmitTouchEventsForMouse", {"enabled": True, "configuration": "mobile"})


def check_controls(driver, selector, page, limit=40):
    """Checks each visible control matching `selector` in every state; returns the failures. A page that
    re-renders under the check (live updates) is checked again from the start."""
    for attempt in range(3):
        try:
            return check_once(driver, selector, page, limit)
        except (StaleElementReferenceException, WebDriverException) as error:
            # A redraw replaced a node between the DevTools query and the check: the element is stale
            # to WebDriver, or its DevTools node id is gone ("Could not find node with given id").
            stale = isinstance(error, StaleElementReferenceException) or "node with given id" in str(error)
            if not stale or attempt == 2:
                raise
            time.sleep(1)


def check_once(driver, selector, page, limit):
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node_ids = driver.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    elements = driver.execute_script("return [...document.querySelectorAll(arguments[0])]", selector)
    assert len(node_ids) == len(elements)
    failures, checked = [], 0
    for node_id, element in zip(node_ids, elements):
        shown = driver.execute_script(
            "const n = arguments[0].matches('input') ? arguments[0].nextElementSibling : arguments[0];"
            "const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !n.closest('[hidden], dialog:not([open])')"
            " && (n.textContent || '').trim().length > 0", element)
        if not shown or checked >= limit:
            continue
        checked += 1
        for states in STATES + [["disabled"]]:
            forced = [s for s in states if s != "disabled"]
            driver.execute_cdp_cmd("CSS.forcePseudoState", {"nodeId": node_id, "forcedPseudoClasses": forced})
            result = driver.execute_script(RATIO_JS, element, "disabled" in states)
            if result["ratio"] < 4.5 or result["opacity"] < 1:
                failures.append(f"{page} {selector} “{result['label']}” {'+'.join(states) or 'rest'}: "
                                f"{result['ratio']:.2f}:1 ({result['color']} on {result['background']}, opacity {result['opacity']})")
        driver.execute_cdp_cmd("CSS.forcePseudoState", {"nodeId": node_id, "forcedPseudoClasses": []})
    assert checked, f"{page}: no visible {selector}"
    return failures


def voting_workshop(server, **settings):
    code = server.create_workshop(**settings)["code"]
    api = set_phase(server, code, "collecting")
    for name, title in [("Ada", "Shared tool library"), ("Ben", "Open workshop evenings")]:
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": name})[0] == 201
        assert person.call("POST", f"/api/workshops/{code}/proposals", {"title": title, "goals": ["space"]})[0] == 201
    return code, api


@pytest.mark.parametrize("scheme", SCHEMES)
def test_selected_and_pressed_states_stay_readable_on_a_phone(server, browsers, scheme):
    code, api = voting_workshop(server, votingMethod="approval", ratingsEnabled=True)
    phone = color_scheme(browsers.new("contrast-phone", PHONE), scheme)
    join(phone, server, code, "Cleo")
    set_phase(server, code, "voting")
    card = card_with_title(phone, "Shared tool library")
    toggle = wait(phone, lambda d: card.find_element("css selector", "button.toggle"), message="toggle")
    click(phone, toggle)                       # a tap: :hover now sticks to the pressed toggle
    wait(phone, lambda d: toggle.get_attribute("aria-pressed") == "true", message="pressed")
    click(phone, css(phone, '.seg input[value="3"]'))
    click(phone, css(phone, '[data-lang="it"]'))   # the active language button after a tap
    wait(phone, lambda d: css(d, '[data-lang="it"]').get_attribute("aria-pressed") == "true", message="Italian")
    # Touch from here on (selenium's own clicks wait forever under touch emulation; the taps above
    # left the states a phone shows, and :hover is forced below as a tap leaves it stuck).
    touch(phone)
    failures = texts(phone, "participant", scheme)
    for selector in ["button", ".seg input"]:
        failures += check_controls(phone, selector, f"participant ({scheme})")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_state_is_readable_on_the_join_console_and_projector_pages(server, browsers, scheme):
    code, api = voting_workshop(server)
    # A cluster, so the console's board (its buttons, menus and cards) is checked too.
    status, cluster = api.call("POST", f"/api/workshops/{code}/clusters", {"name": "Spazi"})
    assert status == 201, cluster
    join_page = color_scheme(browsers.new("contrast-join", PHONE), scheme)
    join_page.get(server.url + "/")
    visible(join_page, "#join-submit")
    failures = texts(join_page, "join", scheme)
    touch(join_page)
    failures += check_controls(join_page, "button", f"join ({scheme})")

    console = color_scheme(browsers.new("contrast-console", DESKTOP), scheme)
    sign_in(console, server, f"/console#{code}")
    visible(console, "#phase-buttons button")
    visible(console, "#cl-board .cluster-card")
    failures += texts(console, "console", scheme)
    failures += check_controls(console, "button, a.button-link", f"console ({scheme})", limit=60)
    failures += check_controls(console, "#cl-board button", f"console board ({scheme})")

    screen = color_scheme(browsers.new("contrast-screen", DESKTOP), scheme)
    screen.get(f"{server.url}/screen/{code}")
    visible(screen, "#wall .idea")
    click(screen, css(screen, '[data-lang="it"]'))
    failures += texts(screen, "projector", scheme)
    failures += check_controls(screen, "button", f"projector ({scheme})")
    assert not failures, "\n".join(failures)
