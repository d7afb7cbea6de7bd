// JSON import (see record_import.h): a SAX parse that keeps the position of
// every key, so that errors point at line and column.
#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "io/internal/record_builder.h"
#include "io/record_import.h"

namespace uncounted {
namespace {

using json = nlohmann::json;

// What is wrong with the JSON, from nlohmann's message, without the text it
// quotes ("last read: '...'", "number overflow parsing '...'"): that text is
// a record's contents (a note with a raw line break would be printed whole).
// The caller gives the line and column.
std::string json_error_reason(std::string what) {
  if (auto cut = what.find("; last read"); cut != std::string::npos) what.resize(cut);
  // "[json.exception.parse_error.101] parse error at line 3, column 7: REASON"
  const auto column = what.find(", column ");
  const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
  if (colon != std::string::npos) what.erase(0, colon + 2);
  if (what.find("number overflow") != std::string::npos) return "a number is too large";
  std::string reason;
  bool quoted = false;
  for (char c : what) {
    if (c == '\'') {
      if (!quoted) reason += "...";
      quoted = !quoted;
    } else if (!quoted) {
      reason += c;
    }
  }
  return reason.empty() ? "syntax error" : reason;
}

// A pointer into the text that records how far the parser has read.
struct CountingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char* base = nullptr;
  std::size_t* consumed = nullptr;

  reference operator*() const { return *p; }
  CountingIterator& operator++() {
    ++p;
    *consumed = static_cast<std::size_t>(p - base);
    return *this;
  }
  CountingIterator operator++(int) {
    auto old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p == o.p; }
  bool operator!=(const CountingIterator& o) const { return p != o.p; }
};

class Handler : public nlohmann::json_sax<json> {
 public:
  Handler(std::string_view text, const std::string& file, const ColumnMapping& mapping,
          internal::RecordBuilder& builder)
      : text_(text), file_(file), mapping_(mapping), builder_(builder) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  std::size_t consumed = 0;
  const std::function<void(double)>* progress = nullptr;  // RecordImportOptions::progress
  bool failed() const { return failed_; }

  bool null() override { return scalar(std::nullopt, false); }
  bool boolean(bool) override { return scalar(std::nullopt, true); }
  bool number_integer(number_integer_t v) override { return scalar(std::to_string(v), false); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v), false); }
  bool number_float(number_float_t, const string_t& s) override { return scalar(s, false); }
  bool string(string_t& s) override { return scalar(s, false); }
  bool binary(binary_t&) override { return shape_error("binary values are not JSON text"); }

  bool key(string_t& k) override {
    key_ = k;
    key_at_ = location_of_token_end();
    return true;
  }

  bool start_object(std::size_t) override {
    SourceLocation here = location_of_token_end();
    switch (top()) {
      case Frame::root: return push(Frame::wrapper);
      case Frame::records:
        record_ = {};
        record_.at = here;
        return push(Frame::record);
      case Frame::events:
        event_ = {};
        event_.at = here;
        return push(Frame::event);
      case Frame::skipped: return push(Frame::skipped);
      default: return shape_error("an object is not expected here");
    }
  }

  bool end_object() override {
    Frame f = top();
    stack_.pop_back();
    if (f == Frame::event) {
      record_.events.push_back(std::move(event_));
    } else if (f == Frame::record) {
      emit_record();
    } else if (f == Frame::wrapper && !saw_records_) {
      return shape_error("the object has no \"records\" array");
    }
    return true;
  }

  bool start_array(std::size_t) override {
    switch (top()) {
      case Frame::root: return push(Frame::records);
      case Frame::skipped: return push(Frame::skipped);
      case Frame::wrapper:
        // An export's "sources" describe the sources, not records: an
        // import's source is described on the command line.
        if (key_ == "sources") return push(Frame::skipped);
        if (key_ != "records") return shape_error("unknown key \"" + key_ + "\" (expected \"records\")");
        saw_records_ = true;
        return push(Frame::records);
      case Frame::record:
      case Frame::event:
        if (key_ == "events" && top() == Frame::record) return push(Frame::events);
        if (key_ == "legal_tags") {
          tags_.clear();
          tags_at_ = key_at_;
          return push(Frame::tags);
        }
        return shape_error("\"" + key_ + "\" cannot hold an array");
      default: return shape_error("an array is not expected here");
    }
  }

  bool end_array() override {
    Frame f = top();
    stack_.pop_back();
    if (f == Frame::tags) {
      key_ = "legal_tags";
      key_at_ = tags_at_;
      std::string joined;
      for (const auto& t : tags_) joined += (joined.empty() ? "" : ";") + t;
      return scalar(joined, false);
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    builder_.add_error(location_at(position == 0 ? 0 : position - 1), "invalid JSON: " + json_error_reason(ex.what()));
    failed_ = true;
    return false;
  }

 private:
  enum class Frame { root, wrapper, records, record, events, event, tags, skipped };
  struct Fields {
    SourceLocation at;
    std::vector<std::pair<RecordField, internal::Cell>> cells;
  };
  struct RecordFields : Fields {
    std::vector<Fields> events;
  };

  Frame top() const { return stack_.empty() ? Frame::root : stack_.back(); }
  bool push(Frame f) {
    if (stack_.size() > 8) return shape_error("too deeply nested");
    stack_.push_back(f);
    return true;
  }

  SourceLocation location_at(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    return {file_, static_cast<long>(line), static_cast<long>(offset - line_starts_[line - 1] + 1)};
  }

  // The start of the token the parser has just read (a key or a string ends
  // at its closing quote; we walk back to the opening one).
  SourceLocation location_of_token_end() const {
    std::size_t end = std::min(consumed, text_.size());
    if (end == 0) return location_at(0);
    std::size_t i = end - 1;
    if (text_[i] == '"') {
      while (i > 0) {
        --i;
        if (text_[i] != '"') continue;
        std::size_t slashes = 0;
        while (i >= slashes + 1 && text_[i - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 0) break;
      }
    }
    return location_at(i);
  }

  bool shape_error(const std::string& message) {
    builder_.add_error(location_of_token_end(), message);
    failed_ = true;
    return false;
  }

  bool scalar(const std::optional<std::string>& value, bool is_bool) {
    Frame f = top();
    if (f == Frame::skipped) return true;
    if (f == Frame::tags) {
      if (!value || is_bool) return shape_error("legal_tags must hold strings");
      tags_.push_back(*value);
      return true;
    }
    if (f != Frame::record && f != Frame::event) {
      if (f == Frame::wrapper && key_ != "records") return shape_error("unknown key \"" + key_ + "\" (expected \"records\")");
      return shape_error("expected an object for each record");
    }
    auto field = mapping_.field_for(key_);
    if (!field) {
      builder_.add_error(key_at_, field.error().message());
      return true;  // keep going: report every unknown key
    }
    if (!*field) return true;  // ignored by the mapping
    if (f == Frame::event && !is_event_field(**field)) {
      builder_.add_error(key_at_, std::string(field_name(**field)) + ": not an event field (put it on the record)");
      return true;
    }
    if (is_bool) {
      builder_.add_error(key_at_, std::string(field_name(**field)) + ": must be a string or a number");
      return true;
    }
    if (!value) return true;  // null: missing
    Fields& target = f == Frame::event ? event_ : record_;
    for (const auto& [existing, cell] : target.cells)
      if (existing == **field) {
        builder_.add_error(key_at_, std::string(field_name(**field)) + ": given twice in one object");
        return true;
      }
    target.cells.push_back({**field, internal::Cell{*value, key_at_.line, key_at_.column}});
    return true;
  }

  void emit_record() {
    if (progress && *progress && ++emitted_ % 1024 == 0)
      (*progress)(static_cast<double>(std::min(consumed, text_.size())) / static_cast<double>(text_.size()));
    auto row_from = [&](const Fields& fields, long line) {
      internal::RawRow row;
      row.line = line;
      for (const auto& [field, cell] : fields.cells) row.at(field) = cell;
      return row;
    };
    bool flat_event = std::any_of(record_.cells.begin(), record_.cells.end(),
                                  [](const auto& c) { return is_event_field(c.first); });
    if (record_.events.empty() || flat_event) builder_.add(row_from(record_, record_.at.line));
    for (const auto& e : record_.events) {
      internal::RawRow row = row_from(record_, e.at.line);
      for (std::size_t i = 0; i < kRecordFieldCount; ++i)
        if (is_event_field(static_cast<RecordField>(i))) row.cells[i].reset();
      for (const auto& [field, cell] : e.cells) row.at(field) = cell;
      builder_.add(std::move(row));
    }
  }

  std::string_view text_;
  const std::string& file_;
  const ColumnMapping& mapping_;
  internal::RecordBuilder& builder_;
  std::vector<std::size_t> line_starts_;
  std::vector<Frame> stack_;
  std::string key_;
  SourceLocation key_at_, tags_at_;
  RecordFields record_;
  Fields event_;
  std::vector<std::string> tags_;
  bool saw_records_ = false;
  bool failed_ = false;
  std::size_t emitted_ = 0;
};

}  // namespace

Result<ImportedRecords> import_records_json(std::string_view text, const std::string& file_name,
                                            const RecordImportOptions& options) {
  internal::RecordBuilder builder({file_name, options.source, options.list, options.mapping, internal::today_utc()});
  ColumnMapping canonical;
  Handler handler(text, file_name, options.mapping ? *options.mapping : canonical, builder);
  handler.progress = &options.progress;
  CountingIterator first{text.data(), text.data(), &handler.consumed};
  CountingIterator last{text.data() + text.size(), text.data(), &handler.consumed};
  try {
    json::sax_parse(first, last, &handler);
  } catch (const std::exception& e) {  // nlohmann reports through parse_error; this is a safety net
    builder.add_error({file_name, 0, 0}, "invalid JSON");
  }
  auto records = builder.finish();
  if (!records) return tl::unexpected(records.error());
  return ImportedRecords{std::move(*records), builder.rows(), "json"};
}

}  // namespace uncounted
