#include "engine/opendata/OpenDataTables.h"

#include <utility>

namespace profkpi::engine {

namespace {

const std::string SUPPRESSED =
    " [c] when disclosure control withholds it (the organisation's comparator group for this KPI has fewer "
    "organisations than the minimum group size).";

// A table's description: its file, title, description, columns in file order and keys.
OpenDataTable table(OpenDataTableId id, std::string file, std::string title, std::string description,
                    std::vector<OpenDataColumn> columns, std::vector<std::string> primaryKey,
                    std::vector<ForeignKey> foreignKeys = {}) {
  OpenDataTable t;
  t.id = id;
  t.file = std::move(file);
  t.title = std::move(title);
  t.description = std::move(description);
  t.columns = std::move(columns);
  t.primaryKey = std::move(primaryKey);
  t.foreignKeys = std::move(foreignKeys);
  return t;
}

OpenDataTable results() {
  return table(
      OpenDataTableId::Results, "results.csv", "IT professionalisation KPI results",
      "One row per organisation, period and KPI: the figures the KPI is computed from, its value, target and "
      "status, and where it stands among all organisations and among organisations of its type.",
      {
        {"period", "Period", CellType::String, "",
         "Reporting period: UK financial year (2025-26) or quarter (2025-26-Q2)."},
        {"period_start", "Period start", CellType::Date, "", "First day of the period."},
        {"period_end", "Period end", CellType::Date, "", "Last day of the period."},
        {"organisation", "Organisation code", CellType::String, "", "GSS code of the organisation."},
        {"name", "Organisation name", CellType::String, "",
         "English name (the registry's; the sender's when unregistered)."},
        {"welsh_name", "Welsh name", CellType::String, "", "Welsh name; [z] when the organisation has none."},
        {"organisation_type", "Organisation type", CellType::String, "",
         "Type in the registry (the comparator group); [x] when the organisation is not in the registry."},
        {"kpi", "KPI", CellType::String, "", "KPI identifier (K1..K9)."},
        {"kpi_title", "KPI title", CellType::String, "", "What the KPI measures."},
        {"numerator", "Numerator", CellType::Decimal, "",
         "The measure the KPI divides (a count, or CPD days for K5)." + SUPPRESSED},
        {"denominator", "Denominator", CellType::Decimal, "",
         "The measure it divides by (a count, or FTE for K5)." + SUPPRESSED},
        {"value", "Value (unrounded)", CellType::Decimal, "",
         "The KPI's exact value truncated (not rounded) to 6 decimal places, in the row's unit: rounding it half away "
         "from zero to one place gives shown_value. [z] when the denominator is 0." + SUPPRESSED},
        {"shown_value", "Value as shown", CellType::Decimal, "",
         "The value rounded half away from zero to one decimal place, as the reports show it. [z] when the denominator "
         "is 0." + SUPPRESSED},
        {"unit", "Unit", CellType::String, "", "Unit of value, shown_value and target (%, days per FTE per year)."},
        {"target", "Target", CellType::Decimal, "", "The catalogue's target, in the row's unit."},
        {"status", "Status", CellType::String, "",
         "green (at or above target), amber (at or above target x 0.8) or red, from the unrounded value. [z] when the "
         "KPI has no value." + SUPPRESSED},
        {"professionalisation_index", "Professionalisation index", CellType::Integer, "points (0-100)",
         "Mean over the organisation's KPIs with a value of min(value / target, 1) x 100, rounded; the same on each of "
         "the organisation's rows. [z] when no KPI has a value; [c] when any of its KPIs is withheld."},
        {"sector_rank", "Rank among all organisations", CellType::Integer, "",
         "1 = best; equal values share a rank. [z] when the KPI has no value; [c] when the sector's statistics for "
         "this KPI are withheld or the row is."},
        {"sector_quartile", "Quartile among all organisations", CellType::Integer, "",
         "1 = top quarter .. 4 = bottom quarter. [z] when the KPI has no value; [c] as sector_rank."},
        {"type_rank", "Rank within the organisation type", CellType::Integer, "",
         "1 = best; equal values share a rank. [z] when the KPI has no value." + SUPPRESSED},
        {"type_quartile", "Quartile within the organisation type", CellType::Integer, "",
         "1 = top quarter .. 4 = bottom quarter. [z] when the KPI has no value." + SUPPRESSED},
        {"warnings", "Unexplained warnings", CellType::String, "",
         "Codes of data-quality warnings (SUBMISSION.md section 6) about this KPI or the whole submission that the "
         "sender did not explain, space-separated; [z] when there are none." + SUPPRESSED},
        {"explained_warnings", "Explained warnings", CellType::String, "",
         "Codes of such warnings the sender explained, space-separated; [z] when there are none." + SUPPRESSED},
        {"submission_id", "SubmissionId", CellType::String, "", "The submission the figures come from."},
        {"revision", "Revision", CellType::Integer, "",
         "1 for the first accepted submission, 2 for its replacement..."},
        {"received_at", "Received at", CellType::DateTime, "", "When the submission was accepted (UTC)."},
      },
      {"period", "organisation", "kpi"},
      {{{"period", "organisation"}, OpenDataTableId::Coverage, {"period", "organisation"}}});
}

OpenDataTable peers() {
  const std::string withheld =
      " [c] when the group has fewer organisations than the minimum group size, or (for the sector) when the "
      "organisations whose figures are withheld are fewer than that, so that their figures cannot be recovered by "
      "difference.";
  return table(
      OpenDataTableId::Peers, "peers.csv", "IT professionalisation KPI peer statistics",
      "One row per period, KPI and comparator group (the sector: every organisation that submitted; or one "
      "organisation type): the distribution of the organisations' values and the group's rate.",
      {
        {"period", "Period", CellType::String, "", "Reporting period, as in results.csv."},
        {"kpi", "KPI", CellType::String, "", "KPI identifier."},
        {"group", "Comparator group", CellType::String, "", "sector, or an organisation type."},
        {"organisations", "Organisations", CellType::Integer, "",
         "Organisations in the group with a value for this KPI." + withheld},
        {"minimum", "Minimum", CellType::Decimal, "", "Lowest value." + withheld},
        {"lower_quartile", "Lower quartile", CellType::Decimal, "",
         "25th percentile, interpolated between order statistics (spreadsheet QUARTILE.INC)." + withheld},
        {"median", "Median", CellType::Decimal, "", "Median value." + withheld},
        {"upper_quartile", "Upper quartile", CellType::Decimal, "", "75th percentile, as lower_quartile." + withheld},
        {"maximum", "Maximum", CellType::Decimal, "", "Highest value." + withheld},
        {"group_rate", "Group rate", CellType::Decimal, "",
         "Sum of the numerators over sum of the denominators, scaled as the KPI is, truncated to 6 places; [z] when "
         "the denominators sum to 0." + withheld},
        {"unit", "Unit", CellType::String, "", "Unit of the statistics."},
      },
      {"period", "kpi", "group"});
}

OpenDataTable coverage() {
  return table(
      OpenDataTableId::Coverage, "coverage.csv", "IT professionalisation KPI collection coverage",
      "One row per period and organisation (every registered organisation, and any other that submitted): "
      "whether it submitted, when, whether late, and how often it replaced its submission.",
      {
        {"period", "Period", CellType::String, "", "Reporting period, as in results.csv."},
        {"organisation", "Organisation code", CellType::String, "", "GSS code."},
        {"name", "Organisation name", CellType::String, "", "English name."},
        {"organisation_type", "Organisation type", CellType::String, "",
         "Type in the registry; [x] when the organisation is not in the registry."},
        {"submitted", "Submitted", CellType::Boolean, "", "true when a submission for the period was accepted."},
        {"first_received_at", "First received at", CellType::DateTime, "",
         "When the first accepted submission for the period arrived (UTC); [z] when none did."},
        {"late", "Late", CellType::Boolean, "",
         "true when that was after the due date (opendata.dueDays days after the period's last day, UK time); [z] "
         "when nothing was submitted."},
        {"replacements", "Replacements", CellType::Integer, "",
         "How many times the submission was replaced by a later one; [z] when nothing was submitted."},
        {"submission_id", "Current SubmissionId", CellType::String, "",
         "The submission results.csv uses; [z] when nothing was submitted."},
      },
      {"period", "organisation"});
}

}  // namespace

const OpenDataTable& openDataTable(OpenDataTableId id) {
  static const OpenDataTable tables[] = {results(), peers(), coverage()};
  return tables[static_cast<int>(id)];
}

const std::vector<OpenDataTableId>& openDataTableIds() {
  static const std::vector<OpenDataTableId> ids = {OpenDataTableId::Results, OpenDataTableId::Peers,
                                                   OpenDataTableId::Coverage};
  return ids;
}

const std::vector<std::pair<std::string, std::string>>& shorthandMeanings() {
  static const std::vector<std::pair<std::string, std::string>> meanings = {
      {CELL_NOT_AVAILABLE, "[x]: not available (profkpi does not hold the figure)."},
      {CELL_CONFIDENTIAL,
       "[c]: confidential, withheld by disclosure control: statistics of a group smaller than the minimum group "
       "size are never published, nor the figures from which they could be recovered."},
      {CELL_NOT_APPLICABLE, "[z]: not applicable (for example a KPI whose denominator is 0 has no value)."},
  };
  return meanings;
}

}  // namespace profkpi::engine
