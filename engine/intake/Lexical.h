// Values from the lexical forms of XML Schema built-in types, as they appear in a
// submission. Each parser accepts exactly what the XSD type accepts (after the
// type's whitespace collapsing) and returns nothing when the text is not of that
// form or does not fit the engine's representation.
#ifndef PROFKPI_ENGINE_INTAKE_LEXICAL_H
#define PROFKPI_ENGINE_INTAKE_LEXICAL_H

#include "engine/common/Time.h"
#include "engine/model/Amount.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace profkpi::engine::lexical {

// Strips XML white space (space, tab, CR, LF) from both ends.
std::string_view trim(std::string_view text);

// xs:nonNegativeInteger ("+7", "007", "-0"); nothing above INT64_MAX.
std::optional<std::int64_t> nonNegativeInteger(std::string_view text);

// xs:decimal with at most two significant fraction digits ("1.50", ".5", "5.", "-0").
std::optional<Amount> amount(std::string_view text);

// Whether the text has the lexical form of an xs:decimal ("+1.5", "1.", ".5"), whatever
// its size or number of fraction digits. Xerces 3.2 lets "." and "+." through as decimals.
bool isDecimal(std::string_view text);

// xs:boolean: true, false, 1, 0.
std::optional<bool> boolean(std::string_view text);

// xs:date; an optional time zone is accepted and ignored: the calendar date stands.
// Dates and times yield nothing outside the years 0001 to 32767, the calendar
// profkpi supports (SUBMISSION.md section 8).
std::optional<Date> date(std::string_view text);

// xs:dateTime. A value without a time zone yields nothing: submissions require one.
std::optional<ZonedTime> zonedDateTime(std::string_view text);

}  // namespace profkpi::engine::lexical

#endif
