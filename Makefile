# 短信群发助手 — developer commands. `make run` and `make test` are the whole quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint unit bench translations package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sms-composer --sandbox

test: $(STAMP)
	$(BIN)/ruff check gui tests packaging tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	SMS_COMPOSER_BENCH=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/benchmarks -s

translations: $(STAMP)
	$(BIN)/python -m tools.i18n_build

package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/sms-composer.spec

clean:
	rm -rf build dist .pytest_cache
