#!/usr/bin/env python3
"""PostgreSQL itself restarted, and held down, in the middle of a ballot storm on two instances.

A throwaway cluster, two `officina serve --db postgres://…` behind nginx round robin, writer threads
PUTting ballots through nginx. Cycles alternate `pg_ctl restart -m fast` (every session terminated,
back at once) and `pg_ctl stop -m fast`, `--down` seconds down, `pg_ctl start`. While the database
is down each instance, asked directly, answers a ballot PUT and a ballot GET with 503 and a
Retry-After header within 10 s (never a hang, never a 500, never a 2xx). After it is back each
instance acknowledges a ballot again by itself (no restart of Officina) within 30 s. At the end
every voter's stored ballot is the last acknowledged one, or a later one whose answer was lost.

A 503 means "not stored": a voter whose stored ballot is one that was answered 503 fails the test.
A COMMIT cut by the restart is settled by the instance with `txid_status` once PostgreSQL is back;
`--allow-refused-stored` tolerates a refused-but-stored ballot (only for a database held down past
the instance's 10 s patience).

usage: pg_restart.py [--cycles 4] [--down 3] [--threads 8] [--voters 60] [--min-acks 10]
"""
import argparse
import os
import random
import time

import faultlib as f
import pglib as pg


def probe(workshop, port, voter, rng, ledger=None):
    """One ballot PUT straight to an instance: (status, Retry-After, seconds). Records it in `ledger`."""
    ballot = workshop.ballot(rng)
    began = time.monotonic()
    try:
        status, body, headers = f.request(port, "PUT", f"/api/workshops/{workshop.code}/ballot", ballot,
                                          {workshop.cookie_name: voter[1]}, timeout=15)
    except OSError as error:
        raise f.Failure(f"a ballot PUT to :{port} got no answer ({type(error).__name__}: {error})")
    if ledger:
        ledger.add(voter[0], ballot, "acked" if 200 <= status < 300 else "refused")
    return status, pg.header(headers, "Retry-After"), time.monotonic() - began, body


def read_probe(workshop, port, voter):
    began = time.monotonic()
    try:
        status, body, headers = f.request(port, "GET", f"/api/workshops/{workshop.code}/ballot", None,
                                          {workshop.cookie_name: voter[1]}, timeout=15)
    except OSError as error:
        raise f.Failure(f"a ballot GET to :{port} got no answer ({type(error).__name__}: {error})")
    return status, pg.header(headers, "Retry-After"), time.monotonic() - began, body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=4)
    parser.add_argument("--down", type=float, default=3.0, help="seconds PostgreSQL stays down in a stop/start cycle")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--voters", type=int, default=60)
    parser.add_argument("--min-acks", type=int, default=10)
    parser.add_argument("--allow-refused-stored", action="store_true")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()
    cluster = nginx = stop = None
    servers = []
    down_probes, recoveries, slowest = 0, [], 0.0
    try:
        cluster = pg.Cluster()
        f.log(f"PostgreSQL at {cluster.url} (seed {seed})")
        servers = [f.Server(cluster.url, log_path=os.path.join(cluster.dir, f"officina-{i}.log")) for i in range(2)]
        servers[0].add_facilitator()
        for server in servers:
            server.start()
        nginx = pg.Nginx([s.port for s in servers], cluster.dir)
        workshop = f.Workshop(servers[0].port, proposals=20, voters=args.voters + 1)
        prober = workshop.voters.pop()        # asked directly, from this thread only
        workshop.port = nginx.port
        ledger = pg.Ledger()
        stop, writers = pg.start_storm(nginx.port, workshop, args.threads, ledger, seed)
        f.expect(pg.wait_for_acks(ledger, args.min_acks, 30), f"the storm did not start: {ledger.snapshot()}")
        for cycle in range(args.cycles):
            time.sleep(rng.uniform(0.2, 1.2))
            before = ledger.snapshot()
            hold = cycle % 2 == 1
            if hold:
                cluster.stop()
                down_at = time.monotonic()
                # Down: every instance answers 503 + Retry-After, promptly, to writes and reads.
                while time.monotonic() - down_at < args.down:
                    for server in servers:
                        for status, retry, took, body in (probe(workshop, server.port, prober, rng, ledger),
                                                          read_probe(workshop, server.port, prober)):
                            slowest = max(slowest, took)
                            f.expect(status == 503 and retry, f"cycle {cycle + 1}: with PostgreSQL down :{server.port} "
                                                             f"answered {status} (Retry-After {retry}): {body}")
                            down_probes += 1
                    time.sleep(0.2)
                storm_down = ledger.outcomes_between(down_at, time.monotonic())
                cluster.start()
                what = f"stopped for {args.down:.0f} s ({len(storm_down)} storm answers meanwhile: {storm_down.count('refused')} 503)"
            else:
                cluster.restart()
                what = "restarted (-m fast)"
            back_at = time.monotonic()
            # Back: each instance acknowledges a ballot by itself.
            for server in servers:
                while True:
                    status, retry, took, body = probe(workshop, server.port, prober, rng, ledger)
                    slowest = max(slowest, took)
                    if 200 <= status < 300:
                        break
                    f.expect(status == 503 and retry, f"cycle {cycle + 1}: after the restart :{server.port} answered {status}: {body}")
                    f.expect(time.monotonic() - back_at < 30, f"cycle {cycle + 1}: :{server.port} still answers 503 30 s after PostgreSQL came back")
                    time.sleep(0.1)
            recoveries.append(time.monotonic() - back_at)
            f.expect(pg.wait_for_acks(ledger, args.min_acks, 30), f"cycle {cycle + 1}: the storm did not resume: {ledger.snapshot()}")
            after = ledger.snapshot()
            f.log(f"cycle {cycle + 1}/{args.cycles}: PostgreSQL {what}; {after['refused'] - before['refused']} ballots answered 503, "
                  f"{after['unknown'] - before['unknown']} answers lost; both instances acknowledging again {recoveries[-1]:.2f} s after it was back")
        stop.set()
        for w in writers:
            w.join(timeout=30)
        f.expect(not any(w.is_alive() for w in writers), "a writer thread hung")
        f.expect(not ledger.errors, f"{len(ledger.errors)} errors, e.g. {ledger.errors[:3]}")
        f.expect(all(s.alive() for s in servers), "an instance exited")
        voters = {v[0]: v for v in workshop.voters + [prober]}
        reader = f.Workshop.__new__(f.Workshop)
        reader.__dict__.update(workshop.__dict__)
        reader.port = servers[1].port
        checked, lost, ambiguous = ledger.verify(lambda voter: reader.get_ballot(voters[voter]),
                                                 refused_may_be_stored=args.allow_refused_stored)
        f.expect(checked >= args.voters // 2, f"only {checked} voters had an acknowledged ballot")
        f.expect(not lost, f"{len(lost)} voters' stored ballot is not their last acknowledged one "
                           f"(nor a later one whose answer was lost), e.g. {lost[:1]}")
        counts = ledger.snapshot()
        detail = (f"{args.cycles} PostgreSQL restarts (half held down {args.down:.0f} s) under a storm of {args.threads} writers "
                  f"through nginx to 2 instances; {counts['acked']} ballots acknowledged, {counts['refused']} answered 503, "
                  f"{counts['unknown']} answers lost; {down_probes} direct probes while down all 503 + Retry-After "
                  f"(slowest answer {slowest:.2f} s); instances recovered by themselves in "
                  f"{', '.join(f'{r:.2f}' for r in recoveries)} s; {checked} voters' last acknowledged ballots present "
                  f"({ambiguous} hold a later ballot whose answer was lost or was a 503 of an in-doubt commit); seed {seed}; {time.monotonic() - started:.1f} s")
    except (f.Failure, OSError, RuntimeError) as failure:
        if stop:
            stop.set()
        pg.cleanup(servers, nginx, cluster, kill=True)
        f.finish("pg_restart", False, f"{type(failure).__name__}: {failure}")
    pg.cleanup(servers, nginx, cluster)
    f.finish("pg_restart", True, detail)


if __name__ == "__main__":
    main()
