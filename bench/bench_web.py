"""Load on the web app: concurrent clients on loopback, each making a brief of the seeds and fetching it (issue #6).

Run by hand: `.venv/bin/python bench/bench_web.py [--clients 50] [--rounds 2] [--no-analysis]`.

Starts `storyline serve` on a free 127.0.0.1 port with a temporary store, makes one brief first (the server loads
its models), then lets `--clients` clients each POST /api/briefs and GET /api/briefs/{id} `--rounds` times, all
at once. Every request goes to 127.0.0.1 only; the run is bounded by the request count and `--timeout-s`.
Baselines, in this same run: the same brief made `--baseline-runs` times through the Python API in this process,
and as many times by one client, one request at a time (HTTP, JSON and the store's write, without contention).
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

import storyline
from storyline.models import BriefOptions

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples").glob("*.txt"))


@dataclass
class Results:
    post_s: list[float] = field(default_factory=list)
    get_s: list[float] = field(default_factory=list)
    round_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, db: Path) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "storyline"), "serve", "--port", str(port), "--db", str(db)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/briefs", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    sys.exit("storyline serve did not answer within 30 s")


async def client(http: httpx.AsyncClient, body: dict[str, object], rounds: int, results: Results) -> None:
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            created = await http.post("/api/briefs", json=body)
            posted = time.perf_counter()
            created.raise_for_status()
            fetched = await http.get(f"/api/briefs/{created.json()['id']}")
            fetched.raise_for_status()
            if fetched.json()["brief"] != created.json()["brief"]:
                raise ValueError("the fetched brief differs from the one created")
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            results.errors.append(f"{type(exc).__name__}: {exc}")
            continue
        done = time.perf_counter()
        results.post_s.append(posted - start)
        results.get_s.append(done - posted)
        results.round_s.append(done - start)


async def load(
    port: int, body: dict[str, object], clients: int, rounds: int, timeout_s: float
) -> tuple[Results, float]:
    results = Results()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=timeout_s, limits=limits) as http:
        start = time.perf_counter()
        tasks = [client(http, body, rounds, results) for _ in range(clients)]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=timeout_s)
        return results, time.perf_counter() - start


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def sequential(port: int, body: dict[str, object], runs: int) -> float:
    """Briefs per second made and fetched by one client, one request at a time."""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:
        start = time.perf_counter()
        for _ in range(runs):
            created = http.post("/api/briefs", json=body)
            created.raise_for_status()
            http.get(f"/api/briefs/{created.json()['id']}").raise_for_status()
        return runs / (time.perf_counter() - start)


def baseline(texts: list[str], options: BriefOptions, runs: int) -> float:
    """Briefs per second through `storyline.brief` in this process, models already loaded."""
    storyline.brief(texts, options=options)
    start = time.perf_counter()
    for _ in range(runs):
        storyline.brief(texts, options=options)
    return runs / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2, help="Briefs each client makes and fetches.")
    parser.add_argument("--analysis", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--timeout-s", type=float, default=600.0, help="Bound on the whole load phase.")
    parser.add_argument("--baseline-runs", type=int, default=20)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    body: dict[str, object] = {"articles": [{"text": t} for t in texts], "words": 150, "analysis": args.analysis}
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "briefs.sqlite3")
        try:
            start = time.perf_counter()
            httpx.post(f"http://127.0.0.1:{port}/api/briefs", json=body, timeout=120).raise_for_status()
            first_s = time.perf_counter() - start
            one_client = sequential(port, body, args.baseline_runs)
            results, wall_s = asyncio.run(load(port, body, args.clients, args.rounds, args.timeout_s))
        finally:
            server.terminate()
            server.wait(timeout=10)
    direct = baseline(texts, BriefOptions(words=150, analysis=args.analysis), args.baseline_runs)
    report(args, results, wall_s, first_s, (direct, one_client))


def report(
    args: argparse.Namespace, results: Results, wall_s: float, first_s: float, baselines: tuple[float, float]
) -> None:
    n_ok = len(results.round_s)
    print(f"{args.clients} clients x {args.rounds} rounds on 127.0.0.1, seeds, 150 words, analysis {args.analysis}")
    print(f"first brief (server loads its models): {first_s:.2f} s")
    print(f"briefs made and fetched: {n_ok} of {args.clients * args.rounds}, errors: {len(results.errors)}")
    for error in sorted(set(results.errors))[:5]:
        print(f"  error: {error}")
    if not n_ok:
        return
    for name, values in (("POST", results.post_s), ("GET", results.get_s), ("POST+GET", results.round_s)):
        print(f"{name:9s} latency p50 {percentile(values, 50):7.3f} s   p95 {percentile(values, 95):7.3f} s")
    web = n_ok / wall_s
    direct, one_client = baselines
    print(f"web app, {args.clients} clients: {web:.1f} briefs/s ({wall_s:.1f} s wall)")
    print(f"web app, one client in turn: {one_client:.1f} briefs/s")
    print(f"baseline storyline.brief() in-process: {direct:.1f} briefs/s")
    print(f"ratio to baseline: {args.clients} clients {web / direct:.2f}, one client {one_client / direct:.2f}")


if __name__ == "__main__":
    main()
