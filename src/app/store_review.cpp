#include "app/store_review.h"

#include <map>
#include <numeric>

namespace uncounted {
namespace {

struct RecordName {
  std::string source, record_id;
};

Result<RecordName> parse_record_name(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    return fail("name a record as SOURCE:RECORD_ID (e.g. ngo_reports:NGO-000123)");
  return RecordName{text.substr(0, colon), text.substr(colon + 1)};
}

}  // namespace

Status check_decisions_agree(const std::vector<store::ClericalDecisionRow>& decisions) {
  std::map<std::string, std::size_t> id_of;
  auto node = [&](const std::string& source, const std::string& key) {
    return id_of.emplace(source + '\x1f' + key, id_of.size()).first->second;
  };
  for (const auto& d : decisions) {
    if (d.revoked) continue;
    node(d.left_source, d.left_key);
    node(d.right_source, d.right_key);
  }
  std::vector<std::size_t> parent(id_of.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& d : decisions)
    if (!d.revoked && d.same) parent[find(node(d.left_source, d.left_key))] = find(node(d.right_source, d.right_key));
  for (const auto& d : decisions)
    if (!d.revoked && !d.same && find(node(d.left_source, d.left_key)) == find(node(d.right_source, d.right_key)))
      return fail("decision " + std::to_string(d.id) +
                  " says two records are different people, but 'same person' decisions join them; revoke one "
                  "(uncounted review STORE --list shows them)");
  return {};
}

Result<std::int64_t> record_decision(const DecisionRequest& request) {
  auto left = parse_record_name(request.left);
  if (!left) return tl::unexpected(left.error());
  auto right = parse_record_name(request.right);
  if (!right) return tl::unexpected(right.error());
  auto opened = open_store(request.access, store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  std::int64_t id = 0;
  auto ok = opened->write([&](store::Database& db) -> Status {
    store::ClericalDecisionRow d;
    d.left_source = left->source;
    d.left_key = left->record_id;
    d.right_source = right->source;
    d.right_key = right->record_id;
    d.same = request.same;
    d.reason = request.reason;
    auto added = store::add_decision(db, d, current_actor());
    if (!added) return tl::unexpected(added.error());
    id = *added;
    auto all = store::list_decisions(db, true);
    if (!all) return tl::unexpected(all.error());
    return check_decisions_agree(*all);
  });
  if (!ok) return tl::unexpected(ok.error());
  return id;
}

Status revoke_decision(const StoreAccess& access, std::int64_t id, const std::string& reason) {
  auto opened = open_store(access, store::Access::write);
  if (!opened) return tl::unexpected(opened.error());
  return opened->write(
      [&](store::Database& db) -> Status { return store::revoke_decision(db, id, reason, current_actor()); });
}

Result<std::vector<store::ClericalDecisionRow>> list_decisions(const StoreAccess& access, bool active_only) {
  auto opened = open_store(access, store::Access::read);
  if (!opened) return tl::unexpected(opened.error());
  return store::list_decisions(opened->db(), active_only);
}

}  // namespace uncounted
