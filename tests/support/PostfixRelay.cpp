#include "tests/support/PostfixRelay.h"

#include "tests/support/Documents.h"
#include "tests/support/Process.h"
#include "tests/support/ServerProcess.h"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace profkpi::tests {

namespace {

const char* POSTFIX = "/usr/sbin/postfix";
const char* DOVECOT = "/usr/sbin/dovecot";

bool listening(int port) {
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), Poco::Timespan(1, 0));
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

bool awaitListening(int port) {
  for (int i = 0; i < 200; ++i) {
    if (listening(port)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string tryRead(const std::string& path) {
  try {
    return readFile(path);
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

PostfixRelay::PostfixRelay() {
  if (::access(POSTFIX, X_OK) != 0 || ::access(DOVECOT, X_OK) != 0) {
    throw std::runtime_error("postfix or dovecot-core is not installed (scripts/setup installs them)");
  }
  if (::geteuid() != 0) throw std::runtime_error("Postfix's master runs only as root; this test needs root");
  const passwd* postfixUser = ::getpwnam("postfix");
  if (postfixUser == nullptr) throw std::runtime_error("no postfix user (the postfix package creates it)");
  char folder[] = "/tmp/profkpi-postfix-XXXXXX";
  if (::mkdtemp(folder) == nullptr) throw std::runtime_error("cannot make a folder under /tmp");
  _dir = folder;
  // Postfix's and Dovecot's unprivileged processes read what is here.
  ::chmod(_dir.c_str(), 0755);
  for (int& port : _ports) port = freePort();
  int dovecotPort = freePort();

  ProcessResult certificates =
      runProcess({"/bin/bash", std::string(PROFKPI_SOURCE_DIR) + "/tests/support/mail/make-test-certificates.sh", _dir});
  if (certificates.exitCode != 0) {
    stop();
    throw std::runtime_error("openssl could not make the test certificates: " + certificates.err);
  }
  writeConfiguration(dovecotPort);
  std::filesystem::create_directories(_dir + "/data");
  if (::chown((_dir + "/data").c_str(), postfixUser->pw_uid, postfixUser->pw_gid) != 0) {
    stop();
    throw std::runtime_error("cannot give Postfix its data folder");
  }

  _dovecotPid = spawnProcess({DOVECOT, "-F", "-c", _dir + "/dovecot.conf"}, _dir + "/dovecot.out", _dir + "/dovecot.err");
  if (!awaitListening(dovecotPort)) {
    std::string why = tryRead(_dir + "/dovecot.err") + tryRead(_dir + "/dovecot.log");
    stop();
    throw std::runtime_error("dovecot did not start: " + why);
  }
  _postfixPid = spawnProcess({POSTFIX, "-c", _dir + "/postfix", "start-fg"}, _dir + "/postfix.out",
                             _dir + "/postfix.err");
  for (int port : _ports) {
    if (!awaitListening(port)) {
      std::string why = tryRead(_dir + "/postfix.err") + log();
      stop();
      throw std::runtime_error("postfix did not start: " + why);
    }
  }
}

PostfixRelay::~PostfixRelay() { stop(); }

PostfixRelay& PostfixRelay::shared() {
  static PostfixRelay relay;
  return relay;
}

void PostfixRelay::stop() {
  if (_postfixPid > 0) {
    runProcess({POSTFIX, "-c", _dir + "/postfix", "stop"});
    waitProcess(_postfixPid);
    _postfixPid = -1;
  }
  if (_dovecotPid > 0) {
    ::kill(_dovecotPid, SIGTERM);
    waitProcess(_dovecotPid);
    _dovecotPid = -1;
  }
  if (!_dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(_dir, ignored);
  }
}

std::string PostfixRelay::log() const { return tryRead(_dir + "/maillog"); }

bool PostfixRelay::awaitDelivered(std::size_t count) {
  for (int i = 0; i < 400; ++i) {
    if (_sink.received().size() >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void PostfixRelay::writeConfiguration(int dovecotPort) {
  const std::string& d = _dir;
  writeFile(d + "/users", std::string(USER) + ":{PLAIN}" + PASSWORD + "\n");
  ::chmod((d + "/users").c_str(), 0644);
  std::filesystem::create_directories(d + "/dovecot/run");
  std::filesystem::create_directories(d + "/dovecot/state");
  writeFile(d + "/dovecot.conf",
            "base_dir = " + d + "/dovecot/run\n"
            "state_dir = " + d + "/dovecot/state\n"
            "log_path = " + d + "/dovecot.log\n"
            "protocols =\n"
            "listen = 127.0.0.1\n"
            "ssl = no\n"
            // Postfix decides whether TLS came first; Dovecot only checks the password.
            "disable_plaintext_auth = no\n"
            "auth_mechanisms = plain login\n"
            "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u " + d + "/users\n}\n"
            "userdb {\n  driver = static\n  args = uid=65534 gid=65534 home=/nonexistent\n}\n"
            "service auth {\n  inet_listener {\n    address = 127.0.0.1\n    port = " + std::to_string(dovecotPort) +
            "\n  }\n}\n"
            "service anvil {\n  chroot =\n}\n");

  std::filesystem::create_directories(d + "/postfix");
  std::filesystem::create_directories(d + "/queue");
  writeFile(d + "/postfix/main.cf",
            "compatibility_level = 3.6\n"
            "queue_directory = " + d + "/queue\n"
            "data_directory = " + d + "/data\n"
            "command_directory = /usr/sbin\n"
            "daemon_directory = /usr/lib/postfix/sbin\n"
            "shlib_directory = /usr/lib/postfix\n"
            "meta_directory = /etc/postfix\n"
            "mail_owner = postfix\n"
            "setgid_group = postdrop\n"
            "myhostname = relay.test.example\n"
            "mydomain = test.example\n"
            "myorigin = test.example\n"
            "mydestination =\n"
            "inet_interfaces = 127.0.0.1\n"
            "inet_protocols = ipv4\n"
            "maillog_file_prefixes = /tmp\n"
            "maillog_file = " + d + "/maillog\n"
            "relayhost = [127.0.0.1]:" + std::to_string(_sink.port()) + "\n"
            "smtp_tls_security_level = none\n"
            "alias_maps =\n"
            "alias_database =\n"
            "local_recipient_maps =\n"
            "smtpd_tls_security_level = encrypt\n"
            "smtpd_tls_cert_file = " + d + "/localhost.pem\n"
            "smtpd_tls_key_file = " + d + "/localhost.key\n"
            "smtpd_tls_protocols = >=TLSv1.2\n"
            "smtpd_sasl_auth_enable = yes\n"
            "smtpd_sasl_type = dovecot\n"
            "smtpd_sasl_path = inet:127.0.0.1:" + std::to_string(dovecotPort) + "\n"
            "smtpd_tls_auth_only = yes\n"
            "smtpd_relay_restrictions = permit_sasl_authenticated, reject\n"
            "smtpd_recipient_restrictions = check_recipient_access inline:{ {" + busyRecipient() +
            " = 421 4.3.2 busy, try later} }\n"
            "queue_run_delay = 1s\n"
            "minimal_backoff_time = 1s\n"
            "maximal_backoff_time = 2s\n");
  auto smtpd = [](int port, const std::string& overrides) {
    return "127.0.0.1:" + std::to_string(port) + " inet n - n - - smtpd" + overrides + "\n";
  };
  writeFile(d + "/postfix/master.cf",
            smtpd(_ports[0], "") +
            smtpd(_ports[1], " -o smtpd_tls_wrappermode=yes") +
            smtpd(_ports[2], " -o smtpd_tls_security_level=none -o smtpd_tls_auth_only=no") +
            smtpd(_ports[3], " -o smtpd_tls_cert_file=" + d + "/elsewhere.pem -o smtpd_tls_key_file=" + d +
                                 "/elsewhere.key") +
            smtpd(_ports[4], " -o smtpd_tls_cert_file=" + d + "/stranger.pem -o smtpd_tls_key_file=" + d +
                                 "/stranger.key") +
            "pickup unix n - n 60 1 pickup\n"
            "cleanup unix n - n - 0 cleanup\n"
            "qmgr unix n - n 300 1 qmgr\n"
            "tlsmgr unix - - n 1000? 1 tlsmgr\n"
            "rewrite unix - - n - - trivial-rewrite\n"
            "bounce unix - - n - 0 bounce\n"
            "defer unix - - n - 0 bounce\n"
            "trace unix - - n - 0 bounce\n"
            "verify unix - - n - 1 verify\n"
            "flush unix n - n 1000? 0 flush\n"
            "proxymap unix - - n - - proxymap\n"
            "smtp unix - - n - - smtp\n"
            "relay unix - - n - - smtp\n"
            "showq unix n - n - - showq\n"
            "error unix - - n - - error\n"
            "retry unix - - n - - error\n"
            "discard unix - - n - - discard\n"
            "anvil unix - - n - 1 anvil\n"
            "scache unix - - n - 1 scache\n"
            "postlog unix-dgram n - n - 1 postlogd\n");
}

}  // namespace profkpi::tests
