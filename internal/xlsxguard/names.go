package xlsxguard

import (
	"archive/zip"
	"fmt"
	"path"
	"strings"

	"github.com/leverage-project/leverage/graphmodel"
)

// The guard must check exactly the parts the reader reads. excelize
// (v2.11, lib.go ReadZipReader, sheet.go getWorksheetPath, workbook.go
// getWorkbookPath) resolves part names more leniently than the standard:
// it turns backslashes into slashes, matches "[content_types].xml" and
// "xl/sharedstrings.xml" in any letter case, follows _rels/.rels to a
// workbook stored anywhere, and follows a sheet's relationship (cleaning
// "..", "." and a leading slash) to any part at all. Rather than copy that
// resolution, which would have to follow every excelize release, the
// guard accepts only workbooks whose names need none of it: each name
// stored canonically and once, and every sheet a part the guard scans.
// Excel, LibreOffice and excelize itself write nothing else.

// canonicalParts are the names whose letter case the reader ignores or
// whose place the guard assumes: stored under another case they are
// refused.
var canonicalParts = []string{
	"[Content_Types].xml",
	"_rels/.rels",
	"xl/workbook.xml",
	"xl/_rels/workbook.xml.rels",
	"xl/sharedStrings.xml",
}

// checkPartNames refuses a workbook any of whose part names is not in the
// form the guard reads it under, naming the part.
func checkPartNames(zr *zip.Reader) error {
	seen := make(map[string]string, len(zr.File))
	for _, f := range zr.File {
		name := f.Name
		if why := nameProblem(name); why != "" {
			return partNameError(name, why)
		}
		lower := strings.ToLower(name)
		if prev, dup := seen[lower]; dup {
			if prev == name {
				return partNameError(name, "stored twice; a reader would take one copy and the check the other")
			}
			return partNameError(name, fmt.Sprintf("stored twice, also as %q; names differing only in letter case are one part to a reader", prev))
		}
		seen[lower] = name
		for _, want := range canonicalParts {
			if lower == strings.ToLower(want) && name != want {
				return partNameError(name, fmt.Sprintf("must be named %q", want))
			}
		}
		if strings.HasPrefix(lower, "xl/worksheets/") && !strings.HasPrefix(name, "xl/worksheets/") {
			return partNameError(name, `worksheets must be stored under "xl/worksheets/"`)
		}
	}
	return nil
}

// nameProblem says what makes a stored name non-canonical, or "".
func nameProblem(name string) string {
	switch {
	case name == "":
		return "an empty part name"
	case strings.Contains(name, `\`):
		return "a backslash in a part name (readers take it for a slash)"
	case strings.HasPrefix(name, "/"):
		return "a part name with a leading slash"
	}
	segs := strings.Split(strings.TrimSuffix(name, "/"), "/")
	for _, s := range segs {
		if s == "" || s == "." || s == ".." {
			return `an empty, "." or ".." segment in a part name`
		}
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return "a control character in a part name"
		}
	}
	return ""
}

func partNameError(name, why string) error {
	return &graphmodel.FieldError{Cell: fmt.Sprintf("part %s", quoteShort(name)), Err: fmt.Errorf("%s: %w", why, graphmodel.ErrInvalid)}
}

// quoteShort quotes a name for a message, cut to a short excerpt.
func quoteShort(s string) string {
	const max = 80
	if len(s) > max {
		return fmt.Sprintf("%q…", s[:max])
	}
	return fmt.Sprintf("%q", s)
}

// checkRelTargets refuses a workbook whose office document is not
// xl/workbook.xml, or a sheet of which resolves, as excelize resolves it,
// to a part the guard does not scan. rels are the workbook's
// relationships by id; used are the ids its sheets name.
func checkRelTargets(parts map[string]*zip.File, rels map[string]string, used []string) error {
	var root struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if f := parts["_rels/.rels"]; f != nil {
		if err := decodeSmall(f, &root); err != nil {
			return partNameError("_rels/.rels", "not readable: "+err.Error())
		}
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && resolveTarget("", r.Target) != "xl/workbook.xml" {
				return partNameError("_rels/.rels", fmt.Sprintf("the workbook must be xl/workbook.xml, not %s", quoteShort(r.Target)))
			}
		}
	}
	for _, id := range used {
		t, ok := rels[id]
		if !ok {
			continue // the reader finds no such sheet either
		}
		p := resolveTarget("xl", t)
		if _, exists := parts[p]; exists && !isSheetPart(p) || p == "xl/sharedStrings.xml" {
			return partNameError("xl/_rels/workbook.xml.rels", fmt.Sprintf("sheet relationship %s points at %s, which is not a worksheet part under xl/worksheets/", quoteShort(id), quoteShort(t)))
		}
	}
	return nil
}

// resolveTarget resolves a relationship target from the folder dir as
// excelize's getWorksheetPath does: backslashes become slashes, a leading
// slash means the package root, and the result is cleaned.
func resolveTarget(dir, target string) string {
	t := strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(path.Clean(t), "/")
	}
	return strings.TrimPrefix(path.Clean(dir+"/"+t), "/")
}
