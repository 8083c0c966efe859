# Set-up and everyday commands. Each target creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench serve

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

# The dashboard on N processes (default 2) behind Debian's nginx, at http://localhost:8501;
# each reader stays on one process (a cookie picks it). PORT=... and DATA=dir as for run.
N ?= 2
PORT ?= 8501
serve: $(STAMP)
	$(BIN)/python -m frontline.serve --processes $(N) --port $(PORT) $(if $(DATA),--data $(DATA))

# Unit, page (AppTest) and browser tests; browser tests need Debian's chromium
# (apt-get install chromium) and are skipped, with the reason, without it.
test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .


bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
