// Package xmlout writes XML elements by name over encoding/xml, for the
// GraphML and GEXF writers.
package xmlout

import (
	"encoding/xml"
	"io"
)

// Writer writes elements; the encoder keeps the first error, which Close
// returns.
type Writer struct {
	w   io.Writer
	enc *xml.Encoder
}

// New writes the XML declaration to w and returns a Writer indenting by
// one space.
func New(w io.Writer) Writer {
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	return Writer{w, enc}
}

// Start opens element name with attributes given as name, value pairs.
func (x Writer) Start(name string, attrs ...string) {
	el := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	x.enc.EncodeToken(el)
}

// End closes element name.
func (x Writer) End(name string) { x.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}) }

// Text writes character data.
func (x Writer) Text(s string) { x.enc.EncodeToken(xml.CharData(s)) }

// Element writes <name attrs…>text</name>.
func (x Writer) Element(name, text string, attrs ...string) {
	x.Start(name, attrs...)
	x.Text(text)
	x.End(name)
}

// Close flushes the encoder and ends the file with a newline.
func (x Writer) Close() error {
	if err := x.enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(x.w, "\n")
	return err
}
