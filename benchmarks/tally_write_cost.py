# Per-ballot SQL cost of a ballot rewrite on SQLite: no tallies, round 4's row triggers, the writer's
# per-batch deltas, and deltas with diff rewrites (benchmarks/system.md, round 4b). Usage:
#   echo secretsecret | .build/release/officina user add bench --password-stdin --db DIR/base.db
#   git show 934056b:Sources/OfficinaStore/Migrations/Schema+Tallies.swift \
#     | sed -n '/CREATE TRIGGER support_tallies_insert/,/^        """)/p' | sed '$d' > DIR/old_triggers.sql
#   python3 benchmarks/tally_write_cost.py DIR
import sqlite3, random, shutil, sys, time, os
DIR = sys.argv[1] if len(sys.argv) > 1 else "/tmp/hostile-sql"
BASE = DIR + "/base.db"
POP = DIR + "/pop.db"
GOALS = ["space", "partnerships", "community"]
P, V = 200, 5000

def ballot(rng, pids):
    chosen = rng.sample(pids, 7)
    support = {chosen[0]: 2, chosen[1]: 2, chosen[2]: 1}
    ratings = {p: {g: rng.randrange(5) for g in GOALS} for p in chosen[3:]}
    return support, ratings

def populate():
    shutil.copy(BASE, POP)
    db = sqlite3.connect(POP, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("BEGIN")
    db.execute("INSERT INTO programmes (id, title_it, title_en, created_at) VALUES (1, 'p', 'p', 0)")
    for i, g in enumerate(GOALS):
        db.execute("INSERT INTO goals (programme_id, key, label_it, label_en, position) VALUES (1, ?, ?, ?, ?)", (g, g, g, i))
    db.execute("""INSERT INTO workshops (id, programme_id, theme, title_it, title_en, code, phase, voting_method, dot_budget,
        per_proposal_cap, ratings_enabled, anonymous, shuffle_proposals, show_live_tallies, allow_self_support,
        require_access_code, created_at, updated_at) VALUES (1, 1, 'design', 'w', 'w', 'ABCDEF', 'voting', 'dots', 5, 3, 1, 0, 0, 1, 0, 0, 0, 0)""")
    for a in range(10):
        db.execute("INSERT INTO participants (id, workshop_id, name, token_hash, joined_at) VALUES (?, 1, 'a', ?, 0)", (a + 1, "a%d" % a))
    for p in range(P):
        db.execute("INSERT INTO proposals (id, workshop_id, author_id, title, created_at, updated_at) VALUES (?, 1, ?, 't', 0, 0)", (p + 1, p % 10 + 1))
    rng = random.Random(1)
    pids = list(range(1, P + 1))
    for v in range(V):
        pid = 100 + v
        db.execute("INSERT INTO participants (id, workshop_id, name, token_hash, joined_at) VALUES (?, 1, 'v', ?, 0)", (pid, "v%d" % v))
        db.execute("INSERT INTO ballots (id, workshop_id, participant_id, created_at, updated_at) VALUES (?, 1, ?, 0, 0)", (v + 1, pid))
        s, r = ballot(rng, pids)
        for p, d in s.items(): db.execute("INSERT INTO ballot_support VALUES (?, ?, ?)", (v + 1, p, d))
        for p, gs in r.items():
            for g, x in gs.items(): db.execute("INSERT INTO ballot_ratings VALUES (?, ?, ?, ?)", (v + 1, p, g, x))
    db.execute("DELETE FROM support_tallies"); db.execute("DELETE FROM rating_tallies")
    db.execute("INSERT INTO support_tallies SELECT proposal_id, dots, count(*) FROM ballot_support GROUP BY 1, 2")
    db.execute("INSERT INTO rating_tallies SELECT proposal_id, goal_key, value, count(*) FROM ballot_ratings GROUP BY 1, 2, 3")
    db.execute("COMMIT")
    db.close()

def upsert_sql(table, cols, types, rows):
    row = "(" + ", ".join("CAST(? AS %s)" % t for t in types + ["BIGINT"]) + ")"
    keys = ["v.column%d" % (i + 1) for i in range(len(cols))]
    return ("INSERT INTO %s (%s, ballots) SELECT %s, v.column%d FROM (VALUES %s) AS v "
            "WHERE EXISTS (SELECT 1 FROM proposals p WHERE p.id = v.column1) ORDER BY %s "
            "ON CONFLICT (%s) DO UPDATE SET ballots = %s.ballots + excluded.ballots") % (
        table, ", ".join(cols), ", ".join(keys), len(cols) + 1, ", ".join([row] * rows), ", ".join(keys), ", ".join(cols), table)

def flush(db, sup, rat):
    s = sorted((k, v) for k, v in sup.items() if v)
    for i in range(0, len(s), 64):
        c = s[i:i + 64]
        db.execute(upsert_sql("support_tallies", ["proposal_id", "dots"], ["BIGINT", "BIGINT"], len(c)), [x for (k, v) in c for x in (k[0], k[1], v)])
    r = sorted((k, v) for k, v in rat.items() if v)
    for i in range(0, len(r), 64):
        c = r[i:i + 64]
        db.execute(upsert_sql("rating_tallies", ["proposal_id", "goal_key", "value"], ["BIGINT", "TEXT", "BIGINT"], len(c)), [x for (k, v) in c for x in (k[0], k[1], k[2], v)])
    sup.clear(); rat.clear()

def run(mode, batch, same, n=2000):
    path = DIR + "/run.db"
    shutil.copy(POP, path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    if mode == "none":
        db.executescript("DROP TRIGGER tallies_ballot_delete; DROP TABLE support_tallies; DROP TABLE rating_tallies;")
    elif mode == "triggers":
        db.executescript("DROP TRIGGER tallies_ballot_delete;" + open(DIR + "/old_triggers.sql").read())
    rng = random.Random(2)
    pids = list(range(1, P + 1))
    work = []
    for i in range(n):
        v = rng.randrange(V) + 1
        if same:
            s = dict(db.execute("SELECT proposal_id, dots FROM ballot_support WHERE ballot_id = ?", (v,)).fetchall())
            r = {}
            for p, g, x in db.execute("SELECT proposal_id, goal_key, value FROM ballot_ratings WHERE ballot_id = ?", (v,)):
                r.setdefault(p, {})[g] = x
            if same == "tap":  # one support row moved to another proposal, as one tap does
                moved = next(iter(s)); d = s.pop(moved)
                s[rng.choice([p for p in pids if p not in s])] = d
            work.append((v, s, r))
        else:
            work.append((v,) + ballot(rng, pids))
    sup, rat = {}, {}
    db.execute("BEGIN IMMEDIATE")
    start = time.process_time()
    for i, (v, s, r) in enumerate(work):
        db.execute("SAVEPOINT w")
        bid = db.execute("""INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at) VALUES (1, ?, 1, 1)
            ON CONFLICT (participant_id, workshop_id) DO UPDATE SET updated_at = excluded.updated_at RETURNING id""", (v + 99,)).fetchone()[0]
        if mode == "diff":
            os_ = dict(db.execute("SELECT proposal_id, dots FROM ballot_support WHERE ballot_id = ?", (bid,)).fetchall())
            or_ = {(p, g): x for p, g, x in db.execute("SELECT proposal_id, goal_key, value FROM ballot_ratings WHERE ballot_id = ?", (bid,))}
            nr = {(p, g): y for p, gs in r.items() for g, y in gs.items()}
            keep_s = any(s.get(p) == d for p, d in os_.items()); keep_r = any(nr.get(k) == x for k, x in or_.items())
            add_s, add_r = [], []
            for p, d in os_.items():
                if s.get(p) == d: continue
                sup[(p, d)] = sup.get((p, d), 0) - 1
                if keep_s:
                    if p in s: db.execute("UPDATE ballot_support SET dots = ? WHERE ballot_id = ? AND proposal_id = ?", (s[p], bid, p))
                    else: db.execute("DELETE FROM ballot_support WHERE ballot_id = ? AND proposal_id = ?", (bid, p))
            if not keep_s and os_: db.execute("DELETE FROM ballot_support WHERE ballot_id = ?", (bid,))
            for p, d in s.items():
                if os_.get(p) == d: continue
                sup[(p, d)] = sup.get((p, d), 0) + 1
                if p not in os_ or not keep_s: add_s += [bid, p, d]
            for k, x in or_.items():
                if nr.get(k) == x: continue
                rat[k + (x,)] = rat.get(k + (x,), 0) - 1
                if keep_r:
                    if k in nr: db.execute("UPDATE ballot_ratings SET value = ? WHERE ballot_id = ? AND proposal_id = ? AND goal_key = ?", (nr[k], bid) + k)
                    else: db.execute("DELETE FROM ballot_ratings WHERE ballot_id = ? AND proposal_id = ? AND goal_key = ?", (bid,) + k)
            if not keep_r and or_: db.execute("DELETE FROM ballot_ratings WHERE ballot_id = ?", (bid,))
            for k, y in nr.items():
                if or_.get(k) == y: continue
                rat[k + (y,)] = rat.get(k + (y,), 0) + 1
                if k not in or_ or not keep_r: add_r += [bid, k[0], k[1], y]
            if add_s: db.execute("INSERT INTO ballot_support (ballot_id, proposal_id, dots) VALUES " + ", ".join(["(?, ?, ?)"] * (len(add_s) // 3)), add_s)
            if add_r: db.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES " + ", ".join(["(?, ?, ?, ?)"] * (len(add_r) // 4)), add_r)
            db.execute("RELEASE w")
            if (i + 1) % batch == 0: flush(db, sup, rat)
            continue
        if mode == "writer":
            for p, d in db.execute("DELETE FROM ballot_support WHERE ballot_id = ? RETURNING proposal_id, dots", (bid,)).fetchall():
                sup[(p, d)] = sup.get((p, d), 0) - 1
            for p, g, x in db.execute("DELETE FROM ballot_ratings WHERE ballot_id = ? RETURNING proposal_id, goal_key, value", (bid,)).fetchall():
                rat[(p, g, x)] = rat.get((p, g, x), 0) - 1
        else:
            db.execute("DELETE FROM ballot_support WHERE ballot_id = ?", (bid,))
            db.execute("DELETE FROM ballot_ratings WHERE ballot_id = ?", (bid,))
        sv = [x for p, d in s.items() for x in (bid, p, d)]
        db.execute("INSERT INTO ballot_support (ballot_id, proposal_id, dots) VALUES " + ", ".join(["(?, ?, ?)"] * len(s)), sv)
        rv = [x for p, gs in r.items() for g, y in gs.items() for x in (bid, p, g, y)]
        db.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES " + ", ".join(["(?, ?, ?, ?)"] * (len(rv) // 4)), rv)
        if mode == "writer":
            for p, d in s.items(): sup[(p, d)] = sup.get((p, d), 0) + 1
            for p, gs in r.items():
                for g, y in gs.items(): rat[(p, g, y)] = rat.get((p, g, y), 0) + 1
        db.execute("RELEASE w")
        if mode == "writer" and (i + 1) % batch == 0:
            flush(db, sup, rat)
    if mode in ("writer", "diff"): flush(db, sup, rat)
    spent = time.process_time() - start
    # exactness check
    if mode != "none":
        a = db.execute("SELECT proposal_id, dots, ballots FROM support_tallies WHERE ballots <> 0 ORDER BY 1, 2").fetchall()
        b = db.execute("SELECT proposal_id, dots, count(*) FROM ballot_support GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
        c = db.execute("SELECT proposal_id, goal_key, value, ballots FROM rating_tallies WHERE ballots <> 0 ORDER BY 1, 2, 3").fetchall()
        d = db.execute("SELECT proposal_id, goal_key, value, count(*) FROM ballot_ratings GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").fetchall()
        assert a == b and c == d, "tallies differ"
    db.execute("ROLLBACK")
    db.close()
    return spent / n * 1e6

if not os.path.exists(POP): populate()
print("sqlite", sqlite3.sqlite_version)
for same in (False, "tap", True):
    for mode, batch in [("none", 0), ("triggers", 0), ("writer", 64), ("diff", 1), ("diff", 16), ("diff", 64), ("none", 0)]:
        xs = sorted(run(mode, batch or 1, same) for _ in range(3))
        kind = {False: "changed", "tap": "one-tap", True: "identical"}[same]
        print("%-9s rewrite=%-9s batch=%-3s  us/ballot: median %.0f  (%s)" % (
            mode, kind, batch or "-", xs[1], " ".join("%.0f" % x for x in xs)), flush=True)
