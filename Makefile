# Two commands for a new machine with only Python 3.10+:
#   make run    create .venv, install the game, start it
#   make test   create .venv, install with the test extra, run the whole suite headless
#   make report the teacher's class report (ARGS='DATA-FOLDER --class 5B --out report.html'); any other
#               teacher command: .venv/bin/aman COMMAND ... (see docs/teachers.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# Re-install only when the dependency list changes.
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test bench validate report clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): setup.cfg pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): setup.cfg pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(PY) main.py

# Headless: no window, no sound device needed. -n 2 uses both cores of a lab PC.
test: $(STAMP_TEST)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest -n 2 $(PYTEST_ARGS)

bench: $(STAMP_RUN)
	$(PY) main.py bench

validate: $(STAMP_RUN)
	$(PY) main.py validate scenes/

# The teacher's command line with the game's own packages (.venv), e.g.
#   make report ARGS='"/mnt/aman-data" --class 5B --out report-5B.html'
# (make report alone prints what to give it.)
report: $(STAMP_RUN)
	$(PY) main.py report $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
