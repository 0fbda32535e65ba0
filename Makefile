# tdkt — two commands for a newcomer: `make run` and `make test` (as root on Debian 12).
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DB ?= sqlite:var/tdkt.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: run test build deps bench format clean

run: build
	@mkdir -p var
	@$(BUILD_DIR)/tdkt seed demo --db $(DB) --dossiers
	@echo ""
	@echo "  tdkt: http://$(LISTEN)"
	@echo "  Đăng nhập thử / demo sign-in: admin / Demo@2026tdkt  (other demo users: README.md)"
	@echo "  Dừng / stop: Ctrl+C"
	@echo ""
	@exec $(BUILD_DIR)/tdkt serve --db $(DB) --listen $(LISTEN)

test: build
	@scripts/run-tests.sh $(BUILD_DIR)

bench: deps build
	@scripts/bench.sh
	@scripts/bench-data.sh
	@$(BUILD_DIR)/eligibility_bench
	@node scripts/bench-council.mjs

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS) -- --no-print-directory

# Debian packages (fast no-op when present) and the npm packages pinned by package-lock.json.
deps:
	@scripts/install-deps.sh
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --no-audit --no-fund --loglevel=error; fi

format:
	@git ls-files -co --exclude-standard -- 'src/*.h' 'src/*.cpp' 'tests/*.h' 'tests/*.cpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
