#include "indexer/shard_writer.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "common/facet_counter.h"
#include "common/spelling_mirror.h"

namespace pressroom {
namespace fs = std::filesystem;

class ShardWriter::Sink {
 public:
  virtual ~Sink() = default;
  virtual void add(const Xapian::Document& document) = 0;
  virtual void replace(Xapian::docid docid, const Xapian::Document& document) = 0;
  virtual void remove(Xapian::docid docid) = 0;
  virtual void add_spelling(const std::string& word, Xapian::termcount count) = 0;
  virtual void set_metadata(const std::string& key, const std::string& value) = 0;
  virtual void commit() = 0;
  virtual void finish() = 0;
  virtual std::optional<Xapian::WritableDatabase> hand_over() = 0;  // finish() without a commit
  virtual const std::vector<std::string>& parts() const {
    static const std::vector<std::string> none;
    return none;
  }
};

namespace {

constexpr size_t kPartsPerMerge = 32;

// A part is scratch: the final merge reads it and a killed run's parts are
// removed by the next run, so syncing each one to disk buys nothing.
constexpr int kPartFlags = Xapian::DB_NO_SYNC;

// One pass over every input: Xapian's DBCOMPACT_MULTIPASS merges posting
// lists two databases at a time, rewriting them once per level, which cost
// 1.6x the CPU of the single pass on 20 parts of 500 releases and 1.9x on 100
// (same bytes out). FULL splits an item across blocks when that saves space
// (xapian-compact's default): 1.2% smaller at 100k (the term lists 4.7%, the
// stored releases 2%) for the same compaction time.
constexpr unsigned kCompactFlags = Xapian::Compactor::FULL;

class UpdatingSink : public ShardWriter::Sink {
 public:
  explicit UpdatingSink(Xapian::WritableDatabase db) : db_(std::move(db)) {}
  void add(const Xapian::Document& document) override { db_.add_document(document); }
  void replace(Xapian::docid docid, const Xapian::Document& document) override {
    db_.replace_document(docid, document);
  }
  void remove(Xapian::docid docid) override { db_.delete_document(docid); }
  void add_spelling(const std::string& word, Xapian::termcount count) override { db_.add_spelling(word, count); }
  void set_metadata(const std::string& key, const std::string& value) override { db_.set_metadata(key, value); }
  void commit() override { commit_for_readers(db_); }
  void finish() override { commit_for_readers(db_); }
  std::optional<Xapian::WritableDatabase> hand_over() override { return db_; }

 private:
  Xapian::WritableDatabase db_;
};

class BuildingSink : public ShardWriter::Sink {
 public:
  BuildingSink(std::string parts_dir, size_t part_documents)
      : parts_dir_(std::move(parts_dir)), part_documents_(part_documents ? part_documents : 1) {
    std::error_code ec;
    fs::remove_all(parts_dir_, ec);  // left by a killed run
  }
  ~BuildingSink() override {
    part_.reset();
    std::error_code ec;
    fs::remove_all(parts_dir_, ec);
  }

  void add(const Xapian::Document& document) override {
    current().add_document(document);
    if (++in_part_ >= part_documents_) close_part();
  }
  void replace(Xapian::docid, const Xapian::Document&) override {
    throw std::logic_error("a database being built has no documents to replace");
  }
  void remove(Xapian::docid) override { throw std::logic_error("a database being built has no documents to delete"); }
  void add_spelling(const std::string& word, Xapian::termcount count) override { current().add_spelling(word, count); }
  void set_metadata(const std::string&, const std::string&) override {}
  void commit() override {}
  void finish() override { close_part(); }
  std::optional<Xapian::WritableDatabase> hand_over() override {
    close_part();
    return std::nullopt;
  }
  const std::vector<std::string>& parts() const override { return parts_; }

 private:
  Xapian::WritableDatabase& current() {
    if (!part_) {
      std::error_code ec;
      fs::create_directories(parts_dir_, ec);
      char name[32];
      std::snprintf(name, sizeof name, "part-%05zu", next_part_++);
      parts_.push_back((fs::path(parts_dir_) / name).string());
      part_ = std::make_unique<Xapian::WritableDatabase>(parts_.back(), Xapian::DB_CREATE | kPartFlags);
      in_part_ = 0;
    }
    return *part_;
  }
  void close_part() {
    if (!part_) return;
    part_->commit();
    part_->close();
    part_.reset();
    if (parts_.size() - merged_ >= kPartsPerMerge) merge_recent_parts();
  }

  // Bounds the parts (and the files the final merge opens) to about
  // documents / (part_documents * kPartsPerMerge), at the cost of copying
  // each document once more.
  void merge_recent_parts() {
    std::vector<std::string> recent(parts_.begin() + static_cast<std::ptrdiff_t>(merged_), parts_.end());
    char name[32];
    std::snprintf(name, sizeof name, "merged-%04zu", merged_);
    std::string merged = (fs::path(parts_dir_) / name).string();
    Xapian::Database all;
    for (const std::string& part : recent) all.add_database(Xapian::Database(part));
    all.compact(merged, kCompactFlags);
    all.close();
    std::error_code ec;
    for (const std::string& part : recent) fs::remove_all(part, ec);
    parts_.resize(merged_);
    parts_.push_back(merged);
    merged_ = parts_.size();
  }

  std::string parts_dir_;
  size_t part_documents_;
  std::unique_ptr<Xapian::WritableDatabase> part_;
  size_t in_part_ = 0;
  std::vector<std::string> parts_;
  size_t merged_ = 0;  // parts_[0, merged_) are merged ones
  size_t next_part_ = 0;
};

}  // namespace

std::unique_ptr<ShardWriter> ShardWriter::updating(Xapian::WritableDatabase db, size_t max_queued) {
  return std::unique_ptr<ShardWriter>(new ShardWriter(std::make_unique<UpdatingSink>(std::move(db)), max_queued));
}

std::unique_ptr<ShardWriter> ShardWriter::building(std::string parts_dir, size_t part_documents, size_t max_queued) {
  return std::unique_ptr<ShardWriter>(
      new ShardWriter(std::make_unique<BuildingSink>(std::move(parts_dir), part_documents), max_queued));
}

const std::vector<std::string>& ShardWriter::parts() const { return sink_->parts(); }

void commit_for_readers(Xapian::WritableDatabase& db) {
  write_spelling_mirror(db);
  FacetSlots::record(db);
  db.commit();
}

void merge_parts(const std::vector<std::string>& parts, const std::string& path,
                 const std::vector<std::pair<std::string, std::string>>& metadata) {
  if (parts.empty()) {
    Xapian::WritableDatabase(path, Xapian::DB_CREATE).commit();
  } else {
    Xapian::Database all;
    for (const std::string& part : parts) all.add_database(Xapian::Database(part));
    all.compact(path, kCompactFlags);
  }
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  for (const auto& [key, value] : metadata) db.set_metadata(key, value);
  db.commit();
}

ShardWriter::ShardWriter(std::unique_ptr<Sink> sink, size_t max_queued)
    : sink_(std::move(sink)), max_queued_(max_queued ? max_queued : 1), thread_([this] { loop(); }) {}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::push(Change change) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return failure_ || queue_.size() < max_queued_; });
  if (failure_) std::rethrow_exception(failure_);
  queue_.push_back(std::move(change));
  changed_.notify_all();
}

void ShardWriter::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return failure_ || (queue_.empty() && !busy_); });
  if (failure_) std::rethrow_exception(failure_);
}

void ShardWriter::loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Change change = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    changed_.notify_all();
    lock.unlock();
    std::exception_ptr failure;
    try {
      change(*sink_);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (failure) {
      failure_ = failure;
      queue_.clear();
    }
    changed_.notify_all();
  }
}

void ShardWriter::add(Xapian::Document document) {
  push([document = std::move(document)](Sink& sink) { sink.add(document); });
}

void ShardWriter::replace(Xapian::docid docid, Xapian::Document document) {
  push([docid, document = std::move(document)](Sink& sink) { sink.replace(docid, document); });
}

void ShardWriter::remove(Xapian::docid docid) {
  push([docid](Sink& sink) { sink.remove(docid); });
}

void ShardWriter::add_spellings(std::vector<std::pair<std::string, Xapian::termcount>> words) {
  push([words = std::move(words)](Sink& sink) {
    for (const auto& [word, count] : words) sink.add_spelling(word, count);
  });
}

void ShardWriter::set_metadata(std::string key, std::string value) {
  push([key = std::move(key), value = std::move(value)](Sink& sink) { sink.set_metadata(key, value); });
}

void ShardWriter::commit() {
  push([](Sink& sink) { sink.commit(); });
}

void ShardWriter::finish() {
  push([](Sink& sink) { sink.finish(); });
  wait();
}

std::optional<Xapian::WritableDatabase> ShardWriter::finish_uncommitted() {
  std::optional<Xapian::WritableDatabase> db;
  push([&db](Sink& sink) { db = sink.hand_over(); });
  wait();
  return db;
}

}  // namespace pressroom
