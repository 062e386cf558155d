#!/usr/bin/env python3
"""Peers for Forma's TLS and proxy tests (started by FormaTestServer.ExternalPeer; stdlib only).

  tls-peer.py https CERT KEY   an HTTPS server on 127.0.0.1 answering every POST with one
                               chat completion whose content is "over TLS"
  tls-peer.py proxy LOG        an HTTP CONNECT proxy on 127.0.0.1 that appends each tunnel's
                               target ("CONNECT host:port") to LOG

Each prints the port it listens on as its first line, then serves until killed.
"""
import http.server
import json
import select
import signal
import socket
import socketserver
import ssl
import sys


class ChatHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        body = json.dumps({
            "id": "tls-1", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "over TLS"},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
        }).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class ProxyHandler(socketserver.BaseRequestHandler):
    log = None

    def handle(self):
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            head += chunk
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        method, target, _ = line.split(" ", 2)
        if method != "CONNECT":
            self.request.sendall(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
            return
        with open(ProxyHandler.log, "a") as log:
            log.write(f"CONNECT {target}\n")
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        self.request.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
        sockets = [self.request, upstream]
        while True:
            readable, _, _ = select.select(sockets, [], [], 30)
            if not readable:
                break
            for s in readable:
                data = s.recv(65536)
                if not data:
                    upstream.close()
                    return
                (upstream if s is self.request else self.request).sendall(data)


def main():
    # A parent that ignores SIGTERM passes that on through exec; stop when told to.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    mode = sys.argv[1]
    if mode == "https":
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ChatHandler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    elif mode == "proxy":
        ProxyHandler.log = sys.argv[2]
        socketserver.ThreadingTCPServer.daemon_threads = True
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), ProxyHandler)
    else:
        sys.exit(f"unknown mode {mode}")
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
