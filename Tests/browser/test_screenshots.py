"""Screenshots of every page at 390, 768 and 1366 px, in Italian and English, in each phase (written to
screenshots/); each page is also checked for horizontal overflow at that width."""
from conftest import Api, screenshot
from flows import join, set_phase, sign_in
from helpers import no_horizontal_scroll, visible, wait

WIDTHS = (390, 768, 1366)
LANGUAGES = (("it", "it-IT"), ("en", "en-GB"))


def settle(driver, selector):
    visible(driver, selector)
    wait(driver, lambda d: d.execute_script("return !document.body.classList.contains('loading')"), message="loaded")


def test_every_page_at_three_widths_in_both_languages(server, browsers):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    voters = []
    for name, title in [("Ada", "Biblioteca degli attrezzi"), ("Ben", "Serate di riparazione aperte")]:
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": name})[0] == 201
        status, proposal = person.call("POST", f"/api/workshops/{code}/proposals", {"title": title, "goals": ["space", "community"]})
        assert status == 201
        voters.append((person, proposal["id"]))
    # The first idea in a cluster: the console's board, the wall's and the phones' cluster headings show.
    status, cluster = api.call("POST", f"/api/workshops/{code}/clusters", {"name": "Spazi condivisi"})
    assert status == 201 and api.call("PUT", f"/api/proposals/{voters[0][1]}/cluster", {"cluster": cluster["id"]})[0] == 200
    drivers = {}
    for lang, tag in LANGUAGES:
        for width in WIDTHS:
            driver = browsers.new(f"shots-{lang}-{width}", (width, 900), language=tag)
            driver.get(server.url + "/")
            settle(driver, "#code")
            screenshot(driver, f"join-{lang}-{width}")
            assert no_horizontal_scroll(driver), f"join {lang} {width}"
            sign_in(driver, server, None)
            join(driver, server, code, f"Ospite {lang} {width}")
            drivers[(lang, width)] = driver
    for phase in ("collecting", "voting", "closed"):
        if phase != "collecting":
            status, _ = api.call("POST", f"/api/workshops/{code}/phase", {"phase": phase})
            assert status == 200
        if phase == "voting":
            (ada, _), (_, ben_idea) = voters
            ada.call("PUT", f"/api/workshops/{code}/ballot", {"support": {str(ben_idea): 2}})
        for (lang, width), driver in drivers.items():
            pages = [(f"/w/{code}", "#phase-badge", "participant"), (f"/screen/{code}", "#s-phase", "screen"),
                     (f"/console#{code}", "#ws-phase", "console")]
            for path, ready, name in pages:
                driver.get(server.url + path)
                settle(driver, ready)
                wait(driver, lambda d: d.execute_script(
                    f"return document.querySelector('{ready}').dataset.phase") == phase, message=f"{name} {phase}")
                screenshot(driver, f"{name}-{phase}-{lang}-{width}")
                assert no_horizontal_scroll(driver), f"{name} {phase} {lang} {width}"
                if name == "console":
                    visible(driver, "#cl-board .cluster-card")
                    driver.execute_script("document.getElementById('clusters-panel').scrollIntoView()")
                    screenshot(driver, f"console-board-{phase}-{lang}-{width}")
    # The dark theme (prefers-color-scheme: dark) of the participant page and the console, closed.
    for (lang, width), driver in drivers.items():
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        for path, ready, name in [(f"/w/{code}", "#phase-badge", "participant"), (f"/console#{code}", "#ws-phase", "console")]:
            driver.get(server.url + path)
            settle(driver, ready)
            wait(driver, lambda d: d.execute_script(
                f"return document.querySelector('{ready}').dataset.phase") == "closed", message=f"{name} dark")
            assert driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
            screenshot(driver, f"{name}-dark-{lang}-{width}")
            assert no_horizontal_scroll(driver), f"{name} dark {lang} {width}"
