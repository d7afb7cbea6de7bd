// The deterministic Korean multi-source record generator (the core of
// `uncounted simulate`): a synthetic population (population.h) seen by K
// sources, each with its own capture probability, heterogeneity,
// dependence on an earlier source, name style (name_style.h) and noise.
//
// Capture: person i is on source k with probability
//   inverse_logit(logit(capture_probability_k) + heterogeneity_k * v_i
//                 + (on source depends_on_k ? dependence_k : 0))
// where v_i ~ N(0,1) is the person's visibility, shared by all sources (so
// heterogeneity also makes sources positively dependent). A captured person
// gets one record, and with probability duplicate_rate a second one from
// the same source, written independently (a within-source duplicate).
//
// Each record reports one event (the source's event_type: repatriation,
// arrest_china or border_crossing) with its date and place, and the
// person's name, sex, birth year (or an age at the event) and home county,
// each subject to the source's noise (SourceSpec). With probability
// detention_report_rate a record also reports the life course after return:
// a second event, detention_dprk, with the facility type, the sentence in
// months (when there was one) and the date the detention began, each
// subject to the same missing-field and date noise. Records are the
// canonical CaseRecord (DESIGN.md section 5); the truth is kept beside them
// (record_person_ids) and per person (people, truth_table()).
//
// Determinism: the output is a pure function of the options and tables;
// the same seed gives byte-identical records on any platform. Streams are
// per person (and per person, source and copy for records), so adding
// people or sources does not change what earlier people's records say.
// The second event is drawn from a stream of its own: a record's first
// event and person fields are the same whatever detention_report_rate is.
//
// Thread safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/case_record.h"
#include "base/partial_date.h"
#include "base/result.h"
#include "simulate/name_style.h"
#include "simulate/population.h"
#include "simulate/tables.h"

namespace uncounted::simulate {

// Relative weights of the precision a source gives a date.
struct DatePrecisionWeights {
  double day = 1.0, month = 1.0, season = 0.2, year = 0.5;
};

struct SourceSpec {
  std::string name;  // the record's `source` (and id prefix); [A-Za-z0-9_]+
  std::string list;  // the record's `list` ("" = name)
  NameStyle style = NameStyle::kDprkAscii;
  NameForm form;

  double capture_probability = 0.25;  // for a person of median visibility, in (0,1)
  double heterogeneity = 0.0;         // sd of the visibility effect on the log-odds, >= 0
  int depends_on = -1;                // index of an earlier source, -1 for none
  double dependence = 0.0;            // log-odds added when on depends_on

  double duplicate_rate = 0.03;        // second record for a captured person
  double typo_rate = 0.05;             // a typo in the written name
  double birth_year_error_rate = 0.05; // birth year off by one (two, rarely)
  double age_instead_rate = 0.2;       // age at the event instead of birth year
  double missing_rate = 0.05;          // each of sex, birth year/age, origin, event date, event place
  double place_coarse_rate = 0.1;      // origin given as the province only
  double place_variant_rate = 0.1;     // place written in another source's style
  double date_error_rate = 0.03;       // event date off by 2 weeks to 4 months
  DatePrecisionWeights date_precision;
  bool korean_dates = false;           // "2006년 10월" instead of "2006-10"
  std::string event_type = "repatriation";  // repatriation, arrest_china or border_crossing
  double detention_report_rate = 0.0;  // a second event: the detention after return
};

// Source presets, one per style, in this order: nkdb_interviews (Hangul),
// ngo_reports (DPRK ASCII), media_south (South ad-hoc), un_submissions (RR
// capitals, depends on the interviews), academic_mr (MR diacritics),
// prc_documents (Pinyin and hanzi, arrests). `count` in 1..6 takes the
// first `count`; the default simulation uses 4. The interviews report the
// detention after return often (0.6), the NGO reports less (0.3), UN
// submissions, media and academic writing rarely, Chinese documents never.
std::vector<SourceSpec> default_sources(int count = 4);

// How the sources' capture is set: the scenarios of `uncounted simulate
// --scenario` and of the coverage study (docs/COVERAGE.md).
//  * kPresets: each preset's own heterogeneity and dependence;
//  * kIndependent: no heterogeneity, no direct dependence;
//  * kHeterogeneous: the presets' heterogeneity x 1.5 (sd 0.45-1.2 on the
//    log-odds, one visibility shared by all lists), no direct dependence;
//  * kDependent: the presets' heterogeneity plus direct dependence: source
//    2 on source 1 (+1.0), 3 on 2 (-0.7), 4 on 1 (+1.0, the preset), 6 on
//    5 (+1.0), those of them among the first `count`.
enum class CaptureScenario { kPresets, kIndependent, kHeterogeneous, kDependent };

// default_sources(count) with `scenario` applied.
std::vector<SourceSpec> scenario_sources(int count, CaptureScenario scenario);

struct SimulationOptions {
  PopulationOptions population;
  std::vector<SourceSpec> sources = default_sources(4);
};

// What noise a record received (for tests and for the documentation's
// measured rates; not written to the record files).
struct RecordNoise {
  bool duplicate = false;         // the second record of a person by this source
  bool typo = false;
  bool birth_year_error = false;
  bool age_instead = false;
  bool date_error = false;
  bool place_coarse = false;
  bool place_variant = false;
  int missing_fields = 0;
  DatePrecision date_precision = DatePrecision::unknown;  // unknown: no date written
  bool detention_reported = false;  // the record has the second event (detention_dprk)
};

struct SimulatedData {
  std::vector<Person> people;
  // captures[i][k]: records person i has on source k (0, 1 or 2).
  std::vector<std::vector<int>> captures;
  // Records, grouped by source in the order of the options, shuffled
  // within a source; ids "<source>-000001", ...
  std::vector<CaseRecord> records;
  std::vector<std::string> record_person_ids;  // truth, parallel to records
  std::vector<std::size_t> record_source;      // index into the options' sources
  std::vector<RecordNoise> record_noise;
};

// Errors: any invalid option (names it), a Pinyin source without hanja
// readings, or a table problem (see generate_population).
Result<SimulatedData> simulate(const SimulationOptions& options, const KoreanTables& tables);

// One row per person: person_id, the name in Hangul (North and South
// forms), hanja and hanzi, sex, birth year, home place (id and Hangul), the
// dates and places of the events, detention (facility, sentence, start),
// visibility, and one records_<source> column per source (0, 1 or 2).
struct TruthTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
TruthTable truth_table(const SimulatedData& data, const SimulationOptions& options,
                       const KoreanTables& tables);

}  // namespace uncounted::simulate
