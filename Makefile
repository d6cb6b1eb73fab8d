# Two commands set up everything on a fresh Debian/Ubuntu machine:
#   make audit   audits every article under corpora/ into reports/
#   make test    runs the test suite (CI calls this through .ci/run)
# `make audit` installs only what the default audit uses: the package and its core
# dependencies (no torch, no transformers) and DEBIAN_PACKAGES. `make test` adds the
# `transformers` and `test` extras (torch pinned first) and TEST_DEBIAN_PACKAGES.
# Installs are recorded in stamps (.venv/.installed-*, .stamps/system-*) so a second
# run reinstalls nothing; deleting .venv reinstalls the Python side.
#
# Variables: make audit ARTICLES=path OUT=dir JOBS=n [SHARED_DIR=dir: compare with its
# latest run]; make publish SHARED_DIR=dir [OUT=dir] [KEEP=n].

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
# torch is pinned: on this project's machines 2.13.0 is a local CPU build;
# any other version would download a multi-gigabyte CUDA build.
TORCH  := torch==2.13.0
# Debian packages the audit itself uses (Apertium back-translation and pivots; Hunspell
# dictionaries through libenchant: the spelling check TA140 and TA531, which asks whether
# a capitalized word is a common word, and TA211, where a word a target dictionary accepts
# is never an untranslated word: the close languages ca, it, gl, ro need theirs;
# WordNet for the antonym check TA511; the Apertium pairs that back-translate the corpora's
# pt, it, ca and ro articles (through Spanish) and give TA511/TA522 their dictionaries)…
DEBIAN_PACKAGES := apertium apertium-eng-spa apertium-fr-es libenchant-2-2 hunspell-en-us hunspell-en-gb wordnet-base \
	hunspell-es hunspell-pt-pt hunspell-pt-br hunspell-fr hunspell-de-de hunspell-ca hunspell-it \
	hunspell-gl hunspell-ro \
	apertium-es-pt apertium-spa-ita apertium-spa-cat apertium-eng-cat apertium-es-ro apertium-es-gl
# … and those only the tests need (the browser tests drive Debian's chromium; CLDR's XML
# lets a test regenerate data/quotes from CLDR and find no difference).
TEST_DEBIAN_PACKAGES := chromium chromium-driver unicode-cldr-core
ARTICLES ?= corpora/
OUT    ?= reports/
JOBS   ?=
SHARED_DIR ?=
# Published runs kept in SHARED_DIR: about a month of daily runs.
KEEP   ?= 20

CLUSTER_PORT ?= 8786

.PHONY: audit test test-fast lint bench publish clean setup setup-test cluster

setup: $(VENV)/.installed-core $(STAMPS)/system-audit
setup-test: $(VENV)/.installed-test $(STAMPS)/system-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamps live inside the venv: deleting .venv forces a full reinstall.
$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# torch first, pinned, so that pip never resolves `torch>=…` to a CUDA build.
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-core
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[transformers,test]"
	@touch $@

# Debian packages, where apt-get exists and we are root; skipped otherwise
# (the Apertium and browser tests then skip with a reason).
define install_debian
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then \
	  echo "Debian packages present: $(1)"; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian packages:" $$missing; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else \
	  echo "warning: cannot install" $$missing "(no apt-get or not root); Apertium and browser tests will be skipped"; \
	fi
	@mkdir -p $(STAMPS) && touch $@
endef

$(STAMPS)/system-audit: Makefile
	$(call install_debian,$(DEBIAN_PACKAGES))

$(STAMPS)/system-test: Makefile $(STAMPS)/system-audit
	$(call install_debian,$(TEST_DEBIAN_PACKAGES))

# With SHARED_DIR set and a run already published there, the audit says what changed since.
audit: setup
	@set -- ; if [ -n "$(SHARED_DIR)" ] && [ -e "$(SHARED_DIR)/latest" ]; then set -- --compare "$(SHARED_DIR)"; fi; \
	  echo $(BIN)/transaudit check $(ARTICLES) --out "$(OUT)" $(if $(JOBS),--jobs $(JOBS)) "$$@"; \
	  $(BIN)/transaudit check $(ARTICLES) --out "$(OUT)" $(if $(JOBS),--jobs $(JOBS)) "$$@"; \
	  status=$$?; [ $$status -le 1 ] || exit $$status; \
	  echo "reports written to $(OUT) (open $(patsubst %/,%,$(OUT))/index.html)"

test: setup-test
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests benchmarks

# Everything but the tests marked slow (browser, real engines, clusters): under a minute,
# for the edit-test loop. CI runs `make test`.
test-fast: setup-test
	$(BIN)/python -m pytest -q -m "not slow"

lint: setup-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

publish: setup
	@test -n "$(SHARED_DIR)" || { echo "usage: make publish SHARED_DIR=/path/to/shared/folder [KEEP=$(KEEP)]"; exit 2; }
	$(BIN)/transaudit publish "$(OUT)" --to "$(SHARED_DIR)" --keep $(KEEP)

# A Dask scheduler and two one-thread workers on this machine, for trying
# `transaudit check --scheduler`; Ctrl-C stops all three.
cluster: setup-test
	@trap 'kill $$pids 2>/dev/null; wait' INT TERM EXIT; \
	$(BIN)/dask scheduler --host 127.0.0.1 --port $(CLUSTER_PORT) --no-dashboard & pids=$$!; \
	$(BIN)/dask worker tcp://127.0.0.1:$(CLUSTER_PORT) --nworkers 2 --nthreads 1 --no-dashboard \
	  --local-directory $${TMPDIR:-/tmp}/transaudit-dask & pids="$$pids $$!"; \
	echo "cluster on tcp://127.0.0.1:$(CLUSTER_PORT); in another shell:"; \
	echo "  $(BIN)/transaudit check corpora/ --out reports/ --scheduler tcp://127.0.0.1:$(CLUSTER_PORT)"; \
	wait

bench: setup-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(STAMPS) build src/*.egg-info
