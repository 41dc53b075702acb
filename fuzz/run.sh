#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) in their own build folder
# and runs each for SECONDS (default 60), one after the other, with one job:
#
#   fuzz/run.sh [SECONDS] [TARGET...]     TARGET: front_matter document
#                                          validate migrate (default: all)
#
# Each run starts from the committed seeds (fuzz/corpus/<target>/) and
# regressions (fuzz/regressions/<target>/), which it never writes: new
# corpus entries go to $FMKIT_FUZZ_WORK/corpus/<target>/ and crashing inputs
# to $FMKIT_FUZZ_WORK/artifacts/<target>/ (default: build-fuzz/work). Then
# prints, per target: seconds, executions, coverage (edges and features) and
# the inputs that failed. Exit 1 when a target found one. Environment:
# FMKIT_FUZZ_BUILD (build folder, default build-fuzz), CXX (default clang++).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front_matter document validate migrate)
build=${FMKIT_FUZZ_BUILD:-$root/build-fuzz}
work=${FMKIT_FUZZ_WORK:-$build/work}

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="${CXX:-clang++}" -DFMKIT_FUZZ=ON \
  -DFMKIT_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/%/_fuzzer}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
summary=()
failed=0
for target in "${targets[@]}"; do
  mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
  inputs=("$work/corpus/$target" "$root/fuzz/corpus/$target")
  [ -d "$root/fuzz/regressions/$target" ] &&
    inputs+=("$root/fuzz/regressions/$target")
  log=$work/$target.log
  echo "== $target: ${seconds}s (log: $log)"
  start=$(date +%s)
  "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" -max_len=8192 \
    -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$target/" "${inputs[@]}" \
    >"$log" 2>&1 || true
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  found=$(find "$work/artifacts/$target" -type f | wc -l)
  [ "$found" -eq 0 ] || failed=1
  summary+=("$(printf '%-13s %5ss %12s execs  %-22s %s failing input(s)' \
    "$target" "$took" "${execs:-?}" "${cov:-cov: ?}" "$found")")
  grep -m1 -E 'fuzz property violated|ERROR: (AddressSanitizer|libFuzzer)|runtime error' \
    "$log" || true
done
echo
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || echo "failing inputs: $work/artifacts/<target>/"
exit "$failed"
