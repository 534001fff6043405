// The api_keys look-up every request makes, and its decoding for each back
// end's row type (SqliteQuery, PgResult::Row).
#ifndef PROFKPI_ADAPTERS_STORE_APIKEYCOLUMNS_H
#define PROFKPI_ADAPTERS_STORE_APIKEYCOLUMNS_H

#include "engine/ports/ApiKey.h"

#include <chrono>

namespace profkpi::adapters::store {

// One key by its id; bind the id.
inline constexpr const char* SELECT_KEY_BY_ID =
    "SELECT key_id, organisation, role, secret_hash, created_at_ms, revoked_at_ms FROM api_keys WHERE key_id = ?";

template <typename Row>
engine::ApiKeyRecord apiKeyFrom(const Row& q) {
  auto instant = [](std::int64_t ms) { return engine::Instant{std::chrono::milliseconds{ms}}; };
  engine::ApiKeyRecord k;
  k.id = q.text(0);
  k.organisation = q.text(1);
  k.role = engine::roleFromName(q.text(2)).value_or(engine::Role::Reader);
  k.secretHash = q.text(3);
  k.createdAt = instant(q.integer(4));
  if (!q.isNull(5)) k.revokedAt = instant(q.integer(5));
  return k;
}

}  // namespace profkpi::adapters::store

#endif
