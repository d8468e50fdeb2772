"""The programme and goals editor: titles and goal labels in both languages and default weights are
saved; a goal that ballots rated cannot be removed and the page says why (the API answers 409)."""
from conftest import Api
from flows import sign_in
from helpers import css, press, text_has, type_into, visible, wait


def new_programme(server):
    api = server.facilitator_api()
    goal = lambda key, it, en: {"key": key, "label": {"it": it, "en": en}, "weight": 1}
    status, programme = api.call("POST", "/api/programmes", {
        "title": {"it": "Programma di prova", "en": "Trial programme"}, "description": {"it": "", "en": ""},
        "goals": [goal("space", "Spazio", "Space"), goal("people", "Persone", "People")]})
    assert status == 201, programme
    status, workshop = api.call("POST", f"/api/programmes/{programme['id']}/workshops", {
        "theme": "events", "title": {"it": "Prova", "en": "Trial"}, "description": {"it": "", "en": ""}})
    assert status == 201, workshop
    return api, programme, workshop["code"]


def test_the_editor_saves_titles_labels_and_weights_and_keeps_rated_goals(server, browsers):
    api, programme, code = new_programme(server)
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})
    author, rater = Api(server.url), Api(server.url)
    author.call("POST", "/api/join", {"code": code, "name": "Ada"})
    rater.call("POST", "/api/join", {"code": code, "name": "Ben"})
    status, idea = author.call("POST", f"/api/workshops/{code}/proposals", {"title": "Orto", "goals": ["space"]})
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    assert rater.call("PUT", f"/api/workshops/{code}/ballot", {"ratings": {str(idea["id"]): {"space": 4}}})[0] == 200

    page = browsers.new("editor")
    sign_in(page, server, f"/programme.html#{programme['id']}")
    visible(page, "#pe-goals fieldset")
    type_into(page, "#pe-title-en", "Trial programme, renamed")
    people = css(page, '#pe-goals fieldset[data-key="people"]')
    label = people.find_element("css selector", "[data-field=en]")
    label.clear()
    label.send_keys("People nearby")
    weight = people.find_element("css selector", "[data-field=weight]")
    weight.clear()
    weight.send_keys("2.5")
    press(page, "#pe-save")
    text_has(page, "#pe-status", "Programme saved.")
    saved = api.get(f"/api/programmes/{programme['id']}")
    assert saved["title"]["en"] == "Trial programme, renamed"
    goals = {g["key"]: g for g in saved["goals"]}
    assert goals["people"]["label"]["en"] == "People nearby" and goals["people"]["weight"] == 2.5

    # Removing the rated goal is refused with a reason; the goal stays.
    browsers.allow("/api/programmes/")
    press(page, '#pe-goals fieldset[data-key="space"] button')
    press(page, "#pe-save")
    text_has(page, "#pe-error", "was rated in ballots")
    assert [g["key"] for g in api.get(f"/api/programmes/{programme['id']}")["goals"]] == ["space", "people"]
