"""Benchmarks for issue 6: build time, memory and scaling; see benchmarks/run.py."""
