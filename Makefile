# Two commands set up everything on a fresh Debian/Ubuntu machine:
#   make audit   audits every article under corpora/ into reports/
#   make test    runs the test suite (CI calls this through .ci/run)
# Installs are recorded in stamps (.venv/.installed, .stamps/system) so a second
# run reinstalls nothing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
# torch is pinned: on this project's machines 2.13.0 is a local CPU build;
# any other version would download a multi-gigabyte CUDA build.
TORCH  := torch==2.13.0
DEBIAN_PACKAGES := apertium apertium-eng-spa apertium-fr-es chromium chromium-driver
JOBS   ?=
SHARED_DIR ?=

CLUSTER_PORT ?= 8786

.PHONY: audit test lint bench publish clean setup system-packages cluster

setup: $(VENV)/.installed $(STAMPS)/system

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp lives inside the venv: deleting .venv forces a full reinstall.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[transformers,test]"
	@touch $@

# Debian packages, where apt-get exists and we are root; skipped otherwise
# (the Apertium and browser tests then skip with a reason).
$(STAMPS)/system: Makefile
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then \
	  echo "Debian packages present: $(DEBIAN_PACKAGES)"; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian packages:" $$missing; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else \
	  echo "warning: cannot install" $$missing "(no apt-get or not root); Apertium and browser tests will be skipped"; \
	fi
	@mkdir -p $(STAMPS) && touch $@

audit: setup
	$(BIN)/transaudit check corpora/ --out reports/ $(if $(JOBS),--jobs $(JOBS)) ; \
	  status=$$?; [ $$status -le 1 ] || exit $$status; \
	  echo "reports written to reports/ (open reports/index.html)"

test: setup
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests benchmarks

lint: setup
	$(BIN)/ruff check src tests benchmarks

publish: setup
	@test -n "$(SHARED_DIR)" || { echo "usage: make publish SHARED_DIR=/path/to/shared/folder"; exit 2; }
	$(BIN)/transaudit publish reports/ --to "$(SHARED_DIR)"

# A Dask scheduler and two one-thread workers on this machine, for trying
# `transaudit check --scheduler`; Ctrl-C stops all three.
cluster: setup
	@trap 'kill $$pids 2>/dev/null; wait' INT TERM EXIT; \
	$(BIN)/dask scheduler --host 127.0.0.1 --port $(CLUSTER_PORT) --no-dashboard & pids=$$!; \
	$(BIN)/dask worker tcp://127.0.0.1:$(CLUSTER_PORT) --nworkers 2 --nthreads 1 --no-dashboard \
	  --local-directory $${TMPDIR:-/tmp}/transaudit-dask & pids="$$pids $$!"; \
	echo "cluster on tcp://127.0.0.1:$(CLUSTER_PORT); in another shell:"; \
	echo "  $(BIN)/transaudit check corpora/ --out reports/ --scheduler tcp://127.0.0.1:$(CLUSTER_PORT)"; \
	wait

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(STAMPS) build src/*.egg-info
