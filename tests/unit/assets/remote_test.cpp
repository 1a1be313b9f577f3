// --fetch-remote against a local HTTP server on 127.0.0.1 (python3's http.server, started
// and stopped by the test): fetch, cache, 404, size limit, timeout; and the address policy:
// loopback refused unless allowed, redirects checked hop by hop, their number capped.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "assets/fetch_policy.h"
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
        if self.path.startswith('/to-localhost'):
            return self.redirect('http://localhost:%d/photo.jpg' % self.server.server_address[1])
        if self.path.startswith('/to-photo'):
            return self.redirect('/photo.jpg')
        if self.path.startswith('/to-file'):
            return self.redirect('file:///etc/passwd')
        if self.path.startswith('/loop'):
            return self.redirect('/loop')
        return super().do_GET()
    def redirect(self, where):
        self.send_response(302)
        self.send_header('Location', where)
        self.send_header('Content-Length', '0')
        self.end_headers()
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
  o.fetchAllowHosts = {"127.0.0.1"};
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

TEST_CASE("--fetch-remote refuses loopback unless allowed, checks every redirect, caps redirects") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "www/photo.jpg", makeJpeg(30, 20, photo()));
  LocalHttpServer server(dir / "www");
  if (server.port() == 0) {
    MESSAGE("python3 http.server unavailable: remote fetch test skipped");
    return;
  }
  auto fetch = [&](const std::vector<std::string>& allow, const std::string& path) {
    pp::AssetOptions o = optionsIn(dir / ("cache-" + std::to_string(allow.size())), 1);
    o.fetchRemote = true;
    o.fetchAllowHosts = allow;
    pp::DiagnosticSink diags;
    pp::AssetStore store(o);
    const int id = store.resolve(t.site, t.post, server.url(path), t.post.loc(1, 1), diags);
    store.process(diags);
    return store.at(id);
  };
  // Loopback, not allowed: refused, and said so.
  pp::Asset refused = fetch({}, "/photo.jpg");
  CHECK(refused.status == pp::AssetStatus::Remote);
  CHECK(refused.message.find("public address") != std::string::npos);
  // Allowed: fetched; a redirect on the same allowed host too.
  CHECK(fetch({"127.0.0.1"}, "/photo.jpg").ok());
  CHECK(fetch({"127.0.0.1"}, "/to-photo").ok());
  // A redirect from the allowed host to another name of the loopback is checked again.
  pp::Asset redirected = fetch({"127.0.0.1"}, "/to-localhost");
  CHECK(redirected.status == pp::AssetStatus::Remote);
  CHECK(redirected.message.find("localhost is not on a public address") != std::string::npos);
  // Other schemes are never followed; redirects are capped.
  CHECK(fetch({"127.0.0.1"}, "/to-file").message.find("only http and https") != std::string::npos);
  CHECK(fetch({"127.0.0.1"}, "/loop").message.find("redirects") != std::string::npos);
}

TEST_CASE("the fetch address policy") {
  auto v4 = [](const char* text) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    REQUIRE(::inet_pton(AF_INET, text, &a.sin_addr) == 1);
    return pp::assets::isPublicAddress(reinterpret_cast<const sockaddr*>(&a));
  };
  auto v6 = [](const char* text) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    REQUIRE(::inet_pton(AF_INET6, text, &a.sin6_addr) == 1);
    return pp::assets::isPublicAddress(reinterpret_cast<const sockaddr*>(&a));
  };
  for (const char* a : {"127.0.0.1", "127.8.9.1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                        "192.168.1.1", "169.254.169.254", "100.100.100.200", "192.0.0.192", "224.0.0.1",
                        "255.255.255.255"}) {
    CAPTURE(a);
    CHECK_FALSE(v4(a));
  }
  for (const char* a : {"8.8.8.8", "1.1.1.1", "172.32.0.1", "93.184.216.34"}) {
    CAPTURE(a);
    CHECK(v4(a));
  }
  for (const char* a : {"::1", "::", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "fe80::1", "fd00:ec2::254",
                        "fc00::1", "ff02::1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1"}) {
    CAPTURE(a);
    CHECK_FALSE(v6(a));
  }
  CHECK(v6("2606:4700:4700::1111"));
  CHECK(v6("::ffff:8.8.8.8"));
  CHECK(pp::assets::webHostOf("https://User@Img.Example.org:8443/x") == "img.example.org");
  CHECK(pp::assets::webHostOf("http://[::1]:80/") == "::1");
  CHECK(pp::assets::webHostOf("file:///etc/passwd").empty());
  CHECK(pp::assets::hostAllowed("img.corp.example", {"corp.example"}));
  CHECK_FALSE(pp::assets::hostAllowed("evilcorp.example", {"corp.example"}));
}
