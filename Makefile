# sanxiang-desktop: set-up and everyday commands. `make run` and `make test` are the two
# commands a fresh machine needs (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?=
# Random test order shows order-dependence here, not in CI; the fixed seed keeps `make test` repeatable
# (another seed: make test PYTEST_ARGS="-p randomly --randomly-seed=4242").
PYTEST_ARGS ?= -p randomly --randomly-seed=12345
DEB_XZ_LEVEL ?= 6

.PHONY: run test system-deps install install-test install-bundle bundle deb bench-startup translations icons screenshots bench bench-full kill-test clean

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

install-bundle: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bundle]'

# The one-folder program (PyInstaller) in dist/sanxiang-desktop/, then the UOS/Kylin package
# dist/org.sanxiang.desktop_<version>_<arch>.deb (installer/build_deb.py; CONTRIBUTING.md says more).
bundle: system-deps install-bundle
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		installer/sanxiang-desktop.spec

deb: bundle
	DEB_XZ_LEVEL=$(DEB_XZ_LEVEL) $(BIN)/python installer/build_deb.py

# Time to a shown main window, bundle next to the unbundled program (same run, under Xvfb).
bench-startup: bundle
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python scripts/bench_startup.py

# Re-renders resources/icons/ (PNG sizes, .ico) from the SVG; the outputs are committed.
icons: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/build_icons.py

translations: install
	$(BIN)/python scripts/build_translations.py

screenshots: system-deps install
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python scripts/screenshots.py

# Benchmarks print figures side by side with a baseline measured in the same run (README: Performance).
# bench-full adds every scale up to all of China (the national database takes a while to generate once).
bench: install-test
	$(BIN)/python tests/bench/run.py --quick --json bench-quick.json
	$(BIN)/python scripts/bench_container.py 20

bench-full: install-test
	$(BIN)/python tests/bench/run.py --cache .bench-cache --json bench-full.json

# The SIGKILL sweeps (imports; exports and receipts at every step), with more points than the test suite runs.
kill-test: install-test
	$(BIN)/python scripts/kill_test.py --points 150
	$(BIN)/python scripts/kill_exports.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .bench-cache
