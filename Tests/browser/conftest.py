"""Browser tests for web/: a real `officina serve` on a fresh database, driven by Debian's chromium.

Environment:
  OFFICINA_BIN   the officina executable (default: .build/release/officina, built by the CI step)
  OFFICINA_URL   use an already running server instead (then OFFICINA_USER / OFFICINA_PASSWORD)
  SCREENSHOTS    where screenshots go (default: <repo>/screenshots)
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOTS", REPO / "screenshots"))
PHONE = (360, 780)
DESKTOP = (1366, 900)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    """A tiny JSON client with its own cookie jar, for checking what the pages show against the API."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        request.add_header("Origin", self.base)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self.opener.open(request, timeout=10) as response:
                raw = response.read()
                return response.status, (json.loads(raw) if raw and "json" in response.headers.get("Content-Type", "") else raw)
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                return error.code, raw

    def get(self, path):
        status, body = self.call("GET", path)
        assert status == 200, (path, status, body)
        return body


class Server:
    def __init__(self, url, username, password):
        self.url = url
        self.username = username
        self.password = password

    def facilitator_api(self):
        api = Api(self.url)
        status, body = api.call("POST", "/api/session", {"username": self.username, "password": self.password})
        assert status == 200, (status, body)
        return api

    def draft_workshop(self, taken=set()):
        """A seeded workshop no other test has used yet (each test gets its own); once the seeded
        ones are used up, a new one made through the API."""
        # Join codes and drafts are listed to facilitators only.
        programmes = self.facilitator_api().get("/api/programmes")["programmes"]
        assert programmes and programmes[0]["workshops"], "the seeded programme is missing"
        for programme in programmes:
            for workshop in programme["workshops"]:
                if (workshop["phase"] == "draft" and workshop["code"] not in taken
                        and not workshop["settings"]["requireAccessCode"]):
                    taken.add(workshop["code"])
                    return workshop
        workshop = self.create_workshop()
        taken.add(workshop["code"])
        return workshop

    def create_workshop(self, **settings):
        """A fresh workshop made through the API (for tests that need their own)."""
        api = self.facilitator_api()
        programme = api.get("/api/programmes")["programmes"][0]
        status, body = api.call("POST", f"/api/programmes/{programme['id']}/workshops", {
            "theme": "events", "title": {"it": "Prova", "en": "Trial"},
            "description": {"it": "Laboratorio di prova", "en": "A trial workshop"},
            **({"settings": settings} if settings else {})})
        assert status == 201, (status, body)
        return body


def wait_healthy(url, process, log_path, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"officina serve exited with {process.returncode}:\n{Path(log_path).read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server not healthy after {seconds}s:\n{Path(log_path).read_text()[-3000:]}")


@pytest.fixture(scope="session")
def server():
    if os.environ.get("OFFICINA_URL"):
        yield Server(os.environ["OFFICINA_URL"].rstrip("/"), os.environ.get("OFFICINA_USER", "admin"),
                     os.environ.get("OFFICINA_PASSWORD", "secret"))
        return
    binary = os.environ.get("OFFICINA_BIN", str(REPO / ".build" / "release" / "officina"))
    if not Path(binary).exists():
        pytest.fail(f"no officina binary at {binary}; build it with `swift build -c release`")
    workdir = Path(tempfile.mkdtemp(prefix="officina-browser-"))
    db = workdir / "officina.db"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = workdir / "server.log"
    log = open(log_path, "w")
    # OFFICINA_PBKDF2_ITERATIONS lowers the hashing cost for runs on a debug build (logins take seconds there).
    cost = ["--pbkdf2-iterations", os.environ["OFFICINA_PBKDF2_ITERATIONS"]] if os.environ.get("OFFICINA_PBKDF2_ITERATIONS") else []
    process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db),
                                "--web", str(REPO / "web"), *cost], stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    try:
        wait_healthy(url, process, log_path)
        password = "browser-test-password"
        subprocess.run([binary, "user", "add", "facilitator", "--password-stdin", "--db", str(db), *cost],
                       input=password + "\n", text=True, check=True, capture_output=True, timeout=60)
        yield Server(url, "facilitator", password)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        if os.environ.get("KEEP_SERVER_LOG"):
            print(f"server log kept in {log_path}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


class Browsers:
    """Starts chromium instances, each with its own profile (own cookies), and checks their consoles."""

    def __init__(self):
        self.drivers = []
        self.logs = {}
        self.tmp = Path(tempfile.mkdtemp(prefix="officina-chrome-"))
        self.allowed = []

    def new(self, name, size=DESKTOP, language="en-GB"):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        profile = self.tmp / name
        downloads = self.tmp / f"{name}-downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}", f"--lang={language}",
                         "--disable-extensions", "--no-first-run"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {
            "intl.accept_languages": language,
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        })
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        driver = webdriver.Chrome(options=options, service=service)
        driver.set_window_size(*size)
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.download_dir = downloads
        driver.label = name
        self.drivers.append(driver)
        self.logs[name] = []
        return driver

    def collect(self):
        for driver in self.drivers:
            try:
                self.logs[driver.label].extend(driver.get_log("browser"))
            except Exception:  # a driver that already quit has nothing more to say
                pass

    def allow(self, fragment):
        """Accepts console errors containing `fragment` (a test that provokes an API error on purpose)."""
        self.allowed.append(fragment)

    def severe(self):
        self.collect()
        return [(name, entry["message"]) for name, entries in self.logs.items()
                for entry in entries if entry.get("level") == "SEVERE"
                and not any(fragment in entry["message"] for fragment in self.allowed)]

    def close(self):
        self.collect()
        for driver in self.drivers:
            try:
                driver.quit()
            except Exception:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)


@pytest.fixture
def browsers():
    """Yields a Browsers; the test fails if any page logged a console error (SEVERE)."""
    pool = Browsers()
    try:
        yield pool
        errors = pool.severe()
    finally:
        pool.close()
    assert not errors, "browser console errors:\n" + "\n".join(f"[{n}] {m}" for n, m in errors)


def record_figure(line):
    """Keeps a measured figure (a latency, not a pass/fail threshold) in <SCREENSHOTS>/figures.txt.

    Speed belongs in benchmarks: the tests bound waits generously (liveness) and report what they saw,
    which 50-browser.sh prints after the run."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(line)
    with open(SHOTS / "figures.txt", "a") as out:
        out.write(line + "\n")


def screenshot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    # Capture the whole page, not just the viewport, so a screenshot shows everything on it.
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, window.innerHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": False})
    try:
        driver.save_screenshot(str(SHOTS / f"{name}.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
