"""helpers.fetch end to end against a local HTTP server on 127.0.0.1 (no internet)."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import stat
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

import helpers
from helpers.catalog import CATALOG_COLUMNS, read_catalog
from helpers.fetch import Settings, Throttle, fetch_all, file_name, main, read_urls
from helpers.html import extract_html

HTML_DIR = Path(__file__).parent / "data" / "html"
PAGES = {f"/{p.name}": p.read_bytes() for p in HTML_DIR.glob("*.html")}
SLOW_SECONDS = 1.0
FAST = Settings(delay=0.0, timeout=0.3, retries=1, backoff=0.01, max_bytes=100_000)


class Handler(BaseHTTPRequestHandler):
    """Fixture pages plus the failure cases; counts requests and keeps their User-Agents."""

    hits: ClassVar[Counter] = Counter()
    agents: ClassVar[list] = []

    def log_message(self, *args):   # keep test output quiet
        pass

    def send(self, status: int, body: bytes, kind: str | None = "text/html; charset=utf-8",
             length=True):
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # the client may have given up (timeout, size cap)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        self.hits[path] += 1
        self.agents.append(self.headers.get("User-Agent", ""))
        page = PAGES["/dc32-khai-mac.html"]
        if path in PAGES:
            kind = ("text/html; charset=windows-1252" if "1252" in path
                    else "text/html; charset=utf-8")
            self.send(200, PAGES[path], kind)
        elif path == "/flaky":          # 500 first, then the page: a retry must fetch it
            self.send(500, b"<html>error</html>") if self.hits[path] == 1 else self.send(200, page)
        elif path == "/busy":           # 429 with Retry-After first, then the page
            if self.hits[path] == 1:
                self.send_response(429)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(200, page)
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.send(200, page)
        elif path == "/moved":          # a permanent redirect to a fixture page
            self.send_response(301)
            self.send_header("Location", "/dc32-khai-mac.amp.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/untyped":        # no Content-Type: the body is sniffed
            self.send(200, PAGES["/error-404.html"], kind=None)
        elif path == "/untyped-text":
            self.send(200, "Hội nghị Ngoại giao".encode(), kind=None)
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.4 not a page", "application/pdf")
        elif path == "/huge":           # Content-Length says it is too large
            self.send(200, b"<html>" + b"x" * 200_000 + b"</html>")
        elif path == "/endless":        # no Content-Length: the cap must stop the stream
            self.send(200, b"<html>" + b"y" * 300_000 + b"</html>", length=False)
        else:
            self.send(404, b"<html>Not found</html>")


@pytest.fixture
def server():
    Handler.hits, Handler.agents = Counter(), []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


GOOD = ["/dc32-khai-mac.html", "/dc32-khai-mac.amp.html", "/nfac-2021-declared-1252.html",
        "/flaky", "/busy"]
BAD = {"/missing.html": "HTTP 404", "/slow": "timeout", "/report.pdf": "not HTML",
       "/huge": "too large", "/endless": "too large"}


def url_list(tmp_path: Path, base: str) -> Path:
    lines = ["# Hội nghị Ngoại giao lần thứ 32", ""] + [base + p for p in GOOD + list(BAD)]
    path = tmp_path / "urls.txt"
    path.write_text("\n".join([*lines, base + GOOD[0], "   "]) + "\n", encoding="utf-8")
    return path


def catalog_rows(dest: Path) -> list[dict]:
    with (dest / "catalog.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_fetch_saves_pages_catalog_and_reports_each_failure(server, tmp_path, capsys):
    dest = tmp_path / "corpus"
    code = main([str(url_list(tmp_path, server)), str(dest), "--delay", "0", "--timeout", "0.3",
                 "--retries", "1", "--backoff", "0.01", "--max-bytes", "100000"])
    out, err = capsys.readouterr()
    assert code == 1
    failures = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert len(failures) == len(BAD)
    for path, reason in BAD.items():
        (line,) = [f for f in failures if f.startswith(f"FAILED {server}{path}:")]
        assert reason in line
    assert "10 URL(s)" in out and "5 fetched, 0 already present, 5 failed" in out
    assert "1 repeated line(s) ignored" in out
    saved = sorted(p.name for p in dest.glob("*.html"))
    assert saved == sorted(file_name(server + p) for p in GOOD)
    assert not list(dest.glob(".*"))                       # no temporary files left behind
    for path in GOOD[:3]:
        saved_file = dest / file_name(server + path)
        assert saved_file.read_bytes() == PAGES[path]
        assert stat.S_IMODE(saved_file.stat().st_mode) & 0o222 == 0     # saved read-only
    assert Handler.hits["/missing.html"] == 1              # a 404 is never retried
    assert Handler.hits["/flaky"] == 2 and Handler.hits["/busy"] == 2
    assert Handler.hits["/slow"] == 2                      # timeouts are retried
    assert all(agent.startswith("helpers/") and "research corpus" in agent
               for agent in Handler.agents)


def test_catalog_rows_follow_the_project_format(server, tmp_path):
    dest = tmp_path / "corpus"
    report = fetch_all([server + p for p in GOOD], dest, FAST, err=io.StringIO())
    rows = catalog_rows(dest)
    assert list(rows[0]) == [*CATALOG_COLUMNS, "fetched_at", "status"]
    assert [row["file"] for row in rows] == report.saved
    assert [row["url"] for row in rows] == [server + p for p in GOOD]
    for row in rows:
        assert row["status"] == "200"
        fetched = dt.datetime.strptime(row["fetched_at"], "%Y-%m-%dT%H:%M:%SZ")
        assert abs(dt.datetime.now(dt.UTC).replace(tzinfo=None) - fetched) < dt.timedelta(minutes=5)
        assert all(row[c] == "" for c in CATALOG_COLUMNS if c not in ("file", "url"))
    assert set(read_catalog(dest / "catalog.csv")) == set(report.saved)   # the loader accepts it


def test_redirects_are_followed_and_noted_and_untyped_bodies_sniffed(server, tmp_path):
    dest = tmp_path / "corpus"
    err = io.StringIO()
    report = fetch_all([server + "/moved", server + "/untyped", server + "/untyped-text"], dest,
                       FAST, err=err)
    assert report.saved == [file_name(server + "/moved"), file_name(server + "/untyped")]
    assert (dest / file_name(server + "/moved")).read_bytes() == PAGES["/dc32-khai-mac.amp.html"]
    moved, untyped = catalog_rows(dest)
    assert (moved["url"], moved["notes"]) == (server + "/moved",
                                              f"redirected to {server}/dc32-khai-mac.amp.html")
    assert untyped["notes"] == ""
    assert report.failed == [(server + "/untyped-text", "not HTML (no Content-Type and the body "
                                                         "does not start like HTML)")]
    assert f"FAILED {server}/untyped-text: not HTML" in err.getvalue()


def test_second_run_fetches_nothing_and_keeps_files_unchanged(server, tmp_path):
    dest = tmp_path / "corpus"
    urls = [server + p for p in GOOD]
    fetch_all(urls, dest, FAST, err=io.StringIO())
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in dest.glob("*.html")}
    catalog_before = (dest / "catalog.csv").read_bytes()
    hits = sum(Handler.hits.values())
    report = fetch_all(urls, dest, FAST, err=io.StringIO())
    assert sum(Handler.hits.values()) == hits
    assert (report.saved, report.failed, sorted(report.present)) == ([], [], sorted(before))
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in dest.glob("*.html")} == before
    assert (dest / "catalog.csv").read_bytes() == catalog_before


def test_a_file_already_in_the_folder_gets_a_row_but_no_request(server, tmp_path):
    dest = tmp_path / "corpus"
    dest.mkdir()
    url = server + GOOD[0]
    (dest / file_name(url)).write_bytes(b"<html>saved by hand</html>")
    report = fetch_all([url], dest, FAST, err=io.StringIO())
    assert Handler.hits[GOOD[0]] == 0 and report.present == [file_name(url)]
    (row,) = catalog_rows(dest)
    assert (row["file"], row["url"], row["status"]) == (file_name(url), url, "present")
    assert (dest / file_name(url)).read_bytes() == b"<html>saved by hand</html>"


def test_fetched_folder_reads_back_as_articles(server, tmp_path):
    dest = tmp_path / "corpus"
    fetch_all([server + p for p in GOOD[:3]], dest, FAST, err=io.StringIO())
    titles = {extract_html(p.read_bytes(), p.name).title for p in dest.glob("*.html")}
    assert titles == {"Khai mạc Hội nghị Ngoại giao lần thứ 32: Xây dựng nền ngoại giao toàn diện, "
                      "hiện đại",
                      "Hội nghị Đối ngoại toàn quốc: Quán triệt đường lối đối ngoại của Đại hội "
                      "XIII"}


@pytest.mark.slow   # a subprocess
def test_command_line_module_runs_and_exits_non_zero_on_failure(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}{GOOD[0]}\n{server}/missing.html\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(helpers.__file__).parents[1]), HELPERS_PROGRESS="0")
    done = subprocess.run([sys.executable, "-m", "helpers.fetch", str(urls), str(tmp_path / "out"),
                           "--delay", "0", "--retries", "0"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert f"FAILED {server}/missing.html: HTTP 404" in done.stderr
    assert "1 fetched, 0 already present, 1 failed" in done.stdout


def test_command_line_exits_zero_when_every_url_is_saved(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}{GOOD[0]}\n", encoding="utf-8")
    assert main([str(urls), str(tmp_path / "out"), "--delay", "0"]) == 0
    assert main([str(urls), str(tmp_path / "out"), "--delay", "0"]) == 0
    assert "0 fetched, 1 already present, 0 failed" in capsys.readouterr().out


def test_unreadable_url_list_exits_with_2(tmp_path, capsys):
    assert main([str(tmp_path / "nope.txt"), str(tmp_path / "out")]) == 2
    assert "nope.txt: cannot read the URL list" in capsys.readouterr().err


def test_url_list_skips_comments_and_blanks_and_flags_bad_lines(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# DC32\n\n  https://a.example/x  \nnot a url\nhttps://b.example/y#top\n",
                    encoding="utf-8")
    assert read_urls(path) == (["https://a.example/x", "https://b.example/y#top"],
                               [("not a url", "urls.txt line 4: not an http(s) URL")])


def test_file_names_are_stable_distinct_and_plain_ascii():
    url = "https://baomau.example.vn/ngoại-giao/hội-nghị-32.html"
    assert file_name(url) == file_name(url) == file_name(url + "#binh-luan")
    assert file_name(url) != file_name(url + "?page=2")
    assert file_name(url).startswith("baomau-example-vn-ngoai-giao-hoi-nghi-32_")
    assert file_name(url).isascii() and file_name(url).endswith(".html")


def test_throttle_spaces_requests_per_host_only():
    now, slept = [100.0], []
    def sleep(s):
        slept.append(s)
        now[0] += s

    throttle = Throttle(2.0, clock=lambda: now[0], sleep=sleep)
    throttle.wait("https://a.example/1")
    throttle.wait("https://b.example/1")
    now[0] += 0.5
    throttle.wait("https://a.example/2")
    assert slept == [1.5]
