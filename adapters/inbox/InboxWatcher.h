// The inbox: councils' systems drop submission files into inbox.dir and each is
// taken once complete, handed to the same intake as HTTP, and moved with its
// verdict beside it.
//
// Convention for senders: write the file under a name that does not end in
// ".xml" (for example "name.xml.part"), then rename it to "name.xml"; only
// *.xml names are taken. A file directly in the inbox may be for any
// organisation; a file in a sub-folder named for a GSS code (inbox/W06000001/)
// must be for that organisation. Accepted files move to accepted/ with
// NAME.receipt.json beside them; refused ones to refused/ with NAME.errors.txt.
// Symbolic links and anything that is not a regular file are refused without
// being read.
//
// Several instances may share one inbox: each file is claimed before it is
// read, by renaming it into the instance's own claim folder
// (inbox/.claimed/CLAIM-NAME/, keeping its organisation sub-folder), which only
// one instance can do; the others find it gone and leave it. An instance holds
// a lock on its claim folder while it runs (ClaimLock); a claim folder whose
// lock is free belongs to an instance that is gone, and the next instance to
// take that lock moves its files into its own claim folder and finishes them,
// so no claimed file waits for an instance that never comes back.
//
// Exactly once: a file is moved only after its submission is committed; should
// the process stop in between, the file is taken again from the claim folder
// when that instance starts again and answered as an identical resend, so it is
// stored once. Not thread-safe: one watcher per claim name.
#ifndef PROFKPI_ADAPTERS_INBOX_INBOXWATCHER_H
#define PROFKPI_ADAPTERS_INBOX_INBOXWATCHER_H

#include "adapters/inbox/ClaimLock.h"
#include "adapters/intake/IntakeGateway.h"

#include <Poco/Event.h>
#include <Poco/Thread.h>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>

namespace profkpi::adapters::inbox {

struct InboxCounts {
  std::size_t accepted = 0;
  std::size_t refused = 0;
};

class InboxWatcher : public Poco::Runnable {
 public:
  // `gateway` must outlive the watcher. `onFile` (optional) hears "accepted" or
  // "refused" for each file processed (metrics). `claimName` names this
  // instance's claim folder: unique among the instances sharing the inbox and
  // the same across restarts (inbox.claimName); empty: the host's name.
  // Throws std::invalid_argument for a claim name that is not a plain folder
  // name, and when another running instance holds that claim name.
  InboxWatcher(std::string folder, intake::IntakeGateway& gateway, int pollMilliseconds = 2000,
               std::function<void(const std::string&)> onFile = {}, const std::string& claimName = "");
  ~InboxWatcher() override;

  // Processes every complete file present now. Throws engine::StoreError when
  // the store fails (the file stays where it is, to be taken next time).
  InboxCounts processOnce();

  // Polls in a background thread until stop().
  void start();
  void stop();

  void run() override;

 private:
  void process(const std::string& path, const std::string& name, const std::string& folderOrganisation,
               InboxCounts& counts);
  // The claimed file's path, or none when another instance took it first.
  // Throws engine::StoreError when the rename fails otherwise.
  std::optional<std::string> claim(const std::string& path, const std::string& name, const std::string& organisation);
  void refuse(const std::string& path, const std::string& name, const std::string& reasons,
              const std::string& droppedFolder);
  // Moves the unfinished files of the claim folders whose instances are gone
  // into this instance's own claim folder.
  void adoptOrphans();

  // An answer whose verdict is not on disk yet, and the file it is for.
  struct AnsweredFile {
    ino_t inode;
    off_t size;
    time_t modifiedSeconds;
    long modifiedNanoseconds;
    engine::Receipt receipt;
    bool sameFile(const AnsweredFile& other) const {
      return inode == other.inode && size == other.size && modifiedSeconds == other.modifiedSeconds &&
             modifiedNanoseconds == other.modifiedNanoseconds;
    }
  };

  std::string _folder;
  std::string _claims;  // this instance's claim folder
  ClaimLock _hold;      // on _claims, for the watcher's life
  intake::IntakeGateway& _gateway;
  int _pollMilliseconds;
  std::function<void(const std::string&)> _onFile;
  Poco::Thread _thread;
  Poco::Event _wake;
  std::map<std::string, AnsweredFile> _answered;  // by claimed path
  std::atomic<bool> _stopping{false};
};

}  // namespace profkpi::adapters::inbox

#endif
