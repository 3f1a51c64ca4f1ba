"""Benchmarks: `make bench` (or `.venv/bin/python -m bench`) runs them all and prints their figures."""
