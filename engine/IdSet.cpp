#include "engine/IdSet.h"

#include <functional>
#include <stdexcept>

namespace profkpi::engine {

namespace {
std::size_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }
}  // namespace

std::string_view IdSet::at(std::uint32_t offset) const {
  auto length = static_cast<unsigned char>(_arena[offset]);
  return std::string_view(_arena).substr(offset + 1, length);
}

// The slot holding `id`, or the empty slot where it would go. REQUIRES: a free slot exists.
std::size_t IdSet::slotOf(std::string_view id, std::size_t hash) const {
  std::size_t mask = _slots.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    std::uint32_t slot = _slots[i];
    if (slot == 0 || at(slot - 1) == id) return i;
  }
}

void IdSet::grow() {
  std::vector<std::uint32_t> old = std::move(_slots);
  _slots.assign(old.empty() ? 64 : old.size() * 2, 0);
  for (std::uint32_t slot : old) {
    if (slot != 0) _slots[slotOf(at(slot - 1), hashOf(at(slot - 1)))] = slot;
  }
}

bool IdSet::insert(std::string_view id) {
  if (id.size() > 255) throw std::length_error("IdSet: id longer than 255 bytes");
  if ((_size + 1) * 2 > _slots.size()) grow();
  std::size_t i = slotOf(id, hashOf(id));
  if (_slots[i] != 0) return false;
  if (_arena.size() + id.size() + 1 >= UINT32_MAX) throw std::length_error("IdSet: arena full");
  _slots[i] = static_cast<std::uint32_t>(_arena.size()) + 1;
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
