# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench quality browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/claimgraph demo

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install Debian's chromium; browser tests will be skipped"; \
	  else echo "warning: no apt-get; install chromium to run the browser tests"; fi; }

test: $(VENV)/.installed-test browser
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

quality: $(VENV)/.installed
	$(BIN)/python bench/quality.py

bench: $(VENV)/.installed
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info claimgraph.db claimgraph-demo.db
