# sanxiang-desktop: set-up and everyday commands. `make run` and `make test` are the two
# commands a fresh machine needs (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?=
# Random test order shows order-dependence here, not in CI; the fixed seed keeps `make test` repeatable
# (another seed: make test PYTEST_ARGS="-p randomly --randomly-seed=4242").
PYTEST_ARGS ?= -p randomly --randomly-seed=12345

.PHONY: run test system-deps install install-test translations screenshots bench kill-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

system-deps:
	@bash scripts/install-system-deps.sh

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

# Installs and starts the program. Demo data when asked: make run ARGS="--demo county"
run: system-deps install
	$(BIN)/sanxiang-desktop $(ARGS)

# Installs and runs the whole test suite, headless.
test: system-deps install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

translations: install
	$(BIN)/python scripts/build_translations.py

screenshots: system-deps install
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python scripts/screenshots.py

# Benchmarks print figures side by side with a baseline measured in the same run.
bench: install-test
	$(BIN)/python scripts/bench_lists.py
	$(BIN)/python scripts/bench_sync.py
	$(BIN)/python scripts/bench_container.py

# The SIGKILL sweeps (imports; exports and receipts at every step), with more points than the test suite runs.
kill-test: install-test
	$(BIN)/python scripts/kill_test.py --points 150
	$(BIN)/python scripts/kill_exports.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
