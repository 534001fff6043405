#!/usr/bin/python3
"""The tagged-PDF checker on small PDFs built here: a sound one passes, and each
deliberately broken copy fails with the finding it was broken for."""
import os
import sys
import tempfile
import unittest

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_tagged_pdf  # noqa: E402

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sound</rdf:li></rdf:Alt></dc:title></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:namespaceURI xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#">http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""

# H1, then a P, a table with a header cell and a data cell, a figure, and a
# running footer marked as an Artifact.
CONTENT = b"""/H1 <</MCID 0>> BDC BT /F1 12 Tf 50 800 Td (Title) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 10 Tf 50 780 Td (Words) Tj ET EMC
/TH <</MCID 2>> BDC BT /F1 10 Tf 50 760 Td (Head) Tj ET EMC
/TD <</MCID 3>> BDC BT /F1 10 Tf 50 740 Td (Cell) Tj ET EMC
/Figure <</MCID 4>> BDC 50 600 100 100 re f EMC
/Artifact BMC BT /F1 8 Tf 50 30 Td (page 1 of 1) Tj ET 50 40 500 1 re f EMC
"""


def sound(content=CONTENT):
    """A small tagged PDF and its parts, for a test to break."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    to_unicode = pdf.make_stream(b"% a CMap")
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, ToUnicode=to_unicode))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(content)
    page.obj.StructParents = 0
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root))
    root.K = pikepdf.Array([document])

    def element(role, parent, kids, **extra):
        e = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + role), P=parent,
                                                 Pg=page.obj, **extra))
        e.K = pikepdf.Array(kids)
        return e

    h1 = element("H1", document, [0])
    p = element("P", document, [1])
    table = element("Table", document, [])
    tr = element("TR", table, [])
    th = element("TH", tr, [2], A=pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Column))
    td = element("TD", tr, [3])
    tr.K = pikepdf.Array([th, td])
    table.K = pikepdf.Array([tr])
    figure = element("Figure", document, [4], Alt=pikepdf.String("A grey square"))
    document.K = pikepdf.Array([h1, p, table, figure])
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Array([h1, p, th, td, figure])])))
    root.ParentTreeNextKey = 1
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String("en-GB")
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    metadata = pdf.make_stream(XMP.encode())
    metadata.Type = pikepdf.Name.Metadata
    metadata.Subtype = pikepdf.Name.XML
    pdf.Root.Metadata = metadata
    parts = dict(page=page, root=root, document=document, h1=h1, p=p, table=table, tr=tr, th=th, td=td, figure=figure,
                 font=font)
    return pdf, parts


class CheckTaggedPdfTest(unittest.TestCase):
    def findings(self, pdf):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "t.pdf")
            pdf.save(path)
            return check_tagged_pdf.check(path)

    def assertFinds(self, pdf, words):
        found = self.findings(pdf)
        self.assertTrue(any(words in f for f in found), "expected '%s' among %s" % (words, found))

    def test_aSoundTaggedPdfPasses(self):
        pdf, _ = sound()
        self.assertEqual(self.findings(pdf), [])

    def test_anUntaggedPdfFailsOnEveryCatalogueEntry(self):
        pdf = pikepdf.new()
        pdf.add_blank_page()
        pdf.pages[0].obj.Contents = pdf.make_stream(b"BT /F1 10 Tf (x) Tj ET 0 0 10 10 re f")
        found = self.findings(pdf)
        for words in ("no /MarkInfo", "no /StructTreeRoot", "missing /Lang", "DisplayDocTitle", "no XMP",
                      "text outside any marked content", "drawing outside any marked content"):
            self.assertTrue(any(words in f for f in found), "%s not in %s" % (words, found))

    def test_textOutsideMarkedContentFails(self):
        pdf, _ = sound(CONTENT + b"BT /F1 10 Tf 50 700 Td (stray) Tj ET\n")
        self.assertFinds(pdf, "page 1: text outside any marked content")

    def test_markedContentWithoutMcidThatIsNoArtifactFails(self):
        pdf, _ = sound(CONTENT + b"/Span BMC BT /F1 10 Tf 50 700 Td (lost) Tj ET EMC\n")
        self.assertFinds(pdf, "neither in the structure tree (no MCID) nor an Artifact")

    def test_anMcidTheTreeDoesNotReachFails(self):
        pdf, _ = sound(CONTENT + b"/P <</MCID 5>> BDC BT /F1 10 Tf 50 700 Td (orphan) Tj ET EMC\n")
        self.assertFinds(pdf, "MCID 5 is not reachable from the structure tree")

    def test_unbalancedMarkedContentFails(self):
        pdf, _ = sound(CONTENT + b"/Artifact BMC\n")
        self.assertFinds(pdf, "left open")

    def test_aFigureWithoutAltFails(self):
        pdf, parts = sound()
        del parts["figure"].Alt
        self.assertFinds(pdf, "Figure")
        self.assertFinds(pdf, "without /Alt")

    def test_aTableWithoutThFails(self):
        pdf, parts = sound()
        parts["th"].S = pikepdf.Name.TD
        self.assertFinds(pdf, "without any TH")

    def test_aThWithoutScopeFails(self):
        pdf, parts = sound()
        del parts["th"].A
        self.assertFinds(pdf, "without /Scope")

    def test_aSkippedHeadingLevelFails(self):
        pdf, parts = sound()
        parts["p"].S = pikepdf.Name.H3
        self.assertFinds(pdf, "follows H1, skipping a level")

    def test_twoH1Fail(self):
        pdf, parts = sound()
        parts["p"].S = pikepdf.Name.H1
        self.assertFinds(pdf, "2 H1")

    def test_aMissingLangFails(self):
        pdf, _ = sound()
        del pdf.Root.Lang
        self.assertFinds(pdf, "missing /Lang")

    def test_aParentTreeEntryThatDoesNotPointBackFails(self):
        pdf, parts = sound()
        nums = parts["root"].ParentTree.Nums
        nums[1] = pikepdf.Array([parts["h1"], parts["td"], parts["th"], parts["td"], parts["figure"]])
        self.assertFinds(pdf, "ParentTree entry for MCID 1 does not point back")

    def test_aWrongParentFails(self):
        pdf, parts = sound()
        parts["td"].P = parts["table"]
        self.assertFinds(pdf, "/P is not its parent")

    def test_anMcrThatNamesNothingFails(self):
        pdf, parts = sound()
        parts["td"].K = pikepdf.Array([3, 9])
        self.assertFinds(pdf, "MCID 9 names no marked content")

    def test_aFontWithoutToUnicodeFails(self):
        pdf, parts = sound()
        del parts["font"].ToUnicode
        self.assertFinds(pdf, "has no ToUnicode")

    def test_pdfaLevelBAndNoPdfuaIdentificationFail(self):
        pdf, _ = sound()
        pdf.Root.Metadata.write(XMP.replace("<pdfaid:conformance>A", "<pdfaid:conformance>B")
                                .replace("<pdfuaid:part>1</pdfuaid:part>", "").encode())
        self.assertFinds(pdf, "not level A")
        self.assertFinds(pdf, "no PDF/UA identification")

    def test_theCommandLineExitsOneOnFailureAndZeroOnSuccess(self):
        good, _ = sound()
        bad, _ = sound(CONTENT + b"BT (x) Tj ET\n")
        with tempfile.TemporaryDirectory() as folder:
            paths = [os.path.join(folder, n) for n in ("good.pdf", "bad.pdf")]
            good.save(paths[0])
            bad.save(paths[1])
            self.assertEqual(check_tagged_pdf.main(["check", paths[0]]), 0)
            self.assertEqual(check_tagged_pdf.main(["check", paths[0], paths[1]]), 1)
            self.assertEqual(check_tagged_pdf.main(["check", os.path.join(folder, "absent.pdf")]), 2)


if __name__ == "__main__":
    unittest.main()
