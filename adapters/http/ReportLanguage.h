// Which language a report route answers in (issue 25): `?lang=` when the
// request names one (en or cy, case aside; anything else is refused with 400,
// so a typo is not silently answered in English), otherwise the supported
// language the Accept-Language field prefers (RFC 9110 12.5.4: q-values, "*",
// primary subtags: "cy-GB" asks for cy), otherwise English.
#ifndef PROFKPI_ADAPTERS_HTTP_REPORTLANGUAGE_H
#define PROFKPI_ADAPTERS_HTTP_REPORTLANGUAGE_H

#include "adapters/http/server/HttpMessage.h"

#include <string>

namespace profkpi::adapters::http {

// "en" or "cy". Throws HttpError 400 for a ?lang naming no supported language,
// given twice, or badly percent-encoded.
std::string requestedReportLanguage(const HttpRequest& request);

// The language Accept-Language `field` prefers among the supported ones: the
// highest q above 0, the earlier on a tie; "en" when none is acceptable or the
// field is empty or malformed.
std::string preferredLanguage(const std::string& field);

// Content-Language: the report's language; Vary: Accept-Language, since the
// same URL answers in other languages to other clients (and caches must know).
void markLanguage(HttpResponse& response, const std::string& language);

}  // namespace profkpi::adapters::http

#endif
