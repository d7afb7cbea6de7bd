#include "simulate/simulator.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "simulate/internal/record_text.h"
#include "simulate/internal/text_util.h"
#include "simulate/random.h"
#include "simulate/typos.h"

namespace uncounted::simulate {
namespace {

constexpr std::uint64_t kCaptureStream = 0x434150;  // "CAP"
constexpr std::uint64_t kRecordStream = 0x524543;   // "REC"
constexpr std::uint64_t kShuffleStream = 0x534846;  // "SHF"
constexpr std::uint64_t kLifeCourseStream = 0x4C4946;  // "LIF"

bool valid_rate(double r) { return r >= 0 && r <= 1; }

Status check_source(const SourceSpec& s, std::size_t index, const KoreanTables& tables) {
  const auto where = [&](const std::string& what) {
    return fmt::format("source {} ({}): {}", index + 1, s.name, what);
  };
  if (s.name.empty()) return fail(fmt::format("source {}: the name is empty", index + 1));
  for (char c : s.name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return fail(where("a name may hold only letters, digits and _"));
  if (!(s.capture_probability > 0 && s.capture_probability < 1))
    return fail(where("capture_probability must be strictly between 0 and 1"));
  if (!(s.heterogeneity >= 0 && s.heterogeneity <= 10)) return fail(where("heterogeneity must be in [0, 10]"));
  if (s.depends_on >= static_cast<int>(index) || s.depends_on < -1)
    return fail(where("depends_on must name an earlier source (or be -1)"));
  if (!(std::abs(s.dependence) <= 10)) return fail(where("dependence must be in [-10, 10]"));
  for (double r : {s.duplicate_rate, s.typo_rate, s.birth_year_error_rate, s.age_instead_rate,
                   s.missing_rate, s.place_coarse_rate, s.place_variant_rate, s.date_error_rate,
                   s.form.given_first_rate, s.form.comma_rate, s.form.south_given_rate,
                   s.form.hanzi_rate, s.form.space_in_hangul_rate, s.detention_report_rate})
    if (!valid_rate(r)) return fail(where("every rate must be between 0 and 1"));
  const auto& p = s.date_precision;
  if (!(p.day >= 0 && p.month >= 0 && p.season >= 0 && p.year >= 0 && p.day + p.month + p.season + p.year > 0))
    return fail(where("date precision weights must be non-negative with a positive sum"));
  if (!(s.form.spaced >= 0 && s.form.hyphenated >= 0 && s.form.joined >= 0 &&
        s.form.spaced + s.form.hyphenated + s.form.joined > 0))
    return fail(where("given-name joining weights must be non-negative with a positive sum"));
  if (s.event_type != "repatriation" && s.event_type != "arrest_china" && s.event_type != "border_crossing")
    return fail(where("event_type must be repatriation, arrest_china or border_crossing"));
  if (s.style == NameStyle::kPinyin && (tables.hanja == nullptr || tables.hanja->empty()))
    return fail(where("the Pinyin style needs the Unihan readings"));
  return {};
}

CivilDate shift_days(const CivilDate& d, long days) { return civil_from_days(days_from_civil(d) + days); }

const normalize::Place& place_or_abort(const KoreanTables& tables, const std::string& id) {
  const normalize::Place* p = tables.gazetteer->find_id(id);
  if (p == nullptr) std::abort();  // ids come from the same gazetteer
  return *p;
}

NameStyle other_style(NameStyle style, Rng& rng, bool hanja_available) {
  const NameStyle all[] = {NameStyle::kHangulSouth, NameStyle::kDprkAscii, NameStyle::kSouthAdHoc,
                           NameStyle::kRrCapitals, NameStyle::kMrDiacritics, NameStyle::kPinyin};
  const std::size_t n = hanja_available ? 6 : 5;
  NameStyle s = style;
  while (s == style) s = all[rng.below(n)];
  return s;
}

// A date as the source writes it: shifted by 2 weeks to 4 months with the
// source's date_error_rate, then coarsened to a precision drawn by its
// weights, and read back as the importer will read it.
PartialDate written_date(const SourceSpec& spec, CivilDate d, Rng& rng, bool& shifted,
                         DatePrecision& precision) {
  shifted = false;
  if (rng.bernoulli(spec.date_error_rate)) {
    shifted = true;
    const long days = rng.between(14, 120);
    d = shift_days(d, rng.bernoulli(0.5) ? days : -days);
  }
  const auto& w = spec.date_precision;
  const double weights[4] = {w.day, w.month, w.season, w.year};
  constexpr DatePrecision kPrecisions[4] = {DatePrecision::day, DatePrecision::month,
                                            DatePrecision::season, DatePrecision::year};
  precision = kPrecisions[rng.weighted(weights)];
  const std::string text = internal::date_text(d, precision, spec.korean_dates, rng);
  auto parsed = parse_partial_date(text);
  if (!parsed) std::abort();  // date_text writes only what the parser reads (tested)
  return *parsed;
}

struct Writer {
  const SimulationOptions& options;
  const KoreanTables& tables;

  void write(const Person& person, std::size_t source_index, int copy, SimulatedData& out) const {
    const SourceSpec& spec = options.sources[source_index];
    Rng rng(derive_seed(options.population.seed,
                        {kRecordStream, std::stoull(person.person_id.substr(1)), source_index,
                         static_cast<std::uint64_t>(copy)}));
    RecordNoise noise;
    noise.duplicate = copy > 0;
    CaseRecord r;
    r.source = spec.name;
    r.list = spec.list.empty() ? spec.name : spec.list;

    // Name, with a typo in the given name (3 in 4) or the family name.
    NameParts parts = write_name(person, spec.style, spec.form, tables, rng);
    if (rng.bernoulli(spec.typo_rate)) {
      noise.typo = true;
      if (!parts.hanzi.empty() && rng.bernoulli(0.3)) {
        const std::size_t family_chars = internal::characters(person.family_hanja).size();
        const std::string changed = hanzi_typo(parts.hanzi, family_chars, rng);
        if (changed != parts.hanzi) {
          parts.hanzi = changed;
        } else {
          parts.given = latin_typo(parts.given, rng);
        }
      } else {
        std::string& target = (rng.bernoulli(0.75) || parts.family.empty()) ? parts.given : parts.family;
        target = parts.hangul ? hangul_typo(target, rng) : latin_typo(target, rng);
      }
    }
    const WrittenName name = compose(parts, spec.form);
    r.full_name = name.full_name;
    r.family_name = name.family_name;
    r.given_name = name.given_name;
    r.name_hangul = name.name_hangul;
    r.name_hanzi = name.name_hanzi;

    const auto missing = [&] {
      const bool m = rng.bernoulli(spec.missing_rate);
      if (m) ++noise.missing_fields;
      return m;
    };

    if (!missing()) r.sex = std::string(1, person.sex);

    // The event.
    CivilDate event_date = person.repatriation;
    std::string event_place_id;
    if (spec.event_type == "arrest_china") {
      event_date = person.arrest;
      event_place_id = person.arrest_place_id;
    } else if (spec.event_type == "border_crossing") {
      event_date = person.border_crossing;
      event_place_id = person.handover_dprk_id;
    } else {
      const bool china_side = spec.style == NameStyle::kPinyin ? rng.bernoulli(0.8) : rng.bernoulli(0.35);
      event_place_id = china_side ? person.handover_china_id : person.handover_dprk_id;
    }

    // Birth year, possibly wrong by a year or two, or an age at the event.
    if (!missing()) {
      int birth_year = person.birth_year;
      if (rng.bernoulli(spec.birth_year_error_rate)) {
        noise.birth_year_error = true;
        const int size = rng.bernoulli(0.8) ? 1 : 2;
        birth_year += rng.bernoulli(0.5) ? size : -size;
      }
      if (rng.bernoulli(spec.age_instead_rate)) {
        noise.age_instead = true;
        r.age = event_date.year - birth_year - (rng.bernoulli(0.5) ? 1 : 0);
      } else {
        r.birth_year = birth_year;
      }
    }

    // Home county (or its province), in this source's style or another's.
    if (!missing()) {
      const normalize::Place* home = &place_or_abort(tables, person.origin_place_id);
      if (rng.bernoulli(spec.place_coarse_rate) && !home->parent_id.empty()) {
        noise.place_coarse = true;
        home = &place_or_abort(tables, home->parent_id);
      }
      NameStyle style = spec.style;
      if (rng.bernoulli(spec.place_variant_rate)) {
        noise.place_variant = true;
        style = other_style(style, rng, tables.hanja != nullptr && !tables.hanja->empty());
      }
      r.origin_place = internal::place_text(*home, style, rng);
    }

    CaseEvent event;
    event.type = spec.event_type;
    if (!missing()) {
      bool shifted = false;
      event.date = written_date(spec, event_date, rng, shifted, noise.date_precision);
      noise.date_error = shifted;
    }
    if (!missing()) event.place = internal::place_text(place_or_abort(tables, event_place_id), spec.style, rng);
    r.events.push_back(std::move(event));

    // The life course after return, from a stream of its own (so the rest
    // of the record does not depend on whether it is reported).
    Rng life(derive_seed(options.population.seed,
                         {kLifeCourseStream, std::stoull(person.person_id.substr(1)), source_index,
                          static_cast<std::uint64_t>(copy)}));
    if (life.bernoulli(spec.detention_report_rate)) {
      noise.detention_reported = true;
      CaseEvent detention;
      detention.type = "detention_dprk";
      const auto gone = [&] { return life.bernoulli(spec.missing_rate); };
      if (!gone()) detention.facility_type = person.facility_type;
      if (person.sentence_months > 0 && !gone()) detention.sentence_months = person.sentence_months;
      if (!gone()) {
        bool shifted = false;
        DatePrecision precision = DatePrecision::unknown;
        detention.date = written_date(spec, person.detention_start, life, shifted, precision);
      }
      r.events.push_back(std::move(detention));
    }

    out.records.push_back(std::move(r));
    out.record_person_ids.push_back(person.person_id);
    out.record_source.push_back(source_index);
    out.record_noise.push_back(noise);
  }
};

}  // namespace

std::vector<SourceSpec> default_sources(int count) {
  std::vector<SourceSpec> all(6);
  {  // An NGO's own interviews with escapees, kept in Korean.
    SourceSpec& s = all[0];
    s.name = "nkdb_interviews";
    s.detention_report_rate = 0.6;
    s.style = NameStyle::kHangulSouth;
    s.form.split_fields = true;
    s.capture_probability = 0.30;
    s.heterogeneity = 0.6;
    s.duplicate_rate = 0.04;
    s.typo_rate = 0.04;
    s.age_instead_rate = 0.15;
    s.missing_rate = 0.04;
    s.date_precision = {1.0, 1.5, 0.4, 0.3};
    s.korean_dates = true;
  }
  {  // English NGO reports using DPRK-style romanisation.
    SourceSpec& s = all[1];
    s.name = "ngo_reports";
    s.detention_report_rate = 0.3;
    s.style = NameStyle::kDprkAscii;
    s.form.spaced = 3.0;
    s.form.hyphenated = 1.0;
    s.form.joined = 0.3;
    s.form.given_first_rate = 0.05;
    s.form.south_given_rate = 0.0;
    s.capture_probability = 0.25;
    s.heterogeneity = 0.6;
    s.duplicate_rate = 0.03;
    s.typo_rate = 0.06;
    s.age_instead_rate = 0.3;
    s.date_precision = {0.8, 1.5, 0.3, 0.6};
  }
  {  // South Korean media in English, with ad-hoc spellings.
    SourceSpec& s = all[2];
    s.name = "media_south";
    s.detention_report_rate = 0.05;
    s.style = NameStyle::kSouthAdHoc;
    s.form.spaced = 0.5;
    s.form.hyphenated = 3.0;
    s.form.joined = 0.5;
    s.form.given_first_rate = 0.15;
    s.capture_probability = 0.20;
    s.heterogeneity = 0.8;
    s.duplicate_rate = 0.05;
    s.typo_rate = 0.08;
    s.age_instead_rate = 0.45;
    s.missing_rate = 0.08;
    s.place_coarse_rate = 0.2;
    s.date_precision = {0.6, 1.0, 0.5, 1.0};
  }
  {  // Submissions to UN mechanisms: RR, family name in capitals; many are
     // drawn from the interviews, hence the dependence.
    SourceSpec& s = all[3];
    s.name = "un_submissions";
    s.detention_report_rate = 0.1;
    s.style = NameStyle::kRrCapitals;
    s.form.split_fields = true;
    s.form.spaced = 0.3;
    s.form.hyphenated = 3.0;
    s.form.joined = 1.0;
    s.form.comma_rate = 0.3;
    s.form.given_first_rate = 0.1;
    s.capture_probability = 0.18;
    s.heterogeneity = 0.4;
    s.depends_on = 0;
    s.dependence = 1.0;
    s.duplicate_rate = 0.02;
    s.typo_rate = 0.04;
    s.age_instead_rate = 0.1;
    s.date_precision = {1.5, 1.0, 0.2, 0.3};
  }
  {  // Academic and library-style writing: MR with diacritics.
    SourceSpec& s = all[4];
    s.name = "academic_mr";
    s.detention_report_rate = 0.05;
    s.style = NameStyle::kMrDiacritics;
    s.form.spaced = 0.2;
    s.form.hyphenated = 3.0;
    s.form.joined = 0.2;
    s.capture_probability = 0.15;
    s.heterogeneity = 0.5;
    s.typo_rate = 0.03;
    s.age_instead_rate = 0.2;
    s.date_precision = {0.5, 1.0, 0.5, 1.0};
  }
  {  // Chinese police and court documents: Pinyin and hanzi, the arrest.
    SourceSpec& s = all[5];
    s.name = "prc_documents";
    s.style = NameStyle::kPinyin;
    s.form.spaced = 0.3;
    s.form.hyphenated = 0.1;
    s.form.joined = 3.0;
    s.form.hanzi_rate = 0.8;
    s.capture_probability = 0.15;
    s.heterogeneity = 0.3;
    s.duplicate_rate = 0.02;
    s.typo_rate = 0.05;
    s.age_instead_rate = 0.5;
    s.date_precision = {2.0, 0.5, 0.0, 0.2};
    s.event_type = "arrest_china";
  }
  all.resize(static_cast<std::size_t>(std::clamp(count, 1, 6)));
  return all;
}

std::vector<SourceSpec> scenario_sources(int count, CaptureScenario scenario) {
  auto sources = default_sources(count);
  if (scenario == CaptureScenario::kPresets) return sources;
  for (auto& s : sources) {
    s.depends_on = -1;
    s.dependence = 0;
    if (scenario == CaptureScenario::kIndependent) s.heterogeneity = 0;
    if (scenario == CaptureScenario::kHeterogeneous) s.heterogeneity *= 1.5;
  }
  if (scenario == CaptureScenario::kDependent) {
    const auto depend = [&](std::size_t k, int on, double d) {
      if (k < sources.size()) {
        sources[k].depends_on = on;
        sources[k].dependence = d;
      }
    };
    depend(1, 0, 1.0);
    depend(2, 1, -0.7);
    depend(3, 0, 1.0);
    depend(5, 4, 1.0);
  }
  return sources;
}

Result<SimulatedData> simulate(const SimulationOptions& options, const KoreanTables& tables) {
  if (options.sources.empty()) return fail("a simulation needs at least one source");
  if (options.sources.size() > 30) return fail("a simulation may have at most 30 sources");
  for (std::size_t k = 0; k < options.sources.size(); ++k) {
    auto ok = check_source(options.sources[k], k, tables);
    if (!ok) return tl::unexpected(ok.error());
    for (std::size_t j = 0; j < k; ++j)
      if (options.sources[j].name == options.sources[k].name)
        return fail(fmt::format("source {}: the name {} is used twice", k + 1, options.sources[k].name));
  }
  auto people = generate_population(options.population, tables);
  if (!people) return tl::unexpected(people.error());

  SimulatedData out;
  out.people = std::move(*people);
  const std::size_t sources = options.sources.size();
  out.captures.assign(out.people.size(), std::vector<int>(sources, 0));

  // Captures: per person, sources in order (so dependence can look back).
  for (std::size_t i = 0; i < out.people.size(); ++i) {
    Rng rng(derive_seed(options.population.seed, {kCaptureStream, i}));
    for (std::size_t k = 0; k < sources; ++k) {
      const SourceSpec& s = options.sources[k];
      double eta = logit(s.capture_probability) + s.heterogeneity * out.people[i].visibility;
      if (s.depends_on >= 0 && out.captures[i][static_cast<std::size_t>(s.depends_on)] > 0) eta += s.dependence;
      if (rng.uniform() < inverse_logit(eta)) out.captures[i][k] = rng.bernoulli(s.duplicate_rate) ? 2 : 1;
    }
  }

  // Records, source by source; within a source shuffled, then numbered.
  const Writer writer{options, tables};
  for (std::size_t k = 0; k < sources; ++k) {
    SimulatedData part;
    for (std::size_t i = 0; i < out.people.size(); ++i)
      for (int copy = 0; copy < out.captures[i][k]; ++copy) writer.write(out.people[i], k, copy, part);
    std::vector<std::size_t> order(part.records.size());
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    Rng shuffle(derive_seed(options.population.seed, {kShuffleStream, k}));
    for (std::size_t j = order.size(); j > 1; --j) std::swap(order[j - 1], order[shuffle.below(j)]);
    for (std::size_t j = 0; j < order.size(); ++j) {
      CaseRecord& r = part.records[order[j]];
      r.record_id = fmt::format("{}-{:06d}", options.sources[k].name, j + 1);
      out.records.push_back(std::move(r));
      out.record_person_ids.push_back(std::move(part.record_person_ids[order[j]]));
      out.record_source.push_back(k);
      out.record_noise.push_back(part.record_noise[order[j]]);
    }
  }
  return out;
}

TruthTable truth_table(const SimulatedData& data, const SimulationOptions& options,
                       const KoreanTables& tables) {
  TruthTable t;
  t.header = {"person_id",     "name_hangul",   "name_hangul_south", "name_hanja",
              "name_hanzi",    "sex",           "birth_year",        "origin_place_id",
              "origin_place",  "border_crossing_date", "arrest_date", "arrest_place_id",
              "repatriation_date", "handover_china_id", "handover_dprk_id", "facility_type",
              "sentence_months", "detention_start_date", "visibility"};
  for (const auto& s : options.sources) t.header.push_back("records_" + s.name);
  for (std::size_t i = 0; i < data.people.size(); ++i) {
    const Person& p = data.people[i];
    const normalize::Place* home = tables.gazetteer->find_id(p.origin_place_id);
    std::vector<std::string> row = {
        p.person_id,
        p.family_hangul + p.given_hangul,
        p.family_hangul_south + p.given_hangul,
        p.family_hanja + p.given_hanja,
        p.name_hanzi,
        std::string(1, p.sex),
        std::to_string(p.birth_year),
        p.origin_place_id,
        home != nullptr ? home->hangul : std::string(),
        iso_date(p.border_crossing),
        iso_date(p.arrest),
        p.arrest_place_id,
        iso_date(p.repatriation),
        p.handover_china_id,
        p.handover_dprk_id,
        p.facility_type,
        std::to_string(p.sentence_months),
        iso_date(p.detention_start),
        fmt::format("{:.4f}", p.visibility)};
    for (std::size_t k = 0; k < options.sources.size(); ++k)
      row.push_back(std::to_string(i < data.captures.size() ? data.captures[i][k] : 0));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace uncounted::simulate
