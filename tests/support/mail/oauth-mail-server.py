#!/usr/bin/python3
"""An OAuth 2.0 token endpoint and an SMTP server that checks its tokens, for
the XOAUTH2 tests (tests/support/OAuthMailServer.h).

  oauth-mail-server.py DIR CLIENT_ID SECRET USER

DIR holds localhost.pem/.key and ca.pem (make-test-certificates.sh). The token
endpoint (HTTPS, POST /tenant/oauth2/v2.0/token) grants the client-credentials
grant to CLIENT_ID with SECRET for the Exchange scope; the SMTP server
(aiosmtpd, STARTTLS required, AUTH XOAUTH2 only) accepts USER with a token it
issued, not revoked and not expired. When both listen, "TOKEN_PORT SMTP_PORT"
is written to DIR/ports. The test steers it with files in DIR, read at each
request: token-mode (ok, 503, 429, invalid_client), expires-in (seconds,
default 3600), and revoke (present: every token issued so far is revoked, and
the file removed). Everything is appended to DIR/events, one line each:
"token T", "token-refused MODE", "auth ok T", "auth refused T",
"message RCPT MESSAGE-ID"; each message's bytes go to DIR/message-N.eml.
"""
import base64
import http.server
import json
import os
import socket
import ssl
import sys
import threading
import time
import urllib.parse

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

DIR, CLIENT_ID, SECRET, USER = sys.argv[1:5]
SCOPE = "https://outlook.office365.com/.default"
lock = threading.Lock()
issued = {}  # token -> expiry (time.monotonic())
messages = 0


def event(line):
    with lock, open(os.path.join(DIR, "events"), "a") as f:
        f.write(line + "\n")


def setting(name, default):
    try:
        with open(os.path.join(DIR, name)) as f:
            return f.read().strip() or default
    except FileNotFoundError:
        return default


class TokenEndpoint(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        field = lambda name: form.get(name, [""])[0]
        mode = setting("token-mode", "ok")
        if self.path != "/tenant/oauth2/v2.0/token":
            return self.answer(404, {"error": "not_found"})
        if mode in ("503", "429"):
            event("token-refused " + mode)
            return self.answer(int(mode), {"error": "temporarily_unavailable"})
        if (mode == "invalid_client" or field("client_id") != CLIENT_ID or field("client_secret") != SECRET
                or self.headers.get("Content-Type") != "application/x-www-form-urlencoded"):
            event("token-refused invalid_client")
            # As Entra ID answers; the echoed secret tests that profkpi blanks it.
            return self.answer(401, {"error": "invalid_client", "error_description":
                                     "AADSTS7000215: Invalid client secret provided (" + field("client_secret") +
                                     ").\r\nTrace ID: 0000"})
        if field("grant_type") != "client_credentials" or field("scope") != SCOPE:
            event("token-refused invalid_request")
            return self.answer(400, {"error": "invalid_request"})
        expires = int(setting("expires-in", "3600"))
        token = "eyJ0-" + base64.urlsafe_b64encode(os.urandom(18)).decode()
        with lock:
            issued[token] = time.monotonic() + expires
        event("token " + token)
        self.answer(200, {"token_type": "Bearer", "expires_in": expires, "ext_expires_in": expires,
                          "access_token": token})


class Mailbox:
    async def auth_XOAUTH2(self, server, args):
        if len(args) < 2:
            return AuthResult(success=False, handled=False)
        parts = base64.b64decode(args[1]).decode(errors="replace").split("\x01")
        user = parts[0][len("user="):] if parts[0].startswith("user=") else ""
        token = parts[1][len("auth=Bearer "):] if len(parts) > 1 and parts[1].startswith("auth=Bearer ") else ""
        revoke = os.path.join(DIR, "revoke")
        with lock:
            if os.path.exists(revoke):
                issued.clear()
                os.remove(revoke)
            valid = user == USER and token in issued and time.monotonic() < issued[token]
        event(("auth ok " if valid else "auth refused ") + token)
        return AuthResult(success=valid, handled=False)

    async def handle_DATA(self, server, session, envelope):
        global messages
        with lock:
            messages += 1
            n = messages
        with open(os.path.join(DIR, "message-%d.eml" % n), "wb") as f:
            f.write(envelope.original_content)
        message_id = ""
        for line in envelope.original_content.decode(errors="replace").splitlines():
            if line.lower().startswith("message-id:"):
                message_id = line.split(":", 1)[1].strip()
        event("message %s %s" % (envelope.rcpt_tos[0], message_id))
        return "250 2.0.0 OK queued"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
tls.load_cert_chain(os.path.join(DIR, "localhost.pem"), os.path.join(DIR, "localhost.key"))
endpoint = http.server.ThreadingHTTPServer(("127.0.0.1", 0), TokenEndpoint)
endpoint.socket = tls.wrap_socket(endpoint.socket, server_side=True)
threading.Thread(target=endpoint.serve_forever, daemon=True).start()

smtp = Controller(Mailbox(), hostname="127.0.0.1", port=free_port(), tls_context=tls, require_starttls=True,
                  auth_required=True, auth_require_tls=True, auth_exclude_mechanism=["LOGIN", "PLAIN"],
                  server_hostname="localhost")
smtp.start()
with open(os.path.join(DIR, "ports.part"), "w") as f:
    f.write("%d %d\n" % (endpoint.server_address[1], smtp.port))
os.rename(os.path.join(DIR, "ports.part"), os.path.join(DIR, "ports"))
try:
    while True:
        time.sleep(3600)
except KeyboardInterrupt:
    pass
