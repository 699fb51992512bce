# 短信群发助手 — developer commands. `make run` and `make test` are the whole quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test test-any-hour lint unit bench translations package clean

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
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The time-sensitive tests (send window, dates, receipts, history) once under each guard moment of
# tests/support/clock.py, so a test that secretly reads the real clock fails here rather than at night in CI.
ANY_HOUR_TESTS := tests/cli tests/services/sending tests/services/journal tests/services/api tests/ui/test_send_flow.py \
	tests/domain/test_send_window.py tests/test_clock_reads.py
test-any-hour: $(STAMP)
	for moment in 07:59 12:00 21:59:59 22:00 23:59:59 month-end; do \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m 'not slow and not secretservice' \
	    --clock-at=$$moment $(ANY_HOUR_TESTS) || exit 1; \
	done

bench: $(STAMP)
	SMS_COMPOSER_BENCH=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/benchmarks -s -o faulthandler_timeout=1800

translations: $(STAMP)
	$(BIN)/python -m tools.i18n_build

package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/sms-composer.spec

clean:
	rm -rf build dist .pytest_cache
