package main

import (
	"context"
	"fmt"
	"io"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/leverage-project/leverage/exports/table"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// tableRow turns a row of driver values into table values, so nodes,
// relationships and paths are written as data, not as Go structs.
func tableRow(r []any, ends map[string]neo4j.Node) []any {
	row := make([]any, len(r))
	for j, v := range r {
		row[j] = tableValue(v, ends)
	}
	return row
}

// streamQuery runs the query and writes each row to w in format as it
// arrives, so memory stays flat whatever the result's length. xlsx is the
// exception: the sheet's autofilter and dimension need the row count
// first, so its rows are held, at most as many as a sheet holds.
func streamQuery(ctx context.Context, s *neostore.Store, cypher string, params map[string]any, opt neostore.QueryOptions,
	format string, about *table.About, w io.Writer) (neostore.Summary, error) {
	if format == "xlsx" {
		t := table.Table{About: about}
		sum, err := s.QueryEach(ctx, cypher, params, opt, neostore.Sink{
			Columns: func(c []string) error { t.Columns = c; return nil },
			Row: func(v []any, ends map[string]neo4j.Node) error {
				if len(t.Rows) == table.MaxXLSXRows {
					return fmt.Errorf("the result has more than %d rows, the most an xlsx sheet holds below its header: use --format csv", table.MaxXLSXRows)
				}
				t.Rows = append(t.Rows, tableRow(v, ends))
				return nil
			},
		})
		if err != nil {
			return sum, err
		}
		return sum, table.Write(w, t, "xlsx")
	}
	var st *table.Stream
	sum, err := s.QueryEach(ctx, cypher, params, opt, neostore.Sink{
		Columns: func(c []string) (err error) {
			st, err = table.NewStream(w, format, c, about)
			return err
		},
		Row: func(v []any, ends map[string]neo4j.Node) error { return st.Row(tableRow(v, ends)) },
	})
	if err != nil {
		return sum, err
	}
	return sum, st.Close()
}

func tableValue(v any, ends map[string]neo4j.Node) any {
	switch x := v.(type) {
	case neo4j.Node:
		return tableNode(x)
	case neo4j.Relationship:
		return tableRel(x, ends)
	case neo4j.Path:
		byID := map[string]neo4j.Node{}
		p := table.Path{Nodes: make([]table.Node, len(x.Nodes)), Relationships: make([]table.Relationship, len(x.Relationships))}
		for i, n := range x.Nodes {
			byID[n.ElementId] = n
			p.Nodes[i] = tableNode(n)
		}
		for i, r := range x.Relationships {
			p.Relationships[i] = tableRel(r, byID)
		}
		return p
	case dbtype.Date:
		t := x.Time()
		return table.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05.999999999")
	case dbtype.LocalTime, dbtype.Time, dbtype.Duration, dbtype.Point2D, dbtype.Point3D:
		return x.(interface{ String() string }).String()
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = tableValue(e, ends)
		}
		return out
	case map[string]any:
		return tableProps(x, ends)
	}
	return v
}

func tableProps(m map[string]any, ends map[string]neo4j.Node) map[string]any {
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[k] = tableValue(e, ends)
	}
	return out
}

func tableNode(n neo4j.Node) table.Node {
	return table.Node{ID: n.ElementId, Labels: n.Labels, Properties: tableProps(n.Props, nil)}
}

// tableRel resolves the ends from nodes the result or the store read; an
// end it cannot find keeps only its id.
func tableRel(r neo4j.Relationship, ends map[string]neo4j.Node) table.Relationship {
	end := func(id string) table.Node {
		if n, ok := ends[id]; ok {
			return tableNode(n)
		}
		return table.Node{ID: id}
	}
	return table.Relationship{Type: r.Type, Start: end(r.StartElementId), End: end(r.EndElementId), Properties: tableProps(r.Props, nil)}
}
