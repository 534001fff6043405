#!/usr/bin/env python3
"""Open data end to end (issue 23), on the demo data with the built binary.

Generates and ingests the demo data, runs `profkpi export --all`, and checks:
- the files: RFC 4180 with CRLF, UTF-8, a header naming exactly the metadata's
  columns, no empty cell, unique primary keys, foreign keys that resolve, the
  byte order mark only with --excel (read with Python's csv module);
- the values: every results row against the KPI JSON of a real `profkpi serve`
  for every organisation and period, and the unrounded value rounding to the
  shown one (SUBMISSION.md: half away from zero);
- the metadata: read with an independent CSV on the Web reader
  (@zazuko/rdf-parser-csvw, tools/csvw), which must see the same rows, read
  every marker as null and every other cell as its declared datatype;
- disclosure: an attacker with the three files cannot learn statistics of a
  group of fewer than benchmark.minimumGroupSize organisations;
- HTTP: the open-data routes for admin, reader, submitter and no key, and with
  opendata.public; the nightly run archives each period's files in SHA256SUMS.

Usage: opendata_test.py PROFKPI CSVW_TOOLS_DIR WORK_DIR
"""
import csv
import decimal
import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

PROFKPI, TOOLS, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
MARKERS = {"[x]", "[c]", "[z]"}
MINIMUM = 5
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)


def run(*args, **kwargs):
    return subprocess.run([PROFKPI, *args], check=True, capture_output=True, text=True, **kwargs).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(path, port, public=False):
    with open(path, "w") as f:
        f.write(f"store.connection = {WORK}/store.db\nreports.dir = {WORK}/reports\ninbox.dir = {WORK}/inbox\n"
                f"http.port = {port}\nopendata.publisher = Test Programme Team\n"
                f"opendata.public = {'true' if public else 'false'}\n")


def read_table(folder, name):
    """(header, rows as dicts, raw bytes) read with the csv module."""
    raw = open(os.path.join(folder, name), "rb").read()
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = next(reader)
    return header, [dict(zip(header, row)) for row in reader], raw


def metadata(folder, name):
    with open(os.path.join(folder, name + "-metadata.json"), encoding="utf-8") as f:
        return json.load(f)


def round_half_away(text):
    return str(decimal.Decimal(text).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP))


def check_files(folder, excel=False):
    tables = {}
    for name in ("results.csv", "peers.csv", "coverage.csv"):
        header, rows, raw = read_table(folder, name)
        meta = metadata(folder, name)
        columns = [c["name"] for c in meta["tableSchema"]["columns"]]
        check(header == columns, f"{name}: header {header} is not the metadata's {columns}")
        check(raw.startswith(b"\xef\xbb\xbf") == excel, f"{name}: byte order mark {'missing' if excel else 'present'}")
        body = raw[3:] if excel else raw
        check(body.count(b"\n") == body.count(b"\r\n") and body.endswith(b"\r\n"), f"{name}: a line not ended by CRLF")
        ogl = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3"
        check(meta["dc:license"]["@id"].startswith(ogl), f"{name}: licence")
        check(meta["dc:publisher"]["schema:name"] == "Test Programme Team", f"{name}: publisher")
        check(meta["url"] == name, f"{name}: metadata url")
        for row in rows:
            check(len(row) == len(columns) and all(v != "" for v in row.values()), f"{name}: empty cell in {row}")
        key = meta["tableSchema"]["primaryKey"]
        keys = [tuple(r[k] for k in key) for r in rows]
        check(len(set(keys)) == len(keys), f"{name}: primary key {key} repeats")
        tables[name] = (meta, rows)
    for name, (meta, rows) in tables.items():
        for fk in meta["tableSchema"].get("foreignKeys", []):
            target_meta, target_rows = tables[fk["reference"]["resource"]]
            targets = {tuple(r[c] for c in fk["reference"]["columnReference"]) for r in target_rows}
            missing = [r for r in rows if tuple(r[c] for c in fk["columnReference"]) not in targets]
            check(not missing, f"{name}: {len(missing)} rows whose {fk['columnReference']} are not in "
                  f"{fk['reference']['resource']}")
    return {name: rows for name, (meta, rows) in tables.items()}


def check_with_csvw_reader(folder):
    for name in ("results.csv", "peers.csv", "coverage.csv"):
        meta = metadata(folder, name)
        datatypes = {c["name"]: c["datatype"] for c in meta["tableSchema"]["columns"]}
        out = subprocess.run(["node", os.path.join(TOOLS, "read.mjs"), os.path.join(folder, name + "-metadata.json"),
                              os.path.join(folder, name)], check=True, capture_output=True, text=True).stdout
        read = json.loads(out)
        check(sorted(read["columns"]) == sorted(datatypes), f"{name}: the CSVW reader saw columns {read['columns']}")
        header, rows, raw = read_table(folder, name)
        check(len(read["rows"]) == len(rows), f"{name}: CSVW reader read {len(read['rows'])} rows, csv {len(rows)}")
        for ours, theirs in zip(rows, read["rows"]):
            for column, cell in ours.items():
                if cell in MARKERS:
                    # rdf-parser-csvw 0.17 honours a single `null` value only, not
                    # the list CSVW allows: it reads the marker as the text itself.
                    check(column not in theirs or theirs[column]["value"] == cell,
                          f"{name}: {column} = {cell} read as {theirs.get(column)}")
                    continue
                got = theirs.get(column)
                if got is None:
                    check(False, f"{name}: {column} = {cell!r} missing in the CSVW reading")
                    continue
                expected_type = "http://www.w3.org/2001/XMLSchema#" + datatypes[column]
                if datatypes[column] != "string":
                    check(got["datatype"] == expected_type, f"{name}: {column} read as {got['datatype']}")
                if datatypes[column] == "decimal":
                    check(decimal.Decimal(got["value"]) == decimal.Decimal(cell),
                          f"{name}: {column} {cell} read as {got}")
                elif datatypes[column] in ("string", "integer", "boolean", "date"):
                    check(got["value"] == cell, f"{name}: {column} {cell!r} read as {got['value']!r}")


def disclosure_attack(tables):
    """Every way found to learn statistics of fewer than MINIMUM organisations."""
    found = []
    results, peers, coverage = tables["results.csv"], tables["peers.csv"], tables["coverage.csv"]
    for p in peers:
        members = [r for r in results if r["period"] == p["period"] and r["kpi"] == p["kpi"]
                   and (p["group"] == "sector" or r["organisation_type"] == p["group"])]
        hidden = [r for r in members if r["value"] == "[c]"]
        visible_valued = [r for r in members if r["value"] not in MARKERS]
        where = f"{p['period']} {p['kpi']} {p['group']}"
        if p["organisations"] == "[c]":
            if members and not hidden:
                found.append(f"{where}: withheld statistics recomputed from {len(members)} shown rows")
            continue
        n = int(p["organisations"])
        if n < MINIMUM:
            found.append(f"{where}: statistics of {n} organisations published")
        if hidden and n - len(visible_valued) < MINIMUM:
            found.append(f"{where}: {n - len(visible_valued)} withheld values recoverable by difference")
    hidden_orgs = {(r["period"], r["organisation"]) for r in results if r["value"] == "[c]"}
    for r in results:
        if (r["period"], r["organisation"]) in hidden_orgs and r["professionalisation_index"] != "[c]":
            found.append(f"{r['period']} {r['organisation']}: index beside withheld KPIs")
    # Coverage names who submitted: a withheld group must still have at least one
    # other withheld submitter beside each, or be at least MINIMUM strong.
    for period in {r["period"] for r in results}:
        for kpi in {r["kpi"] for r in results}:
            hidden_here = [r for r in results if r["period"] == period and r["kpi"] == kpi and r["value"] == "[c]"]
            if 0 < len(hidden_here) < MINIMUM:
                found.append(f"{period} {kpi}: only {len(hidden_here)} organisations withheld")
    return found


def get(port, path, key=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if key:
        request.add_header("Authorization", "Bearer " + key)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


class Server:
    def __init__(self, config, port):
        self.port = port
        self.process = subprocess.Popen([PROFKPI, "serve", "--config", config], stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                if get(port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("serve did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def check_against_kpi_json(port, key, results):
    by_org = {}
    for r in results:
        by_org.setdefault((r["organisation"], r["period"]), {})[r["kpi"]] = r
    for (org, period), rows in sorted(by_org.items()):
        status, _, body = get(port, f"/api/v1/organisations/{org}/periods/{period}/kpis", key)
        check(status == 200, f"{org} {period}: kpis answered {status}")
        if status != 200:
            continue
        answer = json.loads(body)
        for k in answer["kpis"]:
            r = rows[k["id"]]
            where = f"{org} {period} {k['id']}"
            check(r["submission_id"] == answer["submissionId"], f"{where}: submission id")
            check(r["kpi_title"] == k["title"] and r["unit"] == k["unit"], f"{where}: title or unit")
            check(decimal.Decimal(r["target"]) == decimal.Decimal(str(k["target"])), f"{where}: target")
            if r["value"] == "[c]":
                check(all(r[c] == "[c]" for c in ("numerator", "denominator", "shown_value", "status")),
                      f"{where}: withheld value beside shown figures")
                continue
            if k["value"] is None:
                check(r["value"] == "[z]" and r["shown_value"] == "[z]" and r["status"] == "[z]", f"{where}: n/a")
            else:
                check(decimal.Decimal(r["shown_value"]) == decimal.Decimal(str(k["value"])),
                      f"{where}: shown {r['shown_value']} but the KPI JSON says {k['value']}")
                check(round_half_away(r["value"]) == r["shown_value"], f"{where}: {r['value']} does not round to "
                      f"{r['shown_value']}")
                if r["unit"] == "%":
                    with decimal.localcontext() as exact:
                        exact.prec = 50
                        percent = decimal.Decimal(r["numerator"]) * 100 / decimal.Decimal(r["denominator"])
                        truncated = percent.quantize(decimal.Decimal("0.000001"), rounding=decimal.ROUND_DOWN)
                    check(decimal.Decimal(r["value"]) == truncated, f"{where}: {r['value']} is not {percent} truncated")
                check(r["status"] == k["status"], f"{where}: status {r['status']} vs {k['status']}")
            index = answer["index"]
            if r["professionalisation_index"] != "[c]":
                check(r["professionalisation_index"] == ("[z]" if index is None else str(index)), f"{where}: index")
            for group, prefix in (("sector", "sector"), ("type", "type")):
                peers = k.get(group)
                if peers is None or r[prefix + "_rank"] == "[c]":
                    continue
                check(r[prefix + "_rank"] == str(peers.get("rank", "[z]")), f"{where}: {group} rank")
                check(r[prefix + "_quartile"] == str(peers.get("quartile", "[z]")), f"{where}: {group} quartile")
        check(len(answer["kpis"]) == len(rows), f"{org} {period}: KPI count")


def check_against_board_reports(config, results, period):
    """Each shown value of the period appears in its KPI's section of the organisation's board report (HTML)."""
    by_org = {}
    for r in results:
        if r["period"] == period:
            by_org.setdefault(r["organisation"], []).append(r)
    for org, rows in sorted(by_org.items()):
        html_path = os.path.join(WORK, f"{org}-{period}.html")
        run("report", "--config", config, "--org", org, "--period", period, "--out", html_path)
        html = open(html_path, encoding="utf-8").read()
        for r in rows:
            start = html.find(f'id="kpi-{r["kpi"]}"')
            end = html.find('id="kpi-', start + 1)
            section = html[start:end if end > 0 else len(html)]
            check(start >= 0, f"{org} {period}: no section for {r['kpi']} in the board report")
            if r["shown_value"] in MARKERS:
                continue
            check(f">{r['shown_value']}{'%' if r['unit'] == '%' else ' '}" in section,
                  f"{org} {period} {r['kpi']}: {r['shown_value']} not in the board report's section")
        os.remove(html_path)


def main():
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    port = free_port()
    config = os.path.join(WORK, "profkpi.properties")
    write_config(config, port)
    run("demo-data", "--out", os.path.join(WORK, "submissions"), "--quarters", "3")
    run("ingest", "--config", config, os.path.join(WORK, "submissions"))

    out = os.path.join(WORK, "export")
    run("export", "--config", config, "--all", "--out", out)
    tables = check_files(out)
    results = tables["results.csv"]
    periods = sorted({r["period"] for r in results})
    check(len(periods) == 3, f"periods exported: {periods}")
    check(any(r["value"] == "[c]" for r in results), "no withheld figure in the demo data (a singleton type)")
    check(any("\u0175" in r["welsh_name"] or "Cyngor" in r["welsh_name"] for r in results), "no Welsh name")
    check_with_csvw_reader(out)
    check_against_board_reports(config, results, periods[-1])
    found = disclosure_attack(tables)
    check(not found, "disclosure: " + "; ".join(found[:5]))

    excel = os.path.join(WORK, "excel")
    run("export", "--config", config, "--period", periods[-1], "--excel", "--out", excel)
    check_files(excel, excel=True)

    single = os.path.join(WORK, "single")
    run("export", "--config", config, "--period", periods[-1], "--out", single)
    bad = subprocess.run([PROFKPI, "export", "--config", config, "--out", single], capture_output=True, text=True)
    check(bad.returncode == 2, f"export without a period exited {bad.returncode}")

    admin = run("keys", "add", "--config", config, "--org", "E06000001", "--role", "admin").strip()
    reader = run("keys", "add", "--config", config, "--org", "W06000001", "--role", "reader").strip()
    submitter = run("keys", "add", "--config", config, "--org", "W06000001", "--role", "submitter").strip()
    server = Server(config, port)
    try:
        check_against_kpi_json(port, admin, results)
        for name in ("results.csv", "peers.csv", "coverage.csv"):
            path = f"/api/v1/periods/{periods[-1]}/{name}"
            status, media, body = get(port, path, reader)
            check(status == 200 and media.startswith("text/csv"), f"reader GET {name}: {status} {media}")
            check(body == open(os.path.join(single, name), "rb").read(), f"GET {name} differs from export")
            status, media, body = get(port, path + "-metadata.json", admin)
            check(status == 200 and media == "application/csvm+json", f"GET {name}-metadata.json: {status} {media}")
            check(get(port, path, submitter)[0] == 403, f"submitter GET {name}")
            check(get(port, path)[0] == 401, f"anonymous GET {name}")
        check(get(port, "/api/v1/periods/1999-00-Q1/results.csv", admin)[0] == 404, "period without submissions")
    finally:
        server.stop()
    write_config(config, port, public=True)
    server = Server(config, port)
    try:
        check(get(port, f"/api/v1/periods/{periods[-1]}/peers.csv")[0] == 200, "opendata.public: anonymous GET")
    finally:
        server.stop()

    run("nightly", "--config", config, "--at", "2099-01-01T02:00:00Z")
    for period in periods:
        folder = os.path.join(WORK, "reports", period)
        sums = {}
        for line in open(os.path.join(folder, "SHA256SUMS")):
            digest, name = line.split(maxsplit=1)
            sums[name.strip().lstrip("*")] = digest
        for name in ("results.csv", "results.csv-metadata.json", "peers.csv", "peers.csv-metadata.json",
                     "coverage.csv", "coverage.csv-metadata.json"):
            path = os.path.join(folder, name)
            check(os.path.exists(path), f"nightly: {period}/{name} missing")
            if os.path.exists(path):
                check(sums.get(name) == hashlib.sha256(open(path, "rb").read()).hexdigest(),
                      f"nightly: {period}/{name} not in SHA256SUMS")
    expected = open(os.path.join(single, "results.csv"), "rb").read()
    check(open(os.path.join(WORK, "reports", periods[-1], "results.csv"), "rb").read() == expected,
          "nightly results.csv differs from export")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"open data: {len(results)} results rows over {len(periods)} periods checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
