# The two commands of README.md: `make run` and `make test`.
BUILD ?= build
CCACHE := $(shell command -v ccache)
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
ifneq ($(CCACHE),)
CMAKE_FLAGS += -DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)
endif
PORT ?= 8080
ifeq ($(CI),true)
CMAKE_FLAGS += -DPORTAL_WERROR=ON
endif

.PHONY: deps build run test index clean format

deps:
	bash scripts/install-deps.sh $(DEPS_FLAGS)

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

index: build
	$(BUILD)/bin/portal-indexer index --db var/index data/*/docs.jsonl

run: index
	$(BUILD)/bin/portal-searchd --db var/index --listen 127.0.0.1:$(PORT)

# The browser tests of the search page also need Chromium and Node.js.
test: DEPS_FLAGS = --with-browser
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) var
