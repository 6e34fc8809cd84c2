// Specification of searching a sharded archive (common/database_set.h through
// common/searcher.h): the sample archive spread over shards — local
// databases, a stub listing them, or real xapian-tcpsrv processes on
// loopback — answers exactly as the same archive in one database: results,
// order, scores, totals, facets, snippets, suggestions, related releases and
// statements.
#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/errors.h"
#include "common/schema.h"
#include "common/search_request.h"
#include "common/searcher.h"
#include "common/synonyms.h"
#include "indexer/indexer.h"
#include "indexer/shard_writer.h"
#include "tests/fixtures.h"
#include "tests/test_server.h"
#include "tests/support/sample_searches.h"
#include "tests/support/search_description.h"
#include "tests/support/xapian_servers.h"

namespace pressroom {
namespace {

using testing::describe;
using testing::TempDir;

constexpr const char* kArchive = PRESSROOM_SOURCE_DIR "/corpus";
constexpr const char* kSynonyms = PRESSROOM_SOURCE_DIR "/corpus/synonyms.yaml";

// Copies every document of `source` into `n` shard databases under `dir`
// (shard of a document: a hash of its duplicate group — its id unless it is
// a copy — so neighbours in date or id land apart), with the index-wide
// metadata, the spelling dictionary and what readers over xapian-tcpsrv read
// from metadata as the indexer writes them. Also writes dir/XAPIANDB.
std::vector<std::string> split_into_shards(const std::string& source, const std::filesystem::path& dir, size_t n) {
  Xapian::Database from(source);
  std::vector<Xapian::WritableDatabase> shards;
  std::vector<std::string> paths;
  std::ofstream stub(dir / "XAPIANDB");
  for (size_t i = 0; i < n; ++i) {
    std::string name = "shard-" + std::to_string(i);
    paths.push_back((dir / name).string());
    shards.emplace_back(paths.back(), Xapian::DB_CREATE_OR_OVERWRITE);
    stub << "auto " << name << "\n";
  }
  for (auto it = from.postlist_begin(""); it != from.postlist_end(""); ++it) {
    Xapian::Document doc = from.get_document(*it);
    // By duplicate group, not by id: copies of one release stay in one shard
    // (they count once per shard; docs/architecture.md, near duplicates).
    size_t h = std::hash<std::string>{}(doc.get_value(schema::kDupGroup));
    shards[h % n].add_document(doc);
  }
  for (Xapian::WritableDatabase& shard : shards) {
    for (auto key = from.metadata_keys_begin(); key != from.metadata_keys_end(); ++key)
      shard.set_metadata(*key, from.get_metadata(*key));
  }
  // One shard holds the spelling dictionary: frequencies are then those of the
  // whole archive, whatever the split. The spelling mirror and the facet
  // positions copied are the archive's: each shard's own replace them, as the
  // indexer commits them.
  for (auto word = from.spellings_begin(); word != from.spellings_end(); ++word)
    shards[0].add_spelling(*word, word.get_termfreq());
  for (Xapian::WritableDatabase& shard : shards) commit_for_readers(shard);
  return paths;
}

SearchRequest request(ParamMap params) { return parse_search_request(params); }

class ShardedSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    single_ = (dir_->path() / "single").string();
    testing::index_paths(single_, {kArchive});
    std::filesystem::create_directories(dir_->path() / "sharded");
    shards_ = split_into_shards(single_, dir_->path() / "sharded", 3);
    synonyms_ = new Synonyms(Synonyms::load(kSynonyms));
  }
  static void TearDownTestSuite() {
    delete synonyms_;
    delete dir_;
  }

  // Asserts that `sharded` answers every search, suggestion, related and
  // statements query as one database does, "did you mean" and the facet
  // counts of near duplicates included.
  static void expect_same_answers(Searcher& sharded) {
    try {
      compare_answers(sharded);
    } catch (const Xapian::Error& e) {
      FAIL() << e.get_description();
    }
  }
  static void compare_answers(Searcher& sharded) {
    Searcher one(single_, synonyms_);
    for (const ParamMap& params : testing::sample_searches()) {
      std::string label;
      for (const auto& [k, v] : params) label += k + "=" + v + " ";
      EXPECT_EQ(describe(sharded.search(request(params))), describe(one.search(request(params)))) << label;
    }
    for (const std::string typed : {"a", "ana", "det", "fam", "lucía", "bor"})
      EXPECT_EQ(describe(sharded.suggestions(typed, 8)), describe(one.suggestions(typed, 8))) << typed;
    SearchResult some = one.search(request({{"q", "detention"}}));
    ASSERT_FALSE(some.hits.empty());
    for (const SearchHit& hit : some.hits) {
      auto a = sharded.related(hit.release.id, 5);
      auto b = one.related(hit.release.id, 5);
      ASSERT_TRUE(a && b) << hit.release.id;
      EXPECT_EQ(describe(*a), describe(*b)) << hit.release.id;
      auto full_a = sharded.release(hit.release.id);
      auto full_b = one.release(hit.release.id);
      ASSERT_TRUE(full_a && full_b);
      EXPECT_EQ(full_a->body, full_b->body);
    }
    for (const ParamMap& params : std::vector<ParamMap>{{{"q", "detention"}}, {{"spokesperson", "Ana Ruiz"}}, {}})
      EXPECT_EQ(describe(sharded.statements(request(params))), describe(one.statements(request(params))));
    EXPECT_EQ(sharded.info().documents, one.info().documents);
  }

  // Starts one xapian-tcpsrv per database of `paths` (logs named after
  // `label`); returns their addresses.
  // Asserts that opening `locations` is refused with a message naming every
  // one of `mentions`; `opened` says what a search would have done wrong.
  static void expect_refused(const std::vector<std::string>& locations, const std::vector<std::string>& mentions,
                             const char* opened) {
    try {
      Searcher searcher(locations, synonyms_);
      ADD_FAILURE() << opened;
    } catch (const IndexUnavailable& e) {
      std::string message = e.what();
      for (const std::string& mention : mentions) EXPECT_NE(message.find(mention), std::string::npos) << message;
    }
  }

  static std::vector<std::string> serve(const std::vector<std::string>& paths, const std::string& label,
                                        std::vector<std::unique_ptr<testing::XapianServer>>& servers) {
    std::vector<std::string> addresses;
    for (size_t i = 0; i < paths.size(); ++i) {
      servers.push_back(
          testing::start_tcpsrv({paths[i]}, dir_->path() / (label + "-" + std::to_string(i) + ".log")));
      addresses.push_back(servers.back()->address());
    }
    return addresses;
  }

  // Copies of the shards under `name`, for a test that changes them.
  static std::vector<std::string> copy_of_shards(const std::string& name) {
    std::vector<std::string> copies;
    for (size_t i = 0; i < shards_.size(); ++i) {
      copies.push_back((dir_->path() / name / std::to_string(i)).string());
      std::filesystem::create_directories(copies.back());
      std::filesystem::copy(shards_[i], copies.back(), std::filesystem::copy_options::recursive);
    }
    return copies;
  }

  static TempDir* dir_;
  static std::string single_;
  static std::vector<std::string> shards_;
  static Synonyms* synonyms_;
};

TempDir* ShardedSearch::dir_ = nullptr;
std::string ShardedSearch::single_;
std::vector<std::string> ShardedSearch::shards_;
Synonyms* ShardedSearch::synonyms_ = nullptr;

TEST_F(ShardedSearch, LocalShardsListedOneByOneAnswerAsOneDatabase) {
  Searcher sharded(shards_, synonyms_);
  expect_same_answers(sharded);
}

TEST_F(ShardedSearch, AStubDirectoryListingTheShardsAnswersAsOneDatabase) {
  Searcher sharded((dir_->path() / "sharded").string(), synonyms_);
  expect_same_answers(sharded);
}

TEST_F(ShardedSearch, ShardsWrittenByTheIndexerAnswerAsOneDatabase) {
  IndexOptions options;
  options.db_path = (dir_->path() / "indexed-shards").string();
  options.paths = {kArchive};
  options.shards = 4;
  options.threads = 2;
  run_index(options);
  Searcher sharded(options.db_path, synonyms_);
  ASSERT_EQ(sharded.info().shards, 4u);
  expect_same_answers(sharded);
}

TEST_F(ShardedSearch, ShardsServedByXapianTcpsrvAnswerAsOneDatabase) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  Searcher sharded(serve(shards_, "tcpsrv", servers), synonyms_);
  expect_same_answers(sharded);
}

TEST_F(ShardedSearch, AStubFileListingRemoteShardsAnswersAsOneDatabase) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::ofstream stub(dir_->path() / "remote.stub");
  for (size_t i = 0; i < shards_.size(); ++i) {
    servers.push_back(testing::start_tcpsrv({shards_[i]}, dir_->path() / ("stub-" + std::to_string(i) + ".log")));
    stub << "remote " << servers.back()->address() << "\n";
  }
  stub.close();
  Searcher sharded((dir_->path() / "remote.stub").string(), synonyms_);
  expect_same_answers(sharded);
}

// Misspellings of the archive's title words: one letter dropped, one doubled.
std::vector<std::string> typos_of(const std::string& db_path, size_t limit) {
  Xapian::Database db(db_path);
  std::vector<std::string> typos;
  std::string prefix(schema::prefix::kTitleWord);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && typos.size() < limit; ++it) {
    std::string word = (*it).substr(prefix.size());
    if (word.size() < 5 || word.find_first_of("0123456789") != std::string::npos) continue;
    typos.push_back(word.substr(0, 2) + word.substr(3));
    typos.push_back(word.substr(0, 3) + word[3] + word.substr(3));
  }
  return typos;
}

TEST_F(ShardedSearch, RemoteShardsSuggestTheSameSpellingAsOneDatabase) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  Searcher sharded(serve(shards_, "spelling", servers), synonyms_);
  Searcher one(single_, synonyms_);
  size_t suggested = 0;
  for (const std::string& typo : typos_of(single_, 80)) {
    SearchResult expected = one.search(request({{"q", typo}, {"facets", "none"}}));
    EXPECT_EQ(sharded.search(request({{"q", typo}, {"facets", "none"}})).did_you_mean, expected.did_you_mean) << typo;
    suggested += !expected.did_you_mean.empty();
  }
  EXPECT_GT(suggested, 20u) << "too few typos had a suggestion to compare";
}

TEST_F(ShardedSearch, RemoteShardsFollowTheSpellingOfAnUpdateInPlace) {
  // Three shards written by the indexer, served by xapian-tcpsrv, then
  // updated in place while the searcher stays open.
  std::string sharded_path = (dir_->path() / "updated-shards").string();
  std::string one_path = (dir_->path() / "updated-one").string();
  auto index = [&](const std::string& db, unsigned shards, std::vector<std::string> paths) {
    IndexOptions options;
    options.db_path = db;
    options.paths = std::move(paths);
    options.shards = shards;
    options.threads = 2;
    run_index(options);
  };
  const std::string releases = std::string(kArchive) + "/releases", news = std::string(kArchive) + "/news";
  index(sharded_path, 3, {releases});
  index(one_path, 1, {releases});
  std::vector<std::string> paths;
  for (unsigned i = 0; i < 3; ++i) paths.push_back(sharded_path + "/shard-0" + std::to_string(i));
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  Searcher sharded(serve(paths, "updated", servers), synonyms_);
  auto expect_same_suggestions = [&](const std::string& when) {
    Searcher one(one_path, synonyms_);
    for (const std::string& typo : typos_of(one_path, 60))
      EXPECT_EQ(sharded.search(request({{"q", typo}, {"facets", "none"}})).did_you_mean,
                one.search(request({{"q", typo}, {"facets", "none"}})).did_you_mean)
          << typo << " " << when;
  };
  expect_same_suggestions("before the update");
  index(sharded_path, 3, {releases, news});
  index(one_path, 1, {releases, news});
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // remote shards are asked once a second
  sharded.refresh();
  expect_same_suggestions("after the update");
}

TEST_F(ShardedSearch, RemoteShardsCountANearDuplicateGroupOnce) {
  // Two releases of the sample archive are copies of one statement on the
  // 2016 election, and only they use the word "president-elect"; other
  // searches of sample_searches() (the browse, type=statement, "court", "asylum")
  // match copies among many others.
  SearchRequest copies = request({{"q", "presidentelect"}});
  Searcher one(single_, synonyms_);
  SearchResult expected = one.search(copies);
  ASSERT_EQ(expected.total, 1u) << describe(expected);
  ASSERT_EQ(expected.hits.at(0).duplicates.size(), 1u) << describe(expected);
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  Searcher sharded(serve(shards_, "groups", servers), synonyms_);
  SearchResult counted = sharded.search(copies);
  EXPECT_EQ(counted.total, 1u);
  ASSERT_FALSE(counted.facets["type"].empty());
  for (const auto& [name, values] : counted.facets)
    for (const FacetValue& value : values) EXPECT_EQ(value.count, 1u) << name << " " << value.value;
  EXPECT_EQ(describe(counted), describe(expected));
}

TEST_F(ShardedSearch, RemoteShardsWithoutSpellingMirrorsGiveNoSuggestionAndNoError) {
  // Shards written before mirrors: no "did you mean", everything else as usual.
  std::vector<std::string> copies = copy_of_shards("no-mirror");
  for (const std::string& path : copies) {
    Xapian::WritableDatabase shard(path, Xapian::DB_OPEN);
    shard.set_metadata(schema::kMetaSpelling, "");
    shard.commit();
  }
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  Searcher sharded(serve(copies, "no-mirror", servers), synonyms_);
  Searcher one(single_, synonyms_);
  SearchResult result = sharded.search(request({{"q", "detension"}}));
  EXPECT_EQ(result.did_you_mean, "");
  EXPECT_EQ(result.total, one.search(request({{"q", "detension"}})).total);
  EXPECT_EQ(describe(sharded.search(request({{"q", "detention"}}))), describe(one.search(request({{"q", "detention"}}))));
}

TEST_F(ShardedSearch, ARemoteShardOfAnOlderSchemaIsRefusedWithWhatToDo) {
  std::vector<std::string> copies = copy_of_shards("old-schema");
  {
    Xapian::WritableDatabase shard(copies[1], Xapian::DB_OPEN);
    shard.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kMinRemoteVersion - 1));
    shard.commit();
  }
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::vector<std::string> addresses = serve(copies, "old-schema", servers);
  expect_refused(addresses, {addresses[1], "older pressroom", "--rebuild"},
                 "searched a remote shard whose facet counts would be wrong");
  // The same databases read locally are fine: local counting needs no copy slot.
  EXPECT_NO_THROW(Searcher(copies, synonyms_));
}

TEST_F(ShardedSearch, ShardsWithWordSequencesAnswerAsOneDatabaseWithPositions) {
  IndexOptions options;
  options.db_path = (dir_->path() / "sequence-shards").string();
  options.paths = {kArchive};
  options.shards = 3;
  options.threads = 2;
  options.word_sequences = true;
  ASSERT_TRUE(run_index(options).word_sequences);
  Searcher sharded(options.db_path, synonyms_);
  expect_same_answers(sharded);
  // Phrases of every kind, beside the 23 searches above.
  Searcher one(single_, synonyms_);
  size_t answered = 0;
  for (const char* q : {"\"family detention\"", "\"el paso\"", "location:\"el paso\"", "title:\"family detention\"",
                        "detention NEAR court", "families ADJ/3 detention", "\"port of entry\" asylum",
                        "well-being", "\"the the\""}) {
    SearchResult a = sharded.search(request({{"q", q}})), b = one.search(request({{"q", q}}));
    EXPECT_EQ(a.total, b.total) << q;
    ASSERT_EQ(a.hits.size(), b.hits.size()) << q;
    for (size_t i = 0; i < a.hits.size(); ++i) EXPECT_EQ(a.hits[i].release.id, b.hits[i].release.id) << q;
    answered += a.total > 0;
  }
  EXPECT_GE(answered, 6u) << "too few of the phrases match to compare anything";
}

// The sample archive indexed with word sequences into `path`.
std::string index_with_sequences(const std::filesystem::path& path) {
  IndexOptions options;
  options.db_path = path.string();
  options.paths = {kArchive};
  options.threads = 2;
  options.word_sequences = true;
  run_index(options);
  return options.db_path;
}

TEST_F(ShardedSearch, ARemoteShardWithWordSequencesIsRefusedWithWhatToDo) {
  std::string built = index_with_sequences(dir_->path() / "sequences-built");
  std::filesystem::create_directories(dir_->path() / "sequences");
  std::vector<std::string> copies = split_into_shards(built, dir_->path() / "sequences", 2);
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::vector<std::string> addresses = serve(copies, "sequences", servers);
  expect_refused(addresses, {addresses[0], "word sequences", "--word-sequences"},
                 "searched a remote shard whose phrases xapian-tcpsrv cannot check");
  // Read locally, the same shards answer a phrase as one database does.
  Searcher local(copies, synonyms_), one(built, synonyms_);
  SearchResult sharded_answer = local.search(request({{"q", "\"family detention\""}}));
  EXPECT_GT(sharded_answer.total, 0u);
  EXPECT_EQ(sharded_answer.total, one.search(request({{"q", "\"family detention\""}})).total);
}

TEST_F(ShardedSearch, ALocalIndexWithWordSequencesBesideRemoteShardsIsRefused) {
  std::string built = index_with_sequences(dir_->path() / "sequences-beside");
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::vector<std::string> addresses = serve({shards_[0]}, "beside", servers);
  expect_refused({addresses[0], built}, {built, "--word-sequences"}, "sent a word-sequence phrase check to xapian-tcpsrv");
}

TEST_F(ShardedSearch, AShardThatIsDownGivesAClearErrorQuickly) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::vector<std::string> addresses;
  for (size_t i = 0; i < shards_.size(); ++i) {
    servers.push_back(testing::start_tcpsrv({shards_[i]}, dir_->path() / ("down-" + std::to_string(i) + ".log")));
    addresses.push_back(servers.back()->address());
  }
  Searcher sharded(addresses, synonyms_, RemoteOptions{5000, 30000});
  ASSERT_GT(sharded.search(request({{"q", "detention"}})).total, 0u);
  std::string down = servers[1]->address();
  servers[1]->stop();
  auto started = std::chrono::steady_clock::now();
  try {
    sharded.refresh();
    sharded.search(request({{"q", "asylum"}, {"facets", "none"}}));
    ADD_FAILURE() << "a search with a shard down succeeded";
  } catch (const IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("unreachable"), std::string::npos) << e.what();
  }
  // The next request tries to reconnect and names the shard that is down.
  try {
    sharded.refresh();
    ADD_FAILURE() << "reconnecting to a shard that is down succeeded";
  } catch (const IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find(down), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5)) << "not a quick error";
}

TEST_F(ShardedSearch, WithAllowPartialAShardThatGoesDownIsLeftOutAndNamed) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::vector<std::string> addresses = serve(shards_, "partial", servers);
  Searcher sharded(addresses, synonyms_, RemoteOptions{5000, 30000, /*allow_partial=*/true});
  ASSERT_TRUE(sharded.missing_shards().empty());
  servers[1]->stop();
  // The request that meets the lost connection is answered by the others.
  SearchResult partial = sharded.search(request({{"q", "detention"}}));
  EXPECT_EQ(sharded.missing_shards(), std::vector<std::string>{addresses[1]});
  Searcher others(std::vector<std::string>{shards_[0], shards_[2]}, synonyms_);
  EXPECT_EQ(describe(partial), describe(others.search(request({{"q", "detention"}}))));
  EXPECT_EQ(sharded.info().missing_shards, std::vector<std::string>{addresses[1]});
}

TEST_F(ShardedSearch, WithAllowPartialAShardLeftOutIsSearchedAgainOnceItIsBack) {
  int port = testing::free_loopback_port();
  std::string address = "127.0.0.1:" + std::to_string(port);
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  std::vector<std::string> addresses = serve({shards_[0], shards_[1]}, "back", servers);
  addresses.push_back(address);
  Searcher sharded(addresses, synonyms_, RemoteOptions{5000, 30000, /*allow_partial=*/true});
  EXPECT_EQ(sharded.missing_shards(), std::vector<std::string>{address});
  servers.push_back(testing::start_tcpsrv({shards_[2]}, dir_->path() / "back-2.log", port));
  std::this_thread::sleep_for(std::chrono::milliseconds(5100));  // a missing shard is tried every 5 s
  sharded.refresh();
  EXPECT_TRUE(sharded.missing_shards().empty());
  Searcher one(single_, synonyms_);
  EXPECT_EQ(describe(sharded.search(request({{"q", "asylum"}}))), describe(one.search(request({{"q", "asylum"}}))));
}

TEST_F(ShardedSearch, WithAllowPartialNoShardAnsweringIsStillAnError) {
  std::string address = "127.0.0.1:" + std::to_string(testing::free_loopback_port());
  try {
    Searcher sharded(std::vector<std::string>{address}, synonyms_, RemoteOptions{5000, 30000, true});
    ADD_FAILURE() << "opened an index of which no shard answers";
  } catch (const IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("every shard is unreachable"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(address), std::string::npos) << e.what();
  }
}

TEST_F(ShardedSearch, AShardThatCannotBeReachedAtStartIsNamed) {
  int port = testing::free_loopback_port();
  std::string address = "127.0.0.1:" + std::to_string(port);
  try {
    Searcher sharded(std::vector<std::string>{shards_[0], address}, synonyms_, RemoteOptions{5000, 30000});
    ADD_FAILURE() << "opened a shard nobody serves";
  } catch (const IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find(address), std::string::npos) << e.what();
  }
}

// The JSON of an API answer without what differs between any two requests.
nlohmann::json comparable(nlohmann::json answer) {
  if (answer.is_object()) {
    answer.erase("took_ms");
    answer.erase("timings");
  }
  return answer;
}

TEST_F(ShardedSearch, TheServerOverXapianTcpsrvShardsAnswersTheApiAsOverOneDatabase) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  ServerConfig config;
  for (size_t i = 0; i < shards_.size(); ++i) {
    servers.push_back(testing::start_tcpsrv({shards_[i]}, dir_->path() / ("http-" + std::to_string(i) + ".log")));
    config.db_locations.push_back(servers.back()->address());
  }
  config.synonyms_path = kSynonyms;
  testing::TestServer sharded("", config);
  ServerConfig single_config;
  single_config.synonyms_path = kSynonyms;
  testing::TestServer one(single_, single_config);
  for (const std::string path :
       {"/api/search?q=detention", "/api/search?q=asylum&topic=Family%20Detention&sort=date",
        "/api/search?q=family%20detention&page=2", "/api/search?type=statement&facets=year,month",
        "/api/suggest?q=fam", "/api/statements?q=detention",
        "/api/releases/2019-08-22-statement-on-rule-to-terminate-flores-and-expand-family-detention/related"})
    EXPECT_EQ(comparable(sharded.get_json(path)), comparable(one.get_json(path))) << path;
  nlohmann::json health = sharded.get_json("/healthz");
  EXPECT_EQ(health["shards"], shards_.size());
  EXPECT_EQ(health["remote_shards"], true);
  EXPECT_EQ(health["documents"], one.get_json("/healthz")["documents"]);
}

TEST_F(ShardedSearch, TheServerWithAllowPartialAnswersFromTheShardsUpAndNamesTheMissing) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  ServerConfig config;
  config.db_locations = serve(shards_, "http-partial", servers);
  config.remote_connect_ms = 5000;
  config.remote_timeout_ms = 30000;
  config.allow_partial = true;
  testing::TestServer sharded("", config);
  nlohmann::json whole = sharded.get_json("/api/search?q=asylum");
  EXPECT_FALSE(whole.contains("partial")) << whole.dump();
  EXPECT_FALSE(sharded.get("/feed.atom?q=asylum")->has_header("X-Partial-Results"));
  std::string lost_id = Xapian::Database(shards_[2]).get_document(1).get_value(schema::kId);
  servers[2]->stop();
  nlohmann::json answer = sharded.get_json("/api/search?q=asylum");
  EXPECT_EQ(answer["partial"], true);
  EXPECT_EQ(answer["missing_shards"], nlohmann::json::array({config.db_locations[2]}));
  EXPECT_LT(answer["total"].get<uint64_t>(), whole["total"].get<uint64_t>());
  nlohmann::json statements = sharded.get_json("/api/statements?q=detention");
  EXPECT_EQ(statements["partial"], true);
  nlohmann::json health = sharded.get_json("/healthz");
  EXPECT_EQ(health["status"], "partial");
  EXPECT_EQ(health["missing_shards"], nlohmann::json::array({config.db_locations[2]}));
  auto page = sharded.get("/?q=asylum");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("Part of the archive could not be searched"), std::string::npos);
  // Feeds and exports have no JSON field for it: a header says it, and the subtitle of the feed.
  for (const std::string path : {"/feed.atom?q=asylum", "/export.csv?q=asylum", "/export.jsonl?q=asylum"}) {
    auto answer_of_path = sharded.get(path);
    ASSERT_TRUE(answer_of_path) << path;
    EXPECT_EQ(answer_of_path->get_header_value("X-Partial-Results"), "missing shards: " + config.db_locations[2]) << path;
    EXPECT_EQ(answer_of_path->get_header_value("Cache-Control"), "no-store") << path;
  }
  EXPECT_NE(sharded.get("/feed.atom?q=asylum")->body.find("this list may be incomplete"), std::string::npos);
  // A release that may be on the missing shard is not reported as absent.
  nlohmann::json lost = sharded.get_json("/api/releases/" + lost_id, 503);
  EXPECT_NE(lost.dump().find(config.db_locations[2]), std::string::npos) << lost.dump();
}

TEST_F(ShardedSearch, TheServerAnswers503NamingAShardThatIsDown) {
  std::vector<std::unique_ptr<testing::XapianServer>> servers;
  ServerConfig config;
  for (size_t i = 0; i < shards_.size(); ++i) {
    servers.push_back(testing::start_tcpsrv({shards_[i]}, dir_->path() / ("http-down-" + std::to_string(i) + ".log")));
    config.db_locations.push_back(servers.back()->address());
  }
  config.remote_connect_ms = 5000;
  config.remote_timeout_ms = 30000;
  testing::TestServer sharded("", config);
  sharded.get_json("/api/search?q=detention");
  servers[2]->stop();
  // Every request until the shard is back gets a quick 503 naming it, the
  // first too: a connection made before fails, and connecting again says
  // which shard is down.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto started = std::chrono::steady_clock::now();
  nlohmann::json first = sharded.get_json("/api/search?q=asylum", 503);
  nlohmann::json second = sharded.get_json("/api/search?q=asylum", 503);
  nlohmann::json health = sharded.get_json("/healthz", 503);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_NE(first.dump().find(config.db_locations[2]), std::string::npos) << first.dump();
  EXPECT_NE(second.dump().find(config.db_locations[2]), std::string::npos) << second.dump();
  EXPECT_NE(health.dump().find("unreachable"), std::string::npos) << health.dump();
}

}  // namespace
}  // namespace pressroom
