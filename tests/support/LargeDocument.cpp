#include "tests/support/LargeDocument.h"

#include <cstdio>
#include <stdexcept>

namespace profkpi::tests {

namespace {
// A bijection on 0..10^9-1 (the multiplier is prime to 10^9): distinct ids in no order.
std::int64_t scrambled(std::int64_t n) { return (n * 387420489 + 12345) % 1000000000; }
}  // namespace

std::int64_t writeLargeWorkforce(const std::string& path, std::int64_t targetBytes, MemberIdOrder order) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) throw std::runtime_error("cannot write " + path);
  std::int64_t written = std::fprintf(out,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"1.0\">\n"
      "  <Header>\n"
      "    <SubmissionId>9b1d7e2a-0c4f-4e8b-a6d3-5f7e9c1b3a20</SubmissionId>\n"
      "    <Organisation code=\"E08000025\">Birmingham City Council</Organisation>\n"
      "    <Period>2009-10</Period>\n"
      "    <PreparedAt>2010-04-20T09:00:00+01:00</PreparedAt>\n"
      "  </Header>\n  <Workforce>\n    <Roles>\n");
  for (int r = 0; r < 200; ++r) {
    written += std::fprintf(out, "      <Role id=\"role-%03d\" mapped=\"%s\" sfiaCode=\"ITMG\" sfiaLevel=\"%d\">Role %d</Role>\n",
                            r, r % 5 == 0 ? "false" : "true", 1 + r % 7, r);
  }
  written += std::fprintf(out, "    </Roles>\n    <Staff>\n");
  std::int64_t members = 0;
  while (written < targetBytes - 64) {
    int month = 1 + members % 12;
    written += std::fprintf(out,
        "      <Member id=\"m%09lld\" roleId=\"role-%03lld\" fte=\"0.%02lld\">"
        "<Assessment date=\"2009-%02d-15\"/><Pdp agreed=\"2009-%02d-01\"/>"
        "%s<Cpd days=\"%lld.5\"/></Member>\n",
        static_cast<long long>(order == MemberIdOrder::Ascending ? members : scrambled(members)),
        static_cast<long long>(members % 200),
        static_cast<long long>(10 + members % 90), month, month,
        members % 3 == 0 ? "<Recognition body=\"BCS\" kind=\"membership\" grade=\"MBCS\"/>" : "",
        static_cast<long long>(members % 6));
    ++members;
  }
  std::fprintf(out, "    </Staff>\n  </Workforce>\n</Submission>\n");
  if (std::fclose(out) != 0) throw std::runtime_error("cannot write " + path);
  return members;
}

}  // namespace profkpi::tests
