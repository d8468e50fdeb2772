#!/usr/bin/env python3
"""kill -9 during a ballot storm, again and again.

Threads PUT ballots, each for its own voters, one request at a time, and log every 2xx (voter,
ballot). While they write, the server is killed with SIGKILL at a random moment, then restarted on
the same file. Every voter's stored ballot must be the last one acknowledged, or the one that was in
flight when the server died (a commit may land just before the answer is lost); never an older one.
`PRAGMA integrity_check` must say ok after every restart.

usage: kill9_storm.py [--cycles 10] [--threads 8] [--voters 80] [--seconds 20]
"""
import argparse
import random
import tempfile
import threading
import time

import faultlib as f


def storm(workshop, voters, stop, acked, inflight, errors, seed):
    rng = random.Random(seed)
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", workshop.port, timeout=5)
    while not stop.is_set():
        voter = rng.choice(voters)
        ballot = workshop.ballot(rng)
        inflight[voter[0]] = ballot
        try:
            status, body, _ = workshop.put_ballot(voter, ballot, conn=conn)
        except (OSError, http.client.HTTPException):
            # The server died with this request in flight: it stays in `inflight`, the one
            # ballot of this thread that may or may not have been committed.
            conn.close()
            return
        if 200 <= status < 300:
            acked[voter[0]] = ballot
            inflight.pop(voter[0], None)
        elif status != 503:
            errors.append(f"PUT ballot answered {status}: {body}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--voters", type=int, default=80)
    parser.add_argument("--seconds", type=float, default=20, help="per-cycle bound")
    args = parser.parse_args()
    started = time.monotonic()
    directory = tempfile.mkdtemp(prefix="officina-kill9-")
    server = f.Server(directory + "/officina.db")
    server.add_facilitator()
    server.start()
    workshop = f.Workshop(server.port, proposals=20, voters=args.voters)
    acked, checked_total, acked_total = {}, 0, 0
    try:
        for cycle in range(args.cycles):
            stop = threading.Event()
            inflight, errors = {}, []
            shares = [workshop.voters[i::args.threads] for i in range(args.threads)]
            writers = [threading.Thread(target=storm, args=(workshop, shares[i], stop, acked, inflight, errors, cycle * 100 + i),
                                        daemon=True) for i in range(args.threads)]
            before = len(acked)
            for w in writers:
                w.start()
            time.sleep(random.uniform(0.3, 1.2))
            server.kill9()
            stop.set()
            for w in writers:
                w.join(timeout=args.seconds)
            f.expect(not any(w.is_alive() for w in writers), "a writer thread hung after the kill")
            f.expect(not errors, f"cycle {cycle}: {errors[:3]}")
            server.start()
            ok, detail = f.integrity(server.db)
            f.expect(ok, f"cycle {cycle}: {detail}")
            lost = []
            for voter in workshop.voters:
                if voter[0] not in acked:
                    continue
                stored = workshop.get_ballot(voter)
                if f.same_ballot(stored, acked[voter[0]]):
                    continue
                if voter[0] in inflight and f.same_ballot(stored, inflight[voter[0]]):
                    acked[voter[0]] = inflight[voter[0]]   # committed just before the kill
                    continue
                lost.append((voter[0], acked[voter[0]], stored))
            f.expect(not lost, f"cycle {cycle}: {len(lost)} acknowledged ballots lost or changed, e.g. {lost[:1]}")
            checked_total += len(acked)
            acked_total = len(acked)
            f.log(f"cycle {cycle + 1}/{args.cycles}: killed, restarted, {len(acked)} voters' last acknowledged ballots present, integrity ok")
    except f.Failure as failure:
        server.kill9()
        f.finish("kill9_storm", False, str(failure))
    server.stop()
    ok, detail = f.integrity(server.db)
    f.finish("kill9_storm", ok, f"{args.cycles} SIGKILLs during a storm of {args.threads} writers; "
             f"{acked_total} voters with acknowledged ballots, all present after every restart ({checked_total} checks); "
             f"{detail}; {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
