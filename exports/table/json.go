package table

import (
	"math"
	"time"
)

// jsonValue maps a cell to what encoding/json writes: graph values as
// objects (nodes {labels, properties}; relationships {type, start, end,
// properties} with each end {labels, key}; paths {nodes, relationships}),
// dates as YYYY-MM-DD, and NaN or ±Inf as null, which JSON cannot hold.
func jsonValue(v any) any {
	switch x := v.(type) {
	case nil, string, int, int64, bool:
		return x
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	case Node:
		return jsonNode(x)
	case Relationship:
		return jsonRel(x)
	case Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = jsonNode(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = jsonRel(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case Date:
		return x.String()
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	}
	return Text(v)
}

func labels(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func jsonNode(n Node) map[string]any {
	return map[string]any{"labels": labels(n.Labels), "properties": jsonValue(orEmpty(n.Properties))}
}

func jsonRel(r Relationship) map[string]any {
	end := func(n Node) map[string]any {
		return map[string]any{"labels": labels(n.Labels), "key": jsonValue(orEmpty(n.Key()))}
	}
	return map[string]any{"type": r.Type, "start": end(r.Start), "end": end(r.End), "properties": jsonValue(orEmpty(r.Properties))}
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
