#include "postpress/support/output_set.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <system_error>

#include "postpress/support/files.h"
#include "postpress/support/interrupt.h"
#include "postpress/support/temporaries.h"

namespace pp {

OutputSet::OutputSet(const std::vector<fs::path>& targets) {
  for (const fs::path& given : targets) {
    Member m;
    m.target = followOutputLinks(given);
    m.direct = isDeviceOutput(m.target);
    if (m.direct) {
      m.staged = m.target;
    } else {
      removeStaleTemporaries(m.target);
      Temporary t = createTemporary(m.target, TemporaryKind::Folder);
      if (t.fd < 0) {
        m.error = t.error;
      } else {
        m.staging = std::move(t.path);
        m.fd = t.fd;
        m.staged = m.staging / m.target.filename();
        // Registered before anything is in it: the handler removes files first, then folders.
        m.slots[0] = registerTemporary(m.staged.c_str());
        m.slots[1] = registerTemporary(m.staging.c_str());
      }
    }
    members_.push_back(std::move(m));
  }
}

OutputSet::~OutputSet() {
  for (Member& m : members_) {
    for (int slot : m.slots) unregisterTemporary(slot);
    if (!m.staging.empty()) {
      std::error_code ec;
      fs::remove_all(m.staging, ec);
    }
    if (m.fd >= 0) ::close(m.fd);
  }
}

bool OutputSet::commit(std::string* err) {
  for (const Member& m : members_)
    if (!m.direct && m.staged.empty()) {
      if (err) *err = m.error;
      return false;
    }
  // Each folder once, in one order for every build (no two builds wait on each other).
  std::set<fs::path> folders;
  for (const Member& m : members_)
    if (!m.direct) folders.insert(m.target.parent_path());
  std::vector<std::unique_ptr<FolderLock>> locks;
  for (const fs::path& f : folders) locks.push_back(std::make_unique<FolderLock>(f, FolderLock::Mode::Exclusive));
  for (Member& m : members_) {
    if (m.direct) continue;
    if (std::rename(m.staged.c_str(), m.target.c_str()) != 0) {
      if (err) *err = "cannot move " + m.target.filename().string() + " into place: " + std::strerror(errno);
      return false;
    }
    unregisterTemporary(m.slots[0]);
    m.slots[0] = -1;
  }
  return true;
}

}  // namespace pp
