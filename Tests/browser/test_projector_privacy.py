"""The projector is a public screen (issue 10, Medium 7): opened from the console, with the facilitator's
cookie in the browser, it still shows only what a participant would see."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import DESKTOP, Api
from helpers import all_css, type_into, visible, wait

NAME = "Zorro Anonimo"
SECRET = "Idea da nascondere SEGRETA"


def test_a_projector_opened_from_the_console_shows_no_author_names_or_hidden_ideas(server, browsers):
    code = server.create_workshop(anonymous=True)["code"]
    facilitator = server.facilitator_api()
    assert facilitator.call("POST", f"/api/workshops/{code}/phase", {"phase": "collecting"})[0] == 200
    participant = Api(server.url)
    assert participant.call("POST", "/api/join", {"code": code, "name": NAME})[0] == 201
    status, shown = participant.call("POST", f"/api/workshops/{code}/proposals", {"title": "Orto sul tetto"})
    assert status == 201, shown
    status, hidden = participant.call("POST", f"/api/workshops/{code}/proposals", {"title": SECRET})
    assert status == 201, hidden
    assert facilitator.call("PATCH", f"/api/proposals/{hidden['id']}", {"status": "hidden"})[0] == 200

    # The facilitator signs in to the console, then opens the projector in the same browser.
    driver = browsers.new("projector-from-console", DESKTOP)
    driver.get(server.url + "/console")
    visible(driver, "#login-form")
    type_into(driver, "#username", server.username)
    type_into(driver, "#password", server.password + Keys.ENTER)
    visible(driver, "#programmes .ws-list")
    # The console itself shows the name: the cookie really is a facilitator's.
    assert facilitator.get(f"/api/workshops/{code}/proposals")["proposals"][0]["author"]["name"] == NAME

    driver.get(f"{server.url}/screen/{code}")
    wait(driver, lambda d: any(i.text == "Orto sul tetto" for i in all_css(d, "#wall .idea-title")), message="idea on the wall")
    page = driver.find_element(By.TAG_NAME, "body").text
    assert NAME not in page
    assert SECRET not in page

    # Closed: the ranking on the projector names no author and no hidden idea either.
    for phase in ("voting", "closed"):
        assert facilitator.call("POST", f"/api/workshops/{code}/phase", {"phase": phase})[0] == 200
    wait(driver, lambda d: "Orto sul tetto" in d.find_element(By.ID, "s-results").text, message="ranking on the projector")
    page = driver.find_element(By.TAG_NAME, "body").text
    assert NAME not in page
    assert SECRET not in page
