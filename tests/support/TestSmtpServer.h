// A small SMTP server on 127.0.0.1 for tests, enough for Poco's client:
// greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA (dot-stuffing undone), RSET,
// NOOP, QUIT. It records every message it accepts, and can be told to refuse
// (a 4xx or 5xx reply at the greeting, RCPT TO or the end of DATA), to answer
// slowly, or to be down (nothing listening). One connection at a time, on its
// own thread.
#ifndef PROFKPI_TESTS_SUPPORT_TESTSMTPSERVER_H
#define PROFKPI_TESTS_SUPPORT_TESTSMTPSERVER_H

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Poco::Net {
class ServerSocket;
class StreamSocket;
}  // namespace Poco::Net

namespace profkpi::tests {

struct ReceivedMail {
  std::string from;             // MAIL FROM address, without <>
  std::vector<std::string> to;  // RCPT TO addresses
  std::string data;             // the message as sent (CRLF lines), dot-stuffing undone
};

// A decoded MIME part of a received message.
struct MailPart {
  std::string mediaType;  // "text/plain; charset=utf-8"
  std::string fileName;   // attachments only
  std::string transferEncoding;
  std::string bytes;      // decoded
};

// The message's headers (lower-case names) and decoded parts, through Poco's MIME reader.
struct ParsedMail {
  std::map<std::string, std::string> headers;
  std::vector<MailPart> parts;
};
ParsedMail parseMail(const std::string& data);

class TestSmtpServer {
 public:
  // Where a refusal comes.
  enum class Stage { Greeting, Recipient, EndOfData };

  // Listens on `port` (0: a free one) unless `down`.
  explicit TestSmtpServer(int port = 0, bool down = false);
  ~TestSmtpServer();
  TestSmtpServer(const TestSmtpServer&) = delete;
  TestSmtpServer& operator=(const TestSmtpServer&) = delete;

  int port() const { return _port; }
  // Stops listening (clients get "connection refused") / listens again on the same port.
  void goDown();
  void comeUp();

  // Every later conversation gets `code` (e.g. 451, 550) at `stage`; 0 accepts again.
  void refuse(Stage stage, int code);
  // The next `times` conversations that reach `stage` get `code` there; later
  // ones go through. Counted, not timed, so a retry test needs no sleeping.
  void refuseNext(Stage stage, int code, std::size_t times);
  // Only this recipient is refused, with `code`, at RCPT TO.
  void refuseRecipient(const std::string& address, int code);
  // Wait this long before every reply.
  void setReplyDelay(std::chrono::milliseconds delay) { _delayMs = delay.count(); }
  // Wait this long after recording a message before confirming it (250 to the
  // end of DATA): the client has sent it and does not know yet.
  void setConfirmDelay(std::chrono::milliseconds delay) { _confirmDelayMs = delay.count(); }

  std::vector<ReceivedMail> received() const;
  // Conversations started (connections accepted), refused ones included.
  std::size_t conversations() const { return _conversations.load(); }

 private:
  void serve();
  void converse(Poco::Net::StreamSocket& socket);
  int refusal(Stage stage, const std::string& recipient = {});

  int _port;
  std::unique_ptr<Poco::Net::ServerSocket> _listener;
  std::thread _thread;
  std::atomic<bool> _running{false};
  std::atomic<long long> _delayMs{0};
  std::atomic<long long> _confirmDelayMs{0};
  std::atomic<std::size_t> _conversations{0};
  mutable std::mutex _mutex;
  std::map<Stage, int> _refusals;
  std::map<Stage, std::pair<int, std::size_t>> _countedRefusals;  // code, times left
  std::map<std::string, int> _refusedRecipients;
  std::vector<ReceivedMail> _received;
};

}  // namespace profkpi::tests

#endif
