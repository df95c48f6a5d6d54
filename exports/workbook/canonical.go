package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"sort"
)

// Canonicalize copies the xlsx package src to dst so that the same workbook
// always gives the same bytes.
//
// excelize writes zip entries and content-type defaults in map order, so
// two writes of the same workbook differ in bytes. canonicalize copies the
// package with entries sorted by name ([Content_Types].xml first, as Office
// writes it) and the <Default> elements sorted, without recompressing the
// other entries.
func Canonicalize(dst io.Writer, src *os.File) error {
	st, err := src.Stat()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(src, st.Size())
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	zw := zip.NewWriter(dst)
	for _, f := range files {
		if f.Name == "[Content_Types].xml" {
			if err := copyContentTypes(zw, f); err != nil {
				return err
			}
			continue
		}
		r, err := f.OpenRaw()
		if err != nil {
			return err
		}
		h := f.FileHeader
		w, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			return err
		}
	}
	return zw.Close()
}

var defaultElem = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

func copyContentTypes(zw *zip.Writer, f *zip.File) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	locs := defaultElem.FindAllIndex(raw, -1)
	if len(locs) > 1 {
		elems := make([][]byte, len(locs))
		for i, l := range locs {
			elems[i] = append([]byte(nil), raw[l[0]:l[1]]...)
		}
		sort.Slice(elems, func(i, j int) bool { return bytes.Compare(elems[i], elems[j]) < 0 })
		var out bytes.Buffer
		prev := 0
		for i, l := range locs {
			out.Write(raw[prev:l[0]])
			out.Write(elems[i])
			prev = l[1]
		}
		out.Write(raw[prev:])
		raw = out.Bytes()
	}
	h := f.FileHeader
	h.CompressedSize64, h.UncompressedSize64, h.CRC32 = 0, 0, 0
	w, err := zw.CreateHeader(&h)
	if err != nil {
		return err
	}
	_, err = w.Write(raw)
	return err
}
