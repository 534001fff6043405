// An HTTP refusal raised inside a handler; the handler base answers it as an
// RFC 9457 problem document.
#ifndef PROFKPI_ADAPTERS_HTTP_HTTPERROR_H
#define PROFKPI_ADAPTERS_HTTP_HTTPERROR_H

#include "engine/model/Diagnostic.h"

#include <stdexcept>
#include <string>

namespace profkpi::adapters::http {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string title, std::string detail = {}, long retryAfterSeconds = 0)
      : std::runtime_error(title), _status(status), _title(std::move(title)), _detail(std::move(detail)),
        _retryAfter(retryAfterSeconds) {}

  int status() const { return _status; }
  const std::string& title() const { return _title; }
  const std::string& detail() const { return _detail; }
  long retryAfter() const { return _retryAfter; }

 private:
  int _status;
  std::string _title;
  std::string _detail;
  long _retryAfter;
};

}  // namespace profkpi::adapters::http

#endif
