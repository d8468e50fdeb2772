"""Short cuts for the round-2 browser tests: phases through the API, joining from a page's own fetch."""
from helpers import visible, wait


def set_phase(server, code, phase, **extra):
    api = server.facilitator_api()
    status, body = api.call("POST", f"/api/workshops/{code}/phase", {"phase": phase, **extra})
    assert status == 200, (status, body)
    return api


def join(driver, server, code, name):
    """Joins `code` as `name` with the page's own fetch (same cookies as the join form) and opens /w/CODE."""
    driver.get(server.url + "/")
    visible(driver, "#code")
    status = driver.execute_async_script("""
        const [code, name, done] = arguments;
        fetch('/api/join', {method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({code, name})}).then((r) => done(r.status), () => done(0));
    """, code, name)
    assert status in (200, 201), status
    driver.get(f"{server.url}/w/{code}")
    visible(driver, "#who")


def sign_in(driver, server, path="/console"):
    """Signs the browser in as the facilitator (the session cookie comes from the page's own fetch)."""
    driver.get(server.url + "/")
    visible(driver, "#code")
    status = driver.execute_async_script("""
        const [username, password, done] = arguments;
        fetch('/api/session', {method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({username, password})}).then((r) => done(r.status), () => done(0));
    """, server.username, server.password)
    assert status == 200, status
    if path:
        driver.get(server.url + path)


def iso_in(seconds):
    import datetime
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def page_ready(driver):
    wait(driver, lambda d: d.execute_script("return !document.body.classList.contains('loading')"), message="page loaded")
