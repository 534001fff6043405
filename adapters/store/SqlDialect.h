// The differences between the SQL back ends profkpi speaks (SQLite, PostgreSQL):
// placeholders, DDL type tokens, how a writing transaction starts.
#ifndef PROFKPI_ADAPTERS_STORE_SQLDIALECT_H
#define PROFKPI_ADAPTERS_STORE_SQLDIALECT_H

#include <string>

namespace profkpi::adapters::store {

enum class SqlDialect { SQLite, PostgreSQL };

// The Poco::Data connector name ("SQLite", "PostgreSQL").
const char* connectorName(SqlDialect dialect);

// Rewrites "?" placeholders as PostgreSQL's "$1, $2, ...", and the DDL tokens
// {{ID}} (an auto-numbered primary key) and {{BLOB}} (raw bytes). Our statements
// never contain "?" inside string literals.
std::string translate(SqlDialect dialect, const std::string& sql);

}  // namespace profkpi::adapters::store

#endif
