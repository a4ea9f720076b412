# The two commands of the README. Both set up everything they need on a fresh machine.
.PHONY: run test install install-test nightly serve lint clean lexicon golden

run: install            ## nightly run on the bundled sample, then the review app on :8000
	.venv/bin/plainsci nightly
	.venv/bin/plainsci serve

test: install-test      ## the whole test suite (what CI runs)
	.ci/test

install:
	.ci/bootstrap

install-test:
	.ci/bootstrap --test

nightly: install
	.venv/bin/plainsci nightly

serve: install
	.venv/bin/plainsci serve

lint: install
	.venv/bin/ruff check pipeline tests bench
	.venv/bin/ruff format --check pipeline tests bench
	.venv/bin/mypy
	.venv/bin/lint-imports

lexicon: install         ## rebuild data/lexicon/swaps.tsv from ../shared/data (lay summaries aligned with abstracts)
	.venv/bin/plainsci lexicon

clean:
	rm -rf var test-artifacts

golden: install-test     ## record the bundled sample's drafts and scores after an intended change
	PLAINSCI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/stages/test_sample_golden.py
