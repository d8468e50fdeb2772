"""A participant edits and withdraws their own idea; an author whose idea was hidden learns it (and why);
after the deadline the page disables what the server would refuse and says "Time's up"."""
from selenium.webdriver.common.by import By

from conftest import PHONE, screenshot
from flows import iso_in, join, set_phase
from helpers import all_css, card_with_title, css, press, text_has, type_into, visible, wait


def post(driver, title):
    visible(driver, "#proposal-form")
    type_into(driver, "#p-title", title)
    press(driver, "#proposal-submit")
    return card_with_title(driver, title)


def titles(driver):
    return [c.text for c in all_css(driver, "#proposals .card-title")]


def test_an_author_edits_then_withdraws_their_idea_and_the_room_follows_live(server, browsers):
    code = server.create_workshop()["code"]
    set_phase(server, code, "collecting")
    author = browsers.new("own-author", PHONE)
    other = browsers.new("own-other", PHONE)
    join(author, server, code, "Ada")
    join(other, server, code, "Bruno")
    card = post(author, "Orto sul tetto")
    card_with_title(other, "Orto sul tetto")
    # The other participant's copy of the idea offers no edit or withdraw.
    assert not [b for b in all_css(other, '#proposals [data-own]') if b.is_displayed()]

    press(author, f"#{card.get_attribute('id')} [data-own=edit]")
    field = visible(author, f"#{card.get_attribute('id')} .own-edit input")
    field.clear()
    field.send_keys("Orto condiviso sul tetto")
    press(author, f"#{card.get_attribute('id')} .own-edit button[type=submit]")
    card_with_title(author, "Orto condiviso sul tetto")
    card_with_title(other, "Orto condiviso sul tetto")
    screenshot(author, "participant-own-idea-en-phone")

    press(author, f"#{card.get_attribute('id')} [data-own=withdraw]")
    visible(author, "#confirm-dialog[open]")
    press(author, "#confirm-ok")
    wait(other, lambda d: "Orto condiviso sul tetto" not in titles(d), message="withdrawn idea gone for the room")
    wait(author, lambda d: "Orto condiviso sul tetto" not in titles(d), message="withdrawn idea gone from the list")
    text_has(author, "#own-notes", "You withdrew “Orto condiviso sul tetto”")
    status, listed = server.facilitator_api().call("GET", f"/api/workshops/{code}/proposals")
    assert [p["withdrawn"] for p in listed["proposals"]] == [True]


def test_an_author_sees_that_their_idea_was_hidden_and_why(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    author = browsers.new("hidden-author", PHONE, language="it-IT")
    join(author, server, code, "Carla")
    card = post(author, "Parcheggio gratis")
    proposal_id = int(card.get_attribute("id").split("-")[1])
    status, _ = api.call("PATCH", f"/api/proposals/{proposal_id}", {"status": "hidden", "reason": "Fuori tema per questo laboratorio"})
    assert status == 200
    note = visible(author, "#own-notes li[data-kind=hidden]")
    wait(author, lambda d: "Chi facilita ha nascosto la tua idea «Parcheggio gratis»" in note.text, message="hidden note")
    assert "Fuori tema per questo laboratorio" in note.text
    assert "Parcheggio gratis" not in titles(author)
    screenshot(author, "participant-hidden-note-it-phone")
    # Shown again: the note goes and the card comes back.
    api.call("PATCH", f"/api/proposals/{proposal_id}", {"status": "visible"})
    card_with_title(author, "Parcheggio gratis")
    wait(author, lambda d: not css(d, "#own-notes").is_displayed(), message="note cleared")


def test_after_the_deadline_the_form_is_disabled_with_times_up(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    phone = browsers.new("timeup-phone", PHONE)
    join(phone, server, code, "Dario")
    post(phone, "Prima della scadenza")
    status, _ = api.call("PATCH", f"/api/workshops/{code}", {"deadline": iso_in(3)})
    assert status == 200
    assert css(phone, "#p-title").is_enabled()
    wait(phone, lambda d: not css(d, "#p-title").is_enabled(), timeout=10, message="form disabled at the deadline")
    text_has(phone, "#time-up", "Time's up")
    assert css(phone, "#proposal-submit").text == "Time's up"
    assert not css(phone, "#proposal-submit").is_enabled()
    assert not css(phone, "#p-body").is_enabled()
    assert all(not b.is_enabled() for b in all_css(phone, "#proposals [data-own], #proposals .buildon-form button"))
    screenshot(phone, "participant-times-up-en-phone")
    # A new deadline reopens the form without a reload.
    status, _ = api.call("PATCH", f"/api/workshops/{code}", {"deadline": iso_in(600)})
    assert status == 200
    wait(phone, lambda d: css(d, "#p-title").is_enabled(), message="form open again")
    assert not css(phone, "#time-up").is_displayed()
