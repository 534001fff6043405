#include "engine/nightly/NightlyPlan.h"

#include "engine/model/Period.h"

#include <map>
#include <tuple>

namespace profkpi::engine {

namespace {

struct Latest {
  std::optional<Period> period;
  std::int64_t sequence = 0;
};

// True when `a` is a later period than `b`: it ends later, or ends the same day
// and is shorter.
bool later(const Period& a, const Period& b) {
  return std::make_tuple(a.lastDay(), a.isQuarter()) > std::make_tuple(b.lastDay(), b.isQuarter());
}

}  // namespace

NightlyPlan planNightly(const std::vector<SubmissionRecord>& current, const std::vector<DeliveryState>& deliveries,
                        const std::vector<SectorState>& sectors) {
  std::map<std::string, Latest> organisations;
  std::map<std::string, std::int64_t> periods;
  for (const SubmissionRecord& r : current) {
    std::optional<Period> period = Period::parse(r.period);
    if (!period) continue;  // the store holds only valid periods; nothing to report otherwise
    Latest& latest = organisations[r.organisation];
    if (!latest.period || later(*period, *latest.period)) latest.period = period;
    latest.sequence = std::max(latest.sequence, r.sequence);
    std::int64_t& periodSequence = periods[r.period];
    periodSequence = std::max(periodSequence, r.sequence);
  }

  std::map<std::string, const DeliveryState*> delivered;
  for (const DeliveryState& d : deliveries) delivered[d.organisation] = &d;
  std::map<std::string, std::int64_t> rendered;
  for (const SectorState& s : sectors) rendered[s.period] = s.dataSequence;

  NightlyPlan plan;
  for (const auto& [organisation, latest] : organisations) {
    auto known = delivered.find(organisation);
    const DeliveryState* state = known == delivered.end() ? nullptr : known->second;
    if (state == nullptr || state->dataSequence != latest.sequence) {
      plan.boards.push_back({organisation, latest.period->code(), latest.sequence, std::nullopt});
    } else if (state->status == DeliveryStatus::Pending || state->status == DeliveryStatus::Sending) {
      plan.boards.push_back({organisation, state->period, latest.sequence, *state});
    }
  }
  for (const auto& [period, sequence] : periods) {
    auto known = rendered.find(period);
    if (known == rendered.end() || known->second != sequence) plan.sectors.push_back({period, sequence});
  }
  return plan;
}

}  // namespace profkpi::engine
