#include "engine/IdSet.h"

#include <functional>
#include <stdexcept>

namespace profkpi::engine {

namespace {
std::size_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }

std::uint64_t tagOf(std::size_t hash) { return static_cast<std::uint64_t>(hash) >> 32 << 32; }
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
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
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
    // Ids in the table are distinct: the first free slot from its position is its place.
    std::size_t i = hashOf(at(static_cast<std::uint32_t>(slot & OFFSET_BITS) - 1)) & mask;
    while (_slots[i] != 0) i = (i + 1) & mask;
    _slots[i] = slot;
  }
}

bool IdSet::insert(std::string_view id) {
  if (id.size() > 255) throw std::length_error("IdSet: id longer than 255 bytes");
  // At most three quarters full: with the tags, longer runs of slots cost little.
  if ((_size + 1) * 4 > _slots.size() * 3) grow();
  std::size_t hash = hashOf(id);
  std::size_t i = slotOf(id, hash);
  if (_slots[i] != 0) return false;
  if (_arena.size() + id.size() + 1 >= OFFSET_BITS) throw std::length_error("IdSet: arena full");
  _slots[i] = tagOf(hash) | (static_cast<std::uint64_t>(_arena.size()) + 1);
  _arena.push_back(static_cast<char>(id.size()));
  _arena.append(id);
  ++_size;
  return true;
}

bool IdSet::contains(std::string_view id) const {
  if (_slots.empty()) return false;
  return _slots[slotOf(id, hashOf(id))] != 0;
}

void IdSet::clear() {
  _arena.clear();
  _slots.clear();
  _size = 0;
}

}  // namespace profkpi::engine
