#!/usr/bin/env python3
"""Officina's HTTP server against nginx-light, side by side, on one machine (see benchmarks/http.md).

Starts `officina-bench http` and nginx serving the same 2 KiB file and a /healthz answer, then runs
wrk against each in alternation, several rounds, and prints medians: requests/s, p99 latency, socket
errors, and server CPU seconds per 100k requests (a figure that noisy neighbours disturb far less
than throughput). Usage: python3 benchmarks/http/bench.py [--rounds 3] [--seconds 10]
"""
import argparse, os, re, signal, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NGINX_CONF = """worker_processes 2;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
worker_rlimit_nofile 65536;
events {{ worker_connections 16384; }}
http {{
    access_log off;
    include /etc/nginx/mime.types;
    sendfile on;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fcgi;
    uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/web;
        location = /healthz {{ default_type application/json; return 200 '{{"status":"ok"}}'; }}
    }}
}}
"""


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except FileNotFoundError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(port, path, connections, seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
                          f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout
    if not re.search(r"99%\s+[\d.]+", out):
        print(f"wrk gave no figures for :{port}{path}:\n{out}", file=sys.stderr)
        return float("nan"), float("nan"), 1, 1
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    p99 = to_ms(re.search(r"99%\s+(\S+)", out).group(1))
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    error_count = sum(int(n) for n in re.findall(r"\d+", errors.group(1))) if errors else 0
    return rps, p99, error_count + (int(non2xx.group(1)) if non2xx else 0), requests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build/release/officina-bench"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="officina-httpbench-")
    os.chmod(work, 0o755)  # nginx workers run as another user
    os.makedirs(f"{work}/web")
    with open(f"{work}/web/file2k.html", "w") as f:
        f.write("<!doctype html><title>2k</title>\n" + ("lorem ipsum " * 200)[: 2048 - 33])
    ours_port, nginx_port = 18090, 18091
    with open(f"{work}/nginx.conf", "w") as f:
        f.write(NGINX_CONF.format(dir=work, port=nginx_port))
    ours = subprocess.Popen([args.bench, "http", "--port", str(ours_port), "--root", f"{work}/web"],
                            stdout=subprocess.DEVNULL)
    nginx = subprocess.Popen(["nginx", "-c", f"{work}/nginx.conf"], stderr=subprocess.DEVNULL)
    time.sleep(1)
    servers = {"officina": (ours_port, lambda: [ours.pid]),
               "nginx": (nginx_port, lambda: children(nginx.pid) + [nginx.pid])}
    results = {}
    try:
        for round_index in range(args.rounds):
            for connections in (64, 256):
                for path in ("/healthz", "/file2k.html"):
                    order = ["officina", "nginx"] if round_index % 2 == 0 else ["nginx", "officina"]
                    for name in order:
                        port, pids = servers[name]
                        before = cpu_seconds(pids())
                        rps, p99, errors, requests = wrk(port, path, connections, args.seconds)
                        cpu = cpu_seconds(pids()) - before
                        results.setdefault((connections, path, name), []).append(
                            (rps, p99, errors, cpu / requests * 100_000))
                        print(f"round {round_index + 1} c={connections} {path} {name}: {rps:.0f} req/s, "
                              f"p99 {p99:.2f} ms, errors {errors}, {cpu / requests * 100_000:.2f} CPU s/100k",
                              file=sys.stderr)
    finally:
        ours.send_signal(signal.SIGTERM)
        nginx.send_signal(signal.SIGQUIT)
        ours.wait(10)
        nginx.wait(10)
    print("| connections | path | officina req/s | nginx req/s | ratio | officina p99 ms | nginx p99 ms "
          "| officina errors | nginx errors | officina CPU s/100k req | nginx CPU s/100k req | CPU ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for connections in (64, 256):
        for path in ("/healthz", "/file2k.html"):
            o = results[(connections, path, "officina")]
            n = results[(connections, path, "nginx")]
            med = lambda rows, i: statistics.median(r[i] for r in rows)
            print(f"| {connections} | {path} | {med(o, 0):.0f} | {med(n, 0):.0f} | {med(o, 0) / med(n, 0):.2f} "
                  f"| {med(o, 1):.2f} | {med(n, 1):.2f} | {sum(r[2] for r in o)} | {sum(r[2] for r in n)} "
                  f"| {med(o, 3):.2f} | {med(n, 3):.2f} | {med(n, 3) / med(o, 3):.2f} |")


if __name__ == "__main__":
    main()
