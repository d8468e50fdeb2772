#!/usr/bin/env python3
"""Live updates resume after a server restart, as a browser's EventSource would resume them.

A client follows `/api/workshops/{code}/events` and remembers the last event id. The server stops
(first with SIGTERM, then with SIGKILL) and starts again on the same file and port. While the client
is away, a proposal is posted and the phase changes; the client reconnects with `Last-Event-ID` and
must get exactly the missed events, in order, with ids continuing from its own (event ids survive a
restart: a counter that restarted at 1 would make the client skip everything), then live events.

Each wait has a 15 s liveness bound; no timing is asserted.

usage: live_restart.py
"""
import json
import socket
import tempfile
import time
import traceback

import faultlib as f

BOUND = 15.0


class Stream:
    """A raw event-stream reader: `events()` returns (id, name, data) tuples received so far."""

    def __init__(self, port, code, last_event_id=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=BOUND)
        extra = f"Last-Event-ID: {last_event_id}\r\n" if last_event_id is not None else ""
        self.sock.sendall(f"GET /api/workshops/{code}/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                          f"Accept: text/event-stream\r\n{extra}\r\n".encode())
        self.buffer = b""
        self.closed = False
        self.parsed = []

    def pump(self, timeout):
        self.sock.settimeout(timeout)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return
        if not chunk:
            self.closed = True
            return
        self.buffer += chunk
        if b"\r\n\r\n" not in self.buffer:
            return
        head, _, body = self.buffer.partition(b"\r\n\r\n")
        f.expect(head.startswith(b"HTTP/1.1 200"), f"event stream answered {head[:60]!r}")
        self.parsed = []
        event = {}
        for line in body.decode("utf-8", "replace").replace("\r\n", "\n").split("\n"):
            if line == "":
                if "data" in event:
                    self.parsed.append((event.get("id"), event.get("event", "message"), event["data"]))
                event = {}
            elif not line.startswith(":") and ":" in line:
                key, _, value = line.partition(":")
                event[key] = value[1:] if value.startswith(" ") else value

    def wait(self, predicate, what):
        deadline = time.monotonic() + BOUND
        while not predicate(self.parsed):
            f.expect(not self.closed, f"the stream ended while waiting for {what}")
            f.expect(time.monotonic() < deadline, f"no {what} within {BOUND:.0f} s")
            self.pump(0.2)
        return self.parsed

    def wait_closed(self):
        deadline = time.monotonic() + BOUND
        while not self.closed:
            f.expect(time.monotonic() < deadline, f"the stream did not end within {BOUND:.0f} s of the stop")
            self.pump(0.2)

    def close(self):
        self.sock.close()


def named(events, name):
    return [e for e in events if e[1] == name]


def main():
    directory = tempfile.mkdtemp(prefix="officina-live-restart-")
    server = f.Server(directory + "/officina.db")
    server.add_facilitator()
    server.start()
    try:
        workshop = f.Workshop(server.port, proposals=2, voters=0)
        author = workshop.join("Author", 0)
        cookies = {workshop.cookie_name: author[1]}
        workshop.phase("collecting")
        stream = Stream(server.port, workshop.code)
        stream.wait(lambda events: named(events, "tally"), "first tally (the stream is live)")
        resumed_total = 0
        for round_number, how in enumerate(("SIGTERM", "SIGKILL")):
            title = f"Before the {how}"
            status, body, _ = f.request(server.port, "POST", f"/api/workshops/{workshop.code}/proposals",
                                        {"title": title}, cookies)
            f.expect(status == 201, f"proposal: {status} {body}")
            events = stream.wait(lambda evs: any(e[1] == "proposal" and title in e[2] for e in evs), "the live proposal")
            last_id = int([e for e in events if e[1] == "proposal"][-1][0])

            if how == "SIGTERM":
                server.stop()
            else:
                server.kill9()
            stream.wait_closed()
            stream.close()
            server.start()

            # While the client is away: a proposal and a phase change on the restarted server.
            missed_title = f"While away after the {how}"
            status, body, _ = f.request(server.port, "POST", f"/api/workshops/{workshop.code}/proposals",
                                        {"title": missed_title}, cookies)
            f.expect(status == 201, f"proposal after restart: {status} {body}")
            workshop.phase("voting")

            stream = Stream(server.port, workshop.code, last_event_id=last_id)
            events = stream.wait(lambda evs: named(evs, "tally"), "the tally that ends the replay")
            replayed = [e for e in events if e[1] != "tally"]
            f.expect([e[1] for e in replayed] == ["proposal", "workshop"],
                     f"after the {how}, replay was {[(e[0], e[1]) for e in replayed]}, expected the missed proposal and phase")
            f.expect(missed_title in replayed[0][2], f"replayed proposal is not the missed one: {replayed[0][2][:120]}")
            ids = [int(e[0]) for e in replayed]
            f.expect(ids == [last_id + 1, last_id + 2], f"after the {how}, ids {ids} do not continue from {last_id}")
            phase = json.loads(replayed[1][2]).get("phase")
            f.expect(phase == "voting", f"replayed phase {phase}")
            resumed_total += len(replayed)

            # And live events follow on the resumed stream.
            seen = len(events)
            workshop.phase("collecting")
            stream.wait(lambda evs: any(e[1] == "workshop" and json.loads(e[2]).get("phase") == "collecting" for e in evs[seen:]),
                        "a live phase change after the replay")
        stream.close()
        server.stop()
        f.finish("live_restart", True, f"a client resumed after a SIGTERM and after a SIGKILL restart: "
                 f"{resumed_total} missed events replayed in order with continuing ids, then live events")
    except f.Failure as failure:
        server.kill9()
        f.finish("live_restart", False, str(failure))
    except (OSError, RuntimeError):
        server.kill9()
        f.finish("live_restart", False, traceback.format_exc(limit=-2))


if __name__ == "__main__":
    main()
