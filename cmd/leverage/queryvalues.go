package main

import (
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/leverage-project/leverage/exports/table"
	"github.com/leverage-project/leverage/graphmodel/neostore"
)

// resultTable turns a query result of driver values into table values, so
// nodes, relationships and paths are written as data, not as Go structs.
func resultTable(res neostore.Result) table.Table {
	rows := make([][]any, len(res.Rows))
	for i, r := range res.Rows {
		row := make([]any, len(r))
		for j, v := range r {
			row[j] = tableValue(v, res.Endpoints)
		}
		rows[i] = row
	}
	return table.Table{Columns: res.Columns, Rows: rows}
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
