"""Incremental, sharded Pagefind index: a warm build re-indexes only the shards that changed.

Pagefind cannot update an index, and indexing 1,200 pages takes over a second
per site, on every build. So the pages Pagefind would index (HTML files with
``data-pagefind-body``) are split into shards by a stable hash of their path,
about ``SEARCH["pages_per_shard"]`` pages each, and each shard is its own
Pagefind bundle: the first one, with the search UI, at ``/pagefind/``, the
others at ``/pagefind/shard-<k>/`` with only what a merged index reads (its
entry, metadata, index and fragment chunks; the primary's WebAssembly searches
them). ``/pagefind/shards.json`` lists the other bundles for theme/static/js/search.js,
which passes them to Pagefind UI as ``mergeIndex``. A site smaller than about
one shard keeps a single bundle.

Each shard is keyed by what its index depends on (Pagefind's version and options,
the shard's place, its pages' paths and bytes) and kept under
``<cache>/search/<site>/<key>/``. A shard whose key is there is hardlinked into
the site; any other is indexed from a temporary folder holding hardlinks to just
its pages (URLs are still relative to the site root), into a temporary cache
folder that is renamed into place only when Pagefind succeeded. The output is
therefore the same bytes whether a shard came from the cache or not (Pagefind's
output is deterministic). Never edit files under ``output/*/pagefind/`` in place:
they share their inode with the cache.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..settings import samspel_settings

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
SHARDS_FILE = "shards.json"
#: what a merged bundle is read for (pagefind.js: loadEntry, loadMeta, chunks, fragments)
MERGED_FILES = ("pagefind-entry.json", "pagefind.*.pf_meta", "index/*", "fragment/*", "filter/*")
#: Pagefind runs at once per site: the other site builds at the same time on 2 cores
PARALLEL = 2
#: bumped whenever what a cache entry holds changes
LAYOUT = "1"
_BODY = b"data-pagefind-body"
_AFTER_BODY = frozenset((b" ", b"\t", b"\n", b"\r", b"=", b"/", b">"))
LOCK = ".lock"
#: an unfinished entry older than this is left over from a crashed build
STALE_SECONDS = 3600


@dataclass(frozen=True)
class Pagefind:
    """The Pagefind executable, resolved once per site (``python -m pagefind`` starts Python)."""

    path: Path
    version: str

    @classmethod
    def find(cls) -> Pagefind:
        if os.environ.get("PAGEFIND_BINARY_PATH"):
            path = Path(os.environ["PAGEFIND_BINARY_PATH"])
        else:
            try:
                from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
            except ImportError:
                try:
                    from pagefind_bin import get_executable  # type: ignore[import-not-found]
                except ImportError as error:
                    raise RuntimeError(
                        "Pagefind's executable is missing: pip install 'pagefind[bin]'"
                    ) from error
            path = get_executable()
        result = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"Pagefind at {path} does not run: {result.stderr.strip()}")
        return cls(path, result.stdout.strip())

    def options(self) -> list[str]:
        """What the output depends on besides the pages: the version, any PAGEFIND_* variable."""
        env = sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("PAGEFIND_"))
        return [self.version, *env]


@dataclass(frozen=True)
class Shard:
    """One bundle: its hash bucket, its pages, and where it goes."""

    number: int
    count: int
    primary: bool
    pages: tuple[str, ...]  # paths relative to the site root, sorted
    key: str

    @property
    def folder(self) -> str:
        """The bundle's folder relative to the site root."""
        return BUNDLE if self.primary else f"{BUNDLE}/shard-{self.number}"


def indexable_pages(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every HTML file Pagefind indexes (``data-pagefind-body``)."""
    pages = {}
    for folder, subfolders, names in os.walk(root):
        if folder == str(root) and BUNDLE in subfolders:
            subfolders.remove(BUNDLE)
        for name in names:
            if name.endswith(".html"):
                path = Path(folder, name)
                data = path.read_bytes()
                if has_body_attribute(data):
                    relative = path.relative_to(root).as_posix()
                    pages[relative] = hashlib.sha256(data).hexdigest()
    return pages


def has_body_attribute(html: bytes) -> bool:
    """Whether ``data-pagefind-body`` is an attribute inside a tag, not just text."""
    start = html.find(_BODY)
    while start != -1:
        tag = html.rfind(b"<", 0, start)
        end = start + len(_BODY)
        if (
            tag != -1
            and html.find(b">", tag, start) == -1
            and html[start - 1 : start].isspace()
            and html[end : end + 1] in _AFTER_BODY
        ):
            return True
        start = html.find(_BODY, end)
    return False


def shard_count(pages: int, pages_per_shard: int, max_shards: int = 1_000_000) -> int:
    """About ``pages_per_shard`` pages per shard, at least one and at most ``max_shards``."""
    return min(max_shards, max(1, (pages + pages_per_shard // 2) // pages_per_shard))


def shard_of(path: str, count: int) -> int:
    """A page's shard: a stable hash of its path, never Python's seeded ``hash``."""
    return int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big") % count


def plan(
    pages: dict[str, str], pages_per_shard: int, options: list[str], max_shards: int = 1_000_000
) -> list[Shard]:
    """The non-empty shards; the first of them is the primary bundle."""
    count = shard_count(len(pages), pages_per_shard, max_shards)
    buckets: dict[int, list[str]] = {}
    for path in sorted(pages):
        buckets.setdefault(shard_of(path, count), []).append(path)
    shards = []
    for number in sorted(buckets):
        primary = not shards
        digest = hashlib.sha256()
        for part in [LAYOUT, *options, f"{count}:{number}:{primary}"]:
            digest.update(part.encode() + b"\0")
        for path in buckets[number]:
            digest.update(f"{path}\0{pages[path]}\0".encode())
        key = digest.hexdigest()[:32]
        shards.append(Shard(number, count, primary, tuple(buckets[number]), key))
    return shards


def index_shard(shard: Shard, root: Path, cache: Path, pagefind: Pagefind) -> None:
    """Index one shard into ``cache/<key>``: Pagefind on a folder of just its pages."""
    site = Path(tempfile.mkdtemp(prefix=f".search-{root.name}-{shard.number}-", dir=root.parent))
    unfinished = Path(tempfile.mkdtemp(prefix=f".tmp-{shard.key}-", dir=cache))
    try:
        for page in shard.pages:
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            os.link(root / page, site / page)
        bundle = unfinished / "bundle"
        command = [str(pagefind.path), "--site", str(site), "--output-path", str(bundle)]
        result = subprocess.run(
            [*command, "--silent"], cwd=site, capture_output=True, text=True, check=False
        )
        problem = check_bundle(bundle, shard, result)
        if problem:
            raise RuntimeError(
                f"Pagefind could not index {root.name} (shard {shard.number} of "
                f"{shard.count}, {len(shard.pages)} pages): {problem}"
            )
        if not shard.primary:
            keep_merged_files(bundle)
        try:
            bundle.rename(cache / shard.key)
        except OSError:  # another build wrote the same entry meanwhile: use that one
            if not (cache / shard.key / "pagefind-entry.json").is_file():
                raise
    finally:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(unfinished, ignore_errors=True)


def check_bundle(bundle: Path, shard: Shard, result: subprocess.CompletedProcess) -> str | None:
    """Why Pagefind's run is unusable, or None: it must have indexed every page given."""
    lines = dict.fromkeys((result.stderr + result.stdout).strip().splitlines())
    message = " ".join(line.strip() for line in lines if line.strip())
    entry = bundle / "pagefind-entry.json"
    if result.returncode != 0 or not entry.is_file():
        return message or f"exit code {result.returncode}, no {entry.name}"
    if shard.primary and not (bundle / "pagefind-ui.js").is_file():
        return "no pagefind-ui.js in the primary bundle"
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    indexed = sum(language.get("page_count", 0) for language in languages.values())
    if indexed != len(shard.pages):
        return f"indexed {indexed} of {len(shard.pages)} pages {message}".strip()
    return None


def keep_merged_files(bundle: Path) -> None:
    """Drop what only a primary bundle needs (UI, WebAssembly, worker) from a merged one."""
    keep = {path for pattern in MERGED_FILES for path in bundle.glob(pattern)}
    for path in sorted(bundle.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def place(entry: Path, target: Path) -> None:
    """Hardlink a cache entry's files into the site (copy across file systems)."""
    for folder, _, names in os.walk(entry):
        destination = os.path.join(target, os.path.relpath(folder, entry))
        os.makedirs(destination, exist_ok=True)
        for name in names:
            source = os.path.join(folder, name)
            try:
                os.link(source, os.path.join(destination, name))
            except OSError:
                shutil.copyfile(source, os.path.join(destination, name))


@contextmanager
def _locked(cache: Path) -> Iterator[None]:
    """Hold the cache folder's lock (``.lock``, never pruned) for a block."""
    with open(cache / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def prune(cache: Path, used: set[str]) -> None:
    """Remove the entries this build did not use, and unfinished ones of crashed builds."""
    for entry in cache.iterdir():
        if entry.name == LOCK:
            continue
        if entry.name.startswith("."):
            if time.time() - entry.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(entry, ignore_errors=True)
        elif entry.name not in used:
            shutil.rmtree(entry, ignore_errors=True)


def index_site(root: Path, settings: dict) -> list[Shard]:
    """Write the sharded Pagefind index of the staged site ``root``; return its shards.

    The cache lives beside Pelican's (``CACHE_PATH``'s parent), per site: ``search/<root name>``.
    """
    options = samspel_settings(settings).search
    cache = Path(settings["CACHE_PATH"]).parent / "search" / root.name
    cache.mkdir(parents=True, exist_ok=True)
    pages = indexable_pages(root)
    if not pages:
        raise RuntimeError(f"Pagefind: no page of {root.name} has data-pagefind-body")
    pagefind = Pagefind.find()
    shards = plan(pages, options.pages_per_shard, pagefind.options(), options.max_shards)
    with _locked(cache):  # another build using the same cache neither prunes nor half-writes
        missing = [shard for shard in shards if not (cache / shard.key).is_dir()]
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            runs = [pool.submit(index_shard, shard, root, cache, pagefind) for shard in missing]
        for run in runs:
            run.result()  # the first failure fails the site
        for shard in shards:
            place(cache / shard.key, root / shard.folder)
            if not (root / shard.folder / "pagefind-entry.json").is_file():
                raise RuntimeError(f"Pagefind: the cached shard {cache / shard.key} is incomplete")
        prune(cache, {shard.key for shard in shards})
    others = [f"shard-{shard.number}/" for shard in shards if not shard.primary]
    (root / BUNDLE / SHARDS_FILE).write_text(
        json.dumps({"bundles": others}) + "\n", encoding="utf-8"
    )
    log.info(
        "search %s: %d pages in %d shards, %d indexed, %d from the cache",
        root.name,
        len(pages),
        len(shards),
        len(missing),
        len(shards) - len(missing),
    )
    return shards
