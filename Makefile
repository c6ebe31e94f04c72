# The one entry point for building, packaging, serving and testing.
#
#   make tools     install what the build and tests need (idempotent: skips what is there)
#   make package   the npm package in pkg/ (browser entry, Node entry, schema, types)
#   make demo      build dist/ and serve it on http://127.0.0.1:$(PORT)/ (PORT=8080)
#   make test      every suite: native cargo test, wasm tests in headless Chromium,
#                  the Node package test, the end-to-end tests of the demo, the packed
#                  package in real consumers, and a short fuzz run
#   make test-native | test-wasm | test-node | test-e2e | test-consumers | test-size   one suite
#                  (consumers: the packed package in a Vite + React app and a plain page)
#   make test-fuzz the large generated bad-input cases (release) + 30 s of fuzzing per target
#   make fuzz      the same, FUZZ_SECONDS (600) per target, new inputs merged into fuzz/corpus/
#   make size      raw, gzip and brotli sizes of every entry of pkg/; fails above size-budget.json
#   make bench     the widget against d3-org-chart, d3-flextree and d3.tree in headless
#                  Chromium, plus memory, key figures and bundle size (BENCHMARKS.md;
#                  BENCH_QUICK=1 for a fast pass)
#   make clean     remove pkg/, dist/ and the release target dirs
#
# Every target installs what it needs first (scripts/ensure-tools.sh).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
export PORT

ENSURE := scripts/ensure-tools.sh

# wasm-bindgen-test in headless Chromium (the runner looks for geckodriver
# first, so name chromedriver explicitly); webdriver.json holds the flags.
WASM_TEST_ENV := CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: help tools package dist demo test test-native test-wasm test-node test-e2e test-consumers test-size size bench clean

help:
	@sed -n 's/^#   /  /p' Makefile

tools:
	$(ENSURE)

package:
	$(ENSURE) rust wasm-bindgen npm
	scripts/package.sh

dist:
	$(ENSURE) rust wasm-bindgen npm
	scripts/dist.sh

demo: dist
	scripts/serve.sh

size:
	scripts/size.sh

# Installs what it needs itself (tools, bench/node_modules, the web build).
bench:
	scripts/bench.sh

# Runs every suite even after one fails, then prints times and totals.
test: tools
	scripts/test-all.sh native wasm node size e2e consumers fuzz

test-native:
	$(ENSURE) rust
	cargo test

# chromedriver leaves Chromium's profile dirs behind in $$TMPDIR: give it a private one.
test-wasm:
	$(ENSURE) rust wasm-bindgen chromium
	tmp="$$(mktemp -d "$${TMPDIR:-/tmp}/sk-wasm-test.XXXXXX")"; trap 'rm -rf "$$tmp"' EXIT; \
	TMPDIR="$$tmp" $(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown

test-node: package
	node --test tests/node/*.test.mjs

# The package's entries against size-budget.json (scripts/size.mjs --budget).
test-size: package
	scripts/size.sh

# npm pack pkg/, then a fresh Vite + React app (npm ci from the registry) and a plain
# HTML page with the inline build, both in headless Chromium.
test-consumers: package
	$(ENSURE) chromium npm
	node --test tests/consumers/*.test.mjs

test-e2e: dist
	$(ENSURE) chromium npm
	node --test tests/e2e/*.test.mjs

# Bad input: the corpus's generated large cases (ignored in debug builds: too slow there),
# then cargo-fuzz on the whole pipeline (scripts/fuzz.sh installs cargo-fuzz when missing).
FUZZ_SECONDS ?= 600
FUZZ_SHORT_SECONDS ?= 30
.PHONY: test-fuzz fuzz

test-fuzz:
	$(ENSURE) rust
	cargo test --release --test corpus -- --ignored
	scripts/fuzz.sh $(FUZZ_SHORT_SECONDS)

fuzz:
	$(ENSURE) rust
	cargo test --release --test corpus -- --ignored
	FUZZ_UPDATE_CORPUS=1 scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf pkg dist target/web target/node
