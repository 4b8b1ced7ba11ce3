#!/usr/bin/env python3
"""Latency of the HSDS API, sequential requests after a warm-up: p50 and p99 per query (see README).

usage: bench.py [base-url] [requests-per-query]   (default http://localhost:8083, 300)
Start the service with a rate limit that does not throttle the run, e.g.
CARELOOP_DIRECTORY_HSDS_RATE_LIMIT_REQUESTS_PER_MINUTE=100000000 CARELOOP_DIRECTORY_HSDS_RATE_LIMIT_BURST=100000000
"""
import http.client
import statistics
import sys
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8083")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300

QUERIES = [
    "/hsds/services?postcode=02100&proximity=2000",
    "/hsds/services?postcode=02100&proximity=5000&full=true",
    "/hsds/services?postcode=02100",
    "/hsds/services?per_page=50&full=true",
    "/hsds/services?per_page=50&page=1000",
    "/hsds/services?search=shelter%20beds",
    "/hsds/services?taxonomy_term_id=be9d4f6d-190b-5a19-af75-7efe86579e7f",
    "/hsds/services?modified_after=2020-01-01T00:00:00Z&minimal=true&per_page=200",
    "/hsds/services/svc-4242",
    "/hsds/service_at_locations?postcode=02100&proximity=2000",
    "/hsds/organizations/org-42",
]

conn = http.client.HTTPConnection(base.hostname, base.port or 80)


def get(path):
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {body[:300]!r}")
    return body


for path in QUERIES:
    for _ in range(20):
        get(path)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        body = get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{path:78s} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  ({len(body)} bytes)")
