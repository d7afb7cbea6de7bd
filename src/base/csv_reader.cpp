#include "base/csv_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace uncounted {
namespace {

class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  Result<CsvTable> parse() {
    CsvTable table;
    bool have_header = false;
    while (pos_ < text_.size()) {
      CsvRow row;
      row.line = line_;
      auto ok = parse_row(row.fields);
      if (!ok) return tl::unexpected(ok.error());
      bool blank = row.fields.size() == 1 && row.fields[0].empty() && !last_field_quoted_;
      if (blank) continue;
      if (!have_header) {
        table.header = std::move(row.fields);
        table.header_line = row.line;
        have_header = true;
      } else {
        table.rows.push_back(std::move(row));
      }
    }
    if (!have_header) return fail(SourceLocation{file_, 0, 0}, "the file is empty (no header row)");
    return table;
  }

 private:
  // Parses one record starting at pos_, leaving pos_ after its line end.
  Status parse_row(std::vector<std::string>& fields) {
    std::string field;
    long column = 1;
    last_field_quoted_ = false;
    while (true) {
      long field_column = column;
      field.clear();
      bool quoted = false;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        quoted = true;
        long open_line = line_;
        ++pos_;
        ++column;
        while (true) {
          if (pos_ >= text_.size())
            return fail(SourceLocation{file_, open_line, field_column},
                        "a quoted field is not closed before the end of the file");
          char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field += '"';
              pos_ += 2;
              column += 2;
              continue;
            }
            ++pos_;
            ++column;
            break;
          }
          if (c == '\n') {
            ++line_;
            column = 0;
          }
          field += c;
          ++pos_;
          ++column;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
          return fail(SourceLocation{file_, line_, column},
                      "unexpected text after a closing quote (a field that contains quotes must be "
                      "quoted as a whole, with each inner quote doubled)");
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          if (text_[pos_] == '"')
            return fail(SourceLocation{file_, line_, column},
                        "a quote inside an unquoted field (quote the whole field and double the "
                        "inner quote)");
          field += text_[pos_];
          ++pos_;
          ++column;
        }
      }
      fields.push_back(field);
      last_field_quoted_ = quoted;
      if (pos_ >= text_.size()) return {};
      char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        ++column;
        continue;
      }
      // Line end: CRLF, LF or a lone CR.
      ++pos_;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return {};
    }
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  long line_ = 1;
  bool last_field_quoted_ = false;
};

}  // namespace

Result<CsvTable> parse_csv(std::string_view text, const std::string& file_name) {
  return CsvParser(text, file_name).parse();
}

Result<std::string> read_file(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return fail(path + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(path + ": cannot open the file (" + std::strerror(errno) + ")");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return fail(path + ": cannot read the file");
  return buffer.str();
}

Result<CsvTable> read_csv_file(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  return parse_csv(*text, path);
}

}  // namespace uncounted
