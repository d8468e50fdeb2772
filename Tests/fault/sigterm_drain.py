#!/usr/bin/env python3
"""SIGTERM of a real `officina serve`: a graceful stop loses nothing and leaves a clean file.

Ballots are stored, a live stream (`/events`) is open, and one ballot is in flight: its head has been
answered `100 Continue` and half its body sent. Then the server gets SIGTERM. In this order, every step waiting on the one
before it (no sleeps, no timing assertions; each wait has a 15 s liveness bound):

1. the live stream ends (the server closes it: the shutdown has begun);
2. the rest of the in-flight ballot is sent, and it is answered 200 with `Connection: close`;
3. the process exits with status 0 and says the database was checkpointed;
4. the `-wal` file is absent or empty (everything was copied into the main file), and the main file
   alone holds every acknowledged ballot, the in-flight one included, with `integrity_check` ok.

usage: sigterm_drain.py [--voters 20]
"""
import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import tempfile
import time
import traceback

import faultlib as f

BOUND = 15.0


def read_until(sock, predicate, what):
    """Reads until predicate(bytes so far) holds or the peer closes; fails after BOUND seconds."""
    sock.settimeout(BOUND)
    data = b""
    deadline = time.monotonic() + BOUND
    while not predicate(data):
        f.expect(time.monotonic() < deadline, f"no {what} within {BOUND:.0f} s")
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            raise f.Failure(f"no {what} within {BOUND:.0f} s")
        if not chunk:
            return data, True
        data += chunk
    return data, False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=20)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="officina-sigterm-")
    server = f.Server(directory + "/officina.db")
    server.add_facilitator()
    server.start()
    try:
        workshop = f.Workshop(server.port, proposals=8, voters=args.voters)
        rng = random.Random(15)
        acked = {}
        for voter in workshop.voters[1:]:
            ballot = workshop.ballot(rng)
            status, body, _ = workshop.put_ballot(voter, ballot)
            f.expect(status == 200, f"ballot before the stop: {status} {body}")
            acked[voter[0]] = ballot

        stream = socket.create_connection(("127.0.0.1", server.port), timeout=BOUND)
        stream.sendall(f"GET /api/workshops/{workshop.code}/events HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                       f"Accept: text/event-stream\r\n\r\n".encode())
        head, closed = read_until(stream, lambda d: b"\r\n\r\n" in d, "event-stream head")
        f.expect(not closed and head.startswith(b"HTTP/1.1 200"), f"event stream: {head[:80]!r}")

        voter, ballot = workshop.voters[0], workshop.ballot(rng)
        body = json.dumps(ballot).encode()
        half = len(body) // 2
        inflight = socket.create_connection(("127.0.0.1", server.port), timeout=BOUND)
        inflight.sendall((f"PUT /api/workshops/{workshop.code}/ballot HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                          f"Origin: http://127.0.0.1:{server.port}\r\nCookie: {workshop.cookie_name}={voter[1]}\r\n"
                          f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                          f"Expect: 100-continue\r\n\r\n").encode())
        # The interim 100 proves the server has parsed the head and is reading the body: the request
        # is in flight before the signal, whatever the machine's load.
        interim, _ = read_until(inflight, lambda d: b"\r\n\r\n" in d, "100 Continue")
        f.expect(interim.startswith(b"HTTP/1.1 100"), f"expected 100 Continue, got {interim[:80]!r}")
        inflight.sendall(body[:half])

        server.proc.send_signal(signal.SIGTERM)

        # 1. The stream ends: the server has begun to shut down.
        _, closed = read_until(stream, lambda d: False, "end of the live stream")
        f.expect(closed, "the live stream did not end")
        stream.close()

        # 2. The ballot that was in flight is finished and answered.
        inflight.sendall(body[half:])
        answer, _ = read_until(inflight, lambda d: b"\r\n\r\n" in d and d.endswith(b"}"), "answer to the in-flight ballot")
        inflight.close()
        f.expect(answer.startswith(b"HTTP/1.1 200"), f"in-flight ballot answered {answer[:200]!r}")
        f.expect(b"connection: close" in answer.lower(), f"in-flight ballot answer lacks Connection: close: {answer[:300]!r}")
        acked[voter[0]] = ballot

        # 3. The process exits cleanly.
        try:
            code = server.proc.wait(timeout=BOUND)
        except Exception:
            raise f.Failure(f"the server did not exit within {BOUND:.0f} s of SIGTERM")
        with open(server.log_path, "rb") as out:
            said = out.read().decode("utf-8", "replace")
        f.expect(code == 0, f"the server exited with {code}: {said[-400:]}")
        f.expect("checkpointed" in said, f"no checkpoint line in the server's output: {said[-400:]}")

        # 4. The main file alone holds everything: checked before anything reopens the database.
        wal = server.db + "-wal"
        wal_size = os.path.getsize(wal) if os.path.exists(wal) else None
        f.expect(not wal_size, f"the -wal file still holds {wal_size} bytes after a graceful stop")
        ok, detail = f.integrity(server.db)
        f.expect(ok, detail)
        con = sqlite3.connect(f"file:{server.db}?mode=ro", uri=True, timeout=10)
        try:
            stored = con.execute("SELECT count(DISTINCT participant_id) FROM ballots").fetchone()[0]
        finally:
            con.close()
        f.expect(stored >= len(acked), f"{stored} voters' ballots in the main file, {len(acked)} acknowledged")
        server.start()
        for voter_id, expected in acked.items():
            who = next(v for v in workshop.voters if v[0] == voter_id)
            f.expect(f.same_ballot(workshop.get_ballot(who), expected), f"voter {voter_id}'s ballot changed across the stop")
        server.stop()
        f.finish("sigterm_drain", True, f"stream ended, in-flight ballot answered 200 and stored, exit 0, "
                 f"-wal {'absent' if wal_size is None else 'empty'}, {len(acked)} ballots intact; {detail}")
    except f.Failure as failure:
        server.kill9()
        f.finish("sigterm_drain", False, str(failure))
    except OSError:
        server.kill9()
        f.finish("sigterm_drain", False, traceback.format_exc(limit=-2))


if __name__ == "__main__":
    main()
