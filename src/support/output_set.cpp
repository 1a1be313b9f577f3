#include "postpress/support/output_set.h"

#include <fcntl.h>
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

namespace {

bool copyToStandardOutput(const fs::path& file, std::string* err) {
  std::fflush(stdout);  // nothing printed before may land inside the document
  const int in = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    if (err) *err = "cannot read the staged document: " + std::string(std::strerror(errno));
    return false;
  }
  char buf[1 << 16];
  bool ok = true;
  for (;;) {
    const ssize_t n = ::read(in, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      if (!ok && err) *err = "cannot read the staged document: " + std::string(std::strerror(errno));
      break;
    }
    for (ssize_t done = 0; ok && done < n;) {
      const ssize_t w = ::write(STDOUT_FILENO, buf + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        ok = false;
        if (err) *err = "cannot write to the standard output: " + std::string(std::strerror(errno));
      } else {
        done += w;
      }
    }
    if (!ok) break;
  }
  ::close(in);
  return ok;
}

}  // namespace

OutputSet::OutputSet(const std::vector<fs::path>& targets) {
  for (const fs::path& given : targets) {
    Member m;
    m.toStdout = given == fs::path("-");
    m.target = m.toStdout ? given : followOutputLinks(given);
    m.direct = !m.toStdout && isDeviceOutput(m.target);
    if (m.toStdout) {
      // Staged whole in a private folder of the temporary directory, then copied: a build
      // that fails puts nothing on the standard output, never half a document.
      std::error_code ec;
      const fs::path tmp = fs::temp_directory_path(ec);
      Temporary t = createTemporary((ec ? fs::path(".") : tmp) / "postpress-standard-output", TemporaryKind::Folder);
      if (t.fd < 0) {
        m.error = t.error;
      } else {
        m.staging = std::move(t.path);
        m.fd = t.fd;
        m.staged = m.staging / "standard-output";
        m.slots[0] = registerTemporary(m.staged.c_str());
        m.slots[1] = registerTemporary(m.staging.c_str());
      }
    } else if (m.direct) {
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
    if (!m.direct && !m.toStdout) folders.insert(m.target.parent_path());
  std::vector<std::unique_ptr<FolderLock>> locks;
  for (const fs::path& f : folders) locks.push_back(std::make_unique<FolderLock>(f, FolderLock::Mode::Exclusive));
  for (Member& m : members_) {
    if (m.direct) continue;
    if (m.toStdout) {
      if (!copyToStandardOutput(m.staged, err)) return false;
      continue;
    }
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
