// The sector report's own words, shared by the PDF and the HTML version so
// that both say the same: what an index rests on, why a figure is withheld,
// and the note beside a figure that rests on a value with a warning.
// Pure functions; thread-safe.
#ifndef PROFKPI_ENGINE_REPORTING_SECTORTEXT_H
#define PROFKPI_ENGINE_REPORTING_SECTORTEXT_H

#include "engine/reporting/ReportText.h"
#include "engine/reporting/Reports.h"

#include <cstddef>
#include <string>
#include <vector>

namespace profkpi::engine::report {

// The heading of the section that lists every warning in full, which each note points to.
std::string warningsHeading();

// "based on 1 of 5 KPIs".
std::string basedOn(std::size_t withValue, std::size_t catalogueSize);
// "Index on fewer than 5 KPIs: not ranked".
std::string unrankedHeading(std::size_t catalogueSize);
// What the median index rests on: "median of the 75 indexes on all 5 KPIs; 3
// indexes on fewer KPIs left out"; "fewer than 5 indexes on all 5 KPIs: not shown".
std::string medianBasis(const SectorReport& report);
// "Gwynedd Council (Cyngor Gwynedd)"; the name alone without a Welsh one. In
// a Welsh report, the Welsh name alone when there is one.
std::string bothNames(const std::string& name, const std::string& welshName);
// The language of bothNames() when it is not the report's: "en" for an English
// name alone in a Welsh report; else empty.
std::string namesLanguage(const std::string& welshName);
// Beside a figure resting on values with warnings: for each, its code, KPI,
// period when not the report's, and the first words of the explanation (of the
// finding when unexplained); then where to read them in full. Empty for none.
// "Warning PQ102 on K5, explained: “Most of the IT team…”. See Data-quality warnings."
std::string warningNotes(const std::vector<FigureWarning>& warnings, const std::string& reportPeriod);
// Why a group's figures are not shown: "too few to show" (fewer than the
// minimum with a value) or "withheld: would reveal a smaller group" (differencing).
std::string withheldReason(const GroupDistribution& group, std::size_t minimumGroupSize);
// "93%": a share of whole percent; "–" when the whole is 0.
std::string percentOf(std::size_t part, std::size_t whole);
// A type's median index as the coverage table shows it, or why it is not shown.
std::string typeMedian(const TypeSummary& type, std::size_t minimumGroupSize);
// Counts by status not shown: "not shown: fewer than 5 submissions".
std::string statusesWithheld(std::size_t minimumGroupSize);
// The sector report's own method, after the shared one (ReportText's method()):
// what is ranked, what is withheld and why, and the warning notes.
std::vector<MethodSection> sectorMethod(std::size_t catalogueSize, std::size_t minimumGroupSize);
// Under the sector rates: which KPIs' figures include values with warnings; empty when none.
std::string ratesWarningNote(const SectorReport& report);

// The sentences, headings and column headings that the PDF and the HTML
// version of the sector report share, in the report's language (Words.h).
// "Produced … from data received up to … · For the programme board and Socitm: …"
std::string sectorMeta(const SectorReport& report);
// KPI, Sector rate, Change, Median, Green, Amber, Red, No value.
std::vector<std::string> ratesColumns();
// The paragraph under the sector rates: what the rate is, since when, the status key.
std::string ratesNote(const SectorReport& report);
// Type, Registered, Submitted, Coverage, Median index.
std::vector<std::string> typesColumns();
// The status's initial, as the league table marks it ("G"; Welsh "G" for Gwyrdd).
std::string statusLetter(Status status);
// Rank, Organisation, Type, Index, Change.
std::vector<std::string> leagueColumns();
std::string leagueHeading();
std::string leagueWithheld(std::size_t minimumGroupSize);
std::string leagueIntro(std::size_t catalogueSize);
// Under the league table; `marks`: also what the status letters mean (the PDF's).
std::string leagueKey(const SectorReport& report, bool marks = true);
std::string unrankedIntro();
std::string warningsIntro();
std::string chaseHeading();
std::string chaseEmpty();
std::string neverSubmitted();
// Organisation, Code, Type, Last submitted, Contact.
std::vector<std::string> chaseColumns();
std::string receivedHeading();
std::string receivedEmpty();
// "2 (1 explained)"; "0".
std::string warningsCount(const SubmittedEntry& entry);
// Organisation, Code, Received, Channel, Revision, Warnings.
std::vector<std::string> receivedColumns();

}  // namespace profkpi::engine::report

#endif
