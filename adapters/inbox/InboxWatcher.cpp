#include "adapters/inbox/InboxWatcher.h"

#include "adapters/json/DiagnosticJson.h"
#include "adapters/json/ReceiptJson.h"
#include "engine/ports/Errors.h"
#include "platform/AtomicFile.h"
#include "platform/FileError.h"
#include "platform/ScratchFile.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace profkpi::adapters::inbox {

namespace {

const char* const ACCEPTED = "accepted";
const char* const REFUSED = "refused";
// Each instance's claim folder is CLAIMED/NAME: hidden, so no pass takes it for a file.
const char* const CLAIMED = ".claimed";

bool isGssCode(const std::string& name) {
  return name.size() == 9 && std::string("ENSW").find(name[0]) != std::string::npos &&
         std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Writes a receipt or error list whole (a scratch file, flushed, renamed), so
// a kill never leaves half of one under its final name.
void writeDurably(const std::string& path, const std::string& content) {
  try {
    platform::writeFileAtomically(path, content, 0640);
  } catch (const platform::FileError& e) {
    throw engine::StoreError("inbox: cannot write " + path + ": " + e.reason());
  }
}

// A name in `folder` not yet taken: NAME, else NAME.1, NAME.2, ...
std::string freeName(const std::string& folder, const std::string& name) {
  std::string candidate = folder + "/" + name;
  for (int n = 1; Poco::File(candidate).exists(); ++n) candidate = folder + "/" + name + "." + std::to_string(n);
  return candidate;
}

std::string folderOf(const std::string& path) { return path.substr(0, path.rfind('/')); }

// A rename is on disk only once the folders it changed are flushed: until then
// a power cut can undo it, losing a receipt already acknowledged in the log.
void flushFolder(const std::string& folder) {
  try {
    platform::syncFolder(folder);
  } catch (const platform::FileError& e) {
    throw engine::StoreError("inbox: cannot flush the folder " + folder + ": " + e.reason());
  }
}

// Moves a claimed file beside its verdict. The verdict's folder is flushed
// first (the file may only leave the inbox once its verdict is durable), then
// again with the file in it, and then the folders it left: the claim folder and
// the one it was dropped into (the claim's rename is made durable here, not
// before the file is read). Should a power cut come in between, the file is in
// two places and is taken again as a duplicate, never in neither.
void moveInto(const std::string& path, const std::string& target, const std::string& droppedFolder) {
  const std::string verdicts = folderOf(target);
  flushFolder(verdicts);
  if (::rename(path.c_str(), target.c_str()) != 0) {
    throw engine::StoreError("inbox: cannot move " + path + ": " + std::strerror(errno));
  }
  flushFolder(verdicts);
  flushFolder(folderOf(path));
  flushFolder(droppedFolder);
}

// A receipt or error list still under its scratch name was being written when
// the process died: its file is still in the inbox and gets a new one when
// taken again. (NAME.tmp: the fixed scratch name of earlier versions.)
void removeUnfinishedVerdicts(const std::string& folder) {
  std::vector<std::string> names;
  Poco::File(folder).list(names);
  for (const std::string& name : names) {
    if (!platform::isScratchName(name) && !endsWith(name, ".tmp")) continue;
    Poco::Logger::get("inbox").warning("removing %s/%s, left unfinished by an earlier stop", folder, name);
    ::unlink((folder + "/" + name).c_str());
  }
}

// The folders a pass looks in under `root`: root itself (any organisation) and
// its sub-folders named for a GSS code (that organisation), as (path, code).
std::vector<std::pair<std::string, std::string>> foldersUnder(const std::string& root) {
  std::vector<std::pair<std::string, std::string>> folders{{root, ""}};
  std::vector<std::string> top;
  Poco::File(root).list(top);
  std::sort(top.begin(), top.end());
  for (const std::string& name : top) {
    std::string path = root + "/" + name;
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode) && isGssCode(name)) folders.emplace_back(path, name);
  }
  return folders;
}

// The complete files of a folder, in name order.
std::vector<std::string> completeFiles(const std::string& folder) {
  std::vector<std::string> names;
  Poco::File(folder).list(names);
  std::sort(names.begin(), names.end());
  names.erase(std::remove_if(names.begin(), names.end(),
                             [](const std::string& name) { return !endsWith(name, ".xml") || name[0] == '.'; }),
              names.end());  // not complete yet, or hidden
  return names;
}

std::string checkedClaimName(const std::string& configured) {
  const std::string name = configured.empty() ? Poco::Environment::nodeName() : configured;
  if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos) {
    throw std::invalid_argument("inbox.claimName must be a plain folder name, not \"" + name + "\"");
  }
  return name;
}

std::string lockPathOf(const std::string& claimFolder) { return claimFolder + ".lock"; }

// The wait covers a peer that is adopting this folder's files just now (it
// holds the lock for as long as a few renames take).
ClaimLock holdClaimFolder(const std::string& claimFolder) {
  Poco::File(claimFolder).createDirectories();
  std::optional<ClaimLock> lock = ClaimLock::take(lockPathOf(claimFolder), std::chrono::seconds(5));
  if (!lock) {
    throw std::invalid_argument("inbox.claimName: another running instance uses " + claimFolder +
                                ": give each instance sharing the inbox a name of its own");
  }
  return std::move(*lock);
}

}  // namespace

InboxWatcher::InboxWatcher(std::string folder, intake::IntakeGateway& gateway, int pollMilliseconds,
                           std::function<void(const std::string&)> onFile, const std::string& claimName)
    : _folder(std::move(folder)),
      _claims(_folder + "/" + CLAIMED + "/" + checkedClaimName(claimName)),
      _hold(holdClaimFolder(_claims)),
      _gateway(gateway),
      _pollMilliseconds(pollMilliseconds),
      _onFile(std::move(onFile)) {
  for (const char* sub : {ACCEPTED, REFUSED}) {
    Poco::File(_folder + "/" + sub).createDirectories();
    removeUnfinishedVerdicts(_folder + "/" + sub);
  }
}

InboxWatcher::~InboxWatcher() { stop(); }

// First what this instance claimed and has not finished (a stop, a store
// failure) with what it adopted from instances that are gone, then the inbox,
// each file claimed before it is read.
InboxCounts InboxWatcher::processOnce() {
  InboxCounts counts;
  for (auto it = _answered.begin(); it != _answered.end();) {  // moved, though a flush after the move failed
    it = Poco::File(it->first).exists() ? std::next(it) : _answered.erase(it);
  }
  adoptOrphans();
  for (const auto& [folder, organisation] : foldersUnder(_claims)) {
    for (const std::string& name : completeFiles(folder)) {
      if (_stopping) return counts;
      process(folder + "/" + name, name, organisation, counts);
    }
  }
  for (const auto& [folder, organisation] : foldersUnder(_folder)) {
    for (const std::string& name : completeFiles(folder)) {
      if (_stopping) return counts;
      if (auto claimed = claim(folder + "/" + name, name, organisation)) process(*claimed, name, organisation, counts);
    }
  }
  return counts;
}

// A rename into this instance's own claim folder: of several instances sharing
// the inbox, one wins and the others find the file gone (ENOENT), so a file is
// read, stored and answered by one instance only. The claim folder holds no
// file of that name: what it held was processed before the inbox was looked at.
std::optional<std::string> InboxWatcher::claim(const std::string& path, const std::string& name,
                                               const std::string& organisation) {
  std::string folder = organisation.empty() ? _claims : _claims + "/" + organisation;
  if (!organisation.empty()) Poco::File(folder).createDirectories();
  std::string target = folder + "/" + name;
  if (::rename(path.c_str(), target.c_str()) == 0) return target;
  if (errno == ENOENT) return std::nullopt;  // another instance took it first
  throw engine::StoreError("inbox: cannot claim " + path + ": " + std::strerror(errno));
}

// A peer's claim folder whose lock this instance can take has no instance: it
// was stopped for good, or killed and not started again. Holding the lock keeps
// a second adopter (and the peer, should it start meanwhile) out while its
// files move. A name already in this instance's own claim folder waits for the
// next pass: the rename would replace it, and only this watcher fills that folder.
void InboxWatcher::adoptOrphans() {
  const std::string claimed = folderOf(_claims);
  std::vector<std::string> entries;
  Poco::File(claimed).list(entries);
  for (const std::string& entry : entries) {
    const std::string peer = claimed + "/" + entry;
    struct stat info {};
    if (peer == _claims || ::lstat(peer.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) continue;
    std::optional<ClaimLock> gone = ClaimLock::take(lockPathOf(peer), std::chrono::milliseconds(0));
    if (!gone) continue;  // its instance is running
    for (const auto& [folder, organisation] : foldersUnder(peer)) {
      const std::string into = organisation.empty() ? _claims : _claims + "/" + organisation;
      for (const std::string& name : completeFiles(folder)) {
        if (!organisation.empty()) Poco::File(into).createDirectories();
        if (Poco::File(into + "/" + name).exists()) continue;
        if (::rename((folder + "/" + name).c_str(), (into + "/" + name).c_str()) != 0) {
          throw engine::StoreError("inbox: cannot adopt " + folder + "/" + name + ": " + std::strerror(errno));
        }
        Poco::Logger::get("inbox").warning("%s: adopted from %s, whose instance is not running", name, entry);
      }
    }
  }
}

void InboxWatcher::process(const std::string& path, const std::string& name, const std::string& folderOrganisation,
                           InboxCounts& counts) {
  Poco::Logger& log = Poco::Logger::get("inbox");
  const std::string droppedFolder = _folder + (folderOrganisation.empty() ? "" : "/" + folderOrganisation);
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return;  // gone meanwhile
  if (!S_ISREG(info.st_mode)) {
    refuse(path, name,
           S_ISLNK(info.st_mode) ? "symbolic links are refused: drop the file itself\n" : "only regular files are taken\n",
           droppedFolder);
    ++counts.refused;
    return;
  }
  // O_NOFOLLOW: a file swapped for a link after the check is still not followed.
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    refuse(path, name, std::string("cannot read the file: ") + std::strerror(errno) + "\n", droppedFolder);
    ++counts.refused;
    return;
  }
  std::string bytes;
  char buffer[65536];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) bytes.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);

  // A file answered on an earlier pass whose verdict could not be written (a
  // full disk) gets that answer again: submitted again it would be audited as a
  // resend on every pass until the fault clears.
  const AnsweredFile seen{info.st_ino, info.st_size, info.st_mtim.tv_sec, info.st_mtim.tv_nsec, {}};
  auto earlier = _answered.find(path);
  if (earlier != _answered.end() && !earlier->second.sameFile(seen)) earlier = _answered.end();
  if (earlier == _answered.end()) {
    // The origin audited is where the sender dropped it, not the claim folder.
    AnsweredFile answered = seen;
    answered.receipt = _gateway.submit(bytes, "inbox", "inbox", droppedFolder + "/" + name, folderOrganisation);
    earlier = _answered.insert_or_assign(path, std::move(answered)).first;
  }
  const engine::Receipt& receipt = earlier->second.receipt;
  bool accepted = receipt.outcome == engine::IntakeOutcome::Accepted || receipt.outcome == engine::IntakeOutcome::Duplicate;
  if (accepted) {
    std::string target = freeName(_folder + "/" + ACCEPTED, name);
    writeDurably(target + ".receipt.json", json::receiptText(receipt) + "\n");
    moveInto(path, target, droppedFolder);
    ++counts.accepted;
    log.information("%s: %s, %s", name, std::string(engine::outcomeName(receipt.outcome)), receipt.record.submissionId);
  } else {
    std::ostringstream reasons;
    for (const engine::Diagnostic& d : receipt.diagnostics) {
      reasons << name;
      if (d.line > 0) reasons << ":" << d.line << ":" << d.column;
      reasons << ": " << engine::severityName(d.severity) << " " << d.code << ": " << d.message << "\n";
    }
    refuse(path, name, reasons.str(), droppedFolder);
    ++counts.refused;
  }
  _answered.erase(path);
  if (_onFile) _onFile(accepted ? "accepted" : "refused");
}

void InboxWatcher::refuse(const std::string& path, const std::string& name, const std::string& reasons,
                          const std::string& droppedFolder) {
  std::string target = freeName(_folder + "/" + REFUSED, name);
  writeDurably(target + ".errors.txt", reasons);
  moveInto(path, target, droppedFolder);
  Poco::Logger::get("inbox").warning("%s: refused", name);
}

void InboxWatcher::start() {
  _stopping = false;
  _thread.start(*this);
}

void InboxWatcher::stop() {
  if (!_thread.isRunning()) return;
  _stopping = true;
  _wake.set();
  _thread.join();
}

void InboxWatcher::run() {
  Poco::Logger& log = Poco::Logger::get("inbox");
  while (!_stopping) {
    try {
      processOnce();
    } catch (const std::exception& e) {
      log.error("%s (will try again)", std::string(e.what()));
    }
    _wake.tryWait(_pollMilliseconds);
  }
}

}  // namespace profkpi::adapters::inbox
