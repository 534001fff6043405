#include "engine/intake/IdSet.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace profkpi::engine {

namespace {
std::size_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }

// A slot keeps the upper 32 bits of its id's hash (its tag), and they also pick
// its place, so the table grows without reading the ids again.
std::uint64_t tagOf(std::size_t hash) { return static_cast<std::uint64_t>(hash) >> 32 << 32; }
std::size_t homeOf(std::uint64_t tag, std::size_t mask) { return static_cast<std::size_t>(tag >> 32) & mask; }
constexpr std::uint64_t OFFSET_BITS = 0xffffffffu;
}  // namespace

std::string_view IdSet::at(std::uint32_t offset) const {
  auto length = static_cast<unsigned char>(_arena[offset]);
  return std::string_view(_arena).substr(offset + 1, length);
}

// The slot holding `id`, or the empty slot where it would go. REQUIRES: a free slot exists.
std::size_t IdSet::slotOf(std::string_view id, std::size_t hash) const {
  std::size_t mask = _slots.size() - 1;
  std::uint64_t tag = tagOf(hash);
  for (std::size_t i = homeOf(tag, mask);; i = (i + 1) & mask) {
    std::uint64_t slot = _slots[i];
    if (slot == 0) return i;
    if ((slot & ~OFFSET_BITS) == tag && at(static_cast<std::uint32_t>(slot & OFFSET_BITS) - 1) == id) return i;
  }
}

void IdSet::grow() {
  std::vector<std::uint64_t> old = std::move(_slots);
  _slots.assign(old.empty() ? 64 : old.size() * 2, 0);
  std::size_t mask = _slots.size() - 1;
  for (std::uint64_t slot : old) {
    if (slot == 0) continue;
    // Ids in the table are distinct: the first free slot from its home is its place.
    std::size_t i = homeOf(slot & ~OFFSET_BITS, mask);
    while (_slots[i] != 0) i = (i + 1) & mask;
    _slots[i] = slot;
  }
}

std::uint32_t IdSet::append(std::string_view id) {
  if (_arena.size() + id.size() + 1 >= OFFSET_BITS) throw std::length_error("IdSet: arena full");
  auto offset = static_cast<std::uint32_t>(_arena.size());
  _arena.push_back(static_cast<char>(id.size()));
  _arena.append(id);
  return offset;
}

// Greater than every id held: the table's ids are all below the ascending
// run's last, because they went to the table only for being below it.
bool IdSet::beyondAscending(std::string_view id) const { return _ascending.empty() || id > at(_ascending.back()); }

bool IdSet::inAscending(std::string_view id) const {
  auto found = std::lower_bound(_ascending.begin(), _ascending.end(), id,
                                [this](std::uint32_t offset, std::string_view wanted) { return at(offset) < wanted; });
  return found != _ascending.end() && at(*found) == id;
}

// Records the id at arena `offset` in the table's empty `slot`.
void IdSet::place(std::uint32_t offset, std::size_t hash, std::size_t slot) {
  _slots[slot] = tagOf(hash) | (static_cast<std::uint64_t>(offset) + 1);
}

bool IdSet::insert(std::string_view id) {
  if (id.size() > 255) throw std::length_error("IdSet: id longer than 255 bytes");
  if (!_forLookups && beyondAscending(id)) {
    _ascending.push_back(append(id));
    ++_size;
    return true;
  }
  if (inAscending(id)) return false;
  // At most three quarters full: with the tags, longer runs of slots cost little.
  std::size_t inTable = _size - _ascending.size();
  if ((inTable + 1) * 4 > _slots.size() * 3) grow();
  std::size_t hash = hashOf(id);
  std::size_t i = slotOf(id, hash);
  if (_slots[i] != 0) return false;
  place(append(id), hash, i);
  ++_size;
  return true;
}

void IdSet::indexForLookups() {
  if (_forLookups) return;
  _forLookups = true;
  while (_size * 4 > _slots.size() * 3) grow();  // room for them all, at most three quarters full
  for (std::uint32_t offset : _ascending) {
    std::string_view id = at(offset);
    std::size_t hash = hashOf(id);
    place(offset, hash, slotOf(id, hash));
  }
  _ascending = {};
}

bool IdSet::contains(std::string_view id) const {
  if (!_ascending.empty()) {
    if (beyondAscending(id)) return false;
    if (inAscending(id)) return true;
  }
  if (_slots.empty()) return false;
  return _slots[slotOf(id, hashOf(id))] != 0;
}

void IdSet::clear() {
  _arena.clear();
  _ascending.clear();
  _slots.clear();
  _size = 0;
  _forLookups = false;
}

}  // namespace profkpi::engine
