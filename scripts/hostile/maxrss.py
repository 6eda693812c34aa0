#!/usr/bin/env python3
"""Runs a command and writes "MAX_RSS_KB SECONDS" to OUT (what `/usr/bin/time -f '%M %e'` gives, without
needing the `time` package). Exits with the command's status (128+N if a signal ended it).

Usage: maxrss.py OUT COMMAND [ARG...]
"""
import resource
import subprocess
import sys
import time

out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
rc = subprocess.call(cmd)
secs = time.monotonic() - start
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
with open(out, "w") as fh:
    fh.write(f"{kb} {secs:.2f}\n")
sys.exit(128 - rc if rc < 0 else rc)
