#!/usr/bin/env python3
"""Live stall: live-update streams that never read, while thousands of large writes arrive.

Never-reading `/events` streams (anonymous, participant, facilitator; each socket with a 4 KiB
receive buffer) stay open while writers send large proposal edits (2 KB bodies) and 500-character
build-ons to one proposal that keeps growing. Issue 10 froze the server this way: one write went
unanswered, then every write, then `/healthz`, then SIGTERM.

Checks: every write gets an answer (any status: a quota's 429 is an answer) within 10 s; every
acknowledged build-on is stored exactly once; `/healthz` keeps answering, each probe within
--liveness seconds (p50 and max reported); SIGTERM ends the server within 5 s while the stalled
streams are still open and a request body is still trickling in.

usage: live_stall.py [--edits 1500] [--buildons 500] [--writers 8] [--stalled 3] [--liveness 10]
"""
import argparse
import http.client
import json
import socket
import sqlite3
import tempfile
import threading
import time

import faultlib as f

BODY = "x" * 1990


def stalled_stream(port, path, cookies=None, source=None):
    """A GET on the event stream from a socket that never reads."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    if source:
        s.bind((source, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    lines = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Accept: text/event-stream"]
    if cookies:
        lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
    s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return s


class Writers:
    """Runs write jobs on `count` threads, each with its own keep-alive connection; records the
    status of every answer and every write that got none."""

    def __init__(self, port, count):
        self.port = port
        self.count = count
        self.lock = threading.Lock()
        self.statuses = {}
        self.unanswered = []
        self.buildons_created = 0
        self.slowest = 0.0

    def run(self, jobs):
        queue = list(jobs)
        queue.reverse()

        def work():
            conn = None
            while True:
                with self.lock:
                    if not queue:
                        break
                    kind, method, path, body, cookies = queue.pop()
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                t0 = time.monotonic()
                try:
                    status, _, headers = f.request(self.port, method, path, body, cookies, conn=conn)
                except (OSError, http.client.HTTPException) as error:
                    with self.lock:
                        self.unanswered.append(f"{kind} {path}: {error!r}")
                    conn.close()
                    conn = None
                    continue
                took = time.monotonic() - t0
                with self.lock:
                    self.statuses[(kind, status)] = self.statuses.get((kind, status), 0) + 1
                    self.slowest = max(self.slowest, took)
                    if kind == "buildon" and status == 201:
                        self.buildons_created += 1
                if any(k.lower() == "connection" and v.lower() == "close" for k, v in headers):
                    conn.close()
                    conn = None
            if conn is not None:
                conn.close()

        threads = [threading.Thread(target=work, daemon=True) for _ in range(self.count)]
        for t in threads:
            t.start()
        return threads


class Prober(threading.Thread):
    """GET /healthz every 0.2 s from an address of its own; records each latency."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.latencies = []
        self.failures = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            t0 = time.monotonic()
            try:
                status, _, _ = f.request(self.port, "GET", "/healthz", timeout=30, source="127.0.0.77")
                if status != 200:
                    self.failures.append(f"status {status}")
            except OSError as error:
                self.failures.append(repr(error))
            self.latencies.append(time.monotonic() - t0)
            self.stopping.wait(0.2)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1500)
    parser.add_argument("--buildons", type=int, default=500)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--stalled", type=int, default=3, help="never-reading streams of each kind, per wave")
    parser.add_argument("--liveness", type=float, default=10.0, help="longest a /healthz probe may take")
    args = parser.parse_args()
    f.raise_nofile()
    directory = tempfile.mkdtemp(prefix="officina-live-stall-")
    db = directory + "/officina.db"
    server = f.Server(db)
    server.add_facilitator()
    server.start()
    sockets = []
    try:
        workshop = f.Workshop(server.port, proposals=2, voters=0)
        workshop.phase("collecting")
        fac = {"officina_session": workshop.session}
        big, edited = workshop.proposals
        participants = [workshop.join(f"Builder {i}", 1000 + i) for i in range(20)]
        events = f"/api/workshops/{workshop.code}/events"

        def open_stalled(wave):
            for i in range(args.stalled):
                sockets.append(stalled_stream(server.port, events, source=f"127.41.{wave}.{i + 1}"))
                sockets.append(stalled_stream(server.port, events, {workshop.cookie_name: participants[i][1]}))
                sockets.append(stalled_stream(server.port, events, fac))

        open_stalled(0)
        prober = Prober(server.port)
        prober.start()
        started = time.monotonic()
        jobs = []
        for i in range(max(args.edits, args.buildons)):
            if i < args.edits:
                jobs.append(("edit", "PATCH", f"/api/proposals/{edited}", {"body": BODY + f"{i:010d}"}, fac))
            if i < args.buildons:
                who = participants[i % len(participants)]
                jobs.append(("buildon", "POST", f"/api/proposals/{big}/buildons",
                             {"text": f"{i:05d} " + "b" * 494}, {workshop.cookie_name: who[1]}))
        writers = Writers(server.port, args.writers)
        threads = writers.run(jobs)
        # A second wave of stalled streams halfway through, once the first may have been dropped.
        while any(t.is_alive() for t in threads) and sum(writers.statuses.values()) < len(jobs) // 2:
            time.sleep(0.1)
        open_stalled(1)
        for t in threads:
            t.join(timeout=120)
        writing = time.monotonic() - started
        f.expect(not any(t.is_alive() for t in threads), "writers still running after 120 s")
        f.expect(not writers.unanswered, f"{len(writers.unanswered)} writes got no answer, e.g. {writers.unanswered[:3]}")
        answered = sum(writers.statuses.values())
        f.expect(answered == len(jobs), f"{answered} of {len(jobs)} writes answered")
        prober.stopping.set()
        prober.join(timeout=40)
        f.expect(not prober.failures, f"/healthz failed during the attack: {prober.failures[:3]}")
        worst = max(prober.latencies, default=0)
        f.expect(worst < args.liveness, f"a /healthz probe took {worst:.2f} s")
        status, _, _ = f.request(server.port, "GET", "/healthz", timeout=10)
        f.expect(status == 200, f"/healthz after the attack: {status}")

        # A body still trickling in when the signal comes: the shutdown must not wait for it.
        trickle = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        sockets.append(trickle)
        trickle.sendall(f"POST /api/proposals/{edited}/buildons HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                        f"Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{{".encode())
        time.sleep(0.3)
        t0 = time.monotonic()
        server.proc.send_signal(15)
        try:
            server.proc.wait(timeout=10)
        except Exception:
            pass
        stop = time.monotonic() - t0
        f.expect(not server.alive(), "SIGTERM did not stop the server within 10 s")
        f.expect(stop < 5, f"SIGTERM took {stop:.2f} s")
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            stored = con.execute("SELECT COUNT(*) FROM buildons WHERE proposal_id = ?", (big,)).fetchone()[0]
        finally:
            con.close()
        f.expect(stored == writers.buildons_created,
                 f"{writers.buildons_created} build-ons acknowledged but {stored} stored")
        ok, detail = f.integrity(db)
        f.expect(ok, detail)
        summary = ", ".join(f"{kind} {status}: {count}" for (kind, status), count in sorted(writers.statuses.items()))
        f.finish("live_stall", True,
                 f"{len(sockets)} never-reading streams; {answered} writes answered in {writing:.1f} s ({summary}; "
                 f"slowest {writers.slowest * 1000:.0f} ms); /healthz {len(prober.latencies)} probes, "
                 f"p50 {percentile(prober.latencies, 0.5) * 1000:.0f} ms, max {worst * 1000:.0f} ms; "
                 f"SIGTERM exit in {stop:.2f} s; {stored} build-ons stored, as acknowledged")
    except (f.Failure, OSError, RuntimeError) as failure:
        server.kill9()
        f.finish("live_stall", False, str(failure))
    finally:
        for s in sockets:
            s.close()


if __name__ == "__main__":
    main()
