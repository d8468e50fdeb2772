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
