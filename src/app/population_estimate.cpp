#include "app/population_estimate.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "app/build_info.h"
#include "base/number_text.h"
#include "estimate/basic_models.h"
#include "estimate/capture_table.h"
#include "estimate/chao.h"
#include "estimate/criterion_search.h"
#include "estimate/estimability.h"
#include "estimate/lcmcr.h"
#include "estimate/model_selection.h"
#include "estimate/model_space.h"
#include "estimate/profile_interval.h"
#include "estimate/stepwise_search.h"
#include "estimate/wald_interval.h"

namespace uncounted {
namespace {

constexpr int kLcmcrChains = 2;
constexpr double kRhatLimit = 1.1;    // above this, chains have not mixed (Vehtari et al. 2021 use 1.01
                                      // for final results; 1.1 is the classic limit for "not converged")
constexpr double kMinEss = 100;       // fewer effective draws: interval ends imprecise (said in the reason)
constexpr double kSmallStratum = 50;  // observed people below which estimates are fragile
constexpr std::size_t kModelsShown = 10;
constexpr int kLoglinearSearchLists = 15;  // more lists: --method all leaves the log-linear search out

// What the user asked --model to be.
struct ModelSpec {
  std::optional<LoglinearModel> loglinear;
  std::optional<BasicModel> basic;
};

std::string criterion_text(SelectionCriterion c) {
  switch (c) {
    case SelectionCriterion::kAic: return "aic";
    case SelectionCriterion::kBic: return "bic";
    case SelectionCriterion::kStepwise: return "stepwise";
  }
  return "";
}

bool wants(const EstimateOptions& options, EstimateMethod method) {
  return options.method == EstimateMethod::kAll || options.method == method;
}

MethodEstimate make_estimate(std::string method, std::string model, std::string criterion, double n_hat,
                             double lower, std::optional<double> upper, double level, std::string interval) {
  MethodEstimate e;
  e.method = std::move(method);
  e.model = std::move(model);
  e.criterion = std::move(criterion);
  e.n_hat = n_hat;
  e.lower = lower;
  e.upper = upper;
  e.level = level;
  e.interval = std::move(interval);
  return e;
}

std::optional<double> finite_upper(const ProfileInterval& interval) {
  return interval.upper_finite ? std::optional<double>(interval.upper) : std::nullopt;
}

// A log-linear model's estimate with its profile-likelihood interval.
Result<MethodEstimate> loglinear_estimate(const CaptureTable& table, const FittedModel& fitted,
                                          const std::string& criterion, double level) {
  ProfileIntervalOptions interval_options;
  interval_options.level = level;
  auto interval = profile_interval(table, fitted.model, interval_options);
  if (!interval) return tl::unexpected(interval.error());
  MethodEstimate e = make_estimate("loglinear", fitted.model.display_name(table.lists()), criterion,
                                   fitted.fit.n_hat, interval->lower, finite_upper(*interval), level,
                                   "profile likelihood");
  e.details = {{"aic", fitted.fit.aic}, {"bic", fitted.fit.bic}, {"deviance", fitted.fit.deviance},
               {"df", fitted.fit.df}};
  return e;
}

// Says which interactions of `model` join lists with no one in common.
void warn_empty_overlaps(const CaptureTable& table, const LoglinearModel& model, TableEstimate& out) {
  for (Pattern term : model.terms())
    if (capture_count(term) == 2 && table.overlap(term) == 0)
      out.warnings.push_back(fmt::format(
          "the chosen model has an interaction of lists {} that have no one in common: its MLE exists only in "
          "the extended sense (the interaction is minus infinity and the cells holding both lists are fitted as "
          "0); N is still finite, as in Rcapture and SparseMSE",
          sparse_mse_pair_name(table, term)));
}

void add_given_model(const CaptureTable& table, const ModelSpec& spec, const EstimateOptions& options,
                     TableEstimate& out) {
  if (spec.basic) {
    const BasicModel model = *spec.basic;
    auto fit = fit_basic_model(table, model);
    if (!fit) {
      out.warnings.push_back(fmt::format("model {}: {}", basic_model_name(model), fit.error().message()));
      return;
    }
    if (!fit->converged || fit->info_fit != 0) {
      out.warnings.push_back(fmt::format(
          "model {} is not reported: {} (Rcapture's infoFit {})", basic_model_name(model),
          fit->converged ? "its fit is unreliable (large bias, aliased design or fitted rates near 0)"
                         : "its fit did not converge",
          fit->info_fit));
      return;
    }
    MethodEstimate e;
    if (has_profile_interval(model)) {
      ProfileIntervalOptions interval_options;
      interval_options.level = options.level;
      auto interval = basic_model_profile_interval(table, model, interval_options);
      if (!interval) {
        out.warnings.push_back(fmt::format("model {}: {}", basic_model_name(model), interval.error().message()));
        return;
      }
      e = make_estimate("loglinear", basic_model_name(model), "given", fit->n_hat, interval->lower,
                        finite_upper(*interval), options.level, "profile likelihood");
    } else {
      WaldInterval wald = wald_interval(fit->n_hat, fit->n_hat_se, options.level);
      e = make_estimate("loglinear", basic_model_name(model), "given", fit->n_hat,
                        std::max(wald.lower, static_cast<double>(table.observed())), wald.upper, options.level,
                        "Wald");
    }
    e.details = {{"aic", fit->aic}, {"bic", fit->bic}, {"deviance", fit->deviance}, {"df", fit->df}};
    out.estimates.push_back(std::move(e));
    return;
  }
  const LoglinearModel& model = *spec.loglinear;
  const std::string name = model.display_name(table.lists());
  ModelEstimability estimability = model_estimability(table, model);
  if (!estimability.estimable()) {
    out.warnings.push_back(fmt::format("model {} is not reported: {}", name, estimability.reason));
    return;
  }
  auto fit = fit_loglinear(table, model);
  if (!fit || !fit->converged) {
    out.warnings.push_back(fmt::format("model {} is not reported: its fit did not converge", name));
    return;
  }
  auto e = loglinear_estimate(table, FittedModel{model, *fit}, "given", options.level);
  if (!e) {
    out.warnings.push_back(fmt::format("model {}: {}", name, e.error().message()));
    return;
  }
  out.estimates.push_back(std::move(*e));
  warn_empty_overlaps(table, model, out);
}

void add_sparse_mse_stepwise(const CaptureTable& table, const EstimateOptions& options, TableEstimate& out) {
  StepwiseOptions stepwise_options;
  stepwise_options.level = options.level;
  auto result = sparse_mse_stepwise(table, stepwise_options);
  if (!result) {
    out.warnings.push_back("no log-linear estimate (stepwise): " + result.error().message());
    return;
  }
  MethodEstimate e = make_estimate("loglinear", result->fit.model.display_name(table.lists()), "stepwise",
                                   result->interval.estimate, result->interval.lower, result->interval.upper,
                                   options.level, "lognormal, conditional on the model (as SparseMSE)");
  e.details = {{"aic", result->fit.aic}, {"deviance", result->fit.deviance},
               {"pairs_added", static_cast<double>(result->pairs.size())}};
  out.estimates.push_back(std::move(e));
  for (Pattern pair : result->fit.empty_overlaps)
    out.warnings.push_back(fmt::format("lists {} have no one in common; their cells are left out of the "
                                       "stepwise fit (extended MLE, as SparseMSE)",
                                       sparse_mse_pair_name(table, pair)));
}

void add_selected_model(const CaptureTable& table, const EstimateOptions& options, TableEstimate& out) {
  const InformationCriterion criterion =
      options.criterion == SelectionCriterion::kAic ? InformationCriterion::kAic : InformationCriterion::kBic;
  const std::string criterion_label = criterion_name(criterion);
  auto value_of = [&](const LoglinearFit& fit) { return criterion == InformationCriterion::kAic ? fit.aic : fit.bic; };

  FittedModel chosen;
  if (table.list_count() <= 5) {
    auto space = default_model_space(table.list_count());
    if (!space) {
      out.warnings.push_back("no log-linear estimate: " + space.error().message());
      return;
    }
    auto fits = fit_models(table, *space);
    if (!fits) {
      out.warnings.push_back("no log-linear estimate: " + fits.error().message());
      return;
    }
    // A model whose MLE exists only in the extended sense because some of its
    // interactions join lists with no one in common (the interaction is minus
    // infinity, the cells holding both lists are fitted as 0, and N is still
    // finite and unique) is kept, as Rcapture and SparseMSE keep it; a model
    // whose N is unbounded or not identifiable (Artificial_3's [12,3]) is not.
    std::vector<char> has_mle(fits->size());
    for (std::size_t i = 0; i < fits->size(); ++i) {
      has_mle[i] = model_estimability(table, (*fits)[i].model).estimable();
      out.models_without_mle += !has_mle[i];
    }
    out.models_considered = fits->size();
    // Eligible: the MLE exists (never report a divergent model), the fit
    // converged, and Rcapture would raise no warning for it (infoFit 0: no
    // large asymptotic bias, full-rank design, no fitted rates near 0), the
    // rule of the reference selections.
    std::vector<std::size_t> eligible;
    std::vector<std::size_t> flagged;  // MLE exists and converged, but Rcapture warns
    for (std::size_t i = 0; i < fits->size(); ++i) {
      const LoglinearFit& fit = (*fits)[i].fit;
      if (!has_mle[i]) continue;
      if (fit.converged && fit.info_fit == 0) {
        eligible.push_back(i);
      } else {
        ++out.models_unreliable;
        if (fit.converged) flagged.push_back(i);
      }
    }
    if (eligible.empty() && !flagged.empty()) {
      eligible = flagged;
      out.models_unreliable -= flagged.size();
      out.warnings.push_back(
          "every log-linear model whose MLE exists has a warning of Rcapture's (a large asymptotic bias of N, "
          "or fitted counts near 0): the best of them is reported, but treat it with caution");
    }
    if (eligible.empty()) {
      out.warnings.push_back(fmt::format("no log-linear estimate: none of the {} models has a maximum-likelihood "
                                         "estimate on this table",
                                         fits->size()));
      return;
    }
    std::stable_sort(eligible.begin(), eligible.end(), [&](std::size_t a, std::size_t b) {
      return value_of((*fits)[a].fit) < value_of((*fits)[b].fit);
    });
    for (std::size_t r = 0; r < std::min(kModelsShown, eligible.size()); ++r) {
      const FittedModel& m = (*fits)[eligible[r]];
      out.models_compared.push_back(ModelComparisonRow{m.model.display_name(table.lists()), m.fit.n_hat, m.fit.aic,
                                                       m.fit.bic, m.fit.deviance, m.fit.df});
    }
    chosen = (*fits)[eligible.front()];
    if (eligible.size() > 1) {
      const LoglinearFit& second = (*fits)[eligible[1]].fit;
      double gap = value_of(second) - value_of(chosen.fit);
      double ratio = second.n_hat / chosen.fit.n_hat;
      if (gap < 2 && (ratio > 1.25 || ratio < 0.8))
        out.warnings.push_back(fmt::format(
            "the two best log-linear models by {} are within 2 points ({} and {}) but estimate {:.0f} and "
            "{:.0f}: the choice of model matters here",
            criterion_label, chosen.model.display_name(table.lists()),
            (*fits)[eligible[1]].model.display_name(table.lists()), chosen.fit.n_hat, second.n_hat));
    }
  } else {
    CriterionSearchOptions search_options;
    search_options.criterion = criterion;
    auto search = criterion_stepwise_search(table, search_options);
    if (!search) {
      out.warnings.push_back("no log-linear estimate: " + search.error().message());
      return;
    }
    out.models_considered = search->models_fitted + search->models_without_mle;
    out.models_without_mle = search->models_without_mle;
    chosen = search->chosen;
    out.warnings.push_back(fmt::format("{} lists: too many to compare every log-linear model; the model was "
                                       "found by a stepwise search on {} (a local optimum)",
                                       table.list_count(), criterion_label));
  }
  auto e = loglinear_estimate(table, chosen, criterion_label, options.level);
  if (!e) {
    out.warnings.push_back("log-linear model " + chosen.model.display_name(table.lists()) + ": " +
                           e.error().message());
    return;
  }
  out.estimates.push_back(std::move(*e));
  warn_empty_overlaps(table, chosen.model, out);
}

void add_lcmcr(const CaptureTable& table, const EstimateOptions& options, TableEstimate& out) {
  if (table.list_count() < 3) {
    out.warnings.push_back("the latent-class model needs at least 3 lists; not run");
    return;
  }
  LcmcrOptions lcmcr;
  lcmcr.classes = options.classes;
  lcmcr.burn_in = options.burnin;
  lcmcr.samples = (options.samples + kLcmcrChains - 1) / kLcmcrChains;
  lcmcr.thin = options.thin;
  lcmcr.seed = options.seed;
  lcmcr.chains = kLcmcrChains;
  lcmcr.level = options.level;
  auto result = estimate_lcmcr(table, lcmcr);
  if (!result) {
    out.warnings.push_back("latent-class model: " + result.error().message());
    return;
  }
  MethodEstimate e = make_estimate("lcmcr", fmt::format("latent classes (K={})", options.classes), "",
                                   result->median, result->lower, result->upper, options.level,
                                   "equal-tailed posterior");
  e.details = {{"mean", result->mean},
               {"sd", result->sd},
               {"rhat", result->rhat},
               {"ess", result->ess_bulk},
               {"samples", static_cast<double>(result->options.samples * result->options.chains)},
               {"chains", result->options.chains},
               {"seed", static_cast<double>(options.seed)}};
  if (std::isnan(result->rhat))
    out.warnings.push_back(
        "latent-class convergence could not be checked (R-hat is undefined: the draws of N did not vary, or "
        "were too few): run longer (--burnin, --samples, --thin) before using this estimate");
  else if (!(result->rhat <= kRhatLimit))
    out.warnings.push_back(fmt::format("latent-class chains have not converged (R-hat {:.3f} > {}): run longer "
                                       "(--burnin, --samples, --thin) before using this estimate",
                                       result->rhat, kRhatLimit));
  else if (result->ess_bulk < 100)
    out.warnings.push_back(fmt::format("latent-class posterior has only {:.0f} effective samples: its interval "
                                       "ends are imprecise; run longer",
                                       result->ess_bulk));
  if (result->capped_draws > 0)
    out.warnings.push_back("latent-class sampler hit the bound on unobserved people: the posterior is improper "
                           "for this table");
  out.estimates.push_back(std::move(e));
}

void add_chao(const CaptureTable& table, const EstimateOptions& options, TableEstimate& out) {
  auto chao = chao_lower_bound(table, options.level);
  if (!chao) {
    out.warnings.push_back("Chao's lower bound: " + chao.error().message());
    return;
  }
  MethodEstimate e = make_estimate("chao", chao->bias_corrected ? "lower bound (bias-corrected, f2 = 0)"
                                                                : "lower bound",
                                   "", chao->n_hat, chao->lower, chao->upper, options.level,
                                   "log-normal on the unseen (Chao 1987)");
  e.details = {{"f1", static_cast<double>(chao->f1)}, {"f2", static_cast<double>(chao->f2)}};
  out.estimates.push_back(std::move(e));
}

// Marks one estimate as recommended. The order of preference is documented
// in docs/ESTIMATION.md: the latent-class model when its chains agree
// (R-hat <= 1.1; it allows for heterogeneous capture and its interval is not
// conditional on one selected model), else the selected or given log-linear
// model, else Chao's lower bound (a bound, not an estimate). Few effective
// draws (ESS < 100) do not demote the latent-class model: in the coverage
// study (docs/COVERAGE.md) its imprecise interval still covered the truth far
// more often than the log-linear interval that replaced it (true histories:
// 82% vs 73% overall; dependent lists, large N: 98% vs 48%); the warning
// asks the user to run longer instead.
void recommend(TableEstimate& out) {
  auto find = [&](const char* method) {
    return std::find_if(out.estimates.begin(), out.estimates.end(),
                        [&](const MethodEstimate& e) { return e.method == method; });
  };
  auto lcmcr = find("lcmcr");
  if (lcmcr != out.estimates.end()) {
    double rhat = 0;
    double ess = 0;
    for (const auto& [name, value] : lcmcr->details) {
      if (name == "rhat") rhat = value;
      if (name == "ess") ess = value;
    }
    if (rhat <= kRhatLimit) {
      lcmcr->recommended = true;
      lcmcr->reason = fmt::format(
          "the latent-class model allows people to differ in how visible they are to the lists and averages "
          "over class structures, so its interval carries model uncertainty that one selected log-linear "
          "model's interval leaves out; its chains agree (R-hat {:.3f}, {:.0f} effective draws{})",
          rhat, ess, ess >= kMinEss ? "" : ": few, so its interval ends are imprecise; run longer");
      return;
    }
  }
  auto loglinear = find("loglinear");
  if (loglinear != out.estimates.end()) {
    loglinear->recommended = true;
    loglinear->reason =
        lcmcr != out.estimates.end()
            ? "the latent-class chains did not converge (R-hat above 1.1: the posterior may have several "
              "modes), so the log-linear model is the best-supported estimate"
            : "the log-linear model is the best-supported estimate among the methods run";
    return;
  }
  auto chao = find("chao");
  if (chao != out.estimates.end()) {
    chao->recommended = true;
    chao->reason = "only Chao's lower bound could be computed: the true total is probably larger";
    return;
  }
  if (!out.estimates.empty()) {
    out.estimates.front().recommended = true;
    out.estimates.front().reason = "the only estimate available";
  }
}

// Chao's bound is a lower bound under heterogeneous capture: a recommended
// estimate below it deserves a second look.
void warn_if_below_chao(TableEstimate& out) {
  const MethodEstimate* chao = nullptr;
  const MethodEstimate* chosen = nullptr;
  for (const auto& e : out.estimates) {
    if (e.method == "chao") chao = &e;
    if (e.recommended) chosen = &e;
  }
  if (chao && chosen && chosen != chao && chosen->n_hat < chao->n_hat)
    out.warnings.push_back(fmt::format(
        "the recommended estimate ({:.0f}) is below Chao's lower bound ({:.0f}): capture may be more "
        "heterogeneous, or the lists more dependent, than the model allows",
        chosen->n_hat, chao->n_hat));
}

TableEstimate estimate_table(const std::string& stratum, const std::vector<std::string>& all_lists,
                             const std::vector<std::int64_t>& counts, const EstimateOptions& options,
                             const ModelSpec& spec) {
  TableEstimate out;
  out.stratum = stratum;
  out.lists = all_lists;
  for (std::size_t p = 1; p < counts.size(); ++p) out.observed += counts[p];

  // Lists that saw no one here (possible within a stratum) are left out.
  Pattern keep = 0;
  std::vector<std::string> empty;
  for (std::size_t j = 0; j < all_lists.size(); ++j) {
    std::int64_t on_list = 0;
    for (std::size_t p = 1; p < counts.size(); ++p)
      if (p >> j & 1) on_list += counts[p];
    if (on_list > 0)
      keep |= Pattern{1} << j;
    else
      empty.push_back(all_lists[j]);
  }
  if (capture_count(keep) < 2) {
    out.warnings.push_back("fewer than 2 lists have records here: no estimate is possible");
    return out;
  }
  Result<CaptureTable> table = CaptureTable::make_marginal(all_lists, counts, keep);
  if (!table) {
    out.warnings.push_back("no estimate: " + table.error().message());
    return out;
  }
  if (!empty.empty()) {
    std::string names;
    for (const auto& name : empty) names += (names.empty() ? "" : ", ") + name;
    out.warnings.push_back("list(s) " + names + " have no records here; estimated from the other lists");
    out.lists = table->lists();
  }
  if (static_cast<double>(out.observed) < kSmallStratum)
    out.warnings.push_back(fmt::format("only {} people observed: estimates from so few are fragile", out.observed));

  // The log-linear search fits models on all 2^k - 1 cells: 48 s at 16
  // lists, several minutes at 18 (measured). With --method all, more than
  // kLoglinearSearchLists lists leave it out and say so; asked for by name
  // (--method loglinear, --model) it runs.
  const bool search_too_large = options.method == EstimateMethod::kAll && !spec.loglinear && !spec.basic &&
                                table->list_count() > kLoglinearSearchLists;
  if (search_too_large)
    out.warnings.push_back(fmt::format(
        "log-linear models were not searched: {} lists make {} cells per fit (about a minute at 16 lists, "
        "over 5 minutes at 20); run "
        "--method loglinear to search anyway",
        table->list_count(), group_thousands((std::int64_t{1} << table->list_count()) - 1)));
  if (wants(options, EstimateMethod::kLoglinear) && !search_too_large) {
    if (spec.loglinear && !empty.empty())
      out.warnings.push_back("the given model names lists without records here; it is not fitted");
    else if (spec.loglinear || spec.basic)
      add_given_model(*table, spec, options, out);
    else if (options.criterion == SelectionCriterion::kStepwise)
      add_sparse_mse_stepwise(*table, options, out);
    else
      add_selected_model(*table, options, out);
  }
  if (wants(options, EstimateMethod::kLcmcr)) add_lcmcr(*table, options, out);
  if (wants(options, EstimateMethod::kChao)) add_chao(*table, options, out);
  for (auto& e : out.estimates)
    if (e.method == "loglinear" && e.criterion.empty()) e.criterion = criterion_text(options.criterion);
  recommend(out);
  warn_if_below_chao(out);
  return out;
}

Status check_options(const EstimateOptions& options) {
  if (!(options.level > 0 && options.level < 1)) return fail("--level must be between 0 and 1");
  if (options.samples < 1) return fail("--samples must be at least 1");
  if (options.burnin < 0) return fail("--burnin must not be negative");
  if (options.thin < 1) return fail("--thin must be at least 1");
  if (options.classes < 1) return fail("--classes must be at least 1");
  return {};
}

Result<ModelSpec> resolve_model(const std::optional<std::string>& text, const std::vector<std::string>& lists) {
  ModelSpec spec;
  if (!text) return spec;
  if (auto basic = parse_basic_model(*text)) {
    spec.basic = *basic;
    return spec;
  }
  auto model = LoglinearModel::parse(*text, lists);
  if (!model)
    return fail("--model '" + *text + "' is neither a log-linear model such as \"[12,3]\" or \"[" + lists[0] +
                lists[1] + "]\" nor one of Rcapture's basic models (M0, Mt, Mh Chao (LB), ..., Mb, Mbh): " +
                model.error().message());
  spec.loglinear = *model;
  return spec;
}

}  // namespace

Result<EstimateReport> estimate_population(const CaptureHistoriesFile& histories, const EstimateOptions& options) {
  if (auto ok = check_options(options); !ok) return tl::unexpected(ok.error());
  auto spec = resolve_model(options.model, histories.lists);
  if (!spec) return tl::unexpected(spec.error());

  EstimateReport report;
  report.seed = options.seed;
  report.version = uncounted_version();
  report.dependencies = dependency_versions();
  report.total = estimate_table("", histories.lists, histories.total.counts, options, *spec);
  for (const PatternCounts& stratum : histories.strata)
    report.strata.push_back(estimate_table(stratum.stratum, histories.lists, stratum.counts, options, *spec));
  return report;
}

}  // namespace uncounted
