#include "adapters/mail/TlsClientContext.h"

#include <Poco/Net/SSLException.h>

#include <stdexcept>

namespace profkpi::adapters::mail {

Poco::Net::Context::Ptr tlsClientContext(const std::string& caFile) {
  Poco::Net::Context::Params params;
  params.caLocation = caFile;
  params.loadDefaultCAs = caFile.empty();
  // Strict: relaxed mode skips the host-name check for local addresses.
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.verificationDepth = 9;
  params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
  try {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->enableExtendedCertificateVerification(true);
    return context;
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument("cannot load the CA certificates" + (caFile.empty() ? "" : " in " + caFile) + ": " +
                                e.displayText());
  }
}

}  // namespace profkpi::adapters::mail
