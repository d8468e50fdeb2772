import Foundation

/// nginx on a loopback port with a throw-away configuration answering `/healthz` with the same
/// body as Officina, the yardstick for a bare HTTP answer, and serving `root`'s files (when given)
/// as the yardstick for a static file.
final class NginxProcess {
    let process: ServerProcess
    let port: Int

    var url: String { "http://127.0.0.1:\(port)" }

    init(executable: String, directory: String, root: String? = nil) throws {
        port = try RawSocket.freePort()
        let configuration = directory + "/nginx.conf"
        try """
            daemon off;
            worker_processes auto;
            pid \(directory)/nginx.pid;
            error_log \(directory)/nginx-error.log;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path \(directory)/nginx-body;
              proxy_temp_path \(directory)/nginx-proxy;
              fastcgi_temp_path \(directory)/nginx-fastcgi;
              uwsgi_temp_path \(directory)/nginx-uwsgi;
              scgi_temp_path \(directory)/nginx-scgi;
              server {
                listen 127.0.0.1:\(port);
                location = /healthz { default_type application/json; return 200 '{"status":"ok"}'; }
                \(root.map { "location / { root \($0); }" } ?? "")
              }
            }
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        process = try ServerProcess(name: "nginx", executable: executable,
                                    arguments: ["-e", directory + "/nginx-error.log", "-p", directory, "-c", configuration],
                                    port: port, logFile: directory + "/nginx.out")
        try process.waitUntilAnswering()
    }

    func stop() { process.stop() }
}
