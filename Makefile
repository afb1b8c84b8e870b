# The test command CI runs (.ci/run) and the README documents.
GO        ?= go
FUZZTIME  ?= 60s
BENCHTIME ?= 1s
BENCHCOUNT ?= 5

.PHONY: test test-norace race-check fmt-check vet bench fuzz cover tidy-check

# The heap measurements skip under -race (its shadow memory blurs them and
# makes the 100,000-post walk take 20 s): a plain run of them follows.
# go test -race needs cgo, so a C compiler. Without one, test stops here with
# a message instead of a linker error, and never falls back to running
# without -race: test-norace does that, and only when asked for by name.
test: fmt-check vet race-check
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'Heap' .

test-norace: fmt-check vet
	$(GO) test -count=1 ./...

race-check:
	@cc=$$($(GO) env CC); cc=$${cc%% *}; \
	if [ "$$($(GO) env CGO_ENABLED)" != "1" ] || ! command -v "$$cc" >/dev/null 2>&1; then \
	  echo "make test: go test -race needs cgo and a C compiler, and this machine has none (go env: CGO_ENABLED=$$($(GO) env CGO_ENABLED), CC=$$cc)."; \
	  echo "  Install gcc or clang (e.g. apt-get install gcc, xcode-select --install), or set CC, and run make test again."; \
	  echo "  make test-norace runs the same checks without the race detector."; \
	  exit 1; \
	fi

fmt-check:
	@out=$$(gofmt -l . | grep -v '^testdata/' || true); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

tidy-check:
	$(GO) mod tidy -diff

# Benchmarks, each paired with a raw net/http + encoding/json baseline in
# the same run; benchratio prints the client/baseline ratios (BENCHMARKS.md).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) -count $(BENCHCOUNT) . | tee bench.out
	$(GO) run ./internal/benchratio < bench.out

# Every fuzz target for FUZZTIME each (Go runs one target at a time).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

cover:
	$(GO) test -coverprofile=cover.out ./... && $(GO) tool cover -func=cover.out | tail -1
