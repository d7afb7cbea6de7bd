#include "io/clusters_csv.h"

#include <charconv>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <vector>

#include "base/csv_reader.h"
#include "base/utf8.h"

namespace uncounted {

std::string link_csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

Status write_clusters_csv(const std::string& path, const link::RecordTable& table,
                          const std::vector<std::uint32_t>& cluster_of) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f) return fail(SourceLocation{path, 0, 0}, "cannot be written");
  std::string buffer = "record_id,source,list,cluster_id\n";
  // Sources and lists are few: quote each once.
  std::vector<std::string> sources, lists;
  for (const auto& s : table.sources) sources.push_back(link_csv_field(s));
  for (const auto& l : table.lists) lists.push_back(link_csv_field(l));
  char number[16];
  for (std::size_t r = 0; r < table.size(); ++r) {
    const std::string& id = table.record_ids[r];
    if (id.find_first_of(",\"\r\n") == std::string::npos)
      buffer += id;
    else
      buffer += link_csv_field(id);
    buffer += ',';
    buffer += sources[table.source_of[r]];
    buffer += ',';
    buffer += lists[table.list_of[r]];
    buffer += ',';
    const auto end = std::to_chars(number, number + sizeof number, cluster_of[r] + 1).ptr;
    buffer.append(number, end);
    buffer += '\n';
    if (buffer.size() > (1 << 20)) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), f.get()) != buffer.size())
        return fail(SourceLocation{path, 0, 0}, "write failed");
      buffer.clear();
    }
  }
  if (std::fwrite(buffer.data(), 1, buffer.size(), f.get()) != buffer.size())
    return fail(SourceLocation{path, 0, 0}, "write failed");
  if (std::fclose(f.release()) != 0) return fail(SourceLocation{path, 0, 0}, "write failed");
  return {};
}

Result<std::vector<ClusterRow>> read_clusters_csv(const std::string& path) {
  auto csv = read_csv_file(path);
  if (!csv) return tl::unexpected(csv.error());
  long col[4] = {-1, -1, -1, -1};
  const char* names[4] = {"record_id", "source", "list", "cluster_id"};
  for (std::size_t i = 0; i < csv->header.size(); ++i)
    for (int k = 0; k < 4; ++k)
      if (csv->header[i] == names[k]) col[k] = static_cast<long>(i);
  for (int k = 0; k < 4; ++k)
    if (col[k] < 0) return fail(SourceLocation{path, csv->header_line, 0}, std::string("no column '") + names[k] + "'");
  std::vector<ClusterRow> rows;
  rows.reserve(csv->rows.size());
  std::unordered_map<std::string, long> first_line;  // source \x1f record_id -> line
  first_line.reserve(csv->rows.size());
  for (auto& row : csv->rows) {
    if (row.fields.size() != csv->header.size())
      return fail(SourceLocation{path, row.line, 0}, "the row has " + std::to_string(row.fields.size()) +
                                                         " fields but the header has " +
                                                         std::to_string(csv->header.size()));
    ClusterRow r;
    r.line = row.line;
    r.record_id = std::move(row.fields[static_cast<std::size_t>(col[0])]);
    r.source = std::move(row.fields[static_cast<std::size_t>(col[1])]);
    r.list = std::move(row.fields[static_cast<std::size_t>(col[2])]);
    const std::string& c = row.fields[static_cast<std::size_t>(col[3])];
    auto res = std::from_chars(c.data(), c.data() + c.size(), r.cluster_id);
    if (c.empty() || res.ec != std::errc() || res.ptr != c.data() + c.size())
      return fail(SourceLocation{path, row.line, col[3] + 1}, "cluster_id is not a non-negative integer");
    if (r.list.empty()) return fail(SourceLocation{path, row.line, col[2] + 1}, "empty list");
    if (!is_valid_utf8(r.list)) return fail(SourceLocation{path, row.line, col[2] + 1}, "the list is not valid UTF-8");
    if (!is_valid_utf8(r.source))
      return fail(SourceLocation{path, row.line, col[1] + 1}, "the source is not valid UTF-8");
    auto [first, inserted] = first_line.emplace(r.source + '\x1f' + r.record_id, row.line);
    if (!inserted)
      return fail(SourceLocation{path, row.line, col[0] + 1},
                  "this record (source and record_id) is already on line " + std::to_string(first->second) +
                      "; a record belongs to one cluster");
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace uncounted
