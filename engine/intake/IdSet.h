// A set of short identifiers (Role and Member ids) in compact form: the bytes of
// every id in one arena, and offsets into it in a sorted run or an
// open-addressing table: 15 to 30 bytes per id where a
// std::unordered_set<std::string> takes some 60. This is what lets a 100 MB
// Workforce be checked for duplicate ids in flat memory.
// Each slot also keeps 32 bits of its id's hash, so a probe reads the arena only
// when those match: a new id (the usual case) costs one cache miss, not one per
// occupied slot on its way.
// Ids that arrive in ascending order (HR exports are usually sorted by employee
// number) skip the table: each is compared with the largest so far and kept in
// a sorted run, which is searched by bisection. At 600,000 Members the table's
// random accesses cost more than their instructions suggest, because they evict
// the parser's own working set from the caches. Any order gives the same
// answers; only the speed differs. Not thread-safe.
#ifndef PROFKPI_ENGINE_INTAKE_IDSET_H
#define PROFKPI_ENGINE_INTAKE_IDSET_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

class IdSet {
 public:
  // Adds the id; false when it was already present. REQUIRES: id.size() <= 255.
  bool insert(std::string_view id);
  bool contains(std::string_view id) const;
  std::size_t size() const { return _size; }
  void clear();
  // For a set that will now mostly be looked up (the Roles, once the Staff
  // begin): every id goes to the hash table, whose look-ups cost fewer
  // instructions than bisecting the sorted run. Answers do not change.
  void indexForLookups();

 private:
  std::size_t slotOf(std::string_view id, std::size_t hash) const;
  void grow();
  std::string_view at(std::uint32_t offset) const;
  std::uint32_t append(std::string_view id);
  void place(std::uint32_t offset, std::size_t hash, std::size_t slot);
  bool beyondAscending(std::string_view id) const;
  bool inAscending(std::string_view id) const;

  std::string _arena;                     // each id as one length byte, then its bytes
  std::vector<std::uint32_t> _ascending;  // arena offsets of the ids that arrived in ascending order
  std::vector<std::uint64_t> _slots;      // the others: hash tag << 32 | arena offset + 1; 0 = empty
  std::size_t _size = 0;
  bool _forLookups = false;               // after indexForLookups: every id in the table
};

}  // namespace profkpi::engine

#endif
