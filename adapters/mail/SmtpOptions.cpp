#include "adapters/mail/SmtpOptions.h"

#include <array>
#include <utility>

namespace profkpi::adapters::mail {

namespace {

constexpr std::array<std::pair<SmtpTls, const char*>, 3> TLS_NAMES{{
    {SmtpTls::StartTls, "starttls"},
    {SmtpTls::Implicit, "implicit"},
    {SmtpTls::None, "none"},
}};

constexpr std::array<std::pair<SmtpAuth, const char*>, 4> AUTH_NAMES{{
    {SmtpAuth::None, "none"},
    {SmtpAuth::Plain, "plain"},
    {SmtpAuth::Login, "login"},
    {SmtpAuth::XOAuth2, "xoauth2"},
}};

template <typename Value, std::size_t N>
const char* nameOf(const std::array<std::pair<Value, const char*>, N>& names, Value value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names.front().second;
}

template <typename Value, std::size_t N>
std::optional<Value> valueOf(const std::array<std::pair<Value, const char*>, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (text == name) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* smtpTlsName(SmtpTls tls) { return nameOf(TLS_NAMES, tls); }
std::optional<SmtpTls> smtpTlsFromName(std::string_view name) { return valueOf(TLS_NAMES, name); }
const char* smtpAuthName(SmtpAuth auth) { return nameOf(AUTH_NAMES, auth); }
std::optional<SmtpAuth> smtpAuthFromName(std::string_view name) { return valueOf(AUTH_NAMES, name); }

}  // namespace profkpi::adapters::mail
