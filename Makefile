# The two commands: `make run` and `make test`. Everything else is a helper.
# Builds live under build/: release (the program), asan (the same suite under
# AddressSanitizer + UndefinedBehaviorSanitizer), tsan (the concurrency
# tests under ThreadSanitizer), fuzz (libFuzzer targets).

DB        ?= dyad.db
FUZZ_SECS ?= 15
JOBS      ?= $(shell nproc)
DYAD      := build/release/dyad

.PHONY: all deps assets build build-dyad build-asan build-tsan build-fuzz run test test-release test-pg test-asan test-tsan fuzz valgrind bench soak clean

all: build

deps:
	@scripts/deps

# npm ci from package-lock.json (once per lockfile) and the web assets into build/assets.
assets: deps
	@scripts/assets

build/release/build.ninja:
	cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build/asan/build.ninja:
	cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON >/dev/null

build/fuzz/build.ninja:
	CC=clang CFLAGS="-fsanitize=fuzzer-no-link" cmake -S . -B build/fuzz -G Ninja \
	  -DCMAKE_BUILD_TYPE=Debug -DDYAD_SANITIZE=ON -DDYAD_FUZZ=ON >/dev/null

build: deps assets build/release/build.ninja
	@ninja --quiet -C build/release -j $(JOBS)
	@test -x $(DYAD)

# Just the program (what `make run` needs).
build-dyad: deps assets build/release/build.ninja
	@ninja --quiet -C build/release -j $(JOBS) dyad
	@test -x $(DYAD)

build-asan: deps assets build/asan/build.ninja
	@ninja --quiet -C build/asan -j $(JOBS)

build/tsan/build.ninja:
	cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDYAD_TSAN=ON >/dev/null

# Only the concurrency tests (tests/*/test_concurrent*.c) run under TSan.
build-tsan: deps build/tsan/build.ninja
	@ninja -C build/tsan build.ninja >/dev/null
	@ninja --quiet -C build/tsan -j $(JOBS) $$(ninja -C build/tsan -t targets all | grep -oE '^test_concurrent[a-z_]*:' | tr -d : | sort -u)

build-fuzz: deps build/fuzz/build.ninja
	@ninja -C build/fuzz build.ninja >/dev/null
	@ninja --quiet -C build/fuzz -j $(JOBS) $$(ninja -C build/fuzz -t targets all | grep -oE '^fuzz_[a-z_]+:' | tr -d : | sort -u)

# Sets up ./dyad.db with a demo team the first time (printing one sign-in per
# role, once), then starts the web application on it.
LISTEN ?= 127.0.0.1:8080
run: build-dyad
	@if [ ! -f "$(DB)" ]; then \
	  echo "Creating $(DB) with a demo team (synthetic families, no real people)..."; \
	  $(DYAD) --db "$(DB)" --as "make run" demo --families 300 --seed 1 || exit 1; \
	else \
	  $(DYAD) --db "$(DB)" --as "make run" user demo 2>/dev/null || true; \
	fi
	@echo
	@echo "Open http://$(LISTEN)/ and sign in as demo-manager (or demo-clinician, ...) with the"
	@echo "password printed when $(DB) was created. Lost it? Set a new one:"
	@echo "  $(DYAD) --db $(DB) --as 'Your Name' user passwd --name demo-manager"
	@exec $(DYAD) --db "$(DB)" serve --listen $(LISTEN)

test: test-release test-pg test-asan test-tsan valgrind fuzz
	@echo "make test: release suite (SQLite and PostgreSQL), sanitizer suites and fuzz runs all passed."

test-release: build
	cd build/release && ctest --output-on-failure -j $(JOBS) -LE pg

# The store, app, CLI and HTTP suites again on a throwaway PostgreSQL 15
# server that the tests start and stop themselves (CMakeLists.txt, pg/*).
test-pg: build
	cd build/release && ctest --output-on-failure -j $(JOBS) -L pg

test-asan: build-asan
	cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -LE pg
	cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L pg -R '^pg/(start|stop|store|app)'  # db_pg.c under ASan

# Threads on one database under ThreadSanitizer: any race report fails.
test-tsan: build-tsan
	cd build/tsan && TSAN_OPTIONS="halt_on_error=1 abort_on_error=1" \
	  ctest --output-on-failure -j $(JOBS) -R 'test_concurrent'

# Every fuzz target runs for FUZZ_SECS seconds from its seed corpus.
fuzz: build-fuzz
	@set -e; for f in build/fuzz/fuzz_*; do \
	  [ -x "$$f" ] || continue; n=$$(basename $$f); \
	  mkdir -p build/fuzz/corpus/$$n; \
	  seeds=tests/fuzz/corpus/$$n; [ -d $$seeds ] || seeds=; \
	  echo "fuzz: $$n for $(FUZZ_SECS)s"; \
	  $$f -max_total_time=$(FUZZ_SECS) -print_final_stats=0 build/fuzz/corpus/$$n $$seeds 2>build/fuzz/$$n.log \
	    || { tail -40 build/fuzz/$$n.log; exit 1; }; \
	  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs)' build/fuzz/$$n.log | tail -1; \
	done

# Every cmocka test program under valgrind's memcheck; any error or leak fails.
valgrind: build
	@set -e; cd build/release; for t in test_*; do \
	  [ -x "$$t" ] || continue; \
	  DYAD_INSTRUMENTS=$(CURDIR)/instruments valgrind -q --error-exitcode=1 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect ./$$t >/dev/null 2>valgrind-$$t.log \
	    || { echo "valgrind: $$t"; cat valgrind-$$t.log; exit 1; }; \
	  echo "valgrind: $$t clean"; \
	done

# The crash and concurrency suites at length (make test runs 210 kills and
# 10 s of 8 writers): 1,500 kills, then 8 writers for 60 s.
soak: build
	TRIALS=500 bash tests/crash/test_kill.sh $(CURDIR)/$(DYAD) $(CURDIR)
	DURATION=60 bash tests/concurrency/test_writers.sh $(CURDIR)/$(DYAD) $(CURDIR)

bench: build
	bench/run.sh

clean:
	rm -rf build
