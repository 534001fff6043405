#include "tests/support/TestSmtpServer.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <sstream>
#include <stdexcept>

namespace profkpi::tests {

namespace {

class Collector final : public Poco::Net::PartHandler {
 public:
  explicit Collector(std::vector<MailPart>& parts) : _parts(parts) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    MailPart part;
    part.mediaType = header.get("Content-Type", "");
    part.transferEncoding = header.get("Content-Transfer-Encoding", "");
    std::string disposition = header.get("Content-Disposition", "");
    std::string value;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(disposition, value, params);
    part.fileName = params.get("filename", "");
    Poco::StreamCopier::copyToString(stream, part.bytes);
    _parts.push_back(std::move(part));
  }

 private:
  std::vector<MailPart>& _parts;
};

// Reads CRLF-terminated lines from a socket.
class LineReader {
 public:
  explicit LineReader(Poco::Net::StreamSocket& socket) : _socket(socket) {}
  // False when the client has gone.
  bool next(std::string& line) {
    for (;;) {
      auto end = _buffer.find("\r\n");
      if (end != std::string::npos) {
        line = _buffer.substr(0, end);
        _buffer.erase(0, end + 2);
        return true;
      }
      char chunk[4096];
      int n = _socket.receiveBytes(chunk, sizeof chunk);
      if (n <= 0) return false;
      _buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

 private:
  Poco::Net::StreamSocket& _socket;
  std::string _buffer;
};

std::string address(const std::string& argument) {
  auto open = argument.find('<');
  auto close = argument.find('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return Poco::trim(argument);
  return argument.substr(open + 1, close - open - 1);
}

}  // namespace

ParsedMail parseMail(const std::string& data) {
  ParsedMail parsed;
  std::istringstream in(data);
  Poco::Net::MailMessage message;
  Collector collector(parsed.parts);
  message.read(in, collector);
  for (const auto& [name, value] : message) parsed.headers[Poco::toLower(name)] = value;
  return parsed;
}

TestSmtpServer::TestSmtpServer(int port, bool down) : _port(port) {
  if (_port == 0) {
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    _port = probe.address().port();
  }
  if (!down) comeUp();
}

TestSmtpServer::~TestSmtpServer() { goDown(); }

void TestSmtpServer::comeUp() {
  if (_running) return;
  _listener = std::make_unique<Poco::Net::ServerSocket>();
  _listener->bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(_port)), true);
  _listener->listen(16);
  _running = true;
  _thread = std::thread([this] { serve(); });
}

void TestSmtpServer::goDown() {
  if (!_running) return;
  _running = false;
  _thread.join();
  _listener->close();
  _listener.reset();
}

void TestSmtpServer::refuse(Stage stage, int code) {
  std::lock_guard<std::mutex> lock(_mutex);
  _refusals[stage] = code;
}

void TestSmtpServer::refuseNext(Stage stage, int code, std::size_t times) {
  std::lock_guard<std::mutex> lock(_mutex);
  _countedRefusals[stage] = {code, times};
}

void TestSmtpServer::refuseRecipient(const std::string& address, int code) {
  std::lock_guard<std::mutex> lock(_mutex);
  _refusedRecipients[address] = code;
}

std::vector<ReceivedMail> TestSmtpServer::received() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _received;
}

int TestSmtpServer::refusal(Stage stage, const std::string& recipient) {
  std::lock_guard<std::mutex> lock(_mutex);
  auto r = _refusedRecipients.find(recipient);
  if (stage == Stage::Recipient && r != _refusedRecipients.end()) return r->second;
  auto counted = _countedRefusals.find(stage);
  if (counted != _countedRefusals.end() && counted->second.second > 0) {
    --counted->second.second;
    return counted->second.first;
  }
  auto s = _refusals.find(stage);
  return s == _refusals.end() ? 0 : s->second;
}

void TestSmtpServer::serve() {
  while (_running) {
    if (!_listener->poll(Poco::Timespan(0, 50'000), Poco::Net::Socket::SELECT_READ)) continue;
    try {
      Poco::Net::StreamSocket socket = _listener->acceptConnection();
      socket.setReceiveTimeout(Poco::Timespan(10, 0));
      ++_conversations;
      converse(socket);
      socket.close();
    } catch (const Poco::Exception&) {
      // The client went away mid-conversation; wait for the next one.
    }
  }
}

void TestSmtpServer::converse(Poco::Net::StreamSocket& socket) {
  auto reply = [&](const std::string& text) {
    if (_delayMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(_delayMs.load()));
    std::string line = text + "\r\n";
    socket.sendBytes(line.data(), static_cast<int>(line.size()));
  };
  if (int code = refusal(Stage::Greeting)) {
    reply(std::to_string(code) + " test server refuses service");
    return;
  }
  reply("220 127.0.0.1 profkpi test ESMTP");
  LineReader reader(socket);
  ReceivedMail mail;
  for (std::string line; reader.next(line);) {
    std::string verb = Poco::toUpper(line.substr(0, 4));
    if (verb == "EHLO") {
      reply("250-127.0.0.1 greets you");
      reply("250 8BITMIME");
    } else if (verb == "HELO") {
      reply("250 127.0.0.1");
    } else if (verb == "MAIL") {
      mail = ReceivedMail{};
      mail.from = address(line.substr(line.find(':') + 1));
      reply("250 sender ok");
    } else if (verb == "RCPT") {
      std::string to = address(line.substr(line.find(':') + 1));
      if (int code = refusal(Stage::Recipient, to)) {
        reply(std::to_string(code) + (code / 100 == 5 ? " no such mailbox here" : " mailbox busy, try later"));
      } else {
        mail.to.push_back(to);
        reply("250 recipient ok");
      }
    } else if (verb == "DATA") {
      reply("354 end data with <CR><LF>.<CR><LF>");
      for (std::string data; reader.next(data);) {
        if (data == ".") break;
        if (!data.empty() && data[0] == '.') data.erase(0, 1);
        mail.data += data + "\r\n";
      }
      if (int code = refusal(Stage::EndOfData)) {
        reply(std::to_string(code) + " message refused");
      } else {
        {
          std::lock_guard<std::mutex> lock(_mutex);
          _received.push_back(mail);
        }
        // In steps, so that setConfirmDelay(0) ends a long wait.
        for (auto start = std::chrono::steady_clock::now();
             std::chrono::steady_clock::now() - start < std::chrono::milliseconds(_confirmDelayMs.load());) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        reply("250 queued");
      }
    } else if (verb == "RSET" || verb == "NOOP") {
      reply("250 ok");
    } else if (verb == "QUIT") {
      reply("221 bye");
      return;
    } else {
      reply("502 command not implemented");
    }
  }
}

}  // namespace profkpi::tests
