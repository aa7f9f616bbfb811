# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test lint lock dagster docs clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/pip install --quiet --disable-pip-version-check uv==0.13.8
	# compiled once here: imports then skip compiling (dagster, dbt and GX start in about
	# half the time, also where PYTHONDONTWRITEBYTECODE is set)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

run: install
	$(BIN)/finsam run

test: install
	$(BIN)/ruff check pipelines tests benchmarks
	# one worker per core, each test file kept on one worker (its module's warehouse built once)
	$(BIN)/pytest -n auto --dist loadfile

lint: install
	$(BIN)/ruff check pipelines tests benchmarks
	$(BIN)/ruff format --check pipelines tests benchmarks

# Re-pin after changing pyproject.toml dependencies.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

# The Dagster UI on http://127.0.0.1:3000 (builds the dbt manifest on start).
dagster: install
	$(BIN)/dagster dev -m pipelines.definitions

# dbt docs (lineage and every column) in dbt_project/target/index.html; open it, or serve it
# with `$(BIN)/dbt docs serve --project-dir dbt_project --profiles-dir dbt_project`.
docs: install
	@mkdir -p data/work/docs
	FINSAM_DUCKDB=$${FINSAM_DUCKDB:-$(CURDIR)/data/work/docs/warehouse.duckdb} $(BIN)/dbt docs generate \
		--project-dir dbt_project --profiles-dir dbt_project --no-compile --empty-catalog
	@echo "dbt docs: $(CURDIR)/dbt_project/target/index.html"

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs
