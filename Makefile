# StackFit: the two commands of the README, plus a few helpers.
# Every target runs scripts/setup first, which installs only what is missing.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test setup size build bench measure

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

## measure: drop → diagram and navigation → app-ready timings (a report, not a test)
measure: build
	node scripts/measure.mjs
