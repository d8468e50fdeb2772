"""The order of proposals is the server's: the page shows the least-seen ones first, headed as
needing the participant's eyes, and never re-sorts them (issue 11)."""
from conftest import PHONE, Api
from helpers import all_css, type_into, visible, wait
from selenium.webdriver.common.keys import Keys


def test_a_newcomer_sees_the_unrated_proposals_first_in_a_needs_your_eyes_group(server, browsers):
    workshop = server.create_workshop(shuffleProposals=True)
    code = workshop["code"]
    api = server.facilitator_api()
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    author = Api(server.url)
    assert author.call("POST", "/api/join", {"code": code, "name": "Autrice"})[0] == 201
    ids = []
    for n in range(6):
        status, body = author.call("POST", f"/api/workshops/{code}/proposals", {"title": f"Idea numero {n + 1}"})
        assert status == 201, body
        ids.append(body["id"])
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})[0] == 200
    rater = Api(server.url)
    assert rater.call("POST", "/api/join", {"code": code, "name": "Valutatore"})[0] == 201
    rated = ids[:3]
    status, body = rater.call("PUT", f"/api/workshops/{code}/ballot", {"ratings": {str(i): {"space": 3} for i in rated}})
    assert status == 200, body

    phone = browsers.new("exposure-phone", PHONE)
    phone.get(f"{server.url}/?code={code}")
    visible(phone, "#name")
    type_into(phone, "#name", "Nuova" + Keys.ENTER)
    wait(phone, lambda d: d.current_url.endswith(f"/w/{code}"), message="joined")
    visible(phone, '#proposals > li.group-heading[data-group="needs-eyes"]')

    def groups(d):
        items = [(li.get_attribute("class"), li.get_attribute("data-group"), li.get_attribute("id")) for li in all_css(d, "#proposals > li")]
        if len(items) < 8:
            return False
        return items
    items = wait(phone, groups, message="six cards and two headings")
    assert items[0][1] == "needs-eyes", items
    rest = [i for i, item in enumerate(items) if item[1] == "rest"]
    assert rest, items
    flagged = {int(item[2][2:]) for item in items[1:rest[0]]}
    assert flagged == set(ids[3:]), (flagged, ids)
    heading = all_css(phone, '#proposals > li.group-heading[data-group="needs-eyes"]')[0].text
    assert heading in ("Queste hanno bisogno dei tuoi occhi: finora le hanno guardate in pochi",
                       "These need your eyes: few people have looked at them so far"), heading


def test_the_console_shows_the_settled_probability_and_switches_the_scoring_method(server, browsers):
    from conftest import DESKTOP
    from helpers import css
    from test_console import log_in

    workshop = server.create_workshop()
    code = workshop["code"]
    api = server.facilitator_api()
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    author = Api(server.url)
    assert author.call("POST", "/api/join", {"code": code, "name": "Autrice"})[0] == 201
    for n in range(4):
        assert author.call("POST", f"/api/workshops/{code}/proposals", {"title": f"Proposta {n + 1}"})[0] == 201
    assert api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})[0] == 200
    expected = api.get(f"/api/workshops/{code}/ranking")["settled"]["probability"]

    fac = browsers.new("scoring-console", DESKTOP)
    log_in(fac, server)
    fac.get(f"{server.url}/console#{code}")
    wait(fac, lambda d: css(d, "#ws-code").text == code, message="workshop open")
    visible(fac, ".settled-probability")
    shown = wait(fac, lambda d: d.execute_script(
        "const p = document.querySelector('.settled-probability'); return p ? [p.dataset.probability, p.textContent] : null;"),
        message="probability shown")
    assert abs(float(shown[0]) - expected) < 1e-9
    assert "%" in shown[1] and "top 3" in shown[1], shown[1]
    # The ranking box is redrawn on live updates, so look the select up afresh each time.
    current = "const s = document.getElementById('scoring-method'); return s ? s.value : null;"
    wait(fac, lambda d: d.execute_script(current) == "officina-2", message="method shown")
    fac.execute_script("const s = document.getElementById('scoring-method'); s.value = 'officina-1';"
                       " s.dispatchEvent(new Event('change'));")
    wait(fac, lambda d: api.get(f"/api/workshops/{code}/scoring")["method"] == "officina-1", message="method saved")
    wait(fac, lambda d: api.get(f"/api/workshops/{code}/ranking")["method"]["name"] == "officina-1", message="ranking recomputed")
