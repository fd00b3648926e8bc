"""Build a corpus folder from a file of URLs: ``python -m helpers.fetch URLS_FILE DEST``.

Owns downloading (politely: a delay per host, retries with back-off, timeouts, a size cap),
naming and saving the raw HTML once, and the ``catalog.csv`` rows (file, url, fetched_at,
status). It does not read the pages: ``helpers.html`` does that when the folder is loaded.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import importlib.metadata
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urldefrag, urlsplit

import requests
from tqdm.auto import tqdm

from .catalog import CATALOG_COLUMNS, CATALOG_NAME
from .errors import CorpusError
from .html import is_html
from .text import ascii_fold

__all__ = ["FETCH_COLUMNS", "USER_AGENT", "Catalog", "FetchFailure", "FetchReport", "Settings",
           "Throttle", "download", "fetch_all", "file_name", "main", "read_urls",
           "save_atomically"]

FETCH_COLUMNS = ["fetched_at", "status"]
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0      # seconds: a longer Retry-After is capped
SLUG_CHARS = 80


def _version() -> str:
    try:
        return importlib.metadata.version("helpers")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


USER_AGENT = (f"helpers/{_version()} (research corpus of Vietnamese news on diplomatic "
              f"conferences; polite fetcher) python-requests/{requests.__version__}")


@dataclass(frozen=True)
class Settings:
    """How to fetch: seconds between requests to one host, per-request timeout, retries after
    the first attempt, back-off base (seconds, doubled each retry), and the size cap in bytes."""

    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 5_000_000


class FetchFailure(Exception):
    """One URL that could not be saved; the message says why (HTTP code, timeout, ...)."""


@dataclass
class FetchReport:
    """What a run did: files saved, files already present, and (url, reason) failures."""

    saved: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0

    def summary(self, dest: Path) -> str:
        """One line for the end of a run."""
        total = len(self.saved) + len(self.present) + len(self.failed)
        line = (f"{total} URL(s) into {dest}: {len(self.saved)} fetched, "
                f"{len(self.present)} already present, {len(self.failed)} failed")
        return line + (f"; {self.duplicates} repeated line(s) ignored" if self.duplicates else "")


def read_urls(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The URLs of a list file (one per line; blank lines and ``#`` comments ignored), and the
    lines that are not http(s) URLs, as (line, reason) pairs.

    Parameters
    ----------
    path : Path

    Returns
    -------
    tuple[list[str], list[tuple[str, str]]]

    Examples
    --------
    >>> import tempfile; f = Path(tempfile.mkdtemp()) / "urls.txt"
    >>> _ = f.write_text("# DC32\\nhttps://a.example/x\\n\\nftp://b\\n", encoding="utf-8")
    >>> read_urls(f)
    (['https://a.example/x'], [('ftp://b', 'urls.txt line 4: not an http(s) URL')])
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: cannot read the URL list: {err}") from None
    urls, bad = [], []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme in ("http", "https") and parts.netloc:
            urls.append(line)
        else:
            bad.append((line, f"{path.name} line {number}: not an http(s) URL"))
    return urls, bad


def file_name(url: str) -> str:
    """A stable file name for a URL: a readable ASCII slug of host and path plus a short hash
    of the whole URL (the fragment left out, as it names the same page).

    Parameters
    ----------
    url : str

    Returns
    -------
    str

    Examples
    --------
    >>> file_name("https://baomau.example.vn/ngoai-giao/h%E1%BB%99i-ngh%E1%BB%8B.html#top")
    'baomau-example-vn-ngoai-giao-hoi-nghi_768d2110c897.html'
    """
    url = urldefrag(url).url
    parts = urlsplit(url)
    path = re.sub(r"\.(s?html?|php|aspx?)$", "", unquote(parts.path), flags=re.IGNORECASE)
    ascii_text = ascii_fold(parts.netloc + path).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:SLUG_CHARS].strip("-") or "page"
    return f"{slug}_{hashlib.sha256(url.encode()).hexdigest()[:12]}.html"


class Throttle:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(self, delay: float, clock=time.monotonic, sleep=time.sleep):
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        """Sleep as long as the URL's host still needs, then note this request's time."""
        host = urlsplit(url).netloc.lower()
        if host in self.last:
            remaining = self.last[host] + self.delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last[host] = self.clock()


def _retry_after(response: requests.Response, fallback: float) -> float:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.strip().isdigit() else fallback


def _body(response: requests.Response, settings: Settings) -> bytes:
    """The response body, refused when its type is not HTML or it passes the size cap."""
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind and kind not in HTML_TYPES:
        raise FetchFailure(f"not HTML (Content-Type {kind})")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchFailure(
            f"too large ({int(declared):,} bytes declared; cap {settings.max_bytes:,})")
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchFailure(f"too large (more than {settings.max_bytes:,} bytes)")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not kind and not is_html("", data):
        raise FetchFailure("not HTML (no Content-Type and the body does not start like HTML)")
    return data


def _attempt(session: requests.Session, url: str,
             settings: Settings) -> tuple[bytes, requests.Response]:
    with session.get(url, timeout=settings.timeout, stream=True) as response:
        if response.status_code >= 400:
            raise requests.HTTPError(f"HTTP {response.status_code} {response.reason}",
                                     response=response)
        return _body(response, settings), response


def download(session: requests.Session, url: str, settings: Settings,
             throttle: Throttle) -> tuple[bytes, requests.Response]:
    """Fetch one URL, retrying timeouts, connection errors, 408, 429 and 5xx with exponential
    back-off (honouring a numeric Retry-After); other errors fail at once. Raises FetchFailure.

    Parameters
    ----------
    session : requests.Session
    url : str
    settings : Settings
    throttle : Throttle

    Returns
    -------
    tuple[bytes, requests.Response]

    Examples
    --------
    >>> data, response = download(session, "http://127.0.0.1:8000/a.html", Settings(),
    ...                           Throttle(0.0))  # doctest: +SKIP
    """
    for attempt in range(settings.retries + 1):
        pause = settings.backoff * 2 ** attempt
        throttle.wait(url)
        try:
            return _attempt(session, url, settings)
        except requests.HTTPError as err:
            # _attempt raises HTTPError only with the response attached.
            response = cast(requests.Response, err.response)
            status = response.status_code
            reason = str(err)
            if status not in RETRY_STATUSES:
                raise FetchFailure(reason) from None
            pause = _retry_after(response, pause)
        except requests.Timeout:
            reason = f"timeout ({settings.timeout:g} s)"
        except requests.ConnectionError as err:
            reason = f"connection error ({type(err).__name__})"
        except requests.RequestException as err:
            raise FetchFailure(f"request error: {err}") from None
        if attempt < settings.retries:
            time.sleep(pause)
    raise FetchFailure(f"{reason}, after {settings.retries + 1} attempt(s)")


def save_atomically(path: Path, data: bytes) -> None:
    """Write bytes under a temporary name and rename, so a file either is complete or absent;
    the saved file is made read-only, as raw pages are never modified.

    Parameters
    ----------
    path : Path
    data : bytes

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "page.html"
    >>> save_atomically(target, b"<html></html>")
    >>> target.read_bytes()
    b'<html></html>'
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temp.write_bytes(data)
        temp.chmod(0o444)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


class Catalog:
    """The destination's ``catalog.csv``: existing rows kept, one row appended per saved file."""

    def __init__(self, dest: Path):
        self.path = dest / CATALOG_NAME
        self.columns = CATALOG_COLUMNS + [c for c in FETCH_COLUMNS if c not in CATALOG_COLUMNS]
        self.files: set[str] = set()
        if self.path.is_file():
            self._load()
        else:
            self._write([])

    def _load(self) -> None:
        with self.path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            header = list(reader.fieldnames or [])
        self.files = {row.get("file", "") for row in rows}
        if [c for c in self.columns if c not in header]:   # widen an older catalog once
            self.columns = header + [c for c in self.columns if c not in header]
            self._write(rows)
        else:
            self.columns = header

    def _write(self, rows: list[dict]) -> None:
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        with temp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=self.columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(temp, self.path)

    def add(self, **values: str) -> None:
        """Append one row (columns not given stay empty), unless the file already has one."""
        if values["file"] in self.files:
            return
        with self.path.open("a", encoding="utf-8", newline="") as handle:
            csv.DictWriter(handle, fieldnames=self.columns, extrasaction="ignore").writerow(values)
        self.files.add(values["file"])


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fetch_one(session, url: str, dest: Path, settings: Settings, throttle: Throttle,
               catalog: Catalog, report: FetchReport) -> None:
    name = file_name(url)
    target = dest / name
    if target.exists():
        stamp = dt.datetime.fromtimestamp(target.stat().st_mtime, dt.UTC)
        catalog.add(file=name, url=url, fetched_at=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    status="present", notes="file present before this run; not fetched again")
        report.present.append(name)
        return
    data, response = download(session, url, settings, throttle)
    save_atomically(target, data)
    redirected = urldefrag(response.url).url != urldefrag(url).url
    catalog.add(file=name, url=url, fetched_at=_now(), status=str(response.status_code),
                notes=f"redirected to {response.url}" if redirected else "")
    report.saved.append(name)


def _show_progress() -> bool:
    return os.environ.get("HELPERS_PROGRESS", "").strip().lower() not in {"0", "false", "no"}


def fetch_all(urls: list[str], dest: Path, settings: Settings = Settings(),
              err=None) -> FetchReport:
    """Download every URL into ``dest`` (created if needed) and record each saved file in
    ``dest/catalog.csv``. A URL that fails gets one line on ``err`` and the others go on.

    Parameters
    ----------
    urls : list of str
        http(s) URLs; a repeated URL is fetched once.
    dest : Path
        The corpus folder to fill.
    settings : Settings
        Delay per host, timeout, retries, back-off and size cap.
    err : file, optional
        Where failure lines and the progress bar go (default: standard error).

    Returns
    -------
    FetchReport
        Saved, already present and failed URLs.

    Examples
    --------
    >>> import tempfile; fetch_all([], Path(tempfile.mkdtemp())).summary(Path("corpus"))
    '0 URL(s) into corpus: 0 fetched, 0 already present, 0 failed'
    """
    err = err or sys.stderr
    dest.mkdir(parents=True, exist_ok=True)
    unique = list(dict.fromkeys(urls))
    report, catalog = FetchReport(duplicates=len(urls) - len(unique)), Catalog(dest)
    throttle = Throttle(settings.delay)
    with requests.Session() as session:
        session.headers.update({"User-Agent": USER_AGENT,
                                "Accept": "text/html,application/xhtml+xml"})
        progress = tqdm(unique, desc="fetching", unit="page", disable=not _show_progress(),
                        file=err)
        for url in progress:
            try:
                _fetch_one(session, url, dest, settings, throttle, catalog, report)
            except FetchFailure as failure:
                report.failed.append((url, str(failure)))
                tqdm.write(f"FAILED {url}: {failure}", file=err)
    return report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.fetch",
        description="Download every URL of a list file (one per line, # comments) into a corpus "
                    "folder as raw HTML, with a catalog.csv row each. Files already there are "
                    "kept.")
    parser.add_argument("urls_file", type=Path, help="text file of URLs")
    parser.add_argument("dest", type=Path, help="corpus folder to fill")
    defaults = Settings()
    parser.add_argument("--delay", type=float, default=defaults.delay,
                        help="seconds between requests to one host")
    parser.add_argument("--timeout", type=float, default=defaults.timeout,
                        help="seconds per request")
    parser.add_argument("--retries", type=int, default=defaults.retries,
                        help="retries after the first attempt")
    parser.add_argument("--backoff", type=float, default=defaults.backoff,
                        help="first back-off, doubled each retry")
    parser.add_argument("--max-bytes", type=int, default=defaults.max_bytes,
                        help="size cap per page")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Command line: returns 0 when every URL is saved or present, 1 when any failed, 2 when the
    list cannot be read.

    Parameters
    ----------
    argv : list[str] | None, optional

    Returns
    -------
    int

    Examples
    --------
    >>> main(["links.txt", "my-corpus"])  # doctest: +SKIP
    0
    """
    args = _parser().parse_args(argv)
    try:
        urls, bad = read_urls(args.urls_file)
    except CorpusError as err:
        print(err, file=sys.stderr)
        return 2
    for line, reason in bad:
        print(f"FAILED {line}: {reason}", file=sys.stderr)
    settings = Settings(args.delay, args.timeout, args.retries, args.backoff, args.max_bytes)
    report = fetch_all(urls, args.dest, settings)
    report.failed[:0] = bad
    print(report.summary(args.dest))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
