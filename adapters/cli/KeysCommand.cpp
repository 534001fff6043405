#include "adapters/cli/KeysCommand.h"

#include "adapters/cli/StoreServices.h"
#include "engine/ports/ApiKey.h"

#include <Poco/Util/Option.h>

#include <iostream>

namespace profkpi::adapters::cli {

std::string KeysCommand::description() const {
  return "Manages API keys. 'add' creates a key for an organisation with a role (submitter: may post for its "
         "organisation; reader: may read its organisation's results and reports; admin: everything) and prints "
         "it once: only its hash is kept. 'list' shows every key's id, organisation, role and state. "
         "'revoke ID' stops a key working at once. Exit status: 0 done, 1 the organisation is not in the "
         "registry or there is no such active key, 2 usage, configuration or store error.";
}

void KeysCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("org", "", "the key's organisation (GSS code), for add").argument("CODE"));
  options.addOption(Poco::Util::Option("role", "", "submitter, reader or admin, for add").argument("ROLE"));
}

void KeysCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "org") _organisation = value;
  if (name == "role") _role = value;
}

int KeysCommand::run(const std::vector<std::string>& args, Services& services) {
  std::string action = args.empty() ? "" : args[0];
  StoreServices storeServices(services);
  if (action == "add") {
    if (args.size() != 1) throw UsageError("keys add takes only --org and --role");
    auto role = engine::roleFromName(_role);
    if (!role) throw UsageError("--role must be submitter, reader or admin");
    if (_organisation.empty()) throw UsageError("keys add needs --org CODE");
    if (services.registry().find(_organisation) == nullptr) {
      std::cerr << "profkpi keys: " << _organisation << " is not in the organisation registry\n";
      return STATUS_REFUSED;
    }
    auth::IssuedKey issued = storeServices.apiKeys().issue(_organisation, *role);
    std::cout << issued.token << "\n";
    std::cerr << "key " << issued.record.id << " for " << _organisation << " (" << _role
              << ") created; it is shown only this once\n";
    return STATUS_OK;
  }
  if (action == "list") {
    for (const engine::ApiKeyRecord& key : storeServices.keyStore().listKeys()) {
      std::cout << key.id << "  " << key.organisation << "  " << engine::roleName(key.role) << "  created "
                << engine::formatInstant(key.createdAt)
                << (key.revokedAt ? "  revoked " + engine::formatInstant(*key.revokedAt) : std::string("  active"))
                << "\n";
    }
    return STATUS_OK;
  }
  if (action == "revoke") {
    if (args.size() != 2) throw UsageError("keys revoke takes one key id");
    if (!storeServices.keyStore().revokeKey(args[1], services.clock().now())) {
      std::cerr << "profkpi keys: no active key " << args[1] << "\n";
      return STATUS_REFUSED;
    }
    std::cerr << "key " << args[1] << " revoked\n";
    return STATUS_OK;
  }
  throw UsageError("keys needs add, list or revoke");
}

}  // namespace profkpi::adapters::cli
