#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (clang, AddressSanitizer, UBSan).
#
#   run_fuzz.sh build DIR                 configure and build the fuzzing tree in DIR
#   run_fuzz.sh run DIR TARGET SECONDS    fuzz TARGET for SECONDS (seeds + past crashes)
#
# Longer runs, e.g. ten minutes on the query parser:
#   tests/fuzz/run_fuzz.sh build build/fuzz-build
#   tests/fuzz/run_fuzz.sh run build/fuzz-build query 600
# A crash leaves its input in DIR/artifacts/; copy it into
# tests/fuzz/regressions/TARGET-<what>.bin and fix the bug: the replay test
# then keeps it fixed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
cmd="$1"
dir="$2"

case "$cmd" in
build)
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPORTAL_FUZZ=ON "${launcher[@]}" >/dev/null
  targets=$(sed -n 's/^  \([a-z_]*\):.*/fuzz_\1/p' "$here/CMakeLists.txt")
  # shellcheck disable=SC2086
  cmake --build "$dir" -j 2 --target $targets
  ;;
run)
  target="$3"
  seconds="$4"
  corpus="$dir/corpus/$target"
  mkdir -p "$corpus" "$dir/artifacts"
  export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  # Past crashes first, each as a single input, then fuzz from the seeds.
  regressions=()
  for f in "$here"/regressions/"$target"-*; do
    [[ -e "$f" ]] && regressions+=("$f")
  done
  if ((${#regressions[@]})); then
    "$dir/bin/fuzz_$target" "${regressions[@]}"
  fi
  "$dir/bin/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$dir/artifacts/$target-" -print_final_stats=1 \
    "$corpus" "$here/seeds/$target"
  ;;
*)
  echo "usage: $0 build DIR | run DIR TARGET SECONDS" >&2
  exit 2
  ;;
esac
