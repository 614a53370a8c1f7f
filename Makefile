# Two commands do all the set-up: `make play` and `make test`. Both create .venv when it is
# missing and reinstall only when pyproject.toml changed, so a second run starts at once.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: play test bench validate clean

play: $(VENV)/.installed
	$(VENV)/bin/crisis play $(ARGS)

test: $(VENV)/.installed-test
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(PY) bench/run.py

validate: $(VENV)/.installed
	$(VENV)/bin/crisis validate

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
