# The benchmark corpora, sourced by the run_*.sh scripts.
# SHARED: the read-only shared corpora (reuters21578 is research-licensed and
# is read from there, never copied into the repository).
# BENCH_DATA: scratch directory for generated corpora, indexes and peers' data.
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
SHARED="${SHARED:-/work/shared/data}"
BENCH_DATA="${BENCH_DATA:-/work/bench-data}"
BUILD="${BUILD:-$REPO_DIR/build}"
# The corpora the 1M corpus repeats.
GEN_INPUTS=("$SHARED"/{reuters21578,zelensky-addresses,kremlin-ru-2025,wikinews-fr-winer,wikinews-ru-nerel}/docs.jsonl)

# corpus_files SIZE: the JSON Lines files of a corpus size (sample, reuters, 100k, 1m).
corpus_files() {
  case "$1" in
    sample) echo "$REPO_DIR"/data/*/docs.jsonl ;;
    reuters) echo "$SHARED/reuters21578/docs.jsonl" ;;
    100k) echo "$BENCH_DATA/100k.jsonl" ;;
    1m) echo "$BENCH_DATA/1m.jsonl" ;;
    *) echo "unknown corpus size '$1' (sample, reuters, 100k, 1m)" >&2; return 1 ;;
  esac
}

# ensure_corpus SIZE: generates the 1M corpus (and its first 100k lines) if missing.
ensure_corpus() {
  case "$1" in
    1m | 100k)
      mkdir -p "$BENCH_DATA"
      if [[ ! -s "$BENCH_DATA/1m.jsonl" ]]; then
        python3 "$BENCH_DIR/gen_corpus.py" --count 1000000 --out "$BENCH_DATA/1m.jsonl.tmp" \
          "${GEN_INPUTS[@]}" && mv "$BENCH_DATA/1m.jsonl.tmp" "$BENCH_DATA/1m.jsonl"
      fi
      if [[ "$1" == 100k && ! -s "$BENCH_DATA/100k.jsonl" ]]; then
        head -n 100000 "$BENCH_DATA/1m.jsonl" >"$BENCH_DATA/100k.jsonl"
      fi ;;
  esac
}

# queries_for SIZE: the committed query set of a corpus size.
queries_for() {
  case "$1" in
    sample | reuters) echo "$BENCH_DIR/queries/$1.jsonl" ;;
    100k | 1m) echo "$BENCH_DIR/queries/1m.jsonl" ;;
  esac
}

# A loopback port free at the time of asking (the kernel picks it), for a
# throwaway server: a port drawn at random may be taken by another process.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
