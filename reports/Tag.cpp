#include "reports/Tag.h"

namespace profkpi::reports {

const char* roleName(Role role) {
  switch (role) {
    case Role::Document: return "Document";
    case Role::Sect: return "Sect";
    case Role::H1: return "H1";
    case Role::H2: return "H2";
    case Role::H3: return "H3";
    case Role::P: return "P";
    case Role::Span: return "Span";
    case Role::L: return "L";
    case Role::LI: return "LI";
    case Role::Lbl: return "Lbl";
    case Role::LBody: return "LBody";
    case Role::Table: return "Table";
    case Role::TR: return "TR";
    case Role::TH: return "TH";
    case Role::TD: return "TD";
    case Role::Figure: return "Figure";
    case Role::Caption: return "Caption";
    case Role::Link: return "Link";
  }
  return "Span";
}

}  // namespace profkpi::reports
