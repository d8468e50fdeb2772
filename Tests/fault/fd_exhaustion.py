#!/usr/bin/env python3
"""Descriptor exhaustion: the server runs under a low `ulimit -n` (soft and hard, so it cannot
raise it) and is flooded with more connections than it has descriptors. It must keep running, and
once the flood ends it must serve normally again: /healthz, a workshop read, a ballot write.

usage: fd_exhaustion.py [--limit 256] [--flood 1500] [--hold 3]
"""
import argparse
import socket
import tempfile
import time

import faultlib as f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=256)
    parser.add_argument("--flood", type=int, default=1500)
    parser.add_argument("--hold", type=float, default=3.0, help="seconds the flood stays open")
    args = parser.parse_args()
    f.raise_nofile()
    directory = tempfile.mkdtemp(prefix="officina-emfile-")
    server = f.Server(directory + "/officina.db", nofile=args.limit)
    server.add_facilitator()
    server.start()
    flood = []
    try:
        workshop = f.Workshop(server.port, proposals=5, voters=2)
        refused = 0
        for i in range(args.flood):
            try:
                s = socket.create_connection(("127.0.0.1", server.port), timeout=2,
                                             source_address=(f"127.32.{i // 200}.{i % 200 + 1}", 0))
                # Half the flood sends a request head it never finishes; the rest sends nothing.
                if i % 2:
                    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                flood.append(s)
            except OSError:
                refused += 1
        f.log(f"flood: {len(flood)} connections open, {refused} refused or timed out, server limit {args.limit}")
        time.sleep(args.hold)
        f.expect(server.alive(), "server died under the flood")
        for s in flood:
            s.close()
        flood = []
        # Once the flood is gone, normal service within a few seconds.
        deadline = time.monotonic() + 10
        recovered = None
        while time.monotonic() < deadline:
            try:
                if f.request(server.port, "GET", "/healthz", timeout=1)[0] == 200:
                    recovered = time.monotonic()
                    break
            except OSError:
                time.sleep(0.1)
        f.expect(recovered is not None, "no /healthz answer within 10 s after the flood")
        status, body, _ = f.request(server.port, "GET", f"/api/workshops/{workshop.code}", timeout=2)
        f.expect(status == 200, f"workshop read after the flood: {status} {body}")
        status, body, _ = workshop.put_ballot(workshop.voters[0], {"support": {str(workshop.proposals[0]): 2}, "ratings": {}})
        f.expect(status == 200, f"ballot after the flood: {status} {body}")
        f.expect(server.alive(), "server died after the flood")
        # Again, to show the loop did not wedge after the first answers.
        for _ in range(20):
            f.expect(f.request(server.port, "GET", "/healthz", timeout=1)[0] == 200, "healthz after the flood")
        server.stop()
        ok, detail = f.integrity(server.db)
        f.finish("fd_exhaustion", ok, f"server under ulimit -n {args.limit} survived {args.flood} connections "
                 f"({refused} refused); serves /healthz, reads and ballots afterwards; {detail}")
    except (f.Failure, OSError) as failure:
        for s in flood:
            s.close()
        server.kill9()
        f.finish("fd_exhaustion", False, str(failure))


if __name__ == "__main__":
    main()
