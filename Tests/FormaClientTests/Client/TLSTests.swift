import FormaClient
import FormaTestServer
import Foundation
import Testing

/// TLS against a real HTTPS server (Python's `ssl`) with a self-signed certificate: refused
/// with a clear error by default, accepted only when its certificate is given as the CA bundle.
@Suite("TLS verification against a local HTTPS server", .serialized)
struct TLSTests {
    final class Peer: Sendable {
        let directory: String
        let certificate: SelfSignedCertificate
        let server: ExternalPeer

        init() throws {
            directory = NSTemporaryDirectory() + "forma-tls-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            certificate = try SelfSignedCertificate(in: directory)
            server = try ExternalPeer.https(certificate: certificate)
        }

        var baseURL: String { "https://127.0.0.1:\(server.port)/v1" }

        func stop() {
            server.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    static func client(_ peer: Peer, caBundle: String? = nil) throws -> ChatClient {
        var transport = CurlTransport.Configuration(connectTimeout: .seconds(5), requestTimeout: .seconds(20))
        transport.caBundlePath = caBundle
        let configuration = ClientConfiguration(
            apiKey: "tk-TLS-SECRET", baseURL: peer.baseURL, retryPolicy: .none, transport: transport)
        return try ChatClient(configuration: configuration)
    }

    static let request = ChatRequest(model: "m", messages: [.user("hi")])

    @Test("a self-signed certificate is refused with an error that names certificate verification")
    func selfSignedIsRefused() async throws {
        let peer = try Peer()
        defer { peer.stop() }
        let error = try await #require(throws: APIError.self) { try await Self.client(peer).complete(Self.request) }
        #expect(error.kind == .tls)
        #expect(error.message.contains("certificate verification failed"), "\(error.message)")
        #expect(error.message.contains("caBundlePath"))
        #expect(!error.message.contains("tk-TLS-SECRET"))
    }

    @Test("the same server is trusted when its certificate is the CA bundle")
    func caBundleIsTrusted() async throws {
        let peer = try Peer()
        defer { peer.stop() }
        let response = try await Self.client(peer, caBundle: peer.certificate.certificatePath).complete(Self.request)
        #expect(response.content == "over TLS")
    }

    @Test("a CA bundle that does not sign the server's certificate does not help")
    func otherCAIsRefused() async throws {
        let peer = try Peer()
        defer { peer.stop() }
        let other = peer.directory + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let unrelated = try SelfSignedCertificate(in: other)
        let error = try await #require(throws: APIError.self) {
            try await Self.client(peer, caBundle: unrelated.certificatePath).complete(Self.request)
        }
        #expect(error.kind == .tls)
    }
}
