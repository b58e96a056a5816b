# pursuit — set-up, demo, tests, evaluations and benchmarks.
# `make demo` and `make test` each create .venv and install everything pursuit needs first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_HOME ?= demo-data

.PHONY: install demo demo-build test lint typecheck pytest eval bench stress clean constraints

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/pip install --quiet -c constraints.txt -e . --group dev
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/pursuit demo --home $(DEMO_HOME)

demo-build: $(STAMP)
	$(BIN)/pursuit demo --no-serve --home $(DEMO_HOME)

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/ruff check src tests bench tools

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/pursuit

pytest: $(STAMP)
	$(BIN)/pytest -q -n auto --maxprocesses 4 --dist loadgroup

test: lint typecheck pytest
	rm -rf .ci-demo .ci-demo.vault-key && $(BIN)/pursuit demo --no-serve --home .ci-demo && $(BIN)/pursuit verify --home .ci-demo && rm -rf .ci-demo .ci-demo.vault-key

eval: $(STAMP)
	$(BIN)/python bench/eval_nlp.py
	$(BIN)/python bench/eval_german.py
	$(BIN)/python bench/eval_names.py
	$(BIN)/python bench/eval_incidents.py
	$(BIN)/python bench/eval_search.py
	$(BIN)/python bench/eval_boilerplate.py

bench: $(STAMP)
	$(BIN)/python bench/bench_intake.py
	$(BIN)/python bench/bench_ocr.py
	$(BIN)/python bench/bench_nlp.py
	$(BIN)/python bench/bench_screen.py
	$(BIN)/python bench/bench_package.py

stress: $(STAMP)
	$(BIN)/python bench/stress.py

constraints: $(STAMP)
	( echo "# Versions tested together on Python 3.11; regenerate with 'make constraints' after changing pyproject.toml."; \
	  $(BIN)/pip freeze --exclude-editable | grep -v -i '^pursuit' | grep -v ' @ ' ) > constraints.txt

clean:
	rm -rf $(VENV) $(DEMO_HOME) $(DEMO_HOME).vault-key .ci-demo .ci-demo.vault-key .pytest_cache .mypy_cache .ruff_cache
