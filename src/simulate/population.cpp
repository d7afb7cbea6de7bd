#include "simulate/population.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "simulate/internal/inventory.h"
#include "simulate/internal/text_util.h"
#include "simulate/random.h"

namespace uncounted::simulate {
namespace {

using internal::characters;

struct CountyChoice {
  std::vector<std::string> ids;
  std::vector<double> weights;
};

struct PlaceModel {
  std::vector<std::string> province_hangul;
  std::vector<double> province_weight;
  std::vector<CountyChoice> counties;  // per province
  std::vector<std::string> town_ids;
  std::vector<double> town_weight;
  std::vector<std::string> handover_china, handover_dprk;
};

Result<PlaceModel> build_places(const normalize::Gazetteer& gazetteer) {
  PlaceModel m;
  for (const auto& pw : internal::province_weights()) {
    const normalize::Place* province = nullptr;
    for (const auto& p : gazetteer.places())
      if (p.level == "province" && p.hangul == pw.hangul) province = &p;
    if (province == nullptr)
      return fail(fmt::format("the gazetteer has no province {}", pw.hangul));
    CountyChoice choice;
    for (const auto& p : gazetteer.places()) {
      if (p.level != "city/county" || p.parent_id != province->id) continue;
      choice.ids.push_back(p.id);
      choice.weights.push_back(internal::is_border_county(p.hangul) ? 3.0 : 1.0);
    }
    if (choice.ids.empty())
      return fail(fmt::format("the gazetteer has no county in province {}", pw.hangul));
    m.province_hangul.emplace_back(pw.hangul);
    m.province_weight.push_back(pw.weight);
    m.counties.push_back(std::move(choice));
  }
  for (const auto& town : internal::chinese_towns()) {
    const normalize::Place* p = gazetteer.resolve(town.pinyin);
    if (p == nullptr) return fail(fmt::format("the gazetteer does not know {}", town.pinyin));
    m.town_ids.push_back(p->id);
    m.town_weight.push_back(town.arrest_weight);
  }
  for (const auto& h : internal::handover_points()) {
    const normalize::Place* cn = gazetteer.resolve(h.china_pinyin);
    const normalize::Place* kp = gazetteer.resolve(h.dprk_hangul);
    if (cn == nullptr || kp == nullptr)
      return fail(fmt::format("the gazetteer does not know the route {} / {}", h.china_pinyin,
                              h.dprk_hangul));
    m.handover_china.push_back(cn->id);
    m.handover_dprk.push_back(kp->id);
  }
  return m;
}

template <typename Named>
std::size_t pick_weighted(Rng& rng, std::span<const Named> items) {
  std::vector<double> w;
  w.reserve(items.size());
  for (const auto& item : items) w.push_back(item.weight);
  return rng.weighted(w);
}

std::string pick_hanja(Rng& rng, std::string_view syllable, bool simplified_too,
                       std::string* simplified) {
  const internal::SyllableHanja* h = internal::syllable_hanja(syllable);
  if (h == nullptr) std::abort();  // every inventory syllable has hanja (tested)
  const auto trad = internal::split_any(h->traditional, "|");
  const auto simp = internal::split_any(h->simplified, "|");
  const std::size_t i = rng.below(trad.size());
  if (simplified_too && simplified != nullptr) *simplified += simp[std::min(i, simp.size() - 1)];
  return trad[i];
}

CivilDate add_days(const CivilDate& d, long days) { return civil_from_days(days_from_civil(d) + days); }

}  // namespace

Result<std::vector<Person>> generate_population(const PopulationOptions& options,
                                                const KoreanTables& tables) {
  if (tables.surnames == nullptr || tables.gazetteer == nullptr)
    return fail("the simulator needs the surname table and the gazetteer");
  if (options.people < 1) return fail("the population must have at least one person");
  if (!(options.female_share >= 0 && options.female_share <= 1))
    return fail("female_share must be between 0 and 1");
  if (!(options.common_name_share >= 0 && options.common_name_share <= 1))
    return fail("common_name_share must be between 0 and 1");
  if (options.first_year > options.last_year || options.first_year < 1950 ||
      options.last_year > 2100)
    return fail("the period must satisfy 1950 <= first_year <= last_year <= 2100");

  auto places = build_places(*tables.gazetteer);
  if (!places) return tl::unexpected(places.error());

  std::vector<const normalize::Surname*> surnames;
  std::vector<double> surname_weight;
  for (const auto& s : tables.surnames->entries()) {
    if (s.population_thousands <= 0 || s.hanja.empty()) continue;
    surnames.push_back(&s);
    surname_weight.push_back(s.population_thousands);
  }
  if (surnames.empty()) return fail("the surname table has no population figures");

  std::vector<int> years;
  std::vector<double> year_weights;
  for (int y = options.first_year; y <= options.last_year; ++y) {
    years.push_back(y);
    year_weights.push_back(internal::year_weight(y));
  }

  std::vector<Person> people;
  people.reserve(static_cast<std::size_t>(options.people));
  for (int i = 0; i < options.people; ++i) {
    // One stream per person: person i does not change when the count does.
    Rng rng(derive_seed(options.seed, {0x504F50, static_cast<std::uint64_t>(i)}));
    Person p;
    p.person_id = fmt::format("P{:06d}", i + 1);
    p.sex = rng.bernoulli(options.female_share) ? 'F' : 'M';

    const normalize::Surname& surname = *surnames[rng.weighted(surname_weight)];
    p.family_hangul = surname.hangul_north.empty() ? surname.hangul_south : surname.hangul_north;
    p.family_hangul_south = surname.hangul_south;
    p.family_hanja = surname.hanja;

    const bool female = p.sex == 'F';
    if (rng.bernoulli(options.common_name_share)) {
      const auto names = female ? internal::common_female_names() : internal::common_male_names();
      p.given_hangul = std::string(names[pick_weighted(rng, names)].hangul);
    } else {
      const auto first = female ? internal::female_first_syllables() : internal::male_first_syllables();
      const auto second =
          female ? internal::female_second_syllables() : internal::male_second_syllables();
      const std::string_view a = first[rng.below(first.size())];
      std::string_view b = second[rng.below(second.size())];
      while (b == a) b = second[rng.below(second.size())];
      p.given_hangul = std::string(a) + std::string(b);
    }
    std::string given_simplified;
    for (const auto& syllable : characters(p.given_hangul))
      p.given_hanja += pick_hanja(rng, syllable, true, &given_simplified);
    p.name_hanzi = std::string(internal::simplified_surname_hanja(p.family_hanja)) + given_simplified;

    // Home: province, then county.
    const std::size_t province = rng.weighted(places->province_weight);
    const CountyChoice& counties = places->counties[province];
    p.origin_place_id = counties.ids[rng.weighted(counties.weights)];

    // Dates: repatriation day, arrest before it, crossing before that.
    const int year = years[rng.weighted(year_weights)];
    const int day_of_year =
        static_cast<int>(rng.below(static_cast<std::uint64_t>(days_in_month(year, 2) == 29 ? 366 : 365)));
    p.repatriation = add_days(CivilDate{year, 1, 1}, day_of_year);
    p.arrest = add_days(p.repatriation, -rng.between(14, 120));
    // Time in China: exponential with mean two years, at most twelve.
    const double years_in_china = std::min(12.0, -2.0 * std::log(1.0 - rng.uniform()));
    p.border_crossing = add_days(p.arrest, -static_cast<long>(std::lround(years_in_china * 365.25)) - 1);
    p.arrest_place_id = places->town_ids[rng.weighted(places->town_weight)];
    const auto routes = internal::handover_weights(places->province_hangul[province]);
    const std::size_t route = rng.weighted(routes);
    p.handover_china_id = places->handover_china[route];
    p.handover_dprk_id = places->handover_dprk[route];

    // Age at repatriation about 31 +- 9, between 14 and 70.
    const double age = std::clamp(31.0 + 9.0 * rng.normal(), 14.0, 70.0);
    p.birth_year = year - static_cast<int>(std::lround(age));

    // After return: labour training before October 2004, prison often after.
    const bool early = p.repatriation < CivilDate{2004, 10, 1};
    const double u = rng.uniform();
    if (early) {
      if (u < 0.7) {
        p.facility_type = "rodong_danryondae";
        p.sentence_months = rng.between(1, 6);
      } else {
        p.facility_type = "jipkyulso";
      }
    } else if (u < 0.5) {
      p.facility_type = "kyohwaso";
      p.sentence_months = rng.between(12, 60);
    } else if (u < 0.9) {
      p.facility_type = "rodong_danryondae";
      p.sentence_months = rng.between(6, 12);
    } else {
      p.facility_type = "jipkyulso";
    }
    p.visibility = rng.normal();
    // The start of that detention, from its own stream (added later: the
    // fields above keep their values). A holding centre takes people in on
    // return; labour training and prison follow one to four months of
    // interrogation. Assumptions.
    Rng after(derive_seed(options.seed, {0x444554, static_cast<std::uint64_t>(i)}));  // "DET"
    p.detention_start = p.facility_type == "jipkyulso" ? add_days(p.repatriation, after.between(0, 14))
                                                       : add_days(p.repatriation, after.between(30, 120));
    people.push_back(std::move(p));
  }
  return people;
}

}  // namespace uncounted::simulate
