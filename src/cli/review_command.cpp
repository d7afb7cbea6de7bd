// `uncounted review STORE`: reviewers' decisions about pairs of records.
#include <iostream>
#include <memory>
#include <vector>

#include "app/store_review.h"
#include "cli/commands.h"
#include "cli/store_options.h"

namespace uncounted::cli {
namespace {

struct ReviewArguments {
  StoreAccess access;
  std::vector<std::string> same, different;
  std::int64_t revoke = 0;
  std::string reason;
  bool all = false;
};

int run_review(const ReviewArguments& args) {
  const int actions = (args.same.empty() ? 0 : 1) + (args.different.empty() ? 0 : 1) + (args.revoke > 0 ? 1 : 0);
  if (actions > 1) {
    report_error("review", "give one of --same, --different or --revoke");
    return kExitUsage;
  }
  if (actions == 1 && args.reason.empty()) {
    report_error("review", "say why with --reason (it is kept in the store with the decision)");
    return kExitUsage;
  }
  if (!args.same.empty() || !args.different.empty()) {
    const auto& pair = args.same.empty() ? args.different : args.same;
    auto id = record_decision({args.access, pair[0], pair[1], !args.same.empty(), args.reason});
    if (!id) {
      report_error("review", id.error().message());
      return kExitFailure;
    }
    std::cout << "recorded decision " << *id << " (" << (args.same.empty() ? "different people" : "same person")
              << "); it applies from the next `uncounted link STORE`\n";
    return kExitOk;
  }
  if (args.revoke > 0) {
    if (auto ok = revoke_decision(args.access, args.revoke, args.reason); !ok) {
      report_error("review", ok.error().message());
      return kExitFailure;
    }
    std::cout << "revoked decision " << args.revoke << "; it stops applying from the next `uncounted link STORE`\n";
    return kExitOk;
  }
  auto decisions = list_decisions(args.access, !args.all);
  if (!decisions) {
    report_error("review", decisions.error().message());
    return kExitFailure;
  }
  std::cout << "id\tdecision\tfirst\tsecond\tat\tactor\treason\trevoked\n";
  for (const auto& d : *decisions)
    std::cout << d.id << '\t' << (d.same ? "same" : "different") << '\t' << d.left_source << ':' << d.left_key << '\t'
              << d.right_source << ':' << d.right_key << '\t' << d.at << '\t' << d.actor << '\t' << d.reason << '\t'
              << (d.revoked ? d.revoked_at + " by " + d.revoked_by + ": " + d.revoke_reason : "-") << '\n';
  return std::cout.good() ? kExitOk : kExitFailure;
}

}  // namespace

void add_review_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "review",
      std::string("Record reviewers' decisions about pairs of records (the same person, or different people), "
                  "list them, or revoke one. Decisions are kept and audited in the store, never deleted; the next "
                  "`uncounted link STORE` applies the active ones. Without an action, lists the active decisions. ") +
          kPassphraseHelp);
  auto args = std::make_shared<ReviewArguments>();
  add_store_access(cmd, args->access);
  cmd->add_option("--same", args->same, "Two records (SOURCE:RECORD_ID) that are one person")->expected(2);
  cmd->add_option("--different", args->different, "Two records (SOURCE:RECORD_ID) that are different people")
      ->expected(2);
  cmd->add_option("--revoke", args->revoke, "Revoke the decision with this number")->check(CLI::PositiveNumber);
  cmd->add_option("--reason", args->reason, "Why (kept in the store with the decision or revocation)");
  cmd->add_flag("--all", args->all, "List revoked decisions too");
  cmd->callback([args, &exit_status] { exit_status = run_review(*args); });
}

}  // namespace uncounted::cli
