import FormaTestServer
import Foundation
import Testing

/// `forma chat` over HTTPS through `HTTPS_PROXY` (a local CONNECT proxy), `NO_PROXY`, and
/// `--ca-bundle`, against a real HTTPS server with a self-signed certificate.
@Suite("forma: HTTPS_PROXY, NO_PROXY and --ca-bundle", .serialized)
struct ProxyAndTLSTests {
    final class Setup: Sendable {
        let directory: String
        let certificate: SelfSignedCertificate
        let server: ExternalPeer
        let proxy: ExternalPeer
        var log: String { directory + "/proxy.log" }

        init() throws {
            directory = NSTemporaryDirectory() + "forma-proxy-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            certificate = try SelfSignedCertificate(in: directory)
            server = try ExternalPeer.https(certificate: certificate)
            FileManager.default.createFile(atPath: directory + "/proxy.log", contents: nil)
            proxy = try ExternalPeer.connectProxy(log: directory + "/proxy.log")
        }

        func chat(caBundle: Bool = true, environment extra: [String: String]) throws -> FormaProcess.Outcome {
            var arguments = ["chat", "--provider", "custom", "--base-url", "https://127.0.0.1:\(server.port)/v1",
                             "--model", "m", "--max-retries", "0", "--timeout", "20"]
            if caBundle { arguments += ["--ca-bundle", certificate.certificatePath] }
            var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
            environment.merge(extra) { $1 }
            return try FormaProcess.run(arguments + ["hi"], environment: environment)
        }

        var tunnels: [String] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func stop() {
            server.stop()
            proxy.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test("HTTPS_PROXY tunnels the request through the proxy; the certificate is still verified end to end")
    func throughTheProxy() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let outcome = try setup.chat(environment: ["HTTPS_PROXY": "http://127.0.0.1:\(setup.proxy.port)"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("over TLS"))
        #expect(setup.tunnels == ["CONNECT 127.0.0.1:\(setup.server.port)"])
    }

    @Test("NO_PROXY bypasses the proxy for its hosts")
    func noProxy() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let outcome = try setup.chat(environment: [
            "HTTPS_PROXY": "http://127.0.0.1:\(setup.proxy.port)", "NO_PROXY": "127.0.0.1",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("over TLS"))
        #expect(setup.tunnels.isEmpty)
    }

    @Test("without --ca-bundle the self-signed server is refused, and the message says what to do")
    func refusedWithoutTheBundle() throws {
        let setup = try Setup()
        defer { setup.stop() }
        let outcome = try setup.chat(caBundle: false, environment: [:])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("certificate verification failed"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--ca-bundle"))
        #expect(!outcome.standardOutput.contains("over TLS"))
    }
}
