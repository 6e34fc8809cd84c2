# Sourced by scripts/test-sanitizers.sh and scripts/fuzz.sh: the runtime
# options of the instrumented build (an environment a caller sets wins).
# abort_on_error + halt_on_error: a report is a failed run, never a warning.
# detect_leaks: LeakSanitizer runs at the exit of every process; its
# suppressions (third-party libraries only, each with its reason) are in
# tests/lsan.supp.
_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$_root/tests/lsan.supp:print_suppressions=0}
unset _root
