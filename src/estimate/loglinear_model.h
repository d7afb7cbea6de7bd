// Hierarchical log-linear models for capture histories.
//
// A model is the intercept, every main effect, and the interaction terms of
// its generating class. Each interaction is a set of lists (a Pattern with at
// least two bits). `terms()` returns the full hierarchical closure: every
// interaction implied by the generating class, e.g. [123] implies 12, 13, 23.
//
// Names follow Rcapture: lists numbered from 1, generating class in brackets,
// e.g. "[12,3]" (lists 1 and 2 interact, list 3 independent), "[1,2,3]"
// (independence). `display_name` uses the list names: "[AB][C]", or with
// ':' between names when some list name is longer than one character:
// "[media:ngo][un]".
//
// Thread safety: values.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "estimate/capture_table.h"

namespace uncounted {

class LoglinearModel {
 public:
  // The independence model (main effects only) on `list_count` lists.
  static LoglinearModel independence(int list_count);
  // A model from its generating class; each generator is a set of lists.
  // Generators with one list are main effects (always included anyway).
  // Generators contained in another are dropped. Errors: a generator outside
  // the lists, an empty generator.
  static Result<LoglinearModel> from_generators(int list_count, const std::vector<Pattern>& generators);
  // Parses Rcapture notation "[12,3]" (lists numbered 1..9) or list-name
  // notation "[AB][C]" against `lists` (names are matched greedily, longest
  // first). Errors name what could not be parsed.
  static Result<LoglinearModel> parse(const std::string& text, const std::vector<std::string>& lists);

  int list_count() const { return list_count_; }
  // Maximal generators, each with two or more lists, sorted.
  const std::vector<Pattern>& generators() const { return generators_; }
  // Every interaction term (two or more lists) in the hierarchical closure,
  // sorted by order then value.
  std::vector<Pattern> terms() const;
  bool contains(Pattern term) const;
  // Highest interaction order (1 for independence).
  int max_order() const;

  // "[12,3]" notation as Rcapture prints it.
  std::string rcapture_name() const;
  // "[AB][C]" notation with the given list names.
  std::string display_name(const std::vector<std::string>& lists) const;

  // The model with `term` (and therefore its closure) added.
  LoglinearModel with_term(Pattern term) const;

  bool operator==(const LoglinearModel& other) const = default;

 private:
  int list_count_ = 0;
  std::vector<Pattern> generators_;
};

}  // namespace uncounted
