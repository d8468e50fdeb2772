"""The whole workshop story in real browsers (issue 6, item 8): a facilitator, two participants in
separate browser profiles and a projector, against a real server on a fresh database."""
import csv
import io
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import DESKTOP, PHONE, record_figure, screenshot
from helpers import (press, all_css, card_with_title, click, css, low_contrast, text_has, text_is, type_into, visible, wait)

IDEA_A = "Community garden on the roof"
IDEA_B = "A rooftop community garden"          # a near-duplicate of IDEA_A, merged by the facilitator
IDEA_C = "Monthly breakfast with local partners"


def log_in(driver, server):
    driver.get(server.url + "/console")
    visible(driver, "#login-form")
    type_into(driver, "#username", server.username)
    type_into(driver, "#password", server.password)
    press(driver, "#login-submit")
    visible(driver, "#programmes .ws-list")


def confirm_phase(driver, phase):
    press(driver, f'#phase-buttons button[data-phase="{phase}"]')
    dialog = visible(driver, "#confirm-dialog")
    assert dialog.get_attribute("open") is not None
    press(driver, "#confirm-ok")
    wait(driver, lambda d: css(d, "#ws-phase").get_attribute("data-phase") == phase, message=f"phase {phase}")


def join(driver, server, code, name, via_link):
    if via_link:
        driver.get(f"{server.url}/?code={code}")
        wait(driver, lambda d: css(d, "#code").get_attribute("value") == code, message="code prefilled")
    else:
        driver.get(server.url + "/")
        visible(driver, "#code")
        type_into(driver, "#code", code.lower())
    type_into(driver, "#name", name)
    press(driver, "#join-submit")
    wait(driver, lambda d: d.current_url.endswith(f"/w/{code}"), message="participant page")
    text_has(driver, "#who", name)


def post_idea(driver, title, body, goals):
    visible(driver, "#proposal-form")
    type_into(driver, "#p-title", title)
    text_is(driver, "#p-title-count", f"{len(title)} / 120")
    type_into(driver, "#p-body", body)
    for goal in goals:
        press(driver, f'#p-goals input[value="{goal}"]')
    press(driver, "#proposal-submit")
    card_with_title(driver, title)
    wait(driver, lambda d: css(d, "#p-title").get_attribute("value") == "", message="form reset")


def check_csv_matches_ranking(text, ranking, merged_id):
    """The CSV's table (up to its first blank record) lists the ranked proposals in the API's order with
    the same ranks, titles and overall scores; the merged proposal follows without a rank."""
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip().lower() for h in rows[0]]
    column = {name: header.index(name) if name in header else default
              for name, default in (("rank", 0), ("id", 1), ("title", 2), ("overall", 4))}
    if "title" not in header and "proposal" in header:
        column["title"] = header.index("proposal")
    table = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            break
        table.append(row)
    ranked = [row for row in table if row[column["rank"]].strip()]
    entries = ranking["entries"]
    assert [int(r[column["id"]]) for r in ranked] == [e["id"] for e in entries]
    assert [int(r[column["rank"]]) for r in ranked] == [e["rank"] for e in entries]
    assert [r[column["title"]] for r in ranked] == [e["title"] for e in entries]
    for row, entry in zip(ranked, entries):
        assert abs(float(row[column["overall"]].replace(",", ".")) - entry["overall"]) < 0.01, (row, entry)
    assert merged_id not in [int(r[column["id"]]) for r in ranked]


def save_state(driver):
    return css(driver, "#save-state").get_attribute("data-state")


def test_whole_workshop_story(server, browsers):
    workshop = server.draft_workshop()
    code = workshop["code"]
    api = server.facilitator_api()

    # The facilitator logs in and opens a seeded workshop, turns live tallies on and opens collection.
    fac = browsers.new("facilitator", DESKTOP)
    log_in(fac, server)
    press(fac, f'#programmes a[href="#{code}"]')
    text_is(fac, "#ws-code", code)
    press(fac, "#edit-open")
    visible(fac, "#edit-dialog")
    live = css(fac, "#e-live")
    if not live.is_selected():
        click(fac, live)
    press(fac, "#edit-save")
    wait(fac, lambda d: not css(d, "#edit-dialog").is_displayed(), message="edit dialog closes")
    wait(fac, lambda d: api.get(f"/api/workshops/{code}")["settings"]["showLiveTallies"] is True,
         message="setting saved")
    confirm_phase(fac, "collecting")

    # The projector shows the join code and QR code.
    projector = browsers.new("projector", DESKTOP)
    projector.get(f"{server.url}/screen/{code}")
    text_is(projector, "#s-code", code)
    wait(projector, lambda d: d.execute_script("return document.getElementById('qr').naturalWidth > 0"),
         message="QR image loads")

    # Two participants in separate browser profiles join: one from the QR link, one by typing the code.
    alice = browsers.new("alice", PHONE)
    bruno = browsers.new("bruno", PHONE)
    join(alice, server, code, "Alice", via_link=True)
    join(bruno, server, code, "Bruno", via_link=False)
    screenshot(alice, "participant-collecting-empty-phone")

    post_idea(alice, IDEA_A, "Raised beds and a tool shed, open to the neighbourhood.", ["space", "community"])
    post_idea(bruno, IDEA_B, "Grow vegetables together up on the roof.", ["community"])
    post_idea(bruno, IDEA_C, "A breakfast each month to meet firms and associations.", ["partnerships"])

    # Live, without reload: Alice sees Bruno's ideas, Bruno builds on Alice's and she sees it.
    card_with_title(alice, IDEA_C)
    card = card_with_title(bruno, IDEA_A)
    click(bruno, card.find_element(By.CSS_SELECTOR, "summary"))
    card.find_element(By.CSS_SELECTOR, "textarea").send_keys("Add a rain-water tank!")
    click(bruno, card.find_element(By.CSS_SELECTOR, ".buildon-form button"))
    wait(alice, lambda d: "Add a rain-water tank!" in card_with_title(d, IDEA_A).text
         or "1 build-on" in card_with_title(d, IDEA_A).text, message="build-on reaches Alice")
    wait(projector, lambda d: len(all_css(d, "#wall > li")) == 3, message="wall shows 3 ideas")
    screenshot(alice, "participant-collecting-phone")
    screenshot(projector, "screen-collecting-desktop")

    # The facilitator gets a duplicate suggestion, merges, undoes, and merges again.
    wait(fac, lambda d: css(d, "#dupes-box").is_displayed(), message="duplicate suggestion")
    assert IDEA_A in css(fac, "#dupes").text and IDEA_B in css(fac, "#dupes").text
    screenshot(fac, "console-moderation-desktop")
    press(fac, "#dupes button.primary")
    wait(fac, lambda d: css(d, "#toast").text != "", message="merge toast")
    undo = wait(fac, lambda d: css(d, "#toast button.link"))
    click(fac, undo)
    wait(fac, lambda d: css(d, "#dupes-box").is_displayed(), message="suggestion back after undo")
    press(fac, "#dupes button.primary")
    wait(fac, lambda d: css(d, '#mod-list li[data-status="merged"]'), message="merged item listed")
    text_has(projector, "#merge-toast", IDEA_B)
    wait(projector, lambda d: len(all_css(d, "#wall > li")) == 2, message="merged idea leaves the wall")
    wait(alice, lambda d: all(c.find_element(By.CSS_SELECTOR, ".card-title").text != IDEA_B
                              for c in all_css(d, "#proposals > li")), message="merged idea leaves Alice's list")
    merged = [p for p in api.get(f"/api/workshops/{code}/proposals")["proposals"] if p["title"] == IDEA_B][0]
    assert merged["status"] == "merged"

    # Voting opens; the participants' pages switch without reload.
    confirm_phase(fac, "voting")
    for driver in (alice, bruno):
        visible(driver, "#ballot-bar")
        visible(driver, "#proposals .vote-box")

    # Alice: her own idea cannot get her dots; she backs Bruno's idea and rates it.
    own = card_with_title(alice, IDEA_A)
    assert own.find_element(By.CSS_SELECTOR, ".vote-box .muted").is_displayed()
    theirs = card_with_title(alice, IDEA_C)
    plus = theirs.find_element(By.CSS_SELECTOR, ".dots button:last-of-type")
    click(alice, plus)
    click(alice, plus)
    click(alice, theirs.find_element(By.CSS_SELECTOR, 'fieldset.rating:nth-of-type(2) input[value="4"]'))
    wait(alice, lambda d: save_state(d) == "saved", message="Alice's ballot saved")
    text_has(alice, "#budget", "3")
    screenshot(alice, "participant-voting-phone")
    assert low_contrast(alice) == []

    # Bruno puts the most dots allowed on Alice's idea: the + button stops at the cap.
    target = card_with_title(bruno, IDEA_A)
    plus = target.find_element(By.CSS_SELECTOR, ".dots button:last-of-type")
    for _ in range(3):
        click(bruno, plus)
    assert not plus.is_enabled(), "the + button is disabled at the per-proposal cap"
    click(bruno, target.find_element(By.CSS_SELECTOR, 'input[value="3"]'))
    wait(bruno, lambda d: save_state(d) == "saved", message="Bruno's ballot saved")
    saved_at = time.monotonic()

    # The projector shows the new tallies without reload. The bound is liveness (10 s), not speed:
    # the latency is recorded as a figure (target 2 s), never asserted.
    def tallies_shown(d):
        return (css(d, "#ballot-count").get_attribute("data-count") == "2"
                and "3 dots" in css(d, "#chart-box").text and "2 dots" in css(d, "#chart-box").text)
    wait(projector, tallies_shown, timeout=10, message="projector tallies without reload")
    elapsed = time.monotonic() - saved_at
    record_figure(f"story: projector showed the new tallies {elapsed:.2f} s after the ballot was saved")
    screenshot(projector, "screen-voting-desktop")
    assert low_contrast(projector) == []

    ballot = api.get(f"/api/workshops/{code}/ranking")["counts"]["ballots"]
    assert ballot == 2

    # Goal-weight sliders re-rank live.
    slider = css(fac, '#weights input[data-goal="space"]')
    slider.send_keys(Keys.END)
    wait(fac, lambda d: css(d, "#console-ranking .rank-entry"), message="ranking shown")
    screenshot(fac, "console-voting-desktop")

    # The facilitator closes the workshop and downloads the CSV; it matches the API's ranking.
    confirm_phase(fac, "closed")
    press(fac, '#exports a[data-format="csv"]')
    csv_path = wait(fac, lambda d: next((p for p in d.download_dir.glob("*.csv")), False), timeout=10,
                    message="CSV downloaded")
    wait(fac, lambda d: csv_path.stat().st_size > 0 and not list(d.download_dir.glob("*.crdownload")))
    ranking = server.facilitator_api().get(f"/api/workshops/{code}/ranking")
    check_csv_matches_ranking(csv_path.read_text(encoding="utf-8-sig"), ranking, merged["id"])

    # Everyone sees the published ranking with its breakdown.
    for driver in (alice, bruno):
        visible(driver, "#results .ranking")
        text_has(driver, "#results", IDEA_A)
    visible(projector, "#s-results .shortlist-box")
    first = css(alice, "#results .rank-entry .rank-title").text
    assert first == ranking["entries"][0]["title"]
    screenshot(alice, "participant-closed-phone")
    screenshot(projector, "screen-closed-desktop")
    screenshot(fac, "console-closed-desktop")
    for driver in (alice, projector, fac):
        assert low_contrast(driver) == [], driver.label
