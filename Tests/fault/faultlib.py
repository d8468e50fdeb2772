"""Shared parts of the fault scripts: run `officina serve` as a child on a loopback port, build a
small voting workshop through the public API, and talk HTTP/1.1 with the headers the API asks for
(an Origin matching Host on unsafe methods, the participant cookie `officina_p_<CODE>`).

Only the standard library; everything is bounded in time and stays on 127.0.0.0/8.
"""
import http.client
import json
import os
import random
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OFFICINA = os.environ.get("OFFICINA_BIN", os.path.join(ROOT, ".build", "release", "officina"))
USERNAME = "fault"
PASSWORD = "fault-password-1234"
GOALS = ["space", "partnerships", "community"]


def log(*parts):
    print(*parts, flush=True)


def finish(name, ok, detail):
    """Prints the one line CI greps for and exits non-zero on failure."""
    log(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    sys.exit(0 if ok else 1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`officina serve` on `db`, restartable; `nofile` sets its RLIMIT_NOFILE (soft and hard)."""

    def __init__(self, db, port=None, nofile=None, log_path=None):
        self.db = db
        self.port = port or free_port()
        self.nofile = nofile
        self.log_path = log_path or (db + ".log")
        self.proc = None
        self.web = os.path.join(ROOT, "web")
        if not os.path.isdir(self.web):
            self.web = tempfile.mkdtemp(prefix="officina-web-")

    def add_facilitator(self):
        subprocess.run([OFFICINA, "user", "add", USERNAME, "--password-stdin", "--db", self.db,
                        "--pbkdf2-iterations", "1000"], input=(PASSWORD + "\n").encode(), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)

    def start(self, timeout=60):
        limit = self.nofile

        def limits():
            if limit:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

        out = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [OFFICINA, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db,
             "--web", self.web, "--quiet", "--pbkdf2-iterations", "1000"], stdout=out, stderr=out, preexec_fn=limits)
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {self.log_path}")
            try:
                if request(self.port, "GET", "/healthz", timeout=1)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError("server did not answer /healthz in time")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill9(self):
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait(timeout=10)

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def request(port, method, path, body=None, cookies=None, timeout=10, source=None, conn=None):
    """One request; returns (status, parsed JSON or text, headers). Reuses `conn` when given."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                          source_address=(source, 0) if source else None)
    headers = {}
    if method in ("POST", "PUT", "PATCH", "DELETE"):
        headers["Origin"] = f"http://127.0.0.1:{port}"
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode("utf-8", "replace")
        return response.status, parsed, response.getheaders()
    finally:
        if own:
            conn.close()


def cookie_from(headers, name):
    for key, value in headers:
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


class Workshop:
    """A dots workshop with `proposals` proposals (by two authors) and `voters` joined voters."""

    def __init__(self, port, proposals=20, voters=50):
        self.port = port
        status, body, headers = request(port, "POST", "/api/session", {"username": USERNAME, "password": PASSWORD})
        expect(status == 200, f"sign in: {status} {body}")
        self.session = cookie_from(headers, "officina_session")
        fac = {"officina_session": self.session}
        goals = [{"key": g, "label": {"it": g, "en": g}, "weight": 1} for g in GOALS]
        status, programme, _ = request(port, "POST", "/api/programmes",
                                       {"title": {"it": "Fault", "en": "Fault"}, "goals": goals}, fac)
        expect(status == 201, f"programme: {status} {programme}")
        settings = {"votingMethod": "dots", "dotBudget": 5, "perProposalCap": 3, "ratingsEnabled": True}
        status, workshop, _ = request(port, "POST", f"/api/programmes/{programme['id']}/workshops",
                                      {"theme": "design", "title": {"it": "Fault", "en": "Fault"},
                                       "description": {"it": "", "en": ""}, "settings": settings}, fac)
        expect(status == 201, f"workshop: {status} {workshop}")
        self.code = workshop["code"]
        self.cookie_name = f"officina_p_{self.code}"
        self.phase("collecting")
        authors = [self.join(f"Author {i}", i) for i in range(2)]
        self.proposals = []
        for i in range(proposals):
            status, proposal, _ = request(port, "POST", f"/api/workshops/{self.code}/proposals",
                                          {"title": f"Idea {i}", "body": "generated", "goals": [GOALS[i % 3]]},
                                          {self.cookie_name: authors[i % 2][1]})
            expect(status == 201, f"proposal: {status} {proposal}")
            self.proposals.append(proposal["id"])
        self.phase("voting")
        self.voters = [self.join(f"Voter {i}", i + 2) for i in range(voters)]

    def phase(self, name):
        status, body, _ = request(self.port, "POST", f"/api/workshops/{self.code}/phase", {"phase": name},
                                  {"officina_session": self.session})
        expect(status == 200, f"phase {name}: {status} {body}")

    def join(self, name, index):
        # 50 joins per loopback source address keeps each address inside the join rate limit.
        source = f"127.30.{index // 50 // 250 % 250}.{index // 50 % 250 + 1}"
        status, body, headers = request(self.port, "POST", "/api/join", {"code": self.code, "name": name}, source=source)
        expect(status == 201, f"join: {status} {body}")
        return body["participant"]["id"], cookie_from(headers, self.cookie_name)

    def ballot(self, rng):
        """A random valid ballot: up to 5 dots (cap 3 each) and some 0-4 ratings."""
        chosen = rng.sample(self.proposals, min(6, len(self.proposals)))
        support, left = {}, 5
        for pid in chosen[:3]:
            dots = rng.randint(0, min(3, left))
            if dots:
                support[str(pid)] = dots
                left -= dots
        ratings = {str(pid): {g: rng.randint(0, 4) for g in rng.sample(GOALS, rng.randint(1, 3))} for pid in chosen[3:]}
        return {"support": support, "ratings": ratings}

    def put_ballot(self, voter, ballot, conn=None, timeout=10):
        return request(self.port, "PUT", f"/api/workshops/{self.code}/ballot", ballot,
                       {self.cookie_name: voter[1]}, conn=conn, timeout=timeout)

    def get_ballot(self, voter):
        status, body, _ = request(self.port, "GET", f"/api/workshops/{self.code}/ballot", None, {self.cookie_name: voter[1]})
        expect(status == 200, f"get ballot: {status} {body}")
        return {"support": body.get("support", {}), "ratings": body.get("ratings", {})}


def same_ballot(a, b):
    norm = lambda x: (json.dumps(x.get("support", {}), sort_keys=True), json.dumps(x.get("ratings", {}), sort_keys=True))
    return norm(a) == norm(b)


def integrity(db):
    """`PRAGMA integrity_check` and `foreign_key_check` on the file (read-only, WAL-aware)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        result = [row[0] for row in con.execute("PRAGMA integrity_check")]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        return result == ["ok"] and not fk, f"integrity {result[:3]}, foreign keys {fk[:3]}"
    finally:
        con.close()


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
