#include "app/estimate_output.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/number_text.h"

namespace uncounted {
namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

void append_table(std::string& out, const TableEstimate& t) {
  std::string title = t.stratum.empty() ? "All records" : "Stratum " + t.stratum;
  out += fmt::format("{}: {} lists ({}), {} people observed\n\n", title, t.lists.size(), join(t.lists, " "),
                     thousands(static_cast<double>(t.observed)));
  if (!t.estimates.empty()) {
    std::size_t model_width = 5;
    for (const auto& e : t.estimates) model_width = std::max(model_width, e.model.size());
    int level_percent = static_cast<int>(std::lround(t.estimates.front().level * 100));
    out += fmt::format("    {:<10} {:<{}} {:<9} {:>12}   {}% interval\n", "method", "model", model_width,
                       "selection", "N", level_percent);
    for (const auto& e : t.estimates) {
      out += fmt::format("  {} {:<10} {:<{}} {:<9} {:>12}   {}  ({})\n", e.recommended ? "*" : " ", e.method,
                         e.model, model_width, e.criterion.empty() ? "-" : e.criterion, thousands(e.n_hat),
                         interval_text(e), e.interval);
      if (!e.details.empty()) {
        std::vector<std::string> parts;
        for (const auto& [name, value] : e.details) parts.push_back(fmt::format("{} {:.4g}", name, value));
        out += fmt::format("    {:<10} {}\n", "", join(parts, ", "));
      }
    }
    for (const auto& e : t.estimates)
      if (e.recommended) out += fmt::format("  * recommended: {}\n", e.reason);
  }
  if (!t.models_compared.empty()) {
    out += fmt::format(
        "\n  Log-linear models: {} considered; excluded: {} whose MLE does not exist, {} with an unreliable fit "
        "(no convergence, large bias or fitted rates near 0).\n",
        t.models_considered, t.models_without_mle, t.models_unreliable);
    std::size_t width = 5;
    for (const auto& m : t.models_compared) width = std::max(width, m.model.size());
    out += fmt::format("    {:<{}} {:>12} {:>10} {:>10} {:>10} {:>4}\n", "model", width, "N", "AIC", "BIC",
                       "deviance", "df");
    for (const auto& m : t.models_compared)
      out += fmt::format("    {:<{}} {:>12} {:>10.2f} {:>10.2f} {:>10.2f} {:>4}\n", m.model, width,
                         thousands(m.n_hat), m.aic, m.bic, m.deviance, m.df);
  }
  if (!t.warnings.empty()) {
    out += "\n  Warnings:\n";
    for (const auto& w : t.warnings) out += "  - " + w + "\n";
  }
}

nlohmann::ordered_json table_json(const TableEstimate& t) {
  nlohmann::ordered_json j;
  if (!t.stratum.empty()) j["stratum"] = t.stratum;
  j["observed"] = t.observed;
  j["lists"] = t.lists;
  j["estimates"] = nlohmann::ordered_json::array();
  for (const auto& e : t.estimates) {
    nlohmann::ordered_json x;
    x["method"] = e.method;
    x["model"] = e.model;
    if (!e.criterion.empty()) x["criterion"] = e.criterion;
    x["N"] = e.n_hat;
    x["lower"] = e.lower;
    x["upper"] = e.upper ? nlohmann::ordered_json(*e.upper) : nlohmann::ordered_json(nullptr);
    x["level"] = e.level;
    x["interval"] = e.interval;
    x["recommended"] = e.recommended;
    if (e.recommended) x["reason"] = e.reason;
    for (const auto& [name, value] : e.details) x[name] = value;
    j["estimates"].push_back(std::move(x));
  }
  if (!t.models_compared.empty()) {
    j["models_considered"] = t.models_considered;
    j["models_without_mle"] = t.models_without_mle;
    j["models_unreliable"] = t.models_unreliable;
    auto& rows = j["models_compared"] = nlohmann::ordered_json::array();
    for (const auto& m : t.models_compared)
      rows.push_back({{"model", m.model}, {"N", m.n_hat}, {"aic", m.aic}, {"bic", m.bic},
                      {"deviance", m.deviance}, {"df", m.df}});
  }
  j["warnings"] = t.warnings;
  return j;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void append_csv_rows(std::string& out, const TableEstimate& t) {
  for (const auto& e : t.estimates)
    out += fmt::format("{},{},{},{},{:.6g},{:.6g},{},{},{}\n", csv_field(t.stratum), e.method, csv_field(e.model),
                       e.criterion, e.n_hat, e.lower, e.upper ? fmt::format("{:.6g}", *e.upper) : "", e.level,
                       e.recommended ? "true" : "false");
}

}  // namespace

// 12345.6 -> "12,346"; large or non-finite values in scientific notation.
std::string thousands(double value) {
  if (!std::isfinite(value)) return "inf";
  if (std::fabs(value) >= 1e15) return fmt::format("{:.3g}", value);
  return group_thousands(std::llround(value));
}

std::string interval_text(const MethodEstimate& e) {
  return thousands(e.lower) + " – " + (e.upper ? thousands(*e.upper) : std::string("no finite limit"));
}


std::string format_estimate_table(const EstimateReport& report) {
  std::string out;
  append_table(out, report.total);
  for (const auto& s : report.strata) {
    out += "\n";
    append_table(out, s);
  }
  out += fmt::format("\nuncounted {}, seed {}\n", report.version, report.seed);
  return out;
}

std::string format_estimate_json(const EstimateReport& report) {
  nlohmann::ordered_json j = table_json(report.total);
  if (!report.strata.empty()) {
    j["strata"] = nlohmann::ordered_json::array();
    for (const auto& s : report.strata) j["strata"].push_back(table_json(s));
  }
  nlohmann::ordered_json provenance;
  provenance["uncounted"] = report.version;
  provenance["seed"] = report.seed;
  for (const auto& [name, version] : report.dependencies) provenance["dependencies"][name] = version;
  j["provenance"] = std::move(provenance);
  // Inputs are checked to be UTF-8; should anything slip through, a
  // replacement character is written rather than the program aborting.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string format_estimate_csv(const EstimateReport& report) {
  std::string out = "stratum,method,model,criterion,N,lower,upper,level,recommended\n";
  append_csv_rows(out, report.total);
  for (const auto& s : report.strata) append_csv_rows(out, s);
  return out;
}

}  // namespace uncounted
