// What a report may publish about groups of organisations without revealing a
// group smaller than the minimum group size (benchmark.minimumGroupSize).
// Who belongs to which group is public (the chase list and the list of
// submissions name everyone), so any aggregate of a group's figures (counts by
// status, medians, distributions, rates) published for fewer than the minimum
// reveals those organisations' figures. The same holds by differencing: when a
// whole (the sector) and some of its parts (types) are published, the whole
// minus the published parts is a group of its own. Pure functions; thread-safe.
#ifndef PROFKPI_ENGINE_REPORTING_DISCLOSURE_H
#define PROFKPI_ENGINE_REPORTING_DISCLOSURE_H

#include <cstddef>
#include <vector>

namespace profkpi::engine {

// A group's own aggregates may be published: it has at least `minimum` members (and at least one).
bool disclosable(std::size_t members, std::size_t minimum);

// Which parts of a whole may publish their aggregates when the whole publishes
// its own. `whole` counts the whole's members; `parts` the members of each
// disjoint part (members in no part are allowed: they count in the remainder).
// Nothing is published when the whole is not disclosable. Otherwise a part is
// published when it is disclosable, and then the smallest published parts are
// withdrawn (the later one first among equals) until the members of the
// unpublished remainder are none or at least `minimum`.
// REQUIRES: the sum of `parts` <= `whole`.
std::vector<bool> disclosableParts(std::size_t whole, const std::vector<std::size_t>& parts, std::size_t minimum);

}  // namespace profkpi::engine

#endif
