# Security Framings: `make lab` to use the notebooks, `make test` to check everything.
# Each target creates .venv with the machine's Python 3.11 if it is missing.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: lab check lint test bench present clean help

help:
	@echo "make lab    - install (first time) and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make check  - the fast loop: ruff (lint and format) and the unit tests (no kernels, browsers or hub)"
	@echo "make test   - install the dev tools and run every tier: unit, notebook, browser, classroom, slow, and ruff"
	@echo "make bench  - print the benchmark figures for this machine"
	@echo "make present NB=02 - show notebook 02 in Voila (prose and controls, no code) for projecting"

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian, install python3.11-venv (apt-get install python3.11-venv)"; exit 1; }
	$(PIP) install --quiet --upgrade pip

# Stamps: reinstall only when a requirements file or pyproject.toml changes.
$(VENV)/.run-installed: $(PY) requirements.txt pyproject.toml
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

# Jupyter refuses to run as root without --allow-root (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(VENV)/.run-installed
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

# configurable-http-proxy (the npm package JupyterHub needs) for tests/classroom, pinned by its
# package-lock.json, installed into .venv/node so nothing global changes. Without Node.js the
# classroom test is skipped and says so.
NODE_DIR := $(VENV)/node
$(NODE_DIR)/.installed: $(VENV)/.run-installed tests/classroom/package.json tests/classroom/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p $(NODE_DIR) && cp tests/classroom/package.json tests/classroom/package-lock.json $(NODE_DIR)/ && \
		npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error && touch $@ \
		|| echo "npm could not install configurable-http-proxy: the classroom test will fail and say why"; \
	else echo "Node.js (npm) not found: the JupyterHub classroom test will be skipped"; fi

# axe-core for the accessibility checks in tests/browser/test_axe.py, pinned the same way, in
# .venv/node/browser. Without it those tests skip and say why.
$(NODE_DIR)/browser/.installed: $(VENV)/.run-installed tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p $(NODE_DIR)/browser && cp tests/browser/package.json tests/browser/package-lock.json $(NODE_DIR)/browser/ && \
		npm ci --prefix $(NODE_DIR)/browser --no-audit --no-fund --loglevel=error && touch $@ \
		|| echo "npm could not install axe-core: the accessibility tests will skip and say why"; \
	else echo "Node.js (npm) not found: the axe-core accessibility tests will be skipped"; fi

# Tiers are pytest marks (pyproject.toml): notebook, browser, classroom, slow. The unit tier is
# everything else.
UNIT := not notebook and not browser and not classroom and not slow

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: lint
	$(PY) -m pytest -q -m "$(UNIT)"

# Every tier, then ruff (so a formatting slip does not hide a failing test).
test: $(VENV)/.dev-installed $(NODE_DIR)/.installed $(NODE_DIR)/browser/.installed
	$(PY) -m pytest
	$(MAKE) lint

# Presentation mode: one notebook in Voila on http://127.0.0.1:8866, e.g. `make present NB=02`.
NB ?= 00
present: $(VENV)/.run-installed
	$(PY) -m helpers.tools.present $(NB)

$(VENV)/.bench-installed: $(VENV)/.dev-installed benchmarks/requirements.txt
	$(PIP) install --quiet -r benchmarks/requirements.txt
	@touch $@

bench: $(VENV)/.bench-installed
	@for script in benchmarks/*.py; do \
		echo "== $$script"; $(PY) $$script || exit 1; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts build dist *.egg-info
	find . -name __pycache__ -type d -prune -not -path "./.git/*" -exec rm -rf {} +
