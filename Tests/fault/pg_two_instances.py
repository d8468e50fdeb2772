#!/usr/bin/env python3
"""Two instances on one PostgreSQL behind nginx round robin; kill -9 one of them, again and again,
during a ballot storm.

A throwaway cluster (scripts/pg-throwaway.sh), two `officina serve --db postgres://…` on their own
ports, nginx in front. Writer threads PUT ballots through nginx and record every attempt. At random
moments one instance, chosen at random, gets SIGKILL and is restarted a moment later, while the
storm goes on through the other. At the end every voter's stored ballot (read through one instance's
API) must be the last acknowledged one, or a later one whose answer was lost with the killed
instance (nginx said 502 or the connection died); never an older one, never nothing.

So that it cannot pass on a setup that stores nothing: every kill cycle must acknowledge at least
`--min-acks` ballots while one instance is down, both instances must have acknowledged ballots, and
a 503 (the server refusing) must stay rare, since the database is up throughout.

nginx passes a ballot PUT that a killed instance dropped on to the other instance (PUT is idempotent
and a ballot is replaced whole); `--no-retry` turns that off, so the client gets 502 for those and the
check covers ballots whose commit is unknown.

`--term-every N` makes every Nth stop a SIGTERM (graceful: the instance must exit 0); the requests
nginx saw cut by those are counted (a graceful stop refuses new connections at once and finishes the
ones it accepted, so there should be none or next to none).

usage: pg_two_instances.py [--no-retry] [--term-every N] [--kills 8] [--threads 8] [--voters 80] [--min-acks 10] [--max-503-share 0.1]
"""
import argparse
import os
import random
import time

import faultlib as f
import pglib as pg


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--voters", type=int, default=80)
    parser.add_argument("--min-acks", type=int, default=10, help="ballots acknowledged through the survivor during each kill")
    parser.add_argument("--max-503-share", type=float, default=0.1)
    parser.add_argument("--term-every", type=int, default=0, help="every Nth stop is a SIGTERM (graceful) instead of SIGKILL")
    parser.add_argument("--no-retry", action="store_true", help="nginx answers 502 instead of passing a cut request on")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()
    cluster = nginx = None
    servers = []
    stop = None
    terms = terms_cut = 0
    try:
        cluster = pg.Cluster()
        f.log(f"PostgreSQL at {cluster.url} (seed {seed})")
        servers = [f.Server(cluster.url, log_path=os.path.join(cluster.dir, f"officina-{i}.log")) for i in range(2)]
        servers[0].add_facilitator()
        for server in servers:
            server.start()
        nginx = pg.Nginx([s.port for s in servers], cluster.dir, retry=not args.no_retry)
        # Set up on instance A directly (the join limit is per client address); vote through nginx.
        workshop = f.Workshop(servers[0].port, proposals=20, voters=args.voters)
        workshop.port = nginx.port
        ledger = pg.Ledger()
        stop, writers = pg.start_storm(nginx.port, workshop, args.threads, ledger, seed)
        f.expect(pg.wait_for_acks(ledger, args.min_acks, 30), f"the storm did not start: {ledger.snapshot()}")
        for cycle in range(args.kills):
            time.sleep(rng.uniform(0.2, 1.5))
            victim = rng.randrange(2)
            before = ledger.snapshot()
            cut_before = nginx.cut_requests()
            graceful = args.term_every and cycle % args.term_every == args.term_every - 1
            if graceful:
                servers[victim].stop()
                f.expect(servers[victim].proc.returncode == 0,
                         f"kill {cycle + 1}: SIGTERM exit status {servers[victim].proc.returncode}")
            else:
                servers[victim].kill9()
            down_at = time.monotonic()
            # The survivor carries the storm alone: wait for enough acknowledgements, plus a random extra moment.
            f.expect(pg.wait_for_acks(ledger, args.min_acks, 30),
                     f"kill {cycle + 1}: fewer than {args.min_acks} ballots acknowledged through the survivor in 30 s: {ledger.snapshot()}")
            time.sleep(rng.uniform(0, 1.0))
            cut = nginx.cut_requests() - cut_before
            servers[victim].start()
            during = ledger.snapshot()
            if graceful:
                terms += 1
                terms_cut += cut
            f.log(f"kill {cycle + 1}/{args.kills}: instance {'AB'[victim]} {'stopped (SIGTERM)' if graceful else 'killed'}, {cut} requests cut, down for {time.monotonic() - down_at:.1f} s; "
                  f"{during['acked'] - before['acked']} acknowledged, {during['unknown'] - before['unknown']} answers lost, "
                  f"{during['refused'] - before['refused']} refused meanwhile; restarted")
        f.expect(pg.wait_for_acks(ledger, args.min_acks, 30), "no ballots acknowledged after the last restart")
        stop.set()
        for w in writers:
            w.join(timeout=30)
        f.expect(not any(w.is_alive() for w in writers), "a writer thread hung")
        f.expect(not ledger.errors, f"{len(ledger.errors)} errors, e.g. {ledger.errors[:3]}")
        counts = ledger.snapshot()
        answered = counts["acked"] + counts["refused"]
        f.expect(counts["refused"] <= args.max_503_share * answered,
                 f"{counts['refused']} of {answered} ballots answered 503 with the database up")
        f.expect(len(ledger.by_upstream) >= 2 and all(n > 0 for n in ledger.by_upstream.values()),
                 f"both instances must acknowledge ballots: {ledger.by_upstream}")
        # Read back through one instance (B: A was used for the setup) and through the other for a sample.
        reader = f.Workshop.__new__(f.Workshop)
        reader.__dict__.update(workshop.__dict__)
        reader.port = servers[1].port
        voters = {v[0]: v for v in workshop.voters}
        checked, lost, ambiguous = ledger.verify(lambda voter: reader.get_ballot(voters[voter]))
        f.expect(checked >= args.voters // 2, f"only {checked} voters had an acknowledged ballot")
        f.expect(not lost, f"{len(lost)} acknowledged ballots lost or replaced by an older one, e.g. {lost[:1]}")
        reader.port = servers[0].port
        again, lost_a, _ = ledger.verify(lambda voter: reader.get_ballot(voters[voter]))
        f.expect(not lost_a, f"instance A disagrees with B on {len(lost_a)} ballots, e.g. {lost_a[:1]}")
        upstreams = ", ".join(f"{k}: {v}" for k, v in sorted(ledger.by_upstream.items()))
        detail = (f"{'no retry: ' if args.no_retry else ''}{args.kills - terms} SIGKILLs and {terms} SIGTERMs "
                  f"({terms_cut} requests cut by the SIGTERMs) of one of two instances behind nginx during a storm of {args.threads} writers; "
                  f"{counts['acked']} ballots acknowledged ({upstreams}), {nginx.cut_requests()} requests cut by a kill "
                  f"({'answered 502' if args.no_retry else 'passed on by nginx'}), {counts['unknown']} answers lost, "
                  f"{counts['refused']} answered 503; {checked} voters' last acknowledged ballots present on both "
                  f"instances ({ambiguous} hold a later ballot whose answer was lost); seed {seed}; {time.monotonic() - started:.1f} s")
    except (f.Failure, OSError, RuntimeError) as failure:
        if stop:
            stop.set()
        pg.cleanup(servers, nginx, cluster, kill=True)
        f.finish("pg_two_instances", False, f"{type(failure).__name__}: {failure}")
    pg.cleanup(servers, nginx, cluster)
    f.finish("pg_two_instances", True, detail)


if __name__ == "__main__":
    main()
