"""Benchmarks run only under `make bench` (SMS_COMPOSER_BENCH=1), never as part of the test suite."""

import os

if not os.environ.get("SMS_COMPOSER_BENCH"):
    collect_ignore_glob = ["test_*.py", "bench_*.py"]
