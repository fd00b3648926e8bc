"""From links to notebooks, as a user would go: `make fetch` against a local server on
127.0.0.1, `make check-corpus` on the fetched folder, then every notebook on that folder with the
realistic test corpus beside the fetched pages (a folder mixing saved text and HTML pages)."""
import shutil
import subprocess
import sys

import pytest
from test_fetch import server  # noqa: F401  (the local server fixture)

from helpers.paths import PROJECT_ROOT

REALISTIC = PROJECT_ROOT / "tests" / "data" / "realistic"
ARTICLES = ["/dc32-khai-mac.html", "/dc32-khai-mac.amp.html", "/nfac-2021-declared-1252.html"]


def _run(*args, env=None, timeout=600):
    return subprocess.run(list(args), cwd=PROJECT_ROOT, capture_output=True, text=True,
                          env=env, timeout=timeout)


@pytest.mark.slow
def test_fetched_folder_goes_through_check_and_every_notebook(server, tmp_path, monkeypatch):  # noqa: F811
    import os

    import nbformat

    dest = tmp_path / "web-corpus"
    urls = tmp_path / "links.txt"
    urls.write_text("# articles\n" + "\n".join(server + p for p in ARTICLES) + "\n",
                    encoding="utf-8")
    fetched = _run("make", "--no-print-directory", "fetch", f"URLS={urls}", f"DEST={dest}")
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    assert len(list(dest.glob("*.html"))) == 3 and (dest / "catalog.csv").is_file()

    shutil.copytree(REALISTIC, dest / "realistic",
                    ignore=shutil.ignore_patterns("*.csv", "*.md"))
    checked = _run("make", "--no-print-directory", "check-corpus", f"CORPUS_DIR={dest}")
    assert checked.returncode == 0, checked.stderr
    assert "58 article(s)" in checked.stdout and "nan" not in checked.stdout
    assert "NOT VIETNAMESE" in checked.stdout and "DUPLICATE of" in checked.stdout

    env = {**os.environ, "CORPUS_DIR": str(dest), "HELPERS_BUILD_DIR": str(tmp_path / "build")}
    env.pop("HELPERS_FIGURES_DIR", None)
    report = _run(sys.executable, "-m", "helpers.report", env=env, timeout=2400)
    assert report.returncode == 0, report.stdout + report.stderr
    notebooks = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    for source in notebooks:
        executed = nbformat.read(tmp_path / "build" / "web-corpus" / "notebooks" / source.name,
                                 as_version=4)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert not errors, f"{source.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
