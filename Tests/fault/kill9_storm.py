#!/usr/bin/env python3
"""kill -9 during a ballot storm, again and again.

Threads PUT ballots, each for its own voters, one request at a time, and log every 2xx (voter,
ballot). While they write, the server is killed with SIGKILL at a random moment, then restarted on
the same file. Every voter's stored ballot must be the last one acknowledged, or the one that was in
flight when the server died (a commit may land just before the answer is lost); never an older one.
`PRAGMA integrity_check` must say ok after every restart.

So that the check cannot pass on a server that stores nothing, every cycle must acknowledge at least
`--min-acks` new ballots, and at most `--max-503-share` of a cycle's answers may be 503 (the writer
queue is full, or the store cannot write): a server answering 503 to every ballot fails.

usage: kill9_storm.py [--cycles 10] [--threads 8] [--voters 80] [--seconds 20] [--min-acks 20]
                      [--max-503-share 0.2]
"""
import argparse
import random
import tempfile
import threading
import time

import faultlib as f


class Tally:
    """Answers counted across the writer threads of one cycle."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {"acked": 0, "503": 0}

    def add(self, key):
        with self.lock:
            self.counts[key] += 1

    def __getitem__(self, key):
        with self.lock:
            return self.counts[key]


def storm(workshop, voters, stop, acked, inflight, errors, counts, seed):
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
            counts.add("acked")
        elif status == 503:
            # Allowed now and then (a full writer queue), but counted: see --max-503-share.
            inflight.pop(voter[0], None)
            counts.add("503")
        else:
            errors.append(f"PUT ballot answered {status}: {body}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--voters", type=int, default=80)
    parser.add_argument("--seconds", type=float, default=20, help="per-cycle bound")
    parser.add_argument("--min-acks", type=int, default=20, help="new acknowledged ballots required in every cycle")
    parser.add_argument("--max-503-share", type=float, default=0.2, help="largest share of 503 answers in a cycle")
    args = parser.parse_args()
    started = time.monotonic()
    directory = tempfile.mkdtemp(prefix="officina-kill9-")
    server = f.Server(directory + "/officina.db")
    server.add_facilitator()
    acked, checked_total, acked_total, new_total, refused_total = {}, 0, 0, 0, 0
    try:
        server.start()
        workshop = f.Workshop(server.port, proposals=20, voters=args.voters)
        for cycle in range(args.cycles):
            stop = threading.Event()
            inflight, errors, counts = {}, [], Tally()
            shares = [workshop.voters[i::args.threads] for i in range(args.threads)]
            writers = [threading.Thread(target=storm, args=(workshop, shares[i], stop, acked, inflight, errors, counts, cycle * 100 + i),
                                        daemon=True) for i in range(args.threads)]
            for w in writers:
                w.start()
            # Kill at a random moment, but only once this cycle has acknowledged enough ballots
            # (bounded by --seconds: a server that acknowledges nothing fails below).
            time.sleep(random.uniform(0.3, 1.2))
            deadline = time.monotonic() + args.seconds
            while counts["acked"] < args.min_acks and time.monotonic() < deadline and all(w.is_alive() for w in writers):
                time.sleep(0.05)
            server.kill9()
            stop.set()
            for w in writers:
                w.join(timeout=args.seconds)
            f.expect(not any(w.is_alive() for w in writers), "a writer thread hung after the kill")
            f.expect(not errors, f"cycle {cycle}: {errors[:3]}")
            answered = counts["acked"] + counts["503"]
            f.expect(counts["acked"] >= args.min_acks,
                     f"cycle {cycle}: only {counts['acked']} ballots acknowledged before the kill ({counts['503']} answered 503)")
            f.expect(counts["503"] <= args.max_503_share * answered,
                     f"cycle {cycle}: {counts['503']} of {answered} ballots answered 503 (more than {args.max_503_share:.0%})")
            new_total += counts["acked"]
            refused_total += counts["503"]
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
            f.log(f"cycle {cycle + 1}/{args.cycles}: {counts['acked']} ballots acknowledged, {counts['503']} answered 503; "
                  f"killed, restarted, {len(acked)} voters' last acknowledged ballots present, integrity ok")
    except (f.Failure, OSError, RuntimeError) as failure:
        # Any failure, a timeout included, stops the server: no orphan is left behind.
        server.kill9()
        f.finish("kill9_storm", False, f"{type(failure).__name__}: {failure}")
    server.stop()
    ok, detail = f.integrity(server.db)
    f.finish("kill9_storm", ok, f"{args.cycles} SIGKILLs during a storm of {args.threads} writers; "
             f"{new_total} ballots acknowledged, {refused_total} answered 503; "
             f"{acked_total} voters with acknowledged ballots, all present after every restart ({checked_total} checks); "
             f"{detail}; {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
