#!/usr/bin/env python3
"""Directory load run (deploy/bench/directory): import rate, match latency and /hsds proximity latency.

Python 3.11 standard library only. Run through deploy/bench/directory, which sets the stack's settings in the
environment (ports, PostgreSQL, database prefix). Nothing here asserts a time: it measures and prints.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("CARELOOP_ROOT") or os.path.dirname(os.path.dirname(HERE))
GENERATOR = os.path.join(ROOT, "deploy", "demo", "generate-region.py")
POSTAL_CODES = os.path.join(ROOT, "deploy", "demo", "region", "postal-codes.csv")

NEED_CATEGORIES = [
    "sdoh-category-unspecified", "food-insecurity", "housing-instability", "homelessness", "inadequate-housing",
    "transportation-insecurity", "financial-insecurity", "material-hardship", "educational-attainment",
    "employment-status", "veteran-status", "stress", "social-connection", "intimate-partner-violence", "elder-abuse",
    "personal-health-literacy", "health-insurance-coverage-status", "medical-cost-burden", "digital-literacy",
    "digital-access", "utility-insecurity", "incarceration-status", "language-access", "protective-factor",
]
AGE_BANDS = ["0-17", "18-25", "26-44", "45-64", "65+", None]
LANGUAGES = ["en", "en", "es", "es", "pt", "ht", "zh", "vi", None]
METRIC = "careloop_directory_match_query_seconds"
CARELOOP_TAXONOMY_ID = "c0a1e000-0000-4000-8000-000000000001"

# Empties the directory's data, keeping its reference data (need categories, the CareLoop taxonomy, need mapping,
# postal codes) and its message logs. organization cascades to services and everything that points at them.
RESET_SQL = """
begin;
truncate organization cascade;
delete from attribute;
delete from taxonomy_term where taxonomy_id is distinct from '%(id)s';
delete from taxonomy where id <> '%(id)s';
delete from unit;
commit;
""" % {"id": CARELOOP_TAXONOMY_ID}


def log(message):
    print("[bench] " + message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- statistics and metrics (pure, self-tested)


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def parse_prometheus(text, name):
    """Quantile and bucket series of one timer in Prometheus text: {"quantiles": {q: s}, "buckets": {le: count},
    "count": n, "sum": s}. Series of the same quantile or bucket are summed over their labels (buckets, counts)
    or their largest value taken (quantiles)."""
    out = {"quantiles": {}, "buckets": {}, "count": None, "sum": None}
    line_re = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = line_re.match(line)
        if not m or not m.group(1).startswith(name):
            continue
        metric, labels, raw = m.group(1), m.group(2) or "", m.group(3)
        try:
            value = float(raw)
        except ValueError:
            continue
        tags = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', labels))
        if metric == name and "quantile" in tags:
            q = float(tags["quantile"])
            out["quantiles"][q] = max(out["quantiles"].get(q, 0.0), value)
        elif metric == name + "_bucket" and "le" in tags:
            le = float("inf") if tags["le"] in ("+Inf", "Inf") else float(tags["le"])
            out["buckets"][le] = out["buckets"].get(le, 0.0) + value
        elif metric == name + "_count":
            out["count"] = (out["count"] or 0.0) + value
        elif metric == name + "_sum":
            out["sum"] = (out["sum"] or 0.0) + value
    return out


def bucket_quantile(before, after, q):
    """Quantile q (0..1) of the observations between two cumulative histogram snapshots, interpolated linearly
    within its bucket (as Prometheus' histogram_quantile does); None without observations."""
    bounds = sorted(after)
    counts = [after[b] - before.get(b, 0.0) for b in bounds]
    if not bounds or counts[-1] <= 0:
        return None
    target = q * counts[-1]
    lower, below = 0.0, 0.0
    for bound, cumulative in zip(bounds, counts):
        if cumulative >= target:
            if bound == float("inf"):
                return lower
            inside = cumulative - below
            return lower + (bound - lower) * ((target - below) / inside if inside > 0 else 1.0)
        lower, below = bound, cumulative
    return bounds[-1]


def server_quantiles(before, after):
    """(p50, p99, how) in seconds from two snapshots of the timer; (None, None, reason) when absent."""
    if after is None:
        return None, None, "metrics not readable"
    if after["buckets"]:
        p50 = bucket_quantile(before["buckets"] if before else {}, after["buckets"], 0.50)
        p99 = bucket_quantile(before["buckets"] if before else {}, after["buckets"], 0.99)
        if p50 is not None:
            return p50, p99, "histogram buckets, this run only"
    if after["quantiles"]:
        return after["quantiles"].get(0.5), after["quantiles"].get(0.99), "published quantiles (recent window)"
    return None, None, "timer %s not published" % METRIC


# ---------------------------------------------------------------- HTTP


class Http:
    """One keep-alive connection per thread to one host."""

    def __init__(self, host, port, timeout=60):
        self.host, self.port, self.timeout = host, port, timeout
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "conn", None)
        if c is None:
            c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.local.conn = c
        return c

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            c = self.conn()
            try:
                c.request(method, path, body=body, headers=headers or {})
                r = c.getresponse()
                return r.status, r.read(), dict(r.getheaders())
            except (http.client.HTTPException, ConnectionError, OSError):
                c.close()
                self.local.conn = None
                if attempt == 2 or body is not None:
                    raise
        raise AssertionError("unreachable")


def token(keycloak, user):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "careloop-cli", "username": user,
                                   "password": "demo"})
    status, body, _ = keycloak.request("POST", "/realms/careloop/protocol/openid-connect/token", form,
                                       {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        raise SystemExit("no token for %s from Keycloak (HTTP %d): %s" % (user, status, body[:300]))
    return json.loads(body)["access_token"]


def read_metrics(directory):
    try:
        status, body, _ = directory.request("GET", "/q/metrics", headers={"Accept": "text/plain"})
    except OSError:
        return None
    if status != 200:
        return None
    return parse_prometheus(body.decode("utf-8", "replace"), METRIC)


# ---------------------------------------------------------------- steps


def reset(args):
    db = "%s_directory" % os.environ.get("CARELOOP_DB_PREFIX", "careloop")
    log("reset: emptying the directory tables of database %s (psql)" % db)
    env = dict(os.environ, PGPASSWORD=os.environ.get("CARELOOP_PG_PASSWORD", ""), PGCONNECT_TIMEOUT="5")
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", os.environ.get("CARELOOP_PG_HOST", "127.0.0.1"),
           "-p", os.environ.get("CARELOOP_PG_PORT", "5432"), "-U", os.environ.get("CARELOOP_PG_USER", "postgres"),
           "-d", db, "-c", RESET_SQL]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("reset failed: %s" % (result.stderr.strip() or result.stdout.strip()))


def generate(args, workdir):
    out = os.path.join(workdir, "bench-hsds.json")
    log("generate: %d services (seed %d) -> %s" % (args.services, args.seed, out))
    started = time.monotonic()
    result = subprocess.run([sys.executable, GENERATOR, "--services", str(args.services), "--seed", str(args.seed),
                             "--compact", "--no-validate", "-o", out], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("generator failed: " + result.stderr.strip())
    line = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    m = re.search(r"generated (\d+) organizations, (\d+) services .*: ([\d.]+) MB in ([\d.]+) s, peak memory (\d+) MB",
                  line)
    figures = {"seconds": time.monotonic() - started, "file": out, "line": line}
    if m:
        figures.update(organizations=int(m.group(1)), services=int(m.group(2)), mb=float(m.group(3)),
                       peak_mb=int(m.group(5)))
    return figures


def batches(path, services_per_batch, workdir):
    """Splits the generator's compact nested output (one organization per line) into files of about that many
    services each; yields (file, organizations, services)."""
    if services_per_batch <= 0:
        yield path, None, None
        return
    part, orgs, count, n = None, 0, 0, 0

    def close():
        part.write("\n]\n")
        part.close()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip(",")
            if line in ("[", "]", ""):
                continue
            services = line.count('"status":"')  # organizations have no status; every service has one
            if part is None:
                name = os.path.join(workdir, "batch-%04d.json" % n)
                part = open(name, "w", encoding="utf-8")
                part.write("[\n")
                first = True
            part.write(("" if first else ",\n") + line)
            first = False
            orgs += 1
            count += services
            if count >= services_per_batch:
                close()
                yield name, orgs, count
                part, orgs, count, n = None, 0, 0, n + 1
    if part is not None:
        close()
        yield name, orgs, count


def import_directory(args, directory, coordinator, generated, workdir):
    files = list(batches(generated["file"], args.batch, workdir))
    log("import: POST /api/v1/directory/hsds/import, %d request(s)" % len(files))
    total_seconds, answers, statuses = 0.0, [], []
    for name, _, _ in files:
        size = os.path.getsize(name)
        with open(name, "rb") as body:
            started = time.monotonic()
            status, answer, _ = directory.request(
                "POST", "/api/v1/directory/hsds/import", body,
                {"Authorization": "Bearer " + coordinator, "Content-Type": "application/json",
                 "Content-Length": str(size)})
            total_seconds += time.monotonic() - started
        statuses.append(status)
        answers.append(answer[:400].decode("utf-8", "replace"))
        if status != 200:
            hint = {413: " (body too large for the directory's HTTP limits: try --batch 5000)",
                    404: " (no HSDS import endpoint in this directory build)",
                    401: " (token refused)", 403: " (coordinator role refused)"}.get(status, "")
            log("import: HTTP %d%s: %s" % (status, hint, answers[-1]))
            break
        if name != generated["file"]:
            os.unlink(name)
    return {"seconds": total_seconds, "statuses": statuses, "answers": answers, "requests": len(files)}


def load(directory, paths, bearer, threads, refresh):
    """Runs GET requests over the paths with that many threads; returns latencies (s) of 200s and status counts."""
    latencies, statuses, lock = [], {}, threading.Lock()
    state = {"token": bearer}

    def one(path):
        for attempt in (1, 2):
            headers = {"Authorization": "Bearer " + state["token"]} if state["token"] else {}
            started = time.perf_counter()
            try:
                status, _, _ = directory.request("GET", path, headers=headers)
            except OSError:
                status = 599
            elapsed = time.perf_counter() - started
            if status == 401 and refresh and attempt == 1:
                with lock:
                    state["token"] = refresh()
                continue
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200:
                    latencies.append(elapsed)
            return

    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one, paths))
    return latencies, statuses


def query_plan(args):
    rng = random.Random(args.seed)
    with open(POSTAL_CODES, encoding="utf-8") as f:
        codes = [line.split(",")[0] for line in f.read().splitlines()[1:] if line]

    def match():
        params = {"category": rng.choice(NEED_CATEGORIES), "postal_code": rng.choice(codes), "limit": "5"}
        band, language = rng.choice(AGE_BANDS), rng.choice(LANGUAGES)
        if band:
            params["age_band"] = band
        if language:
            params["language"] = language
        return "/api/v1/matches?" + urllib.parse.urlencode(params)

    def hsds():
        return "/hsds/services?" + urllib.parse.urlencode({"postcode": rng.choice(codes), "proximity": "5000",
                                                            "per_page": "50"})

    return match, hsds


def ms(seconds):
    return "n/a" if seconds is None else "%.1f ms" % (seconds * 1000)


def run(args):
    host = "localhost"
    directory = Http(host, int(os.environ.get("CARELOOP_DIRECTORY_PORT", "8083")), timeout=args.timeout)
    keycloak = Http(host, int(os.environ.get("CARELOOP_KEYCLOAK_PORT", "8180")))
    try:
        status, _, _ = directory.request("GET", "/q/health/ready")
    except OSError as e:
        raise SystemExit("directory-service is not reachable on %s:%d (%s); start the stack: deploy/local/stack up"
                         % (host, directory.port, e))
    if status != 200:
        raise SystemExit("directory-service is not ready (GET /q/health/ready answered %d)" % status)
    rows = []
    if args.reset:
        reset(args)
        rows.append(("reset", "directory tables emptied"))
    if not args.skip_import:
        if not args.reset:
            log("warning: importing into the stack's own directory (%s_directory); --reset empties it first" %
                os.environ.get("CARELOOP_DB_PREFIX", "careloop"))
        workdir = tempfile.mkdtemp(prefix="careloop-bench-")
        generated = generate(args, workdir)
        rows.append(("generator", "%s services, %s organizations, %.0f MB in %.1f s, peak memory %s MB" % (
            generated.get("services", "?"), generated.get("organizations", "?"), generated.get("mb", 0),
            generated["seconds"], generated.get("peak_mb", "?"))))
        coordinator = token(keycloak, "coordinator")
        imported = import_directory(args, directory, coordinator, generated, workdir)
        if args.keep_file:
            log("kept the generated file: " + generated["file"])
        else:
            os.unlink(generated["file"])
            try:
                os.rmdir(workdir)
            except OSError:
                pass
        ok = imported["statuses"] and all(s == 200 for s in imported["statuses"])
        rows.append(("import", "%d services in %.1f s = %.0f services/s (%d request(s), HTTP %s)" % (
            args.services, imported["seconds"], args.services / imported["seconds"] if imported["seconds"] else 0,
            imported["requests"], ",".join(str(s) for s in sorted(set(imported["statuses"])))) if ok else
                     "failed: HTTP %s %s" % (imported["statuses"][-1] if imported["statuses"] else "-",
                                             imported["answers"][-1] if imported["answers"] else "")))
        if imported["answers"] and ok:
            rows.append(("import answer", imported["answers"][-1].replace("\n", " ")[:200]))
    if not args.skip_queries:
        clinician = token(keycloak, "clinician")
        match, hsds = query_plan(args)
        log("matches: %d warm-up, then %d requests on %d threads" % (args.warmup, args.requests, args.threads))
        load(directory, [match() for _ in range(args.warmup)], clinician, args.threads,
             lambda: token(keycloak, "clinician"))
        before = read_metrics(directory)
        started = time.monotonic()
        latencies, statuses = load(directory, [match() for _ in range(args.requests)], clinician, args.threads,
                                   lambda: token(keycloak, "clinician"))
        wall = time.monotonic() - started
        after = read_metrics(directory)
        rows.append(("match, client", figures(latencies, statuses, wall)))
        p50, p99, how = server_quantiles(before, after)
        rows.append(("match, server timer", "p50 %s, p99 %s (%s)" % (ms(p50), ms(p99), how) if p50 is not None
                     else "n/a (%s)" % how))
        log("hsds: %d requests on %d thread(s)" % (args.hsds_requests, args.hsds_threads))
        load(directory, [hsds() for _ in range(min(20, args.hsds_requests))], None, args.hsds_threads, None)
        started = time.monotonic()
        latencies, statuses = load(directory, [hsds() for _ in range(args.hsds_requests)], None, args.hsds_threads,
                                   None)
        rows.append(("/hsds/services proximity", figures(latencies, statuses, time.monotonic() - started)))
    width = max(len(r[0]) for r in rows) if rows else 10
    print()
    print("%-*s  %s" % (width, "figure", "value"))
    print("%s  %s" % ("-" * width, "-" * 60))
    for name, value in rows:
        print("%-*s  %s" % (width, name, value))
    return rows


def figures(latencies, statuses, wall):
    codes = ", ".join("%d x %d" % (n, s) for s, n in sorted(statuses.items()))
    if not latencies:
        return "no successful request (%s)" % codes
    return "p50 %s, p99 %s, %.0f req/s (%s)" % (ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                                                  len(latencies) / wall if wall else 0, codes)


# ---------------------------------------------------------------- self-test: the parts that need no stack


def self_test():
    """Checks percentiles, the metrics parser for both timer shapes, batching, and a whole run against a stub
    directory and Keycloak on a free local port."""
    import http.server

    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile(list(range(1, 101)), 99) == 99
    assert percentile([7], 99) == 7
    summary = ('# TYPE %s summary\n%s{uri="/m",quantile="0.5"} 0.002\n%s{uri="/m",quantile="0.99"} 0.009\n'
               '%s_count 10\n%s_sum 0.03\n' % ((METRIC,) * 5))
    p = parse_prometheus(summary, METRIC)
    assert p["quantiles"] == {0.5: 0.002, 0.99: 0.009} and p["count"] == 10, p
    assert server_quantiles(None, p)[:2] == (0.002, 0.009)
    hist0 = parse_prometheus('%s_bucket{le="0.001"} 0\n%s_bucket{le="0.005"} 0\n%s_bucket{le="+Inf"} 0\n' % (
        (METRIC,) * 3), METRIC)
    hist1 = parse_prometheus('%s_bucket{le="0.001"} 50\n%s_bucket{le="0.005"} 100\n%s_bucket{le="+Inf"} 100\n' % (
        (METRIC,) * 3), METRIC)
    p50, p99, how = server_quantiles(hist0, hist1)
    assert abs(p50 - 0.001) < 1e-9 and abs(p99 - 0.00492) < 1e-6 and "histogram" in how, (p50, p99)
    assert server_quantiles(None, parse_prometheus("other_metric 1\n", METRIC))[0] is None

    seen = {"imported": 0, "matches": 0, "hsds": 0}
    metrics = {"n": 0}

    class Stub(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = 1 << 16  # headers and body in one segment: no delayed-ACK stalls in the measured latencies

        def log_message(self, *a):
            pass

        def send(self, status, body, kind="application/json"):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            if self.path.startswith("/realms/"):
                return self.send(200, json.dumps({"access_token": "t"}))
            if self.path == "/api/v1/directory/hsds/import":
                orgs = json.loads(body)
                seen["imported"] += sum(len(o["services"]) for o in orgs)
                return self.send(200, json.dumps({"organizations": len(orgs)}))
            self.send(404, "{}")

        def do_GET(self):
            if self.path == "/q/health/ready":
                return self.send(200, "{}")
            if self.path == "/q/metrics":
                metrics["n"] += 1
                n = 0 if metrics["n"] == 1 else 40
                text = "".join('%s_bucket{le="%s"} %d\n' % (METRIC, le, n * f) for le, f in
                               (("0.001", 0), ("0.002", 1), ("+Inf", 1)))
                return self.send(200, text, "text/plain")
            if self.path.startswith("/api/v1/matches?"):
                q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                assert q["category"][0] in NEED_CATEGORIES and re.fullmatch(r"\d{5}", q["postal_code"][0])
                assert q.get("age_band", ["0-17"])[0] in AGE_BANDS
                seen["matches"] += 1
                return self.send(200, "[]")
            if self.path.startswith("/hsds/services?"):
                seen["hsds"] += 1
                return self.send(429 if seen["hsds"] % 10 == 0 else 200, "{}")
            self.send(404, "{}")

    server = http.server.ThreadingHTTPServer(("localhost", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = str(server.server_address[1])
    os.environ["CARELOOP_DIRECTORY_PORT"] = os.environ["CARELOOP_KEYCLOAK_PORT"] = port
    try:
        args = parse(["--services", "300", "--requests", "200", "--warmup", "20", "--hsds-requests", "50",
                      "--batch", "100"])
        rows = dict(run(args))
    finally:
        server.shutdown()
    assert seen["imported"] == 300, seen
    assert seen["matches"] == 220 and seen["hsds"] == 70, seen
    assert "300 services in" in rows["import"] and "request(s)" in rows["import"], rows
    assert rows["match, server timer"].startswith("p50 1.5 ms, p99 2.0 ms (histogram"), rows
    assert "429" in rows["/hsds/services proximity"], rows
    print("self-test ok")


def parse(argv):
    p = argparse.ArgumentParser(prog="deploy/bench/directory", description=__doc__.split("\n")[0])
    p.add_argument("--services", type=int, default=100000, help="services to generate and import (%(default)s)")
    p.add_argument("--seed", type=int, default=8)
    p.add_argument("--batch", type=int, default=0,
                   help="services per import request (default 0: the whole directory in one request)")
    p.add_argument("--requests", type=int, default=2000, help="match requests measured (%(default)s)")
    p.add_argument("--warmup", type=int, default=300, help="match requests before measuring (%(default)s)")
    p.add_argument("--threads", type=int, default=4, help="client threads for matches (%(default)s)")
    p.add_argument("--hsds-requests", type=int, default=500, help="/hsds/services requests measured (%(default)s)")
    p.add_argument("--hsds-threads", type=int, default=2, help="client threads for /hsds (%(default)s)")
    p.add_argument("--timeout", type=float, default=1800, help="HTTP timeout in seconds (%(default)s)")
    p.add_argument("--reset", action="store_true",
                   help="empty the directory tables (psql, <prefix>_directory) before importing")
    p.add_argument("--skip-import", action="store_true", help="measure queries on what the directory holds")
    p.add_argument("--skip-queries", action="store_true", help="only generate and import")
    p.add_argument("--keep-file", action="store_true", help="keep the generated HSDS file")
    p.add_argument("--self-test", action="store_true", help="test this script against a stub server and exit")
    args = p.parse_args(argv)
    if args.services < 12:
        p.error("--services must be at least 12 (the demo's own services are always generated)")
    if args.requests < 1 or args.threads < 1 or args.hsds_requests < 1:
        p.error("--requests, --threads and --hsds-requests must be positive")
    return args


def main():
    args = parse(sys.argv[1:])
    if args.self_test:
        self_test()
        return
    run(args)


if __name__ == "__main__":
    main()
