"""Benchmark: our bilingual build against plain Pelican building Swedish only.

``make bench`` (``python -m tools.bench --n 1000``) writes synthetic content
(tools/synthetic.py) into a temporary folder and then, alternating, runs each
of these at least ``--rounds`` times in a fresh subprocess:

- cold:  ``python -m tools.build`` exactly as ``make html`` runs it, with an empty cache
  (the old output a build replaces is deleted in the background after it returns;
  every run waits until that is over, so that none shares the machine with it);
- warm:  the same right after the cold run, with its cache, after one file changed;
- plain: ``pelican`` with its default theme and no plugins, on a plain-Markdown
  copy of the Swedish files only (the reference a bilingual build is held to).

It prints median wall time and peak memory (the sum over the whole process
tree, sampled, and the largest single process from ``wait4``), the largest page
and the stylesheet of each site (raw and gzip), and as its last line
``bilingual/plain ratio: X.XX (cold), Y.YY (warm, one file changed)``.
A benchmark, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pelican.plugins.samspel.content.contract import ACTIVITIES, PROJECT_TIMEZONE
from pelican.plugins.samspel.sites.table import MAIN, SITES

from tools.synthetic import write_plain_copy, write_site

ROOT = Path(__file__).resolve().parent.parent
#: plain Pelican's settings: the main site's URL, zone and language (table of sites, contract)
PLAIN_SETTINGS = f"""\
SITENAME = "Samspel 63"
SITEURL = "{MAIN.local_url}"
TIMEZONE = "{PROJECT_TIMEZONE}"
DEFAULT_LANG = "{MAIN.lang}"
PLUGINS = []
"""


@dataclass
class Run:
    """One measured build."""

    seconds: float
    cpu_seconds: float  # user + system time of the whole process tree (wait4)
    tree_peak_kib: int  # sum of RSS over the process tree, sampled every 50 ms
    process_peak_kib: int  # largest single process (ru_maxrss from wait4)
    returncode: int
    log: str


def tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGESIZE") // 1024
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def measure(command: list[str], cwd: Path = ROOT) -> Run:
    """Run ``command`` once; wall time, peak memory, exit code and output."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed below, after the child is reaped)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    peak = 0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.wait(0.05):
            peak = max(peak, tree_rss_kib(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    finished.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    log.seek(0)
    text = log.read().decode("utf-8", "replace")
    log.close()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, max(peak, usage.ru_maxrss), usage.ru_maxrss, process.returncode, text)


def wait_for_cleanup(trash: Path, timeout: float = 120) -> None:
    """Wait until a build's background deletion of its old output is over.

    tools/build.py deletes the roots it replaced in a detached process after it
    returns; no measured run may share the machine with that.
    """
    deadline = time.monotonic() + timeout
    while trash.is_dir() and any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)


def change_one_file(content: Path, round_number: int) -> None:
    """Edit one Swedish activity, as a communicator would, between cold and warm."""
    path = content / ACTIVITIES / f"aktivitet-{round_number}.{MAIN.lang}.md"
    path.write_text(
        path.read_text(encoding="utf-8") + f"\nÄndrad i omgång {round_number}.\n", "utf-8"
    )


def largest_pages(output: Path) -> list[str]:
    """The largest HTML page and the stylesheet of each site, raw and gzip (level 6)."""
    lines = []
    for site in (row.folder for row in SITES):
        root = output / site
        for pattern in ("*.html", "*.css"):
            files = sorted(root.rglob(pattern), key=lambda p: (p.stat().st_size, str(p)))
            if not files:
                continue
            data = files[-1].read_bytes()
            packed = len(gzip.compress(data, compresslevel=6, mtime=0))
            lines.append(
                f"  {site}/{files[-1].relative_to(root)}: {len(data) / 1024:.1f} KiB, "
                f"{packed / 1024:.1f} KiB gzip"
            )
    return lines


def summarise(name: str, runs: list[Run]) -> str:
    seconds = statistics.median(run.seconds for run in runs)
    cpu = statistics.median(run.cpu_seconds for run in runs)
    tree = statistics.median(run.tree_peak_kib for run in runs) / 1024
    single = statistics.median(run.process_peak_kib for run in runs) / 1024
    each = ", ".join(f"{run.seconds:.2f}" for run in runs)
    return (
        f"{name:<34} {seconds:6.2f} s wall {cpu:6.2f} s CPU  memory: tree {tree:4.0f} MiB, "
        f"largest process {single:4.0f} MiB"
        f"   (runs: {each})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="activities per language")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind (>= 3)")
    parser.add_argument("--keep", type=Path, help="write into this folder and keep it")
    args = parser.parse_args(argv)
    rounds = max(3, args.rounds)
    work = args.keep or Path(tempfile.mkdtemp(prefix="samspel-bench-"))
    try:
        content = write_site(work / "content", args.n)
        plain = write_plain_copy(content, work / "plain")
        (work / "plainconf.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
        files = len(list(content.rglob("*.md")))
        print(f"{files} content files ({args.n} activities per language) in {work}", flush=True)
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"{os.cpu_count()} cores, load average {load}; {rounds} rounds, alternating")
        ours = [
            sys.executable,
            "-m",
            "pelican.plugins.samspel.commands.build",
            "--settings",
            str(ROOT / "pelicanconf.py"),
        ]
        ours += ["--output", str(work / "output"), "--content", str(content)]
        ours += ["--cache", str(work / "cache")]
        baseline = [sys.executable, "-m", "pelican", str(plain), "-o", str(work / "plain-out")]
        baseline += ["-s", str(work / "plainconf.py"), "-q"]
        results: dict[str, list[Run]] = {"plain": [], "cold": [], "warm": []}
        trash = work / "cache" / ".retired"
        for round_number in range(rounds):
            shutil.rmtree(work / "plain-out", ignore_errors=True)
            wait_for_cleanup(trash)
            results["plain"].append(measure(baseline))
            shutil.rmtree(work / "cache", ignore_errors=True)
            results["cold"].append(measure(ours))
            change_one_file(content, round_number)
            wait_for_cleanup(trash)
            results["warm"].append(measure(ours))
            for kind, runs in results.items():
                if runs[-1].returncode != 0:
                    print(f"{kind} build failed:\n{runs[-1].log}", file=sys.stderr)
                    return 1
            print(
                f"round {round_number + 1}: "
                + ", ".join(f"{kind} {runs[-1].seconds:.2f} s" for kind, runs in results.items()),
                flush=True,
            )
        print()
        print(summarise("(a) bilingual, cold (no cache)", results["cold"]))
        print(summarise("(b) bilingual, warm, one changed", results["warm"]))
        print(summarise("(c) plain Pelican, Swedish only", results["plain"]))
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"load average after: {load} (above 0 means other work shared the cores)")
        print("largest page and stylesheet per site:")
        print("\n".join(largest_pages(work / "output")))
        plain_median = statistics.median(run.seconds for run in results["plain"])
        cold = statistics.median(run.seconds for run in results["cold"]) / plain_median
        warm = statistics.median(run.seconds for run in results["warm"]) / plain_median
        print(f"bilingual/plain ratio: {cold:.2f} (cold), {warm:.2f} (warm, one file changed)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
