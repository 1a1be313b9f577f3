// --fetch-remote against a local HTTP server on 127.0.0.1 (python3's http.server, started
// and stopped by the test): fetch, cache, 404, size limit, timeout.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "support.h"

using namespace pptest;

namespace {

const char* kServer = R"PY(
import http.server, sys, time
root = sys.argv[1]
class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=root, **k)
    def log_message(self, *a):
        pass
    def do_GET(self):
        if self.path.startswith('/slow'):
            time.sleep(4)
        return super().do_GET()
class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients hanging up on purpose (size limit, timeout)
server = Server(('127.0.0.1', 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
)PY";

class LocalHttpServer {
 public:
  explicit LocalHttpServer(const fs::path& dir) {
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], 1);
      ::close(fds[0]);
      ::execlp("python3", "python3", "-c", kServer, dir.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(fds[1]);
    std::string line;
    char c;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(fds[0]);
    if (!line.empty()) port_ = std::stoi(line);
  }
  ~LocalHttpServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace

TEST_CASE("remote images are fetched with --fetch-remote, cached on disk, and failures reported") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "www/photo.jpg", makeJpeg(300, 200, photo()));
  writeBytes(dir / "www/big.png", makePng(400, 400, 3, photo()));
  writeBytes(dir / "www/slow.png", makePng(10, 10, 3, halves()));
  LocalHttpServer server(dir / "www");
  if (server.port() == 0) {
    MESSAGE("python3 http.server unavailable: remote fetch test skipped");
    return;
  }
  auto run = [&](pp::AssetOptions o, std::vector<int>* ids, pp::DiagnosticSink& diags) {
    auto store = std::make_unique<pp::AssetStore>(o);
    for (std::string p : {"/photo.jpg", "/missing.png", "/big.png", "/slow.png"})
      ids->push_back(store->resolve(t.site, t.post, server.url(p), t.post.loc(1, 1), diags));
    store->process(diags);
    return store;
  };
  pp::AssetOptions o = optionsIn(dir / "cache", 2);
  o.fetchRemote = true;
  o.maxRemoteBytes = 100000;
  o.fetchTimeoutSeconds = 1;
  std::vector<int> ids;
  pp::DiagnosticSink diags;
  auto cold = run(o, &ids, diags);
  CHECK(cold->at(ids[0]).ok());
  CHECK(cold->at(ids[0]).width == 300);
  CHECK(cold->stats().fetched == 1);
  for (int i : {1, 2, 3}) CHECK(cold->at(ids[static_cast<std::size_t>(i)]).status == pp::AssetStatus::Remote);
  CHECK(cold->at(ids[2]).message.find("limit") != std::string::npos);
  CHECK(diags.countCode("image-fetch") == 3);

  std::vector<int> ids2;
  pp::DiagnosticSink diags2;
  auto warm = run(o, &ids2, diags2);
  CHECK(warm->at(ids2[0]).ok());
  CHECK(warm->stats().fetched == 0);
  CHECK(warm->stats().decoded == 0);
}
