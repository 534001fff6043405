#!/usr/bin/env bash
# Makes the test CA and server certificates for the mail tests in folder $1:
#   ca.pem                                   the CA the tests trust (smtp.caFile)
#   localhost.pem/.key                       signed by it, for DNS:localhost
#   elsewhere.pem/.key                       signed by it, for another name
#   stranger-ca.pem, stranger.pem/.key       for DNS:localhost, signed by a CA nobody trusts
set -euo pipefail
cd "$1"
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
ca() {  # name
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -out "$1.pem" -days 2 -subj "/CN=profkpi test $1" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}
server() {  # name, DNS name, CA
  key "$1.key"
  openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null
  printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' "$2" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -out "$1.pem" -days 2 \
    -extfile "$1.ext" 2>/dev/null
}
ca ca
ca stranger-ca
server localhost localhost ca
server elsewhere mail.elsewhere.example ca
server stranger localhost stranger-ca
chmod 644 ./*.pem ./*.key
