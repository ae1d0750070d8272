# StackFit: the two commands of the README, plus a few helpers.
# Every target runs scripts/setup first, which installs only what is missing.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test setup size build bench measure fuzz truth

## serve: build the planner and serve it at http://127.0.0.1:8080
serve: setup
	@echo "StackFit: serving at http://127.0.0.1:8080 (Ctrl+C to stop)"
	trunk serve --release --address 127.0.0.1 --port 8080

## test: every test layer, in order (what CI runs)
test: setup
	scripts/test

setup:
	@scripts/setup

## build: the release site in dist/ (a static folder for any host or bucket)
build: setup
	trunk build --release

## size: release .wasm, JS and CSS sizes raw, gzip and brotli
size: build
	@scripts/size

## bench: the engine's criterion benchmark
bench:
	cargo bench -p stackfit-core

## truth: the catalog's defaults against published measurements, and every
## real stack of tests/corpus imported and judged at its vendor's minimum and
## at half of it (a report, not a test; tests/truth.rs asserts the results);
## make truth STACK=<id> lists one stack's placements, largest peak excess first
truth:
	@cargo run -q -p stackfit-core --example truth -- $(STACK)

## measure: drop → diagram and navigation → app-ready timings (a report, not a test)
measure: build
	node scripts/measure.mjs

## fuzz: run each cargo-fuzz target for FUZZ_SECONDS (default 60) with the
## nightly toolchain; not part of `make test`. Installs the pinned cargo-fuzz
## if it is missing. New inputs collect in fuzz/corpus/<target>, crashes in
## fuzz/artifacts/<target>.
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := compose_import stats_parse plan_file plan_link price_csv export_yaml
## Targets run without AddressSanitizer: the engine forbids unsafe code and
## the parsers export_yaml reaches are fuzzed under it by the other targets;
## without it export_yaml runs about 4 times as many inputs (112 against 26
## a second on the 2-core machine, 2026-12-04).
FUZZ_NO_SANITIZER := export_yaml
fuzz:
	@cargo fuzz --version 2>/dev/null | grep -q "$(CARGO_FUZZ_VERSION)" || cargo install --locked cargo-fuzz@$(CARGO_FUZZ_VERSION)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		cargo +nightly fuzz run --fuzz-dir fuzz $$(case " $(FUZZ_NO_SANITIZER) " in *" $$t "*) echo "-s none";; esac) \
			$$t fuzz/corpus/$$t fuzz/seeds/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) $$(test -f fuzz/$$t.dict && echo -dict=fuzz/$$t.dict) -max_len=65536 -rss_limit_mb=1024 -timeout=5 \
			|| exit 1; \
	done
