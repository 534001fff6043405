#include "engine/ports/ApiKey.h"

namespace profkpi::engine {

const char* roleName(Role role) {
  switch (role) {
    case Role::Submitter: return "submitter";
    case Role::Reader: return "reader";
    case Role::Admin: return "admin";
  }
  return "submitter";
}

std::optional<Role> roleFromName(std::string_view name) {
  if (name == "submitter") return Role::Submitter;
  if (name == "reader") return Role::Reader;
  if (name == "admin") return Role::Admin;
  return std::nullopt;
}

}  // namespace profkpi::engine
