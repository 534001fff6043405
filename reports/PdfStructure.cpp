#include "reports/PdfStructure.h"

#include "engine/ports/Errors.h"
#include "reports/TextLayout.h"

#include <hpdf_conf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

namespace profkpi::reports {

namespace {

// A PDF text string: printable ASCII as it is, anything else as UTF-16BE with
// a byte order mark (written in hex by libharu).
void* textString(HPDF_MMgr mmgr, const std::string& text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) return HPDF_String_New(mmgr, text.c_str(), nullptr);
  std::string bytes = "\xFE\xFF";
  auto unit = [&](unsigned u) {
    bytes += static_cast<char>(u >> 8);
    bytes += static_cast<char>(u & 0xFF);
  };
  for (char32_t c : decodeUtf8(text)) {
    if (c >= 0x10000) {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      unit(static_cast<unsigned>(c));
    }
  }
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

PdfStructure::PdfStructure() {
  _elements.push_back(Element{Tag{Role::Document}, -1, {}});
  _open.push_back(0);
}

void PdfStructure::begin(Tag tag) {
  // Inside an Artifact (a repeated table header) nothing is structure.
  if (_artifacts > 0) {
    _open.push_back(ARTIFACT);
    return;
  }
  int index = static_cast<int>(_elements.size());
  if (tag.role == Role::Figure) ++_figures;
  _elements.push_back(Element{std::move(tag), _open.back(), {}});
  _elements[static_cast<std::size_t>(_open.back())].kids.push_back(Kid{index});
  _open.push_back(index);
}

void PdfStructure::end() {
  if (_open.size() < 2) throw engine::RenderError("PDF: a tag closed that was never opened");
  if (_open.back() == ARTIFACT) {
    _open.pop_back();
    return;
  }
  if (_elements[static_cast<std::size_t>(_open.back())].tag.role == Role::Figure) --_figures;
  _open.pop_back();
}

void PdfStructure::beginArtifact() { ++_artifacts; }

void PdfStructure::endArtifact() {
  if (_artifacts == 0) throw engine::RenderError("PDF: an artifact closed that was never opened");
  --_artifacts;
}

int PdfStructure::targetFor(Kind kind) const {
  if (_artifacts > 0) return ARTIFACT;
  // Rules, fills and marks beside words are decoration, except in a figure.
  if (kind == Kind::Shape && _figures == 0) return ARTIFACT;
  if (_open.size() < 2) return kind == Kind::Shape ? ARTIFACT : NOWHERE;
  return _open.back();
}

bool PdfStructure::textIsContent() const { return targetFor(Kind::Text) >= 0; }

std::string PdfStructure::markFor(int page, Kind kind) {
  int target = targetFor(kind);
  if (_sequenceOpen && _sequencePage == page && _sequenceTarget == target) return {};
  std::string out = close();
  if (target == NOWHERE) return out;
  _sequenceOpen = true;
  _sequencePage = page;
  _sequenceTarget = target;
  if (target == ARTIFACT) return out + "/Artifact BMC\n";
  if (_owners.size() <= static_cast<std::size_t>(page)) _owners.resize(static_cast<std::size_t>(page) + 1);
  std::vector<int>& owners = _owners[static_cast<std::size_t>(page)];
  int mcid = static_cast<int>(owners.size());
  owners.push_back(target);
  Element& element = _elements[static_cast<std::size_t>(target)];
  element.kids.push_back(Kid{-1, page, mcid});
  return out + "/" + roleName(element.tag.role) + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
}

std::string PdfStructure::close() {
  if (!_sequenceOpen) return {};
  _sequenceOpen = false;
  _sequenceTarget = NOWHERE;
  return "EMC\n";
}

// An element is written when something of it was drawn; table cells always,
// so that rows keep their columns.
bool PdfStructure::kept(int index, std::vector<signed char>& memo) const {
  signed char& known = memo[static_cast<std::size_t>(index)];
  if (known >= 0) return known == 1;
  const Element& e = _elements[static_cast<std::size_t>(index)];
  bool keep = index == 0 || e.tag.role == Role::TD || e.tag.role == Role::TH;
  for (const Kid& kid : e.kids) {
    if (kid.element < 0 || kept(kid.element, memo)) keep = true;
  }
  known = keep ? 1 : 0;
  return keep;
}

void PdfStructure::write(HPDF_Doc doc, const std::vector<HPDF_Page>& pages, const std::string& lang,
                         const Check& check) const {
  if (_open.size() != 1 || _artifacts != 0) throw engine::RenderError("PDF: tags left open at the end");
  HPDF_MMgr mmgr = doc->mmgr;
  auto indirect = [&](const char* what) {
    HPDF_Dict dict = HPDF_Dict_New(mmgr);
    check(dict == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_OK, what);
    check(HPDF_Xref_Add(doc->xref, dict), what);
    return dict;
  };
  auto pageOf = [&](int page) { return pages.at(static_cast<std::size_t>(page)); };

  HPDF_Dict root = indirect("structure tree root");
  check(HPDF_Dict_AddName(root, "Type", "StructTreeRoot"), "structure tree root");

  std::vector<signed char> memo(_elements.size(), -1);
  std::vector<HPDF_Dict> dicts(_elements.size(), nullptr);
  for (std::size_t i = 0; i < _elements.size(); ++i) {
    if (kept(static_cast<int>(i), memo)) dicts[i] = indirect("structure element");
  }
  for (std::size_t i = 0; i < _elements.size(); ++i) {
    HPDF_Dict dict = dicts[i];
    if (dict == nullptr) continue;
    const Element& e = _elements[i];
    check(HPDF_Dict_AddName(dict, "S", roleName(e.tag.role)), "structure type");
    check(HPDF_Dict_Add(dict, "P", e.parent < 0 ? root : dicts[static_cast<std::size_t>(e.parent)]), "parent");
    int page = -1;
    for (const Kid& kid : e.kids) {
      if (kid.element < 0) {
        page = kid.page;
        break;
      }
    }
    if (page >= 0) check(HPDF_Dict_Add(dict, "Pg", pageOf(page)), "element page");
    std::vector<const Kid*> kids;
    for (const Kid& kid : e.kids) {
      if (kid.element < 0 || dicts[static_cast<std::size_t>(kid.element)] != nullptr) kids.push_back(&kid);
    }
    if (kids.size() == 1 && kids.front()->element < 0 && kids.front()->page == page) {
      check(HPDF_Dict_AddNumber(dict, "K", kids.front()->mcid), "element content");
    } else if (!kids.empty()) {
      HPDF_Array array = HPDF_Array_New(mmgr);
      check(array == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Dict_Add(dict, "K", array), "element content");
      for (const Kid* kid : kids) {
        if (kid->element >= 0) {
          check(HPDF_Array_Add(array, dicts[static_cast<std::size_t>(kid->element)]), "child element");
        } else if (kid->page == page) {
          check(HPDF_Array_AddNumber(array, kid->mcid), "content reference");
        } else {
          HPDF_Dict mcr = HPDF_Dict_New(mmgr);
          check(mcr == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Array_Add(array, mcr), "content reference");
          check(HPDF_Dict_AddName(mcr, "Type", "MCR"), "content reference");
          check(HPDF_Dict_Add(mcr, "Pg", pageOf(kid->page)), "content reference");
          check(HPDF_Dict_AddNumber(mcr, "MCID", kid->mcid), "content reference");
        }
      }
    }
    if (!e.tag.alt.empty()) check(HPDF_Dict_Add(dict, "Alt", textString(mmgr, e.tag.alt)), "Alt");
    if (!e.tag.actualText.empty()) {
      check(HPDF_Dict_Add(dict, "ActualText", textString(mmgr, e.tag.actualText)), "ActualText");
    }
    if (!e.tag.lang.empty()) check(HPDF_Dict_Add(dict, "Lang", textString(mmgr, e.tag.lang)), "element Lang");
    if (e.tag.scope != Scope::None) {
      HPDF_Dict attributes = HPDF_Dict_New(mmgr);
      check(attributes == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Dict_Add(dict, "A", attributes), "attributes");
      check(HPDF_Dict_AddName(attributes, "O", "Table"), "attribute owner");
      check(HPDF_Dict_AddName(attributes, "Scope", e.tag.scope == Scope::Row ? "Row" : "Column"), "Scope");
    }
  }
  check(HPDF_Dict_Add(root, "K", dicts[0]), "structure tree root");

  // The parent tree: for each page with tagged content, its elements by MCID.
  HPDF_Dict parentTree = indirect("parent tree");
  HPDF_Array nums = HPDF_Array_New(mmgr);
  check(nums == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Dict_Add(parentTree, "Nums", nums), "parent tree");
  for (std::size_t page = 0; page < _owners.size(); ++page) {
    if (_owners[page].empty()) continue;
    check(HPDF_Dict_AddNumber(pages.at(page), "StructParents", static_cast<HPDF_INT32>(page)), "StructParents");
    check(HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(page)), "parent tree");
    HPDF_Array owners = HPDF_Array_New(mmgr);
    check(owners == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Array_Add(nums, owners), "parent tree");
    for (int owner : _owners[page]) check(HPDF_Array_Add(owners, dicts[static_cast<std::size_t>(owner)]), "parent tree");
  }
  check(HPDF_Dict_Add(root, "ParentTree", parentTree), "parent tree");
  check(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(pages.size())), "parent tree");

  check(HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root), "structure tree root");
  HPDF_Dict markInfo = HPDF_Dict_New(mmgr);
  check(markInfo == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Dict_Add(doc->catalog, "MarkInfo", markInfo), "MarkInfo");
  check(HPDF_Dict_AddBoolean(markInfo, "Marked", HPDF_TRUE), "MarkInfo");
  check(HPDF_Dict_Add(doc->catalog, "Lang", textString(mmgr, lang)), "document Lang");
  HPDF_Dict preferences = HPDF_Dict_New(mmgr);
  check(preferences == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_Dict_Add(doc->catalog, "ViewerPreferences", preferences),
        "ViewerPreferences");
  check(HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE), "ViewerPreferences");
}

}  // namespace profkpi::reports
