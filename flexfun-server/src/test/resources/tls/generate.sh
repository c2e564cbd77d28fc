#!/usr/bin/env bash
# Regenerates the test certificates in this folder (see README.md). Needs openssl 3.
set -euo pipefail
cd "$(dirname "$0")"
DAYS=36500   # ~100 years: these are test fixtures, they must not expire under the tests.

ca() { # name, subject
  openssl req -x509 -newkey rsa:2048 -nodes -days "$DAYS" -subj "$2" \
    -keyout "$1-key.pem" -out "$1.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}

leaf() { # name, subject, ca, extensions
  openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$1-key.pem" -out "$1.csr"
  printf '%s\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3-key.pem" -CAcreateserial \
    -days "$DAYS" -out "$1.pem" -extfile "$1.ext"
  rm -f "$1.csr" "$1.ext"
}

ca ca "/CN=FlexFun Test CA"
ca other-ca "/CN=FlexFun Other Test CA"
leaf server "/CN=localhost" ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1"
leaf client "/CN=flexfun-test-client" ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
leaf foreign-client "/CN=flexfun-foreign-client" other-ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
rm -f ./*.srl
# Keys come out as PKCS#8 ("BEGIN PRIVATE KEY"), the form Netty reads without extra libraries.
