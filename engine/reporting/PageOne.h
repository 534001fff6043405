// Page one of a board report as words and numbers: the index panel, the
// scorecard's rows and the notes under it. The PDF and the HTML version both
// draw from this, so that what a board member reads in a minute is the same in
// both and every figure on it can be checked against the others: changes are
// between the values shown, progress never reaches a threshold the status does
// not, a value carrying a data-quality warning is marked where it is shown, and
// an index says what it rests on. Pure functions; thread-safe.
#ifndef PROFKPI_ENGINE_REPORTING_PAGEONE_H
#define PROFKPI_ENGINE_REPORTING_PAGEONE_H

#include "engine/reporting/Reports.h"

#include <string>
#include <vector>

namespace profkpi::engine::report {

struct IndexPanel {
  std::string value;    // "66", or "n/a"
  std::string basis;    // "based on 5 of 5 KPIs"
  bool partial = false; // the index rests on fewer KPIs than the catalogue holds
  std::string change;   // "down 6 points since Q1 2025/26, when it was 72"
  std::string yearAgo;  // "70 in Q2 2024/25, a year earlier"; empty without one
};

IndexPanel indexPanel(const BoardReport& report);

struct ScorecardRow {
  std::string kpi;         // "K2 Staff assessed against their role profile"
  std::string value;       // "9.5%"
  std::string marks;       // the note numbers of its warnings and rounding: "[1]"
  std::string counts;      // "2 of 21 staff"
  std::string target;      // "80%"
  Status status = Status::None;
  std::string progress;    // "79%", rounded down; "n/a"
  std::string change;      // "−2.2", "no return", "–"
  std::string yearChange;  // "+10.0", "–"
  std::string median;      // the sector's median, "not shown"
  std::string groupMedian; // the type's (or the wider group's) median, "not shown"
  std::string quartile;    // "2nd"
};

struct ScorecardPage {
  std::string changeHeader;      // "Since Q1 2025/26"
  std::string yearHeader;        // "Since Q2 2024/25"; empty for years
  std::string trendHeader;       // "Q3 2023/24 to Q2 2025/26"
  std::string groupHeader;       // "Welsh unitary", or "Welsh councils" when the type is too small
  std::vector<ScorecardRow> rows;  // catalogue order
  // Numbered notes, each "[1] …": warnings on the values shown, rounding that
  // carries a figure across a threshold. Empty when there are none.
  std::vector<std::string> notes;
  std::string key;               // what the colours, columns and groups mean
};

ScorecardPage scorecardPage(const BoardReport& report);

// The facts of one KPI's detail panel (catalogue position `i`), as
// sentences: value and counts, target, changes, peers and rank, and every
// warning on the value with the sender's first words.
std::vector<std::string> detailFacts(const BoardReport& report, std::size_t i);

// The comparator group shown beside the sector for a KPI: its type when large
// enough to show, else the wider group (the nation) when that is, else the
// type (shown as too small).
const PeerComparison& groupShown(const KpiResult& kpi);

}  // namespace profkpi::engine::report

#endif
