// The OpenAPI description served at /api/openapi.json is walked against the
// running server: every documented route answers, every documented parameter
// is accepted with its example, and answers carry the documented required
// fields. The description cannot drift from the server unnoticed.
#include <gtest/gtest.h>

#include "tests/fixtures.h"
#include "tests/test_server.h"

namespace pressroom::testing {
namespace {

using nlohmann::json;

class OpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = (dir_->path() / "db").string();
    index_paths(db_, {std::string(PRESSROOM_SOURCE_DIR) + "/corpus"});
    server_ = new TestServer(db_);
    spec_ = new json(server_->get_json("/api/openapi.json"));
  }
  static void TearDownTestSuite() {
    delete spec_;
    delete server_;
    delete dir_;
  }

  // Path with {id} replaced by the example of the path parameter.
  static std::string concrete(const std::string& path, const json& op) {
    std::string out = path;
    const json parameters = op.value("parameters", json::array());
    for (const auto& param : parameters) {
      if (param["in"] != "path") continue;
      std::string name("{");
      name.append(param["name"].get<std::string>()).append("}");
      out.replace(out.find(name), name.size(), param["example"].get<std::string>());
    }
    return out;
  }

  static void expect_required(const json& schema, const json& value, const std::string& where) {
    if (schema.contains("$ref")) return;
    const json required = schema.value("required", json::array());
    for (const auto& field : required)
      EXPECT_TRUE(value.contains(field.get<std::string>())) << where << " lacks documented field " << field;
    if (schema.value("type", "") == "array" && schema.contains("items") && value.is_array())
      for (const auto& item : value) expect_required(schema["items"], item, where + "[]");
    const json properties = schema.value("properties", json::object());
    for (const auto& [name, sub] : properties.items())
      if (value.is_object() && value.contains(name)) expect_required(sub, value[name], where + "." + name);
  }

  static TempDir* dir_;
  static std::string db_;
  static TestServer* server_;
  static json* spec_;
};

TempDir* OpenApi::dir_ = nullptr;
std::string OpenApi::db_;
TestServer* OpenApi::server_ = nullptr;
json* OpenApi::spec_ = nullptr;

TEST_F(OpenApi, IsServedAsOpenApi3) {
  EXPECT_EQ(spec_->value("openapi", "").substr(0, 2), "3.");
  EXPECT_GE((*spec_)["paths"].size(), 10u);
}

TEST_F(OpenApi, EveryDocumentedRouteAnswersWithItsDocumentedShape) {
  for (const auto& [path, item] : (*spec_)["paths"].items()) {
    const json& op = item["get"];
    std::string url = concrete(path, op);
    auto res = server_->get(url);
    ASSERT_TRUE(res) << url;
    EXPECT_EQ(res->status, 200) << url << " → " << res->body.substr(0, 300);
    const json& ok = op["responses"]["200"];
    if (!ok.contains("content")) continue;
    auto [type, media] = *ok["content"].items().begin();
    EXPECT_NE(res->get_header_value("Content-Type").find(type.substr(0, type.find('+') == std::string::npos ? type.size() : 0)),
              std::string::npos)
        << url << " content type " << res->get_header_value("Content-Type") << " vs documented " << type;
    if (type == "application/json") expect_required(media["schema"], json::parse(res->body), url);
  }
}

TEST_F(OpenApi, EveryDocumentedParameterIsAcceptedWithItsExample) {
  for (const auto& [path, item] : (*spec_)["paths"].items()) {
    const json& op = item["get"];
    std::string base = concrete(path, op);
    const json parameters = op.value("parameters", json::array());
    for (const auto& param : parameters) {
      if (param["in"] != "query" || !param.contains("example")) continue;
      const json& example = param["example"];
      std::string value = example.is_string() ? example.get<std::string>() : example.dump();
      std::string url = base + "?" + param["name"].get<std::string>() + "=" + httplib::detail::encode_query_param(value);
      auto res = server_->get(url);
      ASSERT_TRUE(res) << url;
      EXPECT_EQ(res->status, 200) << url << " → " << res->body.substr(0, 300);
    }
  }
}

TEST_F(OpenApi, DocumentedErrorsHaveTheErrorShape) {
  auto res = server_->get("/api/search?size=0");
  ASSERT_EQ(res->status, 400);
  json body = json::parse(res->body);
  expect_required((*spec_)["components"]["responses"]["Error"]["content"]["application/json"]["schema"], body,
                  "400 answer");
}

}  // namespace
}  // namespace pressroom::testing
