// Board report rendering speed (issue 7, goal 3): renders the board reports of
// COUNT organisations for one period from a store, in one process on one
// thread, RUNS times, and prints reports per second (median and spread) and
// the size of each report. The reports are assembled from the store first and
// not timed: this measures the PDF renderer. Also checks that every run gives
// byte-identical files. With --ops, writes each report's drawing operations as
// JSON (bench/DrawingJson.h) for bench/reportlab-board.py to draw the same pages.
// Each run also renders the same reports untagged (PDF/A-1b, as before issue 24)
// right after the tagged ones, so the cost of tagging is measured in the same run;
// with --welsh, the same reports in Welsh too (issue 25), also in the same run.
//   board-reports --config FILE --period P [--count N] [--runs R] [--out DIR] [--ops FILE] [--welsh]
#include "adapters/cli/Defaults.h"
#include "adapters/cli/StoreServices.h"
#include "bench/DrawingJson.h"
#include "engine/reporting/Reports.h"
#include "reports/BoardLayout.h"
#include "reports/PdfReportRenderer.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>

using namespace profkpi;

namespace {

struct Options {
  std::string config;
  std::string period;
  std::size_t count = 100;
  int runs = 5;
  std::string out;
  std::string ops;
  bool welsh = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--welsh") {
      o.welsh = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << "board-reports --config FILE --period P [--count N] [--runs R] [--out DIR] [--ops FILE]\n"
                   "Renders N board reports (organisations with a submission for P, repeated when fewer) R times\n"
                   "on one thread; prints reports/s (median, min, max) and sizes. --out writes the PDFs of the\n"
                   "first run; --ops writes every report's drawing operations as JSON for reportlab-board.py;\n"
                   "--welsh also renders each report in Welsh in the same runs and compares.\n";
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
    std::string value = argv[++i];
    if (arg == "--config") o.config = value;
    else if (arg == "--period") o.period = value;
    else if (arg == "--count") o.count = std::stoul(value);
    else if (arg == "--runs") o.runs = std::stoi(value);
    else if (arg == "--out") o.out = value;
    else if (arg == "--ops") o.ops = value;
    else throw std::invalid_argument("unknown option " + arg);
  }
  if (o.config.empty() || o.period.empty() || o.count == 0 || o.runs < 1) {
    throw std::invalid_argument("--config, --period, a --count above 0 and --runs above 0 are required");
  }
  return o;
}

void write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options options = parse(argc, argv);
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> config(new Poco::Util::LayeredConfiguration);
    config->add(Poco::AutoPtr<Poco::Util::AbstractConfiguration>(
                    new Poco::Util::PropertyFileConfiguration(options.config)),
                0, false);
    config->add(adapters::cli::defaultConfiguration(), 200, false);
    adapters::cli::Services engineServices(*config);
    adapters::cli::StoreServices services(engineServices);
    auto period = engine::Period::parse(options.period);
    if (!period) throw std::invalid_argument("not a period: " + options.period);

    using Clock = std::chrono::steady_clock;
    auto started = Clock::now();
    engine::Reports reports(services.store(), services.results());
    std::vector<engine::SubmissionRecord> current = services.store().currentForPeriod(period->code());
    if (current.empty()) throw std::invalid_argument("no submissions for " + period->code());
    engine::PeerBenchmark peers = services.results().benchmark(*period);
    std::vector<engine::BoardReport> boards;
    for (std::size_t i = 0; i < options.count && i < current.size(); ++i) {
      boards.push_back(*reports.board(current[i].organisation, peers));
    }
    double assembly = std::chrono::duration<double>(Clock::now() - started).count();
    engine::ReportRenderer& renderer = *services.renderer("pdf");
    reports::PdfReportRenderer untagged(reports::loadFonts(services.config().getString("reports.font.regular", ""),
                                                           services.config().getString("reports.font.bold", "")),
                                        false);
    std::vector<double> untaggedRates, untaggedSizes, welshRates, welshSizes;
    std::vector<engine::BoardReport> welshBoards = boards;
    for (engine::BoardReport& b : welshBoards) b.language = "cy";
    std::vector<std::string> welshFirst(options.count);
    // Processor time as well as wall time: on a shared machine it is what one core gives.
    double taggedCpu = 0, untaggedCpu = 0;
    std::cerr << "assembled " << boards.size() << " board reports in " << assembly << " s; fonts loaded\n";

    std::vector<std::string> first(options.count);
    std::vector<double> rates;
    bool identical = true;
    for (int run = 0; run < options.runs; ++run) {
      auto start = Clock::now();
      std::clock_t cpu = std::clock();
      for (std::size_t i = 0; i < options.count; ++i) {
        std::string bytes = renderer.renderBoard(boards[i % boards.size()]);
        if (run == 0) first[i] = std::move(bytes);
        else if (bytes != first[i]) identical = false;
      }
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      taggedCpu += static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
      rates.push_back(static_cast<double>(options.count) / seconds);
      std::cerr << "run " << run + 1 << ": " << options.count << " reports in " << seconds << " s\n";
      start = Clock::now();
      cpu = std::clock();
      for (std::size_t i = 0; i < options.count; ++i) {
        std::string bytes = untagged.renderBoard(boards[i % boards.size()]);
        if (run == 0) untaggedSizes.push_back(static_cast<double>(bytes.size()));
      }
      untaggedCpu += static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
      untaggedRates.push_back(static_cast<double>(options.count) /
                              std::chrono::duration<double>(Clock::now() - start).count());
      if (!options.welsh) continue;
      start = Clock::now();
      for (std::size_t i = 0; i < options.count; ++i) {
        std::string bytes = renderer.renderBoard(welshBoards[i % welshBoards.size()]);
        if (run == 0) welshSizes.push_back(static_cast<double>(bytes.size())), welshFirst[i] = std::move(bytes);
        else if (bytes != welshFirst[i]) identical = false;
      }
      welshRates.push_back(static_cast<double>(options.count) /
                           std::chrono::duration<double>(Clock::now() - start).count());
    }

    std::vector<double> sizes;
    for (std::size_t i = 0; i < options.count; ++i) {
      const engine::BoardReport& b = boards[i % boards.size()];
      sizes.push_back(static_cast<double>(first[i].size()));
      if (!options.out.empty() && i < boards.size()) write(options.out + "/" + b.organisationCode + ".pdf", first[i]);
      if (i < boards.size()) std::cout << "size " << b.organisationCode << " " << first[i].size() << "\n";
    }
    if (!options.ops.empty()) {
      std::string json = "{\"documents\":[";
      reports::Fonts fonts = reports::loadFonts(services.config().getString("reports.font.regular", ""),
                                                services.config().getString("reports.font.bold", ""));
      for (std::size_t i = 0; i < options.count; ++i) {
        const engine::BoardReport& b = boards[i % boards.size()];
        bench::DrawingJson drawing(*fonts.regular, *fonts.bold);
        reports::drawBoardReport(drawing, b);
        json += (i == 0 ? "\n{\"name\":\"" : ",\n{\"name\":\"") + b.organisationCode + "\",\"drawing\":" + drawing.json() + "}";
      }
      json += "\n],\"fontFiles\":{\"regular\":\"" + fonts.regular->path() + "\",\"bold\":\"" + fonts.bold->path() + "\"}}\n";
      write(options.ops, json);
    }
    std::sort(rates.begin(), rates.end());
    std::printf("reports %zu runs %d median %.1f/s min %.1f/s max %.1f/s; size median %.0f B min %.0f max %.0f; "
                "identical across runs: %s\n",
                options.count, options.runs, median(rates), rates.front(), rates.back(), median(sizes),
                *std::min_element(sizes.begin(), sizes.end()), *std::max_element(sizes.begin(), sizes.end()),
                identical ? "yes" : "NO");
    std::sort(untaggedRates.begin(), untaggedRates.end());
    std::printf("untagged (before issue 24), same run: median %.1f/s min %.1f/s max %.1f/s; size median %.0f B; "
                "tagged/untagged: rate %.2fx, size %.2fx\n",
                median(untaggedRates), untaggedRates.front(), untaggedRates.back(), median(untaggedSizes),
                median(rates) / median(untaggedRates), median(sizes) / median(untaggedSizes));
    if (options.welsh) {
      std::sort(welshRates.begin(), welshRates.end());
      std::printf("welsh, same run: median %.1f/s min %.1f/s max %.1f/s; size median %.0f B max %.0f B; "
                  "welsh/english: rate %.2fx, size %.2fx\n",
                  median(welshRates), welshRates.front(), welshRates.back(), median(welshSizes),
                  *std::max_element(welshSizes.begin(), welshSizes.end()), median(welshRates) / median(rates),
                  median(welshSizes) / median(sizes));
    }
    double rendered = static_cast<double>(options.count) * options.runs;
    std::printf("per processor-second (one core): tagged %.1f reports/s, untagged %.1f reports/s (%.2fx)\n",
                rendered / taggedCpu, rendered / untaggedCpu, untaggedCpu / taggedCpu);
    return identical ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "board-reports: " << e.what() << "\n";
    return 2;
  }
}
