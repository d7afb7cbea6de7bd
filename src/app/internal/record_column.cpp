#include "app/internal/record_column.h"

#include "io/link_config.h"
#include "io/link_records_csv.h"

namespace uncounted::internal {

Result<link::RecordTable> read_record_column(const std::optional<std::string>& config_path,
                                             const std::vector<std::string>& record_files,
                                             const std::string& column) {
  LinkRecordColumns columns;
  if (config_path) {
    auto config = read_link_config(*config_path);
    if (!config) return tl::unexpected(config.error());
    columns.record_id = config->record_id_column;
    columns.source = config->source_column;
    columns.list = config->list_column;
  }
  columns.columns = {column};
  link::RecordTable table;
  for (const auto& file : record_files)
    if (auto ok = append_link_records(file, columns, table); !ok) return tl::unexpected(ok.error());
  return table;
}

}  // namespace uncounted::internal
