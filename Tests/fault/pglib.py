"""Parts shared by the PostgreSQL fault scripts: a throwaway cluster (scripts/pg-throwaway.sh), nginx
round-robin in front of several `officina serve --db postgres://…` instances, and a ballot storm
that records, per voter, every attempt in order with its outcome, so the final check can tell a lost
acknowledged ballot from one whose answer was lost with an instance or the database.

Only the standard library and the binaries the CI step installs (postgresql, nginx-light).
"""
import glob
import http.client
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

import faultlib as f

def _timed_out(signum, frame):
    # CI's `timeout` sends SIGTERM: fail through the scripts' own cleanup, so no instance, nginx or
    # cluster (pg_ctl daemonises it: it is no child of ours) outlives the script.
    raise f.Failure(f"stopped by signal {signum} (timeout)")


signal.signal(signal.SIGTERM, _timed_out)

THROWAWAY = os.path.join(f.ROOT, "scripts", "pg-throwaway.sh")


def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt-get install -y postgresql libpq5")
    return found[-1]


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder; `url` is its test database."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="officina-pgfault-")
        self.url = subprocess.run([THROWAWAY, "start", self.dir], check=True, capture_output=True,
                                  text=True, timeout=120).stdout.strip().splitlines()[-1]

    def pg_ctl(self, *args, timeout=60):
        command = [pg_bin("pg_ctl"), "-D", os.path.join(self.dir, "data"), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--"] + command
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)

    def restart(self):
        """`pg_ctl restart -m fast`: sessions are terminated, the server comes back with the same options."""
        self.pg_ctl("-m", "fast", "-w", "-t", "60", "restart")

    def stop(self):
        self.pg_ctl("-m", "fast", "-w", "-t", "60", "stop")

    def start(self):
        """Starts it again on the same port and socket folder (as scripts/pg-throwaway.sh did: unlike
        `restart`, `pg_ctl start` does not reuse the options of the last run)."""
        port = self.url.rsplit(":", 1)[1].split("/", 1)[0]
        options = f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=1000"
        self.pg_ctl("-w", "-t", "60", "-l", os.path.join(self.dir, "server.log"), "-o", options, "start")

    def destroy(self):
        subprocess.run([THROWAWAY, "stop", self.dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        shutil.rmtree(self.dir, ignore_errors=True)


class Nginx:
    """nginx as a foreground child: round robin over `ports`, a dead upstream skipped (max_fails=0:
    never marked down, so a restarted instance gets traffic at once). Each answer names the
    upstream that gave it in `X-Upstream`. nginx passes an idempotent request (a ballot PUT) that
    an instance dropped mid-way on to the next one; `retry=False` (`proxy_next_upstream off`) makes
    it answer 502 instead, so the client sees every request whose answer died with an instance."""

    def __init__(self, ports, directory, retry=True):
        self.port = f.free_port()
        self.dir = directory
        user = "user root;\n" if os.geteuid() == 0 else ""
        upstreams = "".join(f"        server 127.0.0.1:{p} max_fails=0;\n" for p in ports)
        conf = f"""{user}daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    upstream officina {{
{upstreams}    }}
    server {{
        listen 127.0.0.1:{self.port};
        location / {{
            proxy_pass http://officina;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
            proxy_buffering off;
            proxy_next_upstream {"error timeout" if retry else "off"};
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""
        self.conf = os.path.join(directory, "nginx.conf")
        with open(self.conf, "w") as out:
            out.write(conf)
        log = open(os.path.join(directory, "nginx.out"), "ab")
        self.proc = subprocess.Popen(["nginx", "-p", directory, "-c", self.conf], stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.proc.returncode}; see {directory}/nginx-error.log")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen in time")

    def cut_requests(self):
        """Requests an instance dropped mid-way (killed with the request in flight), from the error log."""
        try:
            with open(os.path.join(self.dir, "nginx-error.log")) as log:
                return sum(1 for line in log if "prematurely closed" in line or "reset by peer" in line)
        except OSError:
            return 0

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def header(headers, name):
    for key, value in headers:
        if key.lower() == name.lower():
            return value
    return None


class Ledger:
    """Every ballot attempt of every voter, in order, with its outcome: `acked` (2xx), `refused`
    (503: the server says it did not store it), `unknown` (502/504 from nginx, or the connection
    died: the answer was lost, the commit may or may not have happened). One writer thread owns a
    voter, so each voter's list is in the order the attempts were made."""

    def __init__(self):
        self.lock = threading.Lock()
        self.attempts = {}
        self.counts = {"acked": 0, "refused": 0, "unknown": 0}
        self.by_upstream = {}
        self.errors = []
        self.window = []   # (monotonic time, outcome) of every answer, for "what happened while down"

    def add(self, voter, ballot, outcome, upstream=None):
        with self.lock:
            self.attempts.setdefault(voter, []).append((outcome, ballot))
            self.counts[outcome] += 1
            self.window.append((time.monotonic(), outcome))
            if outcome == "acked" and upstream:
                # "A, B" when nginx found A dead and passed the request on: B answered.
                upstream = upstream.split(",")[-1].strip()
                self.by_upstream[upstream] = self.by_upstream.get(upstream, 0) + 1

    def error(self, message):
        with self.lock:
            self.errors.append(message)

    def snapshot(self):
        with self.lock:
            return dict(self.counts)

    def outcomes_between(self, start, end):
        with self.lock:
            return [o for t, o in self.window if start <= t <= end]

    def verify(self, stored_of, refused_may_be_stored=False):
        """Checks each voter with an acknowledged ballot: the stored ballot is the last acknowledged
        one, or one sent after it whose answer was lost. Returns (checked, lost, ambiguous) where
        ambiguous counts voters whose stored ballot is a later unknown (or, when allowed, refused) one."""
        checked, lost, ambiguous = 0, [], 0
        later_kinds = ("unknown", "refused") if refused_may_be_stored else ("unknown",)
        for voter, attempts in self.attempts.items():
            acked_at = [i for i, (outcome, _) in enumerate(attempts) if outcome == "acked"]
            if not acked_at:
                continue
            last = acked_at[-1]
            stored = stored_of(voter)
            checked += 1
            if f.same_ballot(stored, attempts[last][1]):
                continue
            if any(outcome in later_kinds and f.same_ballot(stored, ballot) for outcome, ballot in attempts[last + 1:]):
                ambiguous += 1
                continue
            # Say what the stored ballot is, so a failure tells an ambiguous commit from a lost one.
            kinds = [outcome for outcome, ballot in attempts if f.same_ballot(stored, ballot)]
            lost.append((voter, {"last_acknowledged": attempts[last][1], "stored": stored,
                                 "stored_was_answered": kinds or ["never sent"]}))
        return checked, lost, ambiguous


def storm(port, workshop, voters, stop, ledger, seed, timeout=20):
    """PUTs random ballots for `voters` through `port` (nginx) until `stop`, one at a time on a
    keep-alive connection, recording every outcome in `ledger`. A request that times out counts as
    a hang (an error): nothing in these tests may leave a request unanswered for `timeout` seconds."""
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    path = f"/api/workshops/{workshop.code}/ballot"
    while not stop.is_set():
        voter = rng.choice(voters)
        ballot = workshop.ballot(rng)
        try:
            status, body, headers = f.request(port, "PUT", path, ballot, {workshop.cookie_name: voter[1]}, conn=conn)
        except socket.timeout:
            ledger.add(voter[0], ballot, "unknown")
            ledger.error(f"a ballot got no answer within {timeout} s (hang)")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            continue
        except (OSError, http.client.HTTPException):
            ledger.add(voter[0], ballot, "unknown")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            time.sleep(0.02)
            continue
        if 200 <= status < 300:
            ledger.add(voter[0], ballot, "acked", header(headers, "X-Upstream"))
        elif status == 503:
            ledger.add(voter[0], ballot, "refused")
            if not header(headers, "Retry-After"):
                ledger.error(f"503 without Retry-After: {body}")
            time.sleep(0.05)
        elif status in (502, 504):
            ledger.add(voter[0], ballot, "unknown")
            if status == 504:
                ledger.error(f"nginx timed out waiting for an instance (504): a request hung")
            time.sleep(0.02)
        else:
            ledger.add(voter[0], ballot, "refused")
            ledger.error(f"PUT ballot answered {status}: {body}")
    conn.close()


def start_storm(port, workshop, threads, ledger, seed):
    stop = threading.Event()
    shares = [workshop.voters[i::threads] for i in range(threads)]
    writers = [threading.Thread(target=storm, args=(port, workshop, shares[i], stop, ledger, seed * 1000 + i), daemon=True)
               for i in range(threads)]
    for w in writers:
        w.start()
    return stop, writers


def wait_for_acks(ledger, more, seconds):
    """Waits until `more` further ballots are acknowledged; False after `seconds`."""
    target = ledger.snapshot()["acked"] + more
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ledger.snapshot()["acked"] >= target:
            return True
        time.sleep(0.05)
    return False


def cleanup(servers, nginx, cluster, kill=False):
    """Stops the instances (SIGKILL when `kill`, else a graceful stop), nginx, and the cluster;
    `OFFICINA_KEEP_PG` keeps the cluster's folder for a post-mortem."""
    for server in servers:
        try:
            server.kill9() if kill else server.stop()
        except Exception:
            pass
    if nginx:
        nginx.stop()
    if cluster:
        if os.environ.get("OFFICINA_KEEP_PG"):
            f.log(f"kept {cluster.dir}")
        else:
            try:
                cluster.destroy()
            except Exception:
                pass
