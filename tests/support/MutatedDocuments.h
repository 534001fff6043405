// Submissions mutated at random (deterministically, from a seed) for the
// differential test of the intake: each mutation is one change a sender could
// make, right or wrong: facets, element order, white space, dates, Unicode
// lengths, namespaces and xsi: attributes.
#ifndef PROFKPI_TESTS_SUPPORT_MUTATED_DOCUMENTS_H
#define PROFKPI_TESTS_SUPPORT_MUTATED_DOCUMENTS_H

#include <cstdint>
#include <string>
#include <vector>

namespace profkpi::tests {

struct Mutant {
  std::string document;
  std::vector<std::string> kinds;   // of each change: facet, order, whitespace, date, unicode, namespace, xsi
  std::vector<std::string> labels;  // each change in words ("order: ItFte before ItHeadcount")
  bool single() const { return labels.size() == 1; }
  bool has(const std::string& kind) const;
  std::string describe() const;
};

// `count` documents, each a base document with one change (about seven in
// ten) or two or three. The same seed gives the same documents.
std::vector<Mutant> mutatedDocuments(const std::vector<std::string>& bases, std::size_t count, std::uint32_t seed);

}  // namespace profkpi::tests

#endif
