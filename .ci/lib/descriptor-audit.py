#!/usr/bin/env python3
"""Fails when a traced process closed a descriptor it did not hold (close() answered EBADF).

A second close of the same number is harmless only while nobody reuses it: in a process with
many threads the number is often handed to the next open(), socket() or accept() of another
thread, and the stray close then takes that thread's file away (one of our test clients closed
a test server's freshly opened SQLite file that way: "disk I/O error").

Input: `strace -f -o FILE -e trace=close,execve,...`. A child between fork and execve closes
every inherited descriptor it does not need, by list, and some are already gone: those calls,
before the child's execve, are not counted. Everything else is.
"""
import re
import sys

LINE = re.compile(r"^(\d+)\s+(.*)$")


def audit(path):
    calls = []            # (line index, tid, call text, result text)
    pending = {}          # tid -> call text of an unfinished close
    last_exec = {}        # tid -> index of its last execve line
    with open(path, errors="replace") as trace:
        for index, raw in enumerate(trace):
            match = LINE.match(raw.rstrip("\n"))
            if not match:
                continue
            tid, rest = match.groups()
            if rest.startswith("execve("):
                last_exec[tid] = index
            if rest.startswith("close(") and "<unfinished" in rest:
                pending[tid] = rest
                continue
            if rest.startswith("<... close resumed>"):
                calls.append((index, tid, pending.pop(tid, "close(?)"), rest))
            elif rest.startswith("close("):
                calls.append((index, tid, rest, rest))
    stray = [(index, tid, call) for index, tid, call, result in calls
             if "EBADF" in result and last_exec.get(tid, -1) < index]
    return len(calls), stray


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: descriptor-audit.py STRACE_OUTPUT")
    total, stray = audit(sys.argv[1])
    if stray:
        print(f"descriptor audit: {len(stray)} close() of a descriptor not held (of {total} closes):")
        for index, tid, call in stray[:20]:
            print(f"  line {index + 1}, thread {tid}: {call.split(' <')[0].split(' =')[0]}")
        print("  find the owner that closes twice: a class that closes in a throwing init runs deinit too")
        sys.exit(1)
    print(f"descriptor audit: {total} closes, none of a descriptor not held")


if __name__ == "__main__":
    main()
