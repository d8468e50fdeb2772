"""Affinity clustering: the facilitator groups ideas on the console's board by drag and drop (real
HTML5 dragstart/dragover/drop events with a DataTransfer) and from the keyboard (the card's "Move to"
menu); the projector's wall and the participants' list show the ideas under the cluster headings,
live; the ranking and the export links follow the console's cluster filter."""
from selenium.webdriver.common.keys import Keys

from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException

from conftest import Api, screenshot
from flows import join, set_phase, sign_in
from helpers import all_css, css, press, type_into, visible, wait

IDEAS = ["Orto condiviso sul tetto", "Serate di riparazione", "Biblioteca degli attrezzi"]

# Finds the card and the column itself (a live redraw may replace them at any moment), then fires the
# events a real drag fires, all sharing one DataTransfer.
DRAG_AND_DROP = """
const [id, name] = arguments;
const card = document.querySelector(`#cl-board .cluster-card[data-id="${id}"]`);
const column = [...document.querySelectorAll('#cl-board .cluster-column')]
    .find((c) => c.querySelector('input.cluster-name')?.value === name);
if (!card || !column) return 'missing';
const data = new DataTransfer();
const fire = (node, type) => node.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
fire(card, 'dragstart');
fire(column, 'dragenter');
const accepted = !fire(column, 'dragover');   // a drop target cancels dragover
fire(column, 'drop');
fire(card, 'dragend');
return accepted;
"""

# The list's children in order: ["#Heading"] for a cluster heading, the idea's title for a card.
SEQUENCE = """
const [list, title] = arguments;
return [...document.querySelector(list).children].map((node) => node.classList.contains('cluster-heading')
    ? '#' + node.textContent.trim() : (node.querySelector(title)?.textContent.trim() ?? '?'));
"""


def board(api, code):
    status, body = api.call("GET", f"/api/workshops/{code}/clusters")
    assert status == 200, body
    return {c["name"]: sorted(c["proposals"]) for c in body["clusters"]}


def column(page, name):
    """The board's column whose name (input value or heading) is `name`."""
    def find(d):
        for node in all_css(d, "#cl-board .cluster-column"):
            label = node.find_elements("css selector", "input.cluster-name, h3.cluster-name")
            if label and (label[0].get_attribute("value") or label[0].text) == name:
                return node
        return False
    return wait(page, find, message=f"no column {name!r}")


def titles_in(page, name):
    return [n.text for n in column(page, name).find_elements("css selector", ".cluster-card .cluster-title")]


def keys_on(page, selector, *keys):
    """Focuses `selector` (found again if a live update redrew it) and types `keys` into the focus."""
    def attempt(d):
        try:
            target = css(d, selector)
            d.execute_script("arguments[0].focus()", target)
            # A live redraw between the focus and the typing leaves the focus elsewhere: try again.
            if d.switch_to.active_element != target:
                return False
            d.switch_to.active_element.send_keys(*keys)
            return True
        except (StaleElementReferenceException, ElementNotInteractableException):
            return False
    wait(page, attempt, message=f"could not type into {selector}")


def add_cluster(page, name):
    type_into(page, "#cl-name", name)
    press(page, "#cl-add")
    column(page, name)


def test_the_facilitator_clusters_ideas_by_drag_and_drop_and_keyboard_and_everyone_sees_the_groups(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    ids = {}
    for name, title in zip(["Ada", "Ben", "Cai"], IDEAS):
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": name})[0] == 201
        status, proposal = person.call("POST", f"/api/workshops/{code}/proposals", {"title": title})
        assert status == 201, proposal
        ids[title] = proposal["id"]

    console = browsers.new("cl-console", (1366, 1000))
    sign_in(console, server, f"/console#{code}")
    wait(console, lambda d: len(titles_in(d, "Not yet clustered")) == 3, message="three ideas waiting on the board")
    add_cluster(console, "Spazi")
    add_cluster(console, "Persone")

    # Drag and drop: the card lands in the column, and the server holds it there.
    assert console.execute_script(DRAG_AND_DROP, ids[IDEAS[0]], "Spazi") is True, "the column accepts the drag"
    wait(console, lambda d: titles_in(d, "Spazi") == [IDEAS[0]], message="dropped card in Spazi")
    wait(console, lambda d: board(api, code)["Spazi"] == [ids[IDEAS[0]]], message="server stored the drop")

    # Keyboard: focus the card's menu and type the cluster's name; focus follows the card.
    # One keystroke (End: the last option, Persone): a select's type-ahead would restart on a slow machine.
    keys_on(console, f'#cl-move-{ids[IDEAS[1]]}', Keys.END)
    wait(console, lambda d: titles_in(d, "Persone") == [IDEAS[1]], message="moved from the keyboard")
    assert board(api, code)["Persone"] == [ids[IDEAS[1]]]
    wait(console, lambda d: d.switch_to.active_element.get_attribute("id") == f"cl-move-{ids[IDEAS[1]]}", message="focus follows the card")

    # The projector's wall and a phone show the ideas under the headings, unclustered last.
    screen = browsers.new("cl-screen", (1366, 900))
    screen.get(f"{server.url}/screen/{code}")
    expected = ["#Spazi", IDEAS[0], "#Persone", IDEAS[1], "#Other ideas", IDEAS[2]]
    wait(screen, lambda d: d.execute_script(SEQUENCE, "#wall", ".idea-title") == expected, message="wall grouped")
    phone = browsers.new("cl-phone", (390, 844))
    join(phone, server, code, "Dea")
    wait(phone, lambda d: d.execute_script(SEQUENCE, "#proposals", ".card-title") == expected, message="phone grouped")

    # Renaming and reordering in the console reach both live, without a reload.
    keys_on(console, "#cl-board input.cluster-name", Keys.END, " verdi", Keys.TAB)
    press(console, '#cl-board button[aria-label="Move the cluster Spazi verdi right"]')
    regrouped = ["#Persone", IDEAS[1], "#Spazi verdi", IDEAS[0], "#Other ideas", IDEAS[2]]
    wait(screen, lambda d: d.execute_script(SEQUENCE, "#wall", ".idea-title") == regrouped, message="wall follows live")
    wait(phone, lambda d: d.execute_script(SEQUENCE, "#proposals", ".card-title") == regrouped, message="phone follows live")
    screenshot(console, "console-clusters-en-1366")
    screenshot(screen, "screen-clusters-en-1366")
    screenshot(phone, "participant-clusters-en-390")

    # The filter limits the console's ranking and its export links to one cluster.
    spazi = [c for c in api.call("GET", f"/api/workshops/{code}/clusters")[1]["clusters"] if c["name"] == "Spazi verdi"][0]
    visible(console, "#console-ranking .rank-entry")
    keys_on(console, "#rank-cluster", Keys.END)   # the last option: Spazi verdi
    entries = "#console-ranking .rank-entry .rank-title"
    wait(console, lambda d: [n.text for n in all_css(d, entries)] == [IDEAS[0]], message="filtered ranking")
    # The shortlist names only the cluster's ideas too, never a bare id.
    assert all(not n.text.startswith("#") for n in all_css(console, "#console-ranking .rank-title"))
    links = [a.get_attribute("href") for a in all_css(console, "#exports a")]
    assert links and all(f"cluster={spazi['id']}" in link for link in links), links
    status, csv = api.call("GET", links[0].replace(server.url, ""))
    assert status == 200 and IDEAS[0].encode() in csv and IDEAS[2].encode() not in csv, csv[:300]

    # Deleting a cluster (after the confirmation) leaves its idea unclustered everywhere.
    press(console, '#cl-board button[aria-label="Delete the cluster Persone"]')
    visible(console, "#confirm-dialog[open]")
    press(console, "#confirm-ok")
    wait(console, lambda d: sorted(titles_in(d, "Not yet clustered")) == sorted([IDEAS[1], IDEAS[2]]), message="back to unclustered")
    assert board(api, code) == {"Spazi verdi": [ids[IDEAS[0]]]}
    wait(screen, lambda d: d.execute_script(SEQUENCE, "#wall", ".idea-title")[:2] == ["#Spazi verdi", IDEAS[0]], message="wall after delete")


def test_the_whole_board_works_from_the_keyboard_alone(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    person = Api(server.url)
    assert person.call("POST", "/api/join", {"code": code, "name": "Ada"})[0] == 201
    status, idea = person.call("POST", f"/api/workshops/{code}/proposals", {"title": IDEAS[0]})
    assert status == 201, idea

    console = browsers.new("cl-keys", (1366, 1000), language="it-IT")
    sign_in(console, server, f"/console#{code}")
    wait(console, lambda d: len(titles_in(d, "Non ancora raggruppate")) == 1, message="the idea waits on the board")
    # Add two clusters: type the name, Enter submits the form.
    for name in ("Spazi", "Persone"):
        field = css(console, "#cl-name")
        field.send_keys(name, Keys.ENTER)
        column(console, name)
        wait(console, lambda d: css(d, "#cl-name").get_attribute("value") == "", message="form cleared")
    # Move the idea with the arrow keys in its focused menu (no pointer involved).
    keys_on(console, f"#cl-move-{idea['id']}", Keys.DOWN)
    wait(console, lambda d: titles_in(d, "Spazi") == [IDEAS[0]], message="moved with the arrow key")
    wait(console, lambda d: d.switch_to.active_element.get_attribute("id") == f"cl-move-{idea['id']}", message="focus follows the card")
    assert board(api, code)["Spazi"] == [idea["id"]]
    # Rename in place, then Tab away to save it.
    keys_on(console, "#cl-board input.cluster-name", Keys.END, " verdi", Keys.TAB)
    wait(console, lambda d: "Spazi verdi" in board(api, code), message="renamed")
    # Tab moved the focus to the next control (→: ← is disabled on the first cluster); the redraws that
    # followed (the answer and the live event) gave it back.
    wait(console, lambda d: (d.switch_to.active_element.get_attribute("data-focus") or "").startswith("right-"),
         message="focus kept after the redraw")
    # Reorder: focus the → button of the first cluster and press Enter.
    keys_on(console, '#cl-board button[aria-label="Sposta il raggruppamento Spazi verdi a destra"]', Keys.ENTER)
    wait(console, lambda d: [c["name"] for c in api.call("GET", f"/api/workshops/{code}/clusters")[1]["clusters"]] == ["Persone", "Spazi verdi"],
         message="reordered")
    # A second name that differs only in case is refused with a clear Italian message.
    browsers.allow("/clusters - Failed to load resource: the server responded with a status of 409")
    css(console, "#cl-name").send_keys("PERSONE", Keys.ENTER)
    wait(console, lambda d: css(d, "#cl-error").text == "Esiste già un raggruppamento con questo nome.", message="duplicate refused")
    # Delete with the keyboard: Enter on the button, Enter on the dialog's confirm.
    keys_on(console, '#cl-board button[aria-label="Elimina il raggruppamento Spazi verdi"]', Keys.ENTER)
    visible(console, "#confirm-dialog[open]")
    keys_on(console, "#confirm-ok", Keys.ENTER)
    wait(console, lambda d: titles_in(d, "Non ancora raggruppate") == [IDEAS[0]], message="deleted, idea unclustered")
    assert board(api, code) == {"Persone": []}
