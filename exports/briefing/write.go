package briefing

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
)

var (
	//go:embed assets/page.html
	pageHTML string
	//go:embed assets/briefing.css
	pageCSS string
	//go:embed assets/core.js assets/map.js assets/net.js assets/panels.js assets/tables.js assets/main.js
	scripts embed.FS
	// pageJS is the page's one script: the files in the order they build
	// on each other (core defines B, the others add to it, main starts).
	pageJS = joinScripts("core.js", "map.js", "net.js", "panels.js", "tables.js", "main.js")
)

func joinScripts(names ...string) string {
	var b strings.Builder
	for _, n := range names {
		data, err := scripts.ReadFile("assets/" + n)
		if err != nil {
			panic(err) // embedded at build time: a missing file cannot happen at run time
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

// Write writes the briefing for r to w as one HTML file. The same Results
// give the same bytes: maps are encoded in key order and the generation
// time comes from r.Generated.
func Write(w io.Writer, r Results) error {
	if r.Dataset == nil {
		return fmt.Errorf("briefing: no dataset")
	}
	p, err := buildPayload(r)
	if err != nil {
		return err
	}
	var data bytes.Buffer
	enc := json.NewEncoder(&data)
	// HTML escaping (the default) turns <, > and & into \u003c…, so no
	// note or title can close the script element the data sits in.
	enc.SetEscapeHTML(true)
	if err := enc.Encode(p); err != nil {
		return err
	}
	title := "Leverage briefing: " + r.Provenance.DatasetName
	if r.Provenance.DatasetVersion != "" {
		title += " " + r.Provenance.DatasetVersion
	}
	page := strings.NewReplacer(
		"{{TITLE}}", html.EscapeString(title),
		"{{CSS}}", pageCSS,
		"{{DATA}}", strings.TrimSpace(data.String()),
		"{{JS}}", pageJS,
	).Replace(pageHTML)
	_, err = io.WriteString(w, page)
	return err
}
