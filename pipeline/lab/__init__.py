"""Research helpers: evaluation datasets, the SARI metric and the evaluation harness."""
