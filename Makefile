# The two commands a fresh machine needs: `make generate` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Rebuilt whenever pyproject.toml (the pins) changes.
STAMP := $(VENV)/.bootstrapped
# The pip that reads pyproject.toml's dependency groups (pip install --group, pip 25.1 and later).
PIP := pip==26.3
PIPELINE := $(BIN)/python -m pipeline
# Node tools (Prism), pinned in package-lock.json; without npm their tests skip and say so.
NPM := $(shell command -v npm 2>/dev/null)
NODE_STAMP := node_modules/.installed
NODE_ENV := SCARF_ANALYTICS=false
PORT ?= 4010
SPEC_URL ?= https://api.baseten.co/v1/spec

.DEFAULT_GOAL := help
.PHONY: help generate check merge-templates dist update-spec spec-diff docs contract-live test test-lowest rehearse bench lint mock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: $(PYTHON) is older than 3.11; set PYTHON=python3.11 (or newer)" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "bootstrapping $(VENV) from pyproject.toml pins"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIP)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@if [ -n "$(NPM)" ]; then \
		echo "installing node tools from package-lock.json"; \
		$(NODE_ENV) npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the Prism tests will skip; make mock needs Node.js and npm"; fi

generate: $(STAMP) ## validate openapi.yaml, regenerate generated/ (unchanged on any failure)
	@$(PIPELINE) generate

check: $(STAMP) ## fail if generated/ is not what the inputs produce, or an override's stock template changed
	@$(PIPELINE) check

merge-templates: $(STAMP) ## after changing the generator's pin: three-way merge each override with its stock template's change
	@$(PIPELINE) merge-templates

update-spec: $(STAMP) ## read SPEC_URL (a URL, file:// or a path) into openapi.yaml (untouched on failure), report the changes
	@$(PIPELINE) update-spec --url "$(SPEC_URL)"

spec-diff: $(STAMP) ## changes since the committed openapi.yaml (or to NEW=path), as the client shows them; non-zero if breaking
	@$(PIPELINE) spec-diff $(if $(NEW),--new "$(NEW)")

dist: $(STAMP) ## build the wheel and sdist into dist/ and check them (metadata, files, a fresh install under mypy --strict)
	@$(PIPELINE) dist

docs: $(STAMP) ## HTML reference of generated/ in build/docs/index.html (pdoc): the client tree, each call in the form it is called, the models
	@$(PIPELINE) docs

contract-live: $(STAMP) ## does BASE_URL (default: the spec's server) answer as the spec says? GETs only unless ALLOW_WRITES=1
	@$(BIN)/python -m contract.live $(if $(BASE_URL),--base-url "$(BASE_URL)") $(if $(filter 1,$(ALLOW_WRITES)),--allow-writes) $(if $(filter 1,$(EXAMPLE_IDS)),--example-ids) $(if $(OPERATION),--operation "$(OPERATION)") $(if $(MAX_REQUESTS),--max-requests $(MAX_REQUESTS)) $(if $(RATE),--rate $(RATE)) $(if $(JSON),--json "$(JSON)")

test: $(STAMP) $(NODE_STAMP) ## the test suite, drift check included
	@$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist worksteal

test-lowest: ## the test suite on the lowest attrs and httpx that pyproject.toml allows
	@test -x .venv-lowest/bin/python || $(PYTHON) -m venv .venv-lowest
	@.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check $(PIP)
	@.venv-lowest/bin/python -m pip install --quiet --disable-pip-version-check -e . --group dev $$($(PYTHON) .ci/lowest_pins.py)
	@.venv-lowest/bin/python -m pytest -q -p no:cacheprovider

rehearse: $(STAMP) ## generate and test SPEC=path (default: ../shared/specs and tests/specs) in a scratch copy; REPEAT=3 LOAD=2 to test three times with both cores busy
	@$(BIN)/python .ci/rehearse.py $(SPEC) $(if $(REPEAT),--repeat $(REPEAT)) $(if $(LOAD),--load $(LOAD))

$(VENV)/.bench: $(STAMP)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e . --group dev --group bench
	@touch $@

bench: $(VENV)/.bench ## speed ratios beside the floor and a peer, in one run (SPEC=path for another spec)
	@$(BIN)/python -m benchmarks.run $(if $(SPEC),--spec "$(SPEC)")

HANDWRITTEN := pipeline runtime contract tests examples benchmarks .ci
# mypy --strict beside the runtime's own run. Not yet: examples/deploy.py, which calls Baseten's
# models group (the seed has none; tests/test_testing.py runs it where openapi.yaml has those operations).
TYPED_TOOLS := pipeline contract benchmarks .ci/rehearse.py .ci/lowest_pins.py examples/create_api_key.py
# tests/ in a run of its own, reporting on tests/ only (what it imports is checked above; tests/golden/ is
# generated): hypothesis's `import re._parser` there would make runtime/_patterns.py's ignores unused.
lint: $(STAMP) ## ruff on the handwritten code; mypy --strict on the runtime, the pipeline, the contract checks, the benchmarks, the tests
	@$(BIN)/ruff check $(HANDWRITTEN) && $(BIN)/ruff format --check $(HANDWRITTEN)
	@$(BIN)/mypy --strict --explicit-package-bases --cache-dir build/mypy-runtime runtime
	@$(BIN)/mypy --strict --cache-dir build/mypy-tools $(TYPED_TOOLS)
	@$(BIN)/mypy --strict --follow-imports=silent --exclude '^tests/golden/' --cache-dir build/mypy-tests tests

mock: $(STAMP) $(NODE_STAMP) ## serve openapi.yaml (its overlay applied) with Prism on 127.0.0.1 (PORT=4010), validating every request
	@mkdir -p build && $(PIPELINE) effective-spec > build/openapi.effective.json
	@$(NODE_ENV) node_modules/.bin/prism mock -h 127.0.0.1 -p $(PORT) build/openapi.effective.json

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .venv-lowest .pytest_cache .generate-* node_modules build dist
