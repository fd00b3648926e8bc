# Two commands matter: `make report` and `make test`. Every target bootstraps .venv from
# requirements-dev.lock (hashes checked) on a machine that has only Python >= 3.11 and make, and
# re-installs only when pyproject.toml or the lock file change.

PYTHON ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
COMPILED := $(VENV)/.compiled

# Notebooks and nbval run in the same environment; keep BLAS/tokenizer threads predictable.
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help report lint test unit notebooks lab check-corpus fetch bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements-dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile --require-hashes --no-deps \
	    -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

# Bytecode is compiled here, on every processor (pip's own compiling runs on one and took half
# the bootstrap), leaving out the libraries' test suites; again after an install or a change of
# this file (files already compiled are skipped). Where PYTHONDONTWRITEBYTECODE is set (many
# containers and CI images) Python would otherwise compile pandas, matplotlib and the rest again
# in every process: every notebook kernel, worker and test.
$(COMPILED): $(STAMP) Makefile
	$(BIN)/python -m compileall -q -j 0 -x 'site-packages/.*/tests?/' \
	    "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" src
	@touch $@

# Notebooks run two at a time, each in its own kernel (JOBS=1: one at a time).
report: $(COMPILED) ## Execute every notebook (in place, two at a time) and write figures/
	$(BIN)/python -m helpers.report $(if $(JOBS),--jobs $(JOBS))

.PHONY: html
html: $(COMPILED) ## Render the executed notebooks to build/site/ (open build/site/index.html from disk)
	$(BIN)/python -m helpers.site

lint: $(COMPILED) ## ruff and mypy (settings in pyproject.toml)
	$(BIN)/ruff check src tests benchmarks conftest.py
	$(BIN)/mypy

# Tests write only to temporary folders: conftest.py points the cache, figures and build
# folders of every test, doctest and notebook kernel at pytest's temporary directory.
NBVAL := --nbval-lax --nbval-current-env --nbval-cell-timeout=900 \
         --nbval-sanitize-with=tests/nbval_sanitize.cfg

test: lint ## Lint, then every test: unit, doctests, slow ones (dask, whole report) and nbval
	$(BIN)/python -m pytest $(NBVAL)

unit: $(COMPILED) ## Unit tests and doctests, without the slow ones (about 30 s)
	$(BIN)/python -m pytest -p no:nbval -m "not slow" tests src/helpers

notebooks: $(COMPILED) ## nbval over the notebooks only
	$(BIN)/python -m pytest $(NBVAL) notebooks

lab: $(COMPILED) ## Open JupyterLab on notebooks/
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

check-corpus: $(COMPILED) ## Show what the loader makes of a folder: make check-corpus CORPUS_DIR=path
	$(BIN)/python -m helpers.check $(CORPUS_DIR)

fetch: $(COMPILED) ## Download pages into a corpus folder: make fetch URLS=links.txt DEST=my-corpus
	@test -n "$(URLS)" -a -n "$(DEST)" || { echo "usage: make fetch URLS=links.txt DEST=folder"; exit 2; }
	$(BIN)/python -m helpers.fetch $(URLS) $(DEST)

# The baseline is the package as it was before issue 13 (023df8d), run on the same pages; the
# report's baseline is the main line before it (4cdeb43; 023df8d's notebooks do not run on its
# own package).
BASELINE_COMMIT ?= 023df8d
REPORT_BASELINE_COMMIT ?= 4cdeb43
bench: $(COMPILED) ## Benchmark loading at scale (15-42 minutes): make bench SIZES="1000 3000"
	$(BIN)/python benchmarks/bench.py $(if $(SIZES),--sizes $(SIZES)) \
	    --baseline-commit $(BASELINE_COMMIT) --report-baseline-commit $(REPORT_BASELINE_COMMIT)

# uv resolves for the Python CI runs (some pins need >= 3.11.5) and records it in each file's
# header; it keeps the versions already in the lock files unless pyproject.toml forces a change
# (`make lock UPGRADE=1` moves everything to the newest versions allowed). The runtime lock is
# the development lock cut down to what `pip install .` needs, at the same versions.
LOCK_PYTHON ?= 3.11.7
UV_VERSION  := 0.13.9
LOCK_VENV   := build/lock-venv
UV_COMPILE   = $(LOCK_VENV)/bin/uv pip compile pyproject.toml --quiet --generate-hashes \
               --python-version $(LOCK_PYTHON) --no-emit-package helpers $(if $(UPGRADE),--upgrade)

lock: ## Re-resolve pyproject.toml into requirements.lock (runtime) and requirements-dev.lock
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) --extra dev -o requirements-dev.lock
	sed -n 's/^\([A-Za-z0-9][^ ]*==[^ ]*\).*/\1/p' requirements-dev.lock > $(LOCK_VENV)/pins.txt
	$(UV_COMPILE) --constraint $(LOCK_VENV)/pins.txt -o requirements.lock
	rm -rf $(LOCK_VENV)

clean: ## Remove the virtualenv, caches and build outputs (never seeds/ or figures/)
	rm -rf $(VENV) build .cache .pytest_cache .mypy_cache .ruff_cache
