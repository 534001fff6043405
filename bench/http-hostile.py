#!/usr/bin/env python3
"""HTTP under hostile clients (issue 17): profkpi serve on a fresh SQLite store,
attacked directly (no proxy) while an honest client posts a submission every
second; then many large uploads at once, for serve's peak memory.

  starvation  300 header dribblers (one byte a second, reconnecting when
              closed), 70 non-readers (pipelined requests, never reading the
              answers), 70 keep-alive holders (GET /healthz every 1.5 s) from
              127.0.0.2-127.0.0.9 (each address within
              http.maxConnectionsPerClient), and the honest client on
              127.0.0.1: every answer it gets, p50/p99/max latency.
  memory      UPLOADS concurrent uploads of 32,000,000 bytes each (a valid
              submission padded with trailing white space), serve's VmHWM
              against http.maxBufferedBodyBytes + 200 MB.

Usage: bench/http-hostile.py [--seconds N] [--uploads N] [--build DIR]
Prints the figures docs/BENCHMARKS.md records.
"""
import argparse
import os
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def document(submission_id, padding=0):
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Submission xmlns="urn:profkpi:submission:1" schemaVersion="1.0">
  <Header>
    <SubmissionId>{submission_id}</SubmissionId>
    <Organisation code="E06000001">Hartlepool Borough Council</Organisation>
    <Period>2009-10-Q2</Period>
    <PreparedAt>2009-10-05T09:00:00+01:00</PreparedAt>
  </Header>
  <Aggregate>
    <ItHeadcount>41</ItHeadcount>
    <ItFte>38.5</ItFte>
    <RolesTotal>30</RolesTotal>
    <RolesMapped>24</RolesMapped>
    <StaffAssessed>30</StaffAssessed>
    <StaffWithPdp>35</StaffWithPdp>
    <StaffRecognised>11</StaffRecognised>
    <CpdDays>48.5</CpdDays>
  </Aggregate>
</Submission>
"""
    return (xml + " " * max(0, padding - len(xml))).encode()


def post_bytes(key, body):
    head = (f"POST /api/v1/submissions HTTP/1.1\r\nHost: bench\r\nContent-Type: application/xml\r\n"
            f"Authorization: Bearer {key}\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


def read_response(sock, deadline):
    data = b""
    while b"\r\n\r\n" not in data:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        rest += chunk
    return status


class Serve:
    def __init__(self, build, work, port, extra=""):
        self.config = os.path.join(work, "bench.properties")
        with open(self.config, "w") as f:
            f.write(f"store.connection = {work}/store.db\nhttp.port = {port}\ninbox.dir = {work}/inbox\n"
                    f"reports.dir = {work}/reports\nlogging.loggers.root.level = warning\n{extra}")
        self.binary = os.path.join(build, "bin", "profkpi")
        out = subprocess.run([self.binary, "keys", "add", "--org", "E06000001", "--role", "submitter",
                              "--config", self.config], capture_output=True, text=True, check=True)
        self.key = out.stdout.split()[-1] if out.stdout.split() else out.stderr.split()[-1]
        self.process = subprocess.Popen([self.binary, "serve", "--config", self.config],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = port
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)

    def pid(self):
        # profkpi runs profkpi-full in the same process (exec), so the pid is serve's.
        return self.process.pid

    def hwm_mb(self):
        with open(f"/proc/{self.pid()}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def connect(port, source):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))
    s.setblocking(False)
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s


def starvation(serve, seconds):
    sel = selectors.DefaultSelector()
    attackers = []  # [socket, kind, next_send]
    sources = [f"127.0.0.{i}" for i in range(2, 10)]
    kinds = ["dribbler"] * 300 + ["nonreader"] * 70 + ["holder"] * 70
    pipelined = b"".join(b"GET /metrics HTTP/1.1\r\nHost: bench\r\n\r\n" for _ in range(2000))
    reconnects = 0

    def open_one(i, kind):
        s = connect(serve.port, sources[i % len(sources)])
        sel.register(s, selectors.EVENT_READ, (i, kind))
        return [s, kind, time.monotonic() + 0.2]

    for i, kind in enumerate(kinds):
        attackers.append(open_one(i, kind))
    latencies, failures = [], 0
    next_post = time.monotonic() + 2
    end = time.monotonic() + seconds + 2
    sequence = 0
    while time.monotonic() < end:
        now = time.monotonic()
        for i, a in enumerate(attackers):
            if now < a[2]:
                continue
            try:
                if a[1] == "dribbler":
                    a[0].send(b"G")
                    a[2] = now + 1.0
                elif a[1] == "nonreader":
                    a[0].send(pipelined[:65536])
                    a[2] = now + 5.0
                else:
                    a[0].send(b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n")
                    a[2] = now + 1.5
            except OSError:
                pass
        for key, _ in sel.select(timeout=0.05):
            i, kind = key.data
            s = key.fileobj
            try:
                data = s.recv(65536) if kind != "nonreader" else b"x"
            except OSError:
                data = b""
            if not data:
                sel.unregister(s)
                s.close()
                attackers[i] = open_one(i, kind)
                reconnects += 1
        if time.monotonic() >= next_post:
            next_post += 1.0
            sequence += 1
            started = time.monotonic()
            try:
                with socket.create_connection(("127.0.0.1", serve.port), timeout=10,
                                              source_address=("127.0.0.1", 0)) as honest:
                    honest.sendall(post_bytes(serve.key, document(f"6c6c0000-0000-4000-8000-{sequence:012x}")))
                    status = read_response(honest, started + 10)
                if status != 201:
                    failures += 1
                latencies.append(time.monotonic() - started)
            except OSError as e:
                failures += 1
                print(f"honest post {sequence}: {e}", file=sys.stderr)
    for a in attackers:
        a[0].close()
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")
    print(f"starvation: {sequence} honest posts, {sequence - failures} answered 201, "
          f"p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {latencies[-1] * 1000 if latencies else 0:.1f} ms; "
          f"attackers reconnected {reconnects} times")
    return failures == 0 and p(0.99) < 1000


def memory(serve, uploads, budget):
    body_size = 32_000_000
    errors = []
    statuses = []

    def upload(n):
        try:
            body = document(f"7d7d0000-0000-4000-8000-{n:012x}", body_size)
            with socket.create_connection(("127.0.0.1", serve.port), timeout=120) as s:
                s.sendall(post_bytes(serve.key, body))
                statuses.append(read_response(s, time.monotonic() + 120))
        except OSError as e:
            errors.append(str(e))

    before = serve.hwm_mb()
    started = time.monotonic()
    threads = [threading.Thread(target=upload, args=(n,)) for n in range(uploads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    peak = serve.hwm_mb()
    limit = budget / 1e6 + 200
    counts = {s: statuses.count(s) for s in sorted(set(statuses))}
    print(f"memory: {uploads} concurrent uploads of {body_size:,} bytes in {time.monotonic() - started:.1f} s, "
          f"answers {counts}, errors {len(errors)}; serve VmHWM {before:.0f} MB before, {peak:.0f} MB peak "
          f"(budget {budget / 1e6:.0f} MB + 200 MB = {limit:.0f} MB)")
    return peak < limit


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60, help="length of the starvation run (default 60)")
    parser.add_argument("--uploads", type=int, default=64, help="concurrent 32 MB uploads (default 64)")
    parser.add_argument("--build", default=os.environ.get("PROFKPI_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--port", type=int, default=18077)
    args = parser.parse_args()
    budget = 268435456
    ok = True
    with tempfile.TemporaryDirectory(prefix="profkpi-hostile.") as work:
        serve = Serve(args.build, work, args.port, f"http.maxBufferedBodyBytes = {budget}\nhttp.bodySeconds = 120\n")
        try:
            if args.seconds > 0:
                ok &= starvation(serve, args.seconds)
            if args.uploads > 0:
                ok &= memory(serve, args.uploads, budget)
        finally:
            serve.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
