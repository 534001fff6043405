#include "adapters/opendata/OpenDataFiles.h"

#include "adapters/opendata/CsvTables.h"
#include "platform/AtomicFile.h"
#include "platform/ScratchFile.h"

#include <algorithm>
#include <map>
#include <memory>

namespace profkpi::adapters::opendata {

namespace {

constexpr mode_t FILE_MODE = 0644;

std::string metadataName(const engine::OpenDataTable& table) { return table.file + "-metadata.json"; }

MetadataOptions withPeriods(MetadataOptions options, const std::vector<engine::Period>& periods) {
  for (const engine::Period& p : periods) options.periods += (options.periods.empty() ? "" : " ") + p.code();
  return options;
}

}  // namespace

std::vector<std::string> openDataFileNames() {
  std::vector<std::string> names;
  for (engine::OpenDataTableId id : engine::openDataTableIds()) {
    names.push_back(engine::openDataTable(id).file);
    names.push_back(metadataName(engine::openDataTable(id)));
  }
  return names;
}

bool isOpenDataFileName(const std::string& name) {
  std::vector<std::string> names = openDataFileNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string openDataMediaType(const std::string& name) {
  bool csv = name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
  return csv ? "text/csv; charset=utf-8" : "application/csvm+json";
}

std::vector<std::pair<std::string, std::string>> openDataFiles(engine::OpenDataExport& exporter,
                                                               const engine::Period& period,
                                                               const FileOptions& options) {
  std::map<engine::OpenDataTableId, std::string> texts;
  CsvTables tables([&](engine::OpenDataTableId id, std::string_view text) { texts[id] += text; }, options.excel);
  exporter.write(period, tables);
  tables.finish();
  MetadataOptions metadata = withPeriods(options.metadata, {period});
  std::vector<std::pair<std::string, std::string>> files;
  for (engine::OpenDataTableId id : engine::openDataTableIds()) {
    const engine::OpenDataTable& table = engine::openDataTable(id);
    files.emplace_back(table.file, std::move(texts[id]));
    files.emplace_back(metadataName(table), csvwMetadata(table, metadata));
  }
  return files;
}

std::string openDataFile(engine::OpenDataExport& exporter, const engine::Period& period, const std::string& name,
                         const FileOptions& options) {
  for (engine::OpenDataTableId id : engine::openDataTableIds()) {
    const engine::OpenDataTable& table = engine::openDataTable(id);
    if (name == metadataName(table)) return csvwMetadata(table, withPeriods(options.metadata, {period}));
  }
  for (auto& [file, bytes] : openDataFiles(exporter, period, options)) {
    if (file == name) return std::move(bytes);
  }
  return {};
}

void writeOpenDataFolder(engine::OpenDataExport& exporter, const std::vector<engine::Period>& periods,
                         const std::string& folder, const FileOptions& options) {
  std::map<engine::OpenDataTableId, std::unique_ptr<platform::ScratchFile>> files;
  for (engine::OpenDataTableId id : engine::openDataTableIds()) {
    files[id] = std::make_unique<platform::ScratchFile>(folder + "/" + engine::openDataTable(id).file, FILE_MODE);
  }
  CsvTables tables([&](engine::OpenDataTableId id, std::string_view text) { files[id]->write(text); },
                   options.excel);
  for (const engine::Period& period : periods) exporter.write(period, tables);
  tables.finish();
  MetadataOptions metadata = withPeriods(options.metadata, periods);
  for (engine::OpenDataTableId id : engine::openDataTableIds()) {
    const engine::OpenDataTable& table = engine::openDataTable(id);
    files[id]->commit();
    platform::writeFileAtomically(folder + "/" + metadataName(table), csvwMetadata(table, metadata), FILE_MODE);
  }
  platform::syncFolder(folder);
}

}  // namespace profkpi::adapters::opendata
