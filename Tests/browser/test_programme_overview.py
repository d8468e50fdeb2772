"""The programme overview: every workshop with phase, participants and ballots, the per-goal roll-up
across workshops, and the programme's exports, reached from the console."""
from conftest import Api, screenshot
from flows import set_phase, sign_in
from helpers import all_css, css, press, visible, wait


def test_the_overview_lists_every_workshop_and_the_best_proposals_per_goal(server, browsers):
    code = server.create_workshop(ratingsEnabled=True)["code"]
    api = set_phase(server, code, "collecting")
    people = []
    for name, title in [("Ada", "Orto condiviso sul tetto"), ("Ben", "Serate di riparazione")]:
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": name})[0] == 201
        status, proposal = person.call("POST", f"/api/workshops/{code}/proposals", {"title": title, "goals": ["space"]})
        people.append((person, proposal["id"]))
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "voting"})
    (ada, ada_idea), (ben, ben_idea) = people
    assert ada.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(ben_idea): 1}, "ratings": {str(ben_idea): {"space": 4}}})[0] == 200
    assert ben.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(ada_idea): 1}, "ratings": {str(ada_idea): {"space": 1}}})[0] == 200

    page = browsers.new("overview", (1366, 900))
    sign_in(page, server, "/console")
    link = visible(page, ".overview-link")
    page.get(link.get_attribute("href"))
    row = visible(page, f'#o-workshops tr[data-code="{code}"]')
    cells = [c.text for c in row.find_elements("css selector", "td")]
    assert cells[0] == "Voting" and cells[1] == "2" and cells[2] == "2", cells
    status, programmes = api.call("GET", "/api/programmes")
    assert len(all_css(page, "#o-workshops tbody tr")) == sum(len(p["workshops"]) for p in programmes["programmes"][:1])
    space = visible(page, '#o-rollup [data-goal="space"]')
    wait(page, lambda d: "Serate di riparazione" in space.text, message="roll-up lists the best for space")
    first = space.find_elements("css selector", "li strong")[0].text
    assert first == "Serate di riparazione", first     # rated 4 beats rated 1 for this goal
    for anchor in all_css(page, "#o-exports a"):
        status, _ = api.call("GET", anchor.get_attribute("href").replace(server.url, ""))
        assert status == 200, anchor.get_attribute("href")
    screenshot(page, "programme-overview-en-1366")
