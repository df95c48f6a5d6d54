// Package graphread reads a graph file whatever tool wrote it: it tells
// the format from the first bytes (not the file's extension, which
// igraph's .xml GraphML and renamed files get wrong), hands it to that
// format's parser, and builds the kernels' graph (graphfile.Build),
// recording the file's SHA-256 and every reading choice for the report.
package graphread

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/leverage-project/leverage/analysis/network"
	"github.com/leverage-project/leverage/exports/edgelist"
	"github.com/leverage-project/leverage/exports/gexf"
	"github.com/leverage-project/leverage/exports/gml"
	"github.com/leverage-project/leverage/exports/graphml"
	"github.com/leverage-project/leverage/exports/pajek"
	"github.com/leverage-project/leverage/internal/graphfile"
)

// Info is how a file was read: its hash and the choices Build recorded.
type Info struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	graphfile.Built
	// Data are graph-level values the file carries (our exports'
	// dataset, content_hash, tool; a GML or Pajek network's name).
	Data map[string]string `json:"graph_data,omitempty"`
}

// Formats is the table of formats Read tells apart, with the parser of
// each; analyze's --graph help lists them from here.
var Formats = []struct {
	Name  string
	Parse func(io.Reader, string, graphfile.Options) (graphfile.Raw, error)
}{
	{"GraphML", graphml.Parse},
	{"GEXF", gexf.Parse},
	{"GML", gml.Parse},
	{"Pajek", pajek.Parse},
	{"edge list", edgelist.Parse},
}

// sniffBytes is how much of the start of a file Sniff looks at.
const sniffBytes = 8 << 10

// Read reads a graph file of any format in Formats (gzip-compressed too)
// and builds the kernels' graph per o; name is for messages. A format we
// cannot read is refused by Sniff naming it and what to export instead.
func Read(r io.Reader, name string, o graphfile.Options) (*network.Graph, Info, error) {
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(r, h), 1<<16)
	info := Info{File: name}
	head, _ := br.Peek(sniffBytes)
	var in io.Reader = br
	gz := len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b
	if gz {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, info, graphfile.Bad(name, 0, "", fmt.Errorf("gzip: %w", err))
		}
		zb := bufio.NewReaderSize(zr, 1<<16)
		head, _ = zb.Peek(sniffBytes)
		in = zb
	}
	format, err := Sniff(head)
	if err != nil {
		return nil, info, graphfile.Bad(name, 0, "", err)
	}
	var raw graphfile.Raw
	for _, f := range Formats {
		if f.Name == format {
			raw, err = f.Parse(in, name, o)
		}
	}
	if err != nil {
		return nil, info, err
	}
	if _, err := io.Copy(io.Discard, br); err != nil { // the rest, for the hash
		return nil, info, fmt.Errorf("%s: %w", name, err)
	}
	info.SHA256 = hex.EncodeToString(h.Sum(nil))
	if gz {
		raw.Format += ", gzip"
	}
	g, b, err := graphfile.Build(raw, o)
	if err != nil {
		return nil, info, err
	}
	if want, ok := byExtension[strings.ToLower(strings.TrimSuffix(filepath.Ext(strings.TrimSuffix(name, ".gz")), ".gz"))]; ok && want != format {
		b.Notices = append([]string{fmt.Sprintf("named like %s but holds %s: read as %s", want, format, format)}, b.Notices...)
	}
	info.Built, info.Data = b, raw.Data
	return g, info, nil
}

// byExtension is the format a file's extension suggests; the content
// decides, a disagreement gets a notice.
var byExtension = map[string]string{
	".graphml": "GraphML", ".gexf": "GEXF", ".gml": "GML", ".net": "Pajek", ".paj": "Pajek",
	".csv": "edge list", ".tsv": "edge list", ".ncol": "edge list", ".edgelist": "edge list", ".edges": "edge list",
}

var (
	dotStart = regexp.MustCompile(`(?i)^(strict\s+)?(di)?graph\s*("[^"]*"|[\w.]*)\s*\{`)
	gmlStart = regexp.MustCompile(`(?m)^\s*graph\s*\[`)
	// Pajek files may open with lines of description before *Vertices.
	pajekStart = regexp.MustCompile(`(?im)^\*(vertices|network)\b`)
)

// Sniff names the format of a file from its first bytes, or refuses one
// we cannot read, naming it and what to export instead.
func Sniff(head []byte) (string, error) {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(t) == 0:
		return "", fmt.Errorf("an empty file")
	case bytes.HasPrefix(t, []byte("PK\x03\x04")):
		return "", fmt.Errorf("a zip archive (an Excel workbook, or a compressed project?): save the edges as CSV, or the graph as GraphML or GEXF")
	case t[0] == '<':
		return sniffXML(t)
	case t[0] == '{' || t[0] == '[':
		return "", fmt.Errorf("JSON (node-link, Cytoscape.js or Graphology?): export the graph as GraphML, GEXF or an edge list")
	case t[0] == '*' || pajekStart.Match(t):
		return "Pajek", nil
	case dotStart.Match(t):
		return "", fmt.Errorf("a Graphviz DOT file: convert it (gv2gml, or networkx's read_dot and write_graphml) to GML or GraphML")
	}
	// GML starts with keys (Creator "…", version 1, comments) and then
	// graph [; a CSV never holds "graph [" at the start of a line.
	if gmlStart.Match(t) {
		return "GML", nil
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "", fmt.Errorf("a binary file, not a graph file we know (GraphML, GEXF, GML, Pajek, CSV or edge list)")
	}
	return "edge list", nil
}

// sniffXML names an XML graph format by its root element.
func sniffXML(t []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(t))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", fmt.Errorf("XML whose root element is not in the first %d bytes", sniffBytes)
		}
		s, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch root := s.Name.Local; {
		case root == "graphml":
			return "GraphML", nil
		case root == "gexf":
			return "GEXF", nil
		case root == "graph" && strings.Contains(strings.ToLower(s.Name.Space+fmt.Sprint(s.Attr)), "xgmml"):
			return "", fmt.Errorf("XGMML (Cytoscape's XML): export the network from Cytoscape as GraphML, or its edge table as CSV")
		case root == "GraphXML" || root == "graph":
			return "", fmt.Errorf("XML with root <%s>, not GraphML or GEXF: export the graph as GraphML or GEXF", root)
		default:
			return "", fmt.Errorf("XML with root <%s>, not a graph format we read (GraphML, GEXF)", root)
		}
	}
}
