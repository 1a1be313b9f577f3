// One EPUBCheck for a whole test run. EPUBCheck's first validation in a Java process costs about
// five CPU seconds (the JVM, then its schemas); every later one in the same process a tenth of
// that. The tests check some fifty EPUBs, so epub_props.py sends them here, to a process that
// runs the same checker as `java -jar epubcheck.jar FILE --json REPORT` would, in-process.
//
// Run with Java's source launcher (needs a JDK):
//   java -cp /usr/share/java/epubcheck.jar EpubCheckServer.java SPOOL IDLE_SECONDS
// Protocol, all through files in SPOOL (a folder only this user can write):
//   - the server holds a lock on SPOOL/server.lock while it lives (a second server exits at once);
//   - a client writes NAME.req (first line the EPUB's path, second the report's path), by
//     renaming a finished temporary file;
//   - the server validates it and writes NAME.done (the exit code) once the report is complete;
//   - a file named "stop" ends the server; so does IDLE_SECONDS without a request.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class EpubCheckServer {
  public static void main(String[] args) throws Exception {
    Path spool = Path.of(args[0]);
    long idleMillis = Long.parseLong(args[1]) * 1000L;
    try (FileChannel channel = FileChannel.open(spool.resolve("server.lock"), StandardOpenOption.CREATE,
             StandardOpenOption.WRITE);
         FileLock lock = channel.tryLock()) {
      if (lock == null) return;  // another server has the spool
      // EPUBCheck prints its progress and messages; the reports are what the clients read.
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      System.setOut(quiet);
      System.setErr(quiet);
      long last = System.currentTimeMillis();
      while (System.currentTimeMillis() - last < idleMillis) {
        if (Files.exists(spool.resolve("stop"))) break;
        List<Path> requests = pending(spool);
        for (Path request : requests) serve(request);
        if (!requests.isEmpty()) last = System.currentTimeMillis();
        else Thread.sleep(40);
      }
    }
  }

  // The requests waiting, oldest name first (clients name them by time).
  static List<Path> pending(Path spool) throws Exception {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(spool, "*.req")) {
      for (Path p : dir) out.add(p);
    }
    Collections.sort(out);
    return out;
  }

  static void serve(Path request) throws Exception {
    String name = request.getFileName().toString();
    Path stem = request.resolveSibling(name.substring(0, name.length() - ".req".length()));
    List<String> lines = Files.readAllLines(request, StandardCharsets.UTF_8);
    Files.delete(request);
    int code;
    if (lines.size() < 2) {
      code = 2;
    } else {
      try {
        code = new EpubChecker().run(new String[] {lines.get(0), "--json", lines.get(1)});
      } catch (RuntimeException | Error e) {
        code = 3;
      }
    }
    Path tmp = Path.of(stem + ".done.tmp");
    Files.writeString(tmp, code + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, Path.of(stem + ".done"), StandardCopyOption.ATOMIC_MOVE);
  }
}
