import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A peer process the Swift test server cannot play: an HTTPS server with a self-signed
/// certificate or an HTTP `CONNECT` proxy, run by `scripts/test-support/tls-peer.py`
/// (Python's standard library) and stopped with ``stop()``.
///
/// ```swift
/// let certificate = try SelfSignedCertificate(in: directory)
/// let server = try ExternalPeer.https(certificate: certificate)
/// defer { server.stop() }
/// // https://127.0.0.1:\(server.port)/v1 now answers chat completions with "over TLS"
/// ```
public final class ExternalPeer: Sendable {
    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let process: Process

    private init(arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        var line: [UInt8] = []
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == 0x0A { break }
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw ExternalPeerError("tls-peer.py \(arguments.first ?? "") did not print its port")
        }
        self.port = port
        self.process = process
    }

    /// An HTTPS server presenting `certificate` that answers every `POST` with one chat
    /// completion whose content is `over TLS`.
    public static func https(certificate: SelfSignedCertificate) throws -> ExternalPeer {
        try ExternalPeer(arguments: ["https", certificate.certificatePath, certificate.keyPath])
    }

    /// An HTTP `CONNECT` proxy that appends `CONNECT host:port` to `log` for each tunnel.
    public static func connectProxy(log: String) throws -> ExternalPeer {
        try ExternalPeer(arguments: ["proxy", log])
    }

    /// Stops the process (`SIGKILL`: it holds nothing worth flushing) and waits for it.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// `scripts/test-support/tls-peer.py` in this checkout.
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/test-support/tls-peer.py").path
    }
}

/// A certificate and key for `127.0.0.1`, made with `openssl req -x509` for one test.
public struct SelfSignedCertificate: Sendable {
    /// The PEM certificate (also usable as a CA bundle that trusts it).
    public let certificatePath: String
    /// The PEM private key.
    public let keyPath: String

    /// Writes `cert.pem` and `key.pem` into `directory`.
    /// - Throws: ``ExternalPeerError`` when `openssl` is missing or fails.
    public init(in directory: String) throws {
        certificatePath = directory + "/cert.pem"
        keyPath = directory + "/key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExternalPeerError("openssl req -x509 failed (status \(process.terminationStatus))")
        }
    }
}

/// Why an ``ExternalPeer`` or a ``SelfSignedCertificate`` could not be made.
public struct ExternalPeerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    init(_ description: String) { self.description = description }
}
