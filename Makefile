# Set-up and everyday commands. Each target creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The dashboard on the bundled data, at http://localhost:8501
# The address to listen on: 127.0.0.1 (this machine only) unless given, e.g. ADDRESS=0.0.0.0.
ADDRESS ?= 127.0.0.1
run: $(STAMP)
	$(BIN)/streamlit run dashboard.py --server.address $(ADDRESS)

# Unit, page (AppTest) and browser tests; browser tests need Debian's chromium
# (apt-get install chromium) and are skipped, with the reason, without it.
test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .


bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
