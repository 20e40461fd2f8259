# Two entry points: `make demo` and `make test`. Both create .venv on first use.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.sqlite

.PHONY: demo test install clean bench eval

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/presslens ingest examples --db $(DEMO_DB) --actors examples/actors.yaml
	$(BIN)/presslens show --db $(DEMO_DB) --first

test: $(STAMP)
	@test -x /usr/bin/chromium || echo "*** no /usr/bin/chromium: the browser tests (tests/test_browser.py) will be SKIPPED (apt-get install chromium) ***"
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py examples

eval: $(STAMP)
	$(BIN)/presslens eval seed

clean:
	rm -rf $(VENV) $(DEMO_DB) build src/*.egg-info
