#include "adapters/demo/DemoWorkforce.h"

#include <array>
#include <cstdio>
#include <numeric>

#include "adapters/demo/DemoRandom.h"
#include "engine/intake/BusinessRules.h"

namespace profkpi::adapters::demo {

namespace {

struct RoleKind {
  const char* title;
  const char* sfiaCode;
  int sfiaLevel;
};

const std::array<RoleKind, 14> ROLE_KINDS = {{
    {"Service Desk Analyst", "USUP", 2},
    {"Infrastructure Engineer", "ITOP", 4},
    {"Network Engineer", "NTAS", 4},
    {"Software Developer", "PROG", 4},
    {"Business Analyst", "BUAN", 4},
    {"Project Manager", "PRMG", 5},
    {"Information Security Officer", "SCTY", 5},
    {"Data Analyst", "DTAN", 4},
    {"Solution Architect", "ARCH", 6},
    {"Database Administrator", "DBAD", 4},
    {"Applications Support Analyst", "ASUP", 3},
    {"Systems Administrator", "SCAD", 3},
    {"Service Delivery Manager", "SLMO", 5},
    {"Head of Digital & IT", "ITMG", 6},
}};

const std::array<RecognitionKind, 10> RECOGNITIONS = {{
    {"BCS", "membership", "MBCS"},
    {"BCS", "registration", "CITP"},
    {"BCS", "membership", "AMBCS"},
    {"IET", "membership", "MIET"},
    {"Engineering Council", "registration", "CEng"},
    {"PeopleCert", "qualification", "ITIL 4 Foundation"},
    {"ISC2", "qualification", "CISSP"},
    {"Cisco", "qualification", "CCNA"},
    {"APM", "qualification", "Project Management Qualification"},
    {"BCS", "qualification", nullptr},
}};

// Part-time fractions, in hundredths.
const std::array<std::int64_t, 7> PART_TIME = {80, 60, 50, 40, 75, 90, 20};

// CPD is recorded in quarter days.
constexpr std::int64_t CPD_UNIT = 25;

std::vector<std::size_t> shuffled(std::size_t count, Random random) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = count; i > 1; --i) {
    auto j = static_cast<std::size_t>(random.between(0, static_cast<std::int64_t>(i) - 1));
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

std::vector<DemoRole> makeRoles(const WorkforcePlan& plan, std::uint64_t organisationKey) {
  Random random(organisationKey ^ 0x726f6c6573ULL);
  auto offset = static_cast<std::size_t>(random.between(0, ROLE_KINDS.size() - 1));
  std::vector<DemoRole> roles;
  roles.reserve(static_cast<std::size_t>(plan.roles));
  for (std::int64_t j = 0; j < plan.roles; ++j) {
    const RoleKind& kind = ROLE_KINDS[(offset + static_cast<std::size_t>(j)) % ROLE_KINDS.size()];
    DemoRole role;
    char id[24];
    std::snprintf(id, sizeof id, "R%02lld", static_cast<long long>(j + 1));
    role.id = id;
    role.mapped = j < plan.rolesMapped;
    // Some unmapped roles still carry a provisional SFIA code, as real exports do.
    if (role.mapped || random.chance(300)) {
      role.sfiaCode = kind.sfiaCode;
      role.sfiaLevel = kind.sfiaLevel;
    }
    role.title = kind.title;
    auto team = static_cast<std::size_t>(j) / ROLE_KINDS.size();
    if (team > 0) role.title += " " + std::to_string(team + 1);
    roles.push_back(std::move(role));
  }
  return roles;
}

// The member's stable attributes: pseudonymous id (mix64 is a bijection, so ids
// are unique), role, fte and recognitions.
DemoMember makeMember(std::size_t index, std::size_t roleCount, std::uint64_t organisationKey) {
  DemoMember member;
  char id[24];
  std::snprintf(id, sizeof id, "p%016llx", static_cast<unsigned long long>(mix64(organisationKey + index)));
  member.id = id;
  member.role = index % roleCount;
  Random random(mix64(organisationKey + index) ^ 0x6d656d626572ULL);
  std::int64_t fte =
      random.chance(780) ? 100 : PART_TIME[static_cast<std::size_t>(random.between(0, PART_TIME.size() - 1))];
  member.fte = engine::Amount::fromHundredths(fte);
  return member;
}

void addRecognitions(DemoMember& member, std::size_t index, std::uint64_t organisationKey) {
  Random random(mix64(organisationKey + index) ^ 0x7265636fULL);
  int count = random.chance(700) ? 1 : 2;
  auto first = static_cast<std::size_t>(random.between(0, RECOGNITIONS.size() - 1));
  for (int k = 0; k < count; ++k)
    member.recognitions.push_back(&RECOGNITIONS[(first + static_cast<std::size_t>(k) * 3) % RECOGNITIONS.size()]);
}

// Sets one kind of date (Assessment or Pdp) on every member: `inWindow` of them
// within the 12 months to the period's end, some older, a few after the end.
void assignDates(std::vector<DemoMember>& members, std::int64_t inWindow,
                 std::optional<engine::Date> DemoMember::*field, Random random, engine::Date end,
                 engine::Date preparedOn) {
  std::vector<std::size_t> order = shuffled(members.size(), random);
  auto daysAfterEnd = (preparedOn - end).count();
  for (std::size_t k = 0; k < order.size(); ++k) {
    DemoMember& member = members[order[k]];
    if (static_cast<std::int64_t>(k) < inWindow) {
      member.*field = end - date::days{random.between(0, 360)};
    } else if (random.chance(350)) {
      member.*field = end - date::days{random.between(370, 800)};
    } else if (daysAfterEnd >= 2 && random.chance(60)) {
      member.*field = end + date::days{random.between(1, daysAfterEnd - 1)};
    }
  }
}

void assignCpd(std::vector<DemoMember>& members, std::int64_t units, Random random) {
  std::vector<std::int64_t> weights(members.size(), 0);
  std::int64_t total = 0;
  for (std::int64_t& w : weights) {
    w = random.chance(820) ? random.between(1, 4) : 0;
    total += w;
  }
  if (members.empty()) return;
  if (total == 0) {
    weights[0] = 1;
    total = 1;
  }
  std::int64_t left = units;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (weights[i] == 0) continue;
    std::int64_t share = units * weights[i] / total;
    members[i].cpd = engine::Amount::fromHundredths(share * CPD_UNIT);
    left -= share;
  }
  for (std::size_t i = 0; left > 0; i = (i + 1) % members.size()) {
    if (!members[i].cpd) continue;
    members[i].cpd = engine::Amount::fromHundredths(members[i].cpd->hundredths() + CPD_UNIT);
    --left;
  }
}

}  // namespace

engine::Measures buildWorkforce(const WorkforcePlan& plan, std::uint64_t organisationKey, std::uint64_t periodKey,
                                const engine::Period& period, engine::Date preparedOn, DemoSubmission& out) {
  out.roles = makeRoles(plan, organisationKey);
  out.members.clear();
  out.members.reserve(static_cast<std::size_t>(plan.members));
  for (std::int64_t i = 0; i < plan.members; ++i) {
    out.members.push_back(makeMember(static_cast<std::size_t>(i), out.roles.size(), organisationKey));
  }
  // Recognition is held, not earned each quarter: the same members in the same order.
  std::vector<std::size_t> byTenure = shuffled(out.members.size(), Random(organisationKey ^ 0x74656eULL));
  for (std::int64_t k = 0; k < plan.recognised; ++k) {
    std::size_t index = byTenure[static_cast<std::size_t>(k)];
    addRecognitions(out.members[index], index, organisationKey);
  }
  engine::Date end = period.lastDay();
  assignDates(out.members, plan.assessed, &DemoMember::assessment, Random(periodKey ^ 1), end, preparedOn);
  assignDates(out.members, plan.withPdp, &DemoMember::pdp, Random(periodKey ^ 2), end, preparedOn);

  engine::Measures m;
  m.itHeadcount = plan.members;
  for (const DemoMember& member : out.members) m.itFte += member.fte;
  std::int64_t cpd = plan.cpdPerFteYear * m.itFte.hundredths() * period.months() / (12 * 100);
  assignCpd(out.members, cpd / CPD_UNIT, Random(periodKey ^ 3));

  m.rolesTotal = plan.roles;
  m.rolesMapped = plan.rolesMapped;
  for (const DemoMember& member : out.members) {
    if (member.assessment && engine::rules::withinTwelveMonthsTo(*member.assessment, end)) ++m.staffAssessed;
    if (member.pdp && engine::rules::withinTwelveMonthsTo(*member.pdp, end)) ++m.staffWithPdp;
    if (!member.recognitions.empty()) ++m.staffRecognised;
    if (member.cpd) m.cpdDays += *member.cpd;
  }
  return m;
}

}  // namespace profkpi::adapters::demo
