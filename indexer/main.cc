// portal-indexer: command-line front end of the indexing library.
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "analyzers/analysis_json.h"
#include "indexer/facet_config.h"
#include "indexer/index_layout.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_stats.h"
#include "indexer/index_writer.h"

namespace {

// Exit codes, listed in --help.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitSkipped = 2;
constexpr int kExitStopped = 3;
constexpr int kExitUsage = 64;

constexpr const char* kExitCodesHelp =
    "Exit codes:\n"
    "  0   success: every input item was indexed (or deleted)\n"
    "  1   failure: the index could not be opened or written, or bad configuration\n"
    "  2   done, but some items were skipped (each reported as FILE:LINE: reason)\n"
    "      or some ids to delete were not in the index\n"
    "  3   --strict: stopped at the first bad item; the last batch was not committed\n"
    "  64  bad command line";

struct IndexArgs {
  std::string db;
  std::vector<std::string> inputs;
  bool rebuild = false;
  bool strict = false;
  size_t batch = 10000;
  // Analysis threads: one per core (at most 8), beside the reader and writers.
  unsigned jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  size_t max_document_bytes = 10u << 20;
  std::string facets;
  double grace = 2;
  unsigned shards = 0;
  portal::BulkOptions bulk;
};

std::vector<portal::schema::ExtraField> extra_fields(const std::string& path) {
  if (!path.empty()) return portal::load_extra_fields(path);
  std::string fallback = portal::default_facets_path();
  if (!std::filesystem::exists(fallback)) return {};
  return portal::load_extra_fields(fallback);
}

int run_index(const IndexArgs& args) {
  portal::PipelineOptions options;
  options.batch_size = args.batch;
  options.workers = args.jobs;
  options.max_document_bytes = args.max_document_bytes;
  options.strict = args.strict;
  options.preload_analyzers = args.rebuild;
  options.extra_fields = extra_fields(args.facets);
  portal::IndexWriter writer(
      args.db,
      args.rebuild ? portal::IndexWriter::Mode::kRebuild : portal::IndexWriter::Mode::kUpdate,
      options.extra_fields, args.shards, args.bulk);
  portal::InputReader reader(args.inputs, args.max_document_bytes);
  portal::ProgressReporter progress(std::cerr, isatty(2) != 0, reader.total_bytes());
  portal::IndexCounts counts = portal::run_pipeline(reader, writer, options, progress);
  std::string tail;
  if (!counts.stopped) {
    writer.finish(args.grace);
    tail = std::to_string(writer.size()) + " documents in " + args.db;
    if (!writer.generation().empty()) {
      tail += " (" + writer.generation();
      if (writer.shard_count() > 1) tail += ", " + std::to_string(writer.shard_count()) + " shards";
      tail += ")";
    }
  }
  progress.finish(counts, tail);
  if (counts.stopped) return kExitStopped;
  return counts.skipped > 0 || counts.not_found > 0 ? kExitSkipped : kExitOk;
}

int run_delete(const std::string& db, const std::vector<std::string>& ids) {
  if (portal::live_generation(db).empty() && !portal::is_plain_database(db)) {
    std::cerr << "portal-indexer: no index in '" << db << "'\n";
    return kExitFailure;
  }
  portal::IndexWriter writer(db, portal::IndexWriter::Mode::kUpdate, std::nullopt);
  unsigned long deleted = 0, missing = 0;
  for (const auto& id : ids) {
    if (writer.remove(id)) {
      ++deleted;
    } else {
      ++missing;
      std::cerr << "portal-indexer: no document with id '" << id << "'\n";
    }
  }
  writer.finish();
  std::cerr << "deleted " << deleted << ", not found " << missing << "; " << writer.size()
            << " documents in " << db << "\n";
  return missing > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (or a full quota) must surface as a write error that
  // is reported, not as SIGXFSZ killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"portal-indexer: builds and maintains a portalsearch index"};
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);

  IndexArgs args;
  auto* index = app.add_subcommand(
      "index",
      "index articles (upsert by id) from JSON Lines files (.jsonl, .jsonl.gz), standard input "
      "(-) and HTML pages (.html files, directories searched recursively)");
  index->add_option("--db", args.db, "index directory (created if needed)")->required();
  index->add_option("inputs", args.inputs, "JSON Lines files, '-', HTML files or directories")
      ->required();
  index->add_flag("--rebuild", args.rebuild,
                  "build a fresh index beside the live one and switch to it atomically at the end");
  index->add_flag("--strict", args.strict,
                  "stop at the first bad item without committing the current batch");
  index->add_option("--batch", args.batch, "commit every N documents")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  index->add_option("--jobs,-j", args.jobs, "analysis threads (one more thread writes)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  index
      ->add_option("--max-document-bytes", args.max_document_bytes,
                   "larger lines and pages are reported and skipped")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1} << 32));
  index->add_option("--facets", args.facets,
                    "extra facet fields (JSON); default: " + portal::default_facets_path());
  index
      ->add_option("--shards", args.shards,
                   "split the index into N shards routed by a hash of the id (default: as the "
                   "live index, else 1: unsharded); another number than the live index's needs "
                   "--rebuild")
      ->check(CLI::Range(1u, 1024u));
  index
      ->add_option("--run-size", args.bulk.run_documents,
                   "--rebuild: documents per run; runs are written in parallel and merged at "
                   "the end (0: write the new index directly)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, size_t{10000000}));
  index
      ->add_option("--write-threads", args.bulk.threads,
                   "--rebuild: threads writing and merging runs")
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  index
      ->add_option("--grace", args.grace,
                   "--rebuild: seconds to keep the old generation for readers still using it")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 3600.0));

  std::string delete_db;
  std::vector<std::string> delete_ids;
  auto* del = app.add_subcommand("delete", "remove documents by id");
  del->add_option("--db", delete_db, "index directory")->required();
  del->add_option("ids", delete_ids, "ids of the documents to remove")->required();

  std::string analyze_lang, analyze_text;
  auto* analyze = app.add_subcommand("analyze", "print the tokens of a text as JSON");
  analyze->add_option("--lang", analyze_lang, "language tag (default: detected)");
  analyze->add_option("text", analyze_text, "the text")->required();

  std::string stats_db;
  auto* stats = app.add_subcommand(
      "stats", "print JSON statistics: documents per language, type and topic, date range, size");
  stats->add_option("--db", stats_db, "index directory")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (*index) return run_index(args);
    if (*del) return run_delete(delete_db, delete_ids);
    if (*analyze) {
      std::cout << portal::analysis::analysis_json(analyze_text, analyze_lang, 2) << "\n";
      return kExitOk;
    }
    if (*stats) {
      std::cout << portal::index_stats_json(stats_db) << "\n";
      return kExitOk;
    }
  } catch (const Xapian::Error& e) {
    // e.g. a full disk: everything up to the last commit stays in the index.
    std::cerr << "portal-indexer: index error: " << e.get_description() << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "portal-indexer: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}
