#!/usr/bin/python3
"""Checks that a PDF is tagged the way PDF/UA-1 asks, as far as a machine can.

Walks every page's content stream and the structure tree (python3-pikepdf) and
prints one line per failure: marked content neither reachable from the tree nor
an Artifact, text or drawing outside any marked content, unbalanced marked
content, a Figure without Alt, a Table without TH or a TH without Scope, heading
levels that skip (and not exactly one H1), a missing Lang, a ParentTree entry
that does not point back, a structure element whose /P is not its parent, an
MCR that names no marked content, a font without ToUnicode, and the catalogue
and XMP entries of PDF/UA-1 and PDF/A-1a. docs/ACCESSIBILITY.md maps these to
the Matterhorn Protocol.

Usage: check_tagged_pdf.py FILE.pdf...   exit 0 when every file passes, 1 when
any fails, 2 when a file cannot be read.
"""
import re
import sys

import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI", "INLINE IMAGE"}
HEADING = re.compile(r"^H([1-6])$")
TABLE_ROLES = {"TR", "THead", "TBody", "TFoot", "Caption"}
MOST_LISTED = 5  # per kind of failure and page, so one bug does not bury the others


def key(obj):
    """What identifies an indirect object; None for a direct one."""
    try:
        num, gen = obj.objgen
    except AttributeError:
        return None
    return (num, gen) if num != 0 else None


def name(obj):
    return str(obj) if isinstance(obj, pikepdf.Name) else None


def as_list(obj):
    if obj is None:
        return []
    if isinstance(obj, pikepdf.Array):
        return list(obj)
    return [obj]


class Checker:
    def __init__(self, pdf):
        self.pdf = pdf
        self.failures = []
        self.page_index = {key(p.obj): i for i, p in enumerate(pdf.pages)}
        self.content_mcids = {}  # page number -> set of MCIDs in its content
        self.tree_mcids = {}  # (page number, MCID) -> key of the structure element that holds it
        self.headings = []
        self.role_map = {}

    def fail(self, message):
        self.failures.append(message)

    def run(self):
        self.check_catalogue()
        for i, page in enumerate(self.pdf.pages):
            self.check_page(i, page)
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is not None:
            self.walk_tree(root)
            self.check_reachability()
            self.check_parent_tree(root)
            self.check_headings()
        return self.failures

    # The catalogue and the XMP metadata.
    def check_catalogue(self):
        root = self.pdf.Root
        mark = root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            self.fail("catalogue: no /MarkInfo << /Marked true >>")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            self.fail("catalogue: no /StructTreeRoot")
        elif tree.get("/ParentTree") is None:
            self.fail("structure tree: no /ParentTree")
        if tree is not None and tree.get("/RoleMap") is not None:
            self.role_map = {str(k).lstrip("/"): str(v).lstrip("/") for k, v in tree.RoleMap.items()}
        lang = root.get("/Lang")
        if lang is None or not str(lang).strip():
            self.fail("catalogue: missing /Lang")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            self.fail("catalogue: no /ViewerPreferences << /DisplayDocTitle true >>")
        metadata = root.get("/Metadata")
        if metadata is None:
            self.fail("catalogue: no XMP metadata")
            return
        xmp = metadata.read_bytes().decode("utf-8", "replace")
        if not re.search(r"pdfuaid:part(>|=[\"'])\s*1", xmp):
            self.fail("XMP: no PDF/UA identification (pdfuaid:part 1)")
        if "http://www.aiim.org/pdfua/ns/id/" not in xmp or "pdfaExtension:schemas" not in xmp:
            self.fail("XMP: pdfuaid is not declared in a PDF/A extension schema")
        if not re.search(r"pdfaid:part(>|=[\"'])\s*1", xmp):
            self.fail("XMP: no PDF/A-1 identification (pdfaid:part 1)")
        if not re.search(r"pdfaid:conformance(>|=[\"'])\s*A", xmp):
            self.fail("XMP: PDF/A conformance is not level A")
        if not re.search(r"<dc:title>.*?<rdf:li[^>]*>\s*[^<\s]", xmp, re.S):
            self.fail("XMP: no dc:title")

    # One page's content stream.
    def check_page(self, number, page):
        where = "page %d" % (number + 1)
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        properties = page.obj.get("/Resources", {}).get("/Properties", {})
        stack = []  # per open marked-content sequence: (tag, MCID or None)
        mcids = self.content_mcids.setdefault(number, set())
        counts = {}
        font = None

        def once(kind, message):
            counts[kind] = counts.get(kind, 0) + 1
            if counts[kind] <= MOST_LISTED:
                self.fail(message)

        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if op == "BDC":
                    props = operands[1]
                    if isinstance(props, pikepdf.Name):
                        props = properties.get(str(props), {})
                    if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                        mcid = int(props.MCID)
                if mcid is not None:
                    if any(m is not None for _, m in stack):
                        once("nested", "%s: MCID %d inside another marked-content sequence with an MCID" % (where, mcid))
                    if mcid in mcids:
                        once("twice", "%s: MCID %d used twice" % (where, mcid))
                    if not any(t == "/Artifact" for t, _ in stack):
                        mcids.add(mcid)
                stack.append((tag, mcid))
            elif op == "EMC":
                if not stack:
                    once("emc", "%s: EMC without an open marked-content sequence" % where)
                else:
                    stack.pop()
            elif op == "Tf":
                font = str(operands[0])
                descriptor = fonts.get(font)
                if descriptor is not None and descriptor.get("/ToUnicode") is None:
                    once("font" + font, "%s: font %s has no ToUnicode" % (where, font))
            elif op in TEXT_OPERATORS or op in PAINT_OPERATORS:
                what = "text" if op in TEXT_OPERATORS else "drawing"
                if not stack:
                    once(what, "%s: %s outside any marked content (%s)" % (where, what, op))
                elif not any(t == "/Artifact" for t, _ in stack) and all(m is None for _, m in stack):
                    once("unreachable", "%s: marked content %s neither in the structure tree (no MCID) "
                         "nor an Artifact" % (where, stack[-1][0]))
        if stack:
            self.fail("%s: %d marked-content sequence(s) left open" % (where, len(stack)))

    # The structure tree, in document order.
    def role(self, element):
        role = str(element.get("/S", "")).lstrip("/")
        seen = set()
        while role in self.role_map and role not in seen:
            seen.add(role)
            role = self.role_map[role]
        return role

    def walk_tree(self, root):
        seen = set()
        for kid in as_list(root.get("/K")):
            self.walk_element(kid, root, seen)

    def walk_element(self, element, parent, seen):
        k = key(element)
        if not isinstance(element, pikepdf.Dictionary):
            self.fail("structure tree: a kid of the root is not a structure element")
            return
        if k is None:
            self.fail("structure tree: a structure element is not an indirect object")
        elif k in seen:
            self.fail("structure tree: element %s reached twice" % (k,))
            return
        seen.add(k)
        role = self.role(element)
        label = "%s %s" % (role or "(no /S)", k)
        if not role:
            self.fail("structure tree: element %s has no /S" % (k,))
        p = element.get("/P")
        if p is None or key(p) != key(parent):
            self.fail("structure tree: %s: /P is not its parent" % label)
        lang = element.get("/Lang")
        if lang is not None and not str(lang).strip():
            self.fail("structure tree: %s: empty /Lang" % label)
        match = HEADING.match(role)
        if match:
            self.headings.append((int(match.group(1)), label))
        if role == "Figure":
            alt = element.get("/Alt")
            if alt is None or not str(alt).strip():
                self.fail("structure tree: %s without /Alt" % label)
        if role == "Table":
            self.check_table(element, label)
        if role == "TH" and not self.has_scope(element):
            self.fail("structure tree: %s without /Scope" % label)
        page = element.get("/Pg")
        for kid in as_list(element.get("/K")):
            if isinstance(kid, int):
                self.add_mcr(page, kid, k, label)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                self.add_mcr(kid.get("/Pg", page), int(kid.MCID), k, label)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                continue
            else:
                self.walk_element(kid, element, seen)

    def add_mcr(self, page, mcid, owner, label):
        number = self.page_index.get(key(page)) if page is not None else None
        if number is None:
            self.fail("structure tree: %s: MCID %d without a page (/Pg)" % (label, mcid))
            return
        if (number, mcid) in self.tree_mcids:
            self.fail("structure tree: page %d MCID %d claimed twice" % (number + 1, mcid))
        self.tree_mcids[(number, mcid)] = owner

    def has_scope(self, element):
        for attributes in as_list(element.get("/A")):
            if isinstance(attributes, pikepdf.Dictionary) and str(attributes.get("/Scope", "")) in (
                    "/Row", "/Column", "/Both"):
                return True
        return False

    def check_table(self, table, label):
        has_th = False
        pending = list(as_list(table.get("/K")))
        while pending:
            kid = pending.pop()
            if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid:
                continue
            role = self.role(kid)
            if role == "Table":
                continue  # a nested table answers for itself
            if role == "TH":
                has_th = True
            pending.extend(as_list(kid.get("/K")))
        if not has_th:
            self.fail("structure tree: %s without any TH" % label)
        for kid in as_list(table.get("/K")):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and self.role(kid) not in TABLE_ROLES:
                self.fail("structure tree: %s holds a %s (only TR, THead, TBody, TFoot, Caption)" %
                          (label, self.role(kid)))

    def check_reachability(self):
        for number, mcids in self.content_mcids.items():
            for mcid in sorted(mcids):
                if (number, mcid) not in self.tree_mcids:
                    self.fail("page %d: marked content MCID %d is not reachable from the structure tree "
                              "and not an Artifact" % (number + 1, mcid))
        for (number, mcid) in sorted(self.tree_mcids):
            if mcid not in self.content_mcids.get(number, set()):
                self.fail("structure tree: page %d MCID %d names no marked content" % (number + 1, mcid))

    def check_parent_tree(self, root):
        tree = root.get("/ParentTree")
        if tree is None:
            return
        entries = {}
        pending = [tree]
        while pending:
            node = pending.pop()
            nums = list(as_list(node.get("/Nums")))
            for i in range(0, len(nums) - 1, 2):
                entries[int(nums[i])] = nums[i + 1]
            pending.extend(as_list(node.get("/Kids")))
        for number, page in enumerate(self.pdf.pages):
            mcids = self.content_mcids.get(number, set())
            if not mcids:
                continue
            index = page.obj.get("/StructParents")
            if index is None:
                self.fail("page %d: marked content but no /StructParents" % (number + 1))
                continue
            parents = entries.get(int(index))
            if parents is None or not isinstance(parents, pikepdf.Array):
                self.fail("page %d: no ParentTree entry for /StructParents %d" % (number + 1, int(index)))
                continue
            for mcid in sorted(mcids):
                owner = self.tree_mcids.get((number, mcid))
                if mcid >= len(parents) or key(parents[mcid]) != owner or owner is None:
                    self.fail("page %d: the ParentTree entry for MCID %d does not point back to the "
                              "element that holds it" % (number + 1, mcid))

    def check_headings(self):
        levels = [level for level, _ in self.headings]
        if levels.count(1) != 1:
            self.fail("headings: %d H1 (there must be exactly one)" % levels.count(1))
        previous = 0
        for level, label in self.headings:
            if level > previous + 1:
                self.fail("headings: %s follows H%d, skipping a level" % (label, previous) if previous else
                          "headings: the first heading is %s, not H1" % label)
            previous = level


def check(path):
    """The failures found in the file, as lines; empty when it passes."""
    with pikepdf.open(path) as pdf:
        return Checker(pdf).run()


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    status = 0
    for path in argv[1:]:
        try:
            failures = check(path)
        except (OSError, pikepdf.PdfError) as error:
            print("%s: cannot read: %s" % (path, error), file=sys.stderr)
            return 2
        for failure in failures:
            print("%s: %s" % (path, failure))
        if failures:
            status = 1
        else:
            print("%s: tagged PDF checks passed" % path)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
