# Two commands do all the set-up: `make play` and `make test`. Both create .venv when it is
# missing and reinstall only when pyproject.toml changed, so a second run starts at once.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: play test bench validate messages clean

play: $(VENV)/.installed
	$(VENV)/bin/crisis play $(ARGS)

# Every test, spread over up to four of the machine's cores (PYTEST_ARGS="-n0" runs them in one process).
test: $(VENV)/.installed-test
	$(PY) -m pytest -n auto --maxprocesses=4 $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(PY) bench/run.py

validate: $(VENV)/.installed
	$(VENV)/bin/crisis validate

# The message catalogs (docs/translating.md): extract each domain's messages into its template (.pot),
# merge them into every language's .po, and compile the .mo files the game reads (they are committed).
LOCALE  := game/locale
PYBABEL := $(VENV)/bin/pybabel
DOMAINS := crisis crisis-tui
messages: $(VENV)/.installed
	for d in $(DOMAINS); do \
	  (cd game && ../$(PYBABEL) --quiet extract -F locale/$$d.cfg -k N_ -k ngettext:1,2 -k pgettext:1c,2 \
	     --project=crisis --copyright-holder= --width=100 --sort-by-file \
	     -o locale/$$d.pot .) || exit 1; \
	  $(PYBABEL) --quiet update -D $$d -i $(LOCALE)/$$d.pot -d $(LOCALE) --ignore-obsolete --width=100 || exit 1; \
	  $(PYBABEL) compile -D $$d -d $(LOCALE) --statistics || exit 1; \
	done

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
