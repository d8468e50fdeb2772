#!/usr/bin/env python3
"""Slowloris: many connections trickle header bytes and never finish their request head.

While they trickle, a normal client must still get `/healthz` and a workshop every time it asks
(liveness bound 10 s; the slowest answer is reported in the PASS line, a figure for the benchmark
notes rather than a pass/fail threshold, so a loaded CI machine does not flake); and every slow connection must be closed by the server's header timeout (10 s by
default: `ServerConfiguration.headerTimeout`), answered 408 or simply closed, within a bound.

usage: slowloris.py [--connections 500] [--header-timeout 10]
"""
import argparse
import selectors
import socket
import tempfile
import time

import faultlib as f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--header-timeout", type=float, default=10.0)
    args = parser.parse_args()
    f.raise_nofile()
    directory = tempfile.mkdtemp(prefix="officina-slowloris-")
    server = f.Server(directory + "/officina.db")
    server.add_facilitator()
    server.start()
    try:
        workshop = f.Workshop(server.port, proposals=5, voters=1)
        started = time.monotonic()
        slow = []
        for i in range(args.connections):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5,
                                         source_address=(f"127.31.{i // 200}.{i % 200 + 1}", 0))
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            s.setblocking(False)
            slow.append(s)
        f.log(f"{len(slow)} slow connections open")
        selector = selectors.DefaultSelector()
        for s in slow:
            selector.register(s, selectors.EVENT_READ)
        closed, answered_408, worst = {}, 0, 0.0
        deadline = started + args.header_timeout + 8
        next_probe = time.monotonic()
        next_trickle = time.monotonic()
        probes = 0
        while len(closed) < len(slow) and time.monotonic() < deadline:
            now = time.monotonic()
            if now >= next_trickle:
                for s in slow:
                    if s.fileno() not in closed:
                        try:
                            s.send(b"X")    # one more byte of a header name, never a full line
                        except OSError:
                            pass
                next_trickle = now + 0.5
            if now >= next_probe:
                t0 = time.monotonic()
                status, _, _ = f.request(server.port, "GET", "/healthz", timeout=10)
                status2, _, _ = f.request(server.port, "GET", f"/api/workshops/{workshop.code}", timeout=10)
                took = time.monotonic() - t0
                worst = max(worst, took)
                f.expect(status == 200 and status2 == 200, f"normal client got {status}/{status2} during the attack")
                f.expect(took < 10.0, f"normal client waited {took:.2f} s during the attack")
                probes += 1
                next_probe = time.monotonic() + 0.25
            for key, _ in selector.select(timeout=0.05):
                s = key.fileobj
                try:
                    data = s.recv(4096)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if data.startswith(b"HTTP/1.1 408"):
                    answered_408 += 1
                if not data:
                    closed[s.fileno()] = time.monotonic() - started
                    selector.unregister(s)
        f.expect(server.alive(), "server died")
        open_left = len(slow) - len(closed)
        first = min(closed.values()) if closed else 0
        last = max(closed.values()) if closed else 0
        f.expect(open_left == 0, f"{open_left} slow connections still open {deadline - started:.0f} s later")
        f.expect(first >= args.header_timeout * 0.5, f"slow connections closed too early ({first:.1f} s)")
        status, _, _ = f.request(server.port, "GET", "/healthz", timeout=10)
        f.expect(status == 200, "healthz after the attack")
        for s in slow:
            s.close()
        server.stop()
        f.finish("slowloris", True, f"{len(slow)} trickling connections closed by the header timeout between "
                 f"{first:.1f} and {last:.1f} s ({answered_408} with a 408); normal client answered {probes} times, "
                 f"slowest {worst * 1000:.0f} ms")
    except (f.Failure, OSError) as failure:
        server.kill9()
        f.finish("slowloris", False, str(failure))


if __name__ == "__main__":
    main()
