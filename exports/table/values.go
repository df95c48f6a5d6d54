package table

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Node is a graph node in a result: its labels and properties. ID is the
// database's element id, used only to tell which way a path runs; it is
// never written, because it changes from one load to the next.
type Node struct {
	ID         string
	Labels     []string
	Properties map[string]any
}

// Relationship is a graph relationship with its two end nodes.
type Relationship struct {
	Type       string
	Start, End Node
	Properties map[string]any
}

// Path is an alternating walk: Relationships[i] joins Nodes[i] and
// Nodes[i+1], in either direction.
type Path struct {
	Nodes         []Node
	Relationships []Relationship
}

// Date is a calendar date without a time of day (a Neo4j date).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Time is the date at midnight UTC, as spreadsheets store dates.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// keyProperties are the properties that identify a node of this project's
// graph (Source and relationship id, Country code, Dataset name), in the
// order they are looked for.
var keyProperties = []string{"id", "code", "name"}

// Key returns the node's identifying properties: the first of id, code
// and name it has, or all its properties when it has none of them.
func (n Node) Key() map[string]any {
	return identifying(n.Properties)
}

func identifying(props map[string]any) map[string]any {
	for _, k := range keyProperties {
		if v, ok := props[k]; ok {
			return map[string]any{k: v}
		}
	}
	return props
}

// String is the node in Cypher pattern syntax with its key, e.g.
// (:Source {id: 'cbs-2025-02-panama'}).
func (n Node) String() string {
	var b strings.Builder
	b.WriteByte('(')
	for _, l := range n.Labels {
		b.WriteString(":" + ident(l))
	}
	writeProps(&b, n.Key())
	b.WriteByte(')')
	return b.String()
}

// String is the relationship with its ends in Cypher pattern syntax, e.g.
// (:Country {code: 'US'})-[:PAID {id: 'paid-us-rw-2025-04'}]->(:Country {code: 'RW'}).
func (r Relationship) String() string {
	return r.Start.String() + "-" + r.bracket() + "->" + r.End.String()
}

func (r Relationship) bracket() string {
	var b strings.Builder
	b.WriteString("[:" + ident(r.Type))
	writeProps(&b, identifying(r.Properties))
	b.WriteByte(']')
	return b.String()
}

// String is the path in Cypher pattern syntax, each step pointing the way
// its relationship runs.
func (p Path) String() string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 && i-1 < len(p.Relationships) {
			r := p.Relationships[i-1]
			if r.Start.ID == n.ID && r.End.ID != n.ID {
				b.WriteString("<-" + r.bracket() + "-")
			} else {
				b.WriteString("-" + r.bracket() + "->")
			}
		}
		b.WriteString(n.String())
	}
	return b.String()
}

func writeProps(b *strings.Builder, props map[string]any) {
	if len(props) == 0 {
		return
	}
	b.WriteString(" {")
	for i, k := range sortedKeys(props) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(ident(k) + ": " + literal(props[k]))
	}
	b.WriteByte('}')
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ident quotes a label, type or key with backticks when Cypher needs it.
func ident(s string) string {
	ok := s != ""
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			ok = false
		}
	}
	if ok {
		return s
	}
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}

// literal writes a value as a Cypher literal.
func literal(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(x) + "'"
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatFloat(x)
	case Date:
		return "date('" + x.String() + "')"
	case time.Time:
		return "datetime('" + x.Format(time.RFC3339Nano) + "')"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = literal(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		var b strings.Builder
		writeProps(&b, x)
		return "{" + strings.TrimSuffix(strings.TrimPrefix(b.String(), " {"), "}") + "}"
	}
	return literal(Text(v))
}

func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
