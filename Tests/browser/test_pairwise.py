"""Pairwise voting on a phone: two large cards, tap or ←/→, skip; the projector counts the
comparisons; the console offers the method (issue 11, item 3)."""
from conftest import DESKTOP, PHONE, Api
from helpers import all_css, css, no_horizontal_scroll, press, text_has, type_into, visible, wait
from selenium.webdriver.common.keys import Keys


def pairwise_workshop(server, titles):
    workshop = server.create_workshop(votingMethod="pairwise")
    assert workshop["settings"]["votingMethod"] == "pairwise", workshop["settings"]
    code = workshop["code"]
    api = server.facilitator_api()
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    author = Api(server.url)
    assert author.call("POST", "/api/join", {"code": code, "name": "Autrice"})[0] == 201
    ids = []
    for title in titles:
        status, body = author.call("POST", f"/api/workshops/{code}/proposals", {"title": title, "body": f"Perché {title.lower()}"})
        assert status == 201, body
        ids.append(body["id"])
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})[0] == 200
    return code, api, ids


def shown_pair(driver):
    cards = all_css(driver, "#pairwise .pair-card")
    if len(cards) != 2 or any(card.get_attribute("disabled") for card in cards):
        return None
    return [int(card.get_attribute("data-id")) for card in cards]


def test_a_phone_compares_pairs_by_tap_keys_and_skip_and_the_projector_counts_them(server, browsers):
    titles = ["Biblioteca degli attrezzi", "Orto condiviso", "Caffè riparazioni", "Serate aperte"]
    code, api, ids = pairwise_workshop(server, titles)
    wall = browsers.new("pairwise-screen", DESKTOP)
    wall.get(f"{server.url}/screen/{code}")
    text_has(wall, "#ballot-label", "comparisons so far")

    phone = browsers.new("pairwise-phone", PHONE)
    phone.get(f"{server.url}/?code={code}")
    visible(phone, "#name")
    type_into(phone, "#name", "Votante" + Keys.ENTER)
    wait(phone, lambda d: d.current_url.endswith(f"/w/{code}"), message="joined")
    visible(phone, "#pairwise")
    assert css(phone, "#pairwise-h").text == "Which of these two better serves our goals?"
    # The list and the ballot bar give way to the two cards.
    assert not css(phone, "#proposals-section").is_displayed()
    assert not css(phone, "#ballot-bar").is_displayed()
    first = wait(phone, shown_pair, message="a pair of cards")
    assert set(first) <= set(ids) and first[0] != first[1]
    shown_titles = [card.find_element("css selector", ".pair-title").text for card in all_css(phone, "#pairwise .pair-card")]
    assert set(shown_titles) <= set(titles), shown_titles
    # Both cards fit the phone: stacked, each nearly the full width, nothing scrolls sideways.
    widths = phone.execute_script(
        "return [...document.querySelectorAll('#pairwise .pair-card')].map((c) => c.getBoundingClientRect().width);")
    assert all(w > 250 for w in widths), widths
    assert no_horizontal_scroll(phone)

    # Tap the left card.
    press(phone, '#pairwise .pair-card[data-side="left"]')
    text_has(phone, "#pairwise .pairwise-progress", "1 pair answered")
    second = wait(phone, shown_pair, message="the next pair")
    assert set(second) != set(first)
    # → chooses the right card.
    phone.find_element("css selector", "body").send_keys(Keys.ARROW_RIGHT)
    text_has(phone, "#pairwise .pairwise-progress", "2 pairs answered")
    third = wait(phone, shown_pair, message="a third pair")
    # Skip.
    press(phone, "#pairwise .pair-skip")
    text_has(phone, "#pairwise .pairwise-progress", "3 pairs answered")

    ranking = api.get(f"/api/workshops/{code}/ranking")
    assert ranking["method"]["name"] == "pairwise-1"
    wins = {entry["id"]: entry["support"]["dots"] for entry in ranking["entries"]}
    assert wins[first[0]] >= 1 and wins[second[1]] >= 1, (wins, first, second)
    assert sum(wins.values()) == 2  # the skipped pair counts for nobody
    assert set(third) != set(first) and set(third) != set(second)
    # The projector shows the comparisons so far, live.
    text_has(wall, "#ballot-count", "3")


def test_the_console_offers_pairwise_as_a_voting_method(server, browsers):
    from test_console import log_in
    workshop = server.create_workshop()
    fac = browsers.new("pairwise-console", DESKTOP)
    log_in(fac, server)
    fac.get(f"{server.url}/console#{workshop['code']}")
    wait(fac, lambda d: css(d, "#ws-code").text == workshop["code"], message="workshop open")
    options = fac.execute_script("return [...document.querySelectorAll('#e-method option')].map((o) => [o.value, o.textContent]);")
    assert ["pairwise", "Pairwise (which of two is better)"] in options, options


def test_a_phone_whose_only_ideas_are_left_is_told_it_is_never_asked_about_its_own(server, browsers):
    from test_commitments import sign_in_as
    workshop = server.create_workshop(votingMethod="pairwise")
    code = workshop["code"]
    api = server.facilitator_api()
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    author = Api(server.url)
    assert author.call("POST", "/api/join", {"code": code, "name": "Autrice"})[0] == 201
    for title in ["Orto condiviso", "Serate aperte", "Caffè riparazioni"]:
        assert author.call("POST", f"/api/workshops/{code}/proposals", {"title": title})[0] == 201
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})[0] == 200
    status, body = author.call("GET", f"/api/workshops/{code}/pair")
    assert status == 200 and body["pair"] is None and body["done"] is True, body

    phone = browsers.new("pairwise-own", PHONE)
    sign_in_as(phone, server, author)
    phone.get(f"{server.url}/w/{code}")
    visible(phone, "#pairwise")
    text_has(phone, "#pairwise .pairwise-done", "you are never asked about your own ideas")
    assert not shown_pair(phone)
