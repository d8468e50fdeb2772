#!/usr/bin/env python3
"""Resident memory of a server holding N idle keep-alive connections (see benchmarks/http.md).

Opens N connections, sends one GET /healthz on each, reads the response, keeps them all open, then
reads VmRSS of the server process(es) from /proc. Usage:
    python3 benchmarks/http/idle.py --port 18090 --pid PID [--connections 10000]
"""
import argparse, resource, selectors, socket, time


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, nargs="+", required=True)
    parser.add_argument("--connections", type=int, default=10_000)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    before = sum(rss_kib(pid) for pid in args.pid)
    request = f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n\r\n".encode()
    sockets = []
    selector = selectors.DefaultSelector()
    for index in range(args.connections):
        s = socket.create_connection(("127.0.0.1", args.port))
        s.sendall(request)
        s.setblocking(False)
        selector.register(s, selectors.EVENT_READ)
        sockets.append(s)
        if index % 500 == 499:
            time.sleep(0.05)
    answered = 0
    deadline = time.time() + 60
    pending = set(sockets)
    while pending and time.time() < deadline:
        for key, _ in selector.select(timeout=1):
            data = key.fileobj.recv(4096)
            if data.startswith(b"HTTP/1.1 200"):
                answered += 1
            selector.unregister(key.fileobj)
            pending.discard(key.fileobj)
    time.sleep(2)
    after = sum(rss_kib(pid) for pid in args.pid)
    print(f"connections open: {len(sockets)}, answered 200: {answered}, "
          f"RSS before: {before / 1024:.1f} MiB, with connections: {after / 1024:.1f} MiB")
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main()
