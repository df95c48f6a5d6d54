package neostore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/leverage-project/leverage/graphmodel"
)

// Read reads the whole graph back into a dataset, resolving codes against
// base extended by the country records stored with the data. Records come
// back in their load order. The result is validated like any other input.
func (s *Store) Read(ctx context.Context, base *graphmodel.Registry) (*graphmodel.Dataset, error) {
	var d *graphmodel.Dataset
	err := s.pinnedHeld(ctx, func() (err error) {
		d, err = s.read(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	reg, err := base.With(d.Countries)
	if err != nil {
		return nil, fmt.Errorf("neo4j: country records: %w", err)
	}
	d.Registry = reg
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("the graph in Neo4j at %s is not a valid dataset: %w", s.cfg.URI, err)
	}
	return d, nil
}

func (s *Store) read(ctx context.Context) (*graphmodel.Dataset, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	d := &graphmodel.Dataset{}
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := readMeta(ctx, tx, d); err != nil {
			return nil, err
		}
		if err := readCountries(ctx, tx, d); err != nil {
			return nil, err
		}
		if err := readSources(ctx, tx, d); err != nil {
			return nil, err
		}
		return nil, readRelationships(ctx, tx, d)
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var fe *graphmodel.FieldError
		if asField(err, &fe) {
			return nil, err
		}
		return nil, s.wrap(err)
	}
	return d, nil
}

// errVanished: a node or relationship read a moment before came back
// without its values, deleted by a concurrent replace (the pin then says
// so and the read starts again) or by another client.
var errVanished = errors.New("a node or relationship was deleted while the graph was being read (by a concurrent load or another client); read again")

func asField(err error, fe **graphmodel.FieldError) bool {
	e, ok := err.(*graphmodel.FieldError)
	if ok {
		*fe = e
	}
	return ok
}

func readMeta(ctx context.Context, tx neo4j.ManagedTransaction, d *graphmodel.Dataset) error {
	res, err := tx.Run(ctx, "MATCH (m:Dataset) RETURN m ORDER BY m.name LIMIT 1", nil)
	if err != nil {
		return err
	}
	if !res.Next(ctx) {
		return res.Err()
	}
	n, ok := res.Record().Values[0].(neo4j.Node)
	if !ok {
		return errVanished
	}
	m := n.Props
	d.Meta = graphmodel.Meta{Name: str(m, "name"), Version: str(m, "version"), Description: str(m, "description"),
		License: str(m, "license"), Citation: str(m, "citation")}
	if d.Meta.Name == "unnamed" {
		d.Meta.Name = ""
	}
	d.Meta.Updated, _ = graphmodel.ParseDate(str(m, "updated"))
	if list, ok := m["campaign"].([]any); ok {
		for _, c := range list {
			d.Meta.Campaign = append(d.Meta.Campaign, graphmodel.Code(fmt.Sprint(c)))
		}
	}
	return nil
}

func readCountries(ctx context.Context, tx neo4j.ManagedTransaction, d *graphmodel.Dataset) error {
	res, err := tx.Run(ctx, "MATCH (c:Country) WHERE c.has_record RETURN c.code AS code, c.record AS record ORDER BY c.record_seq, c.code", nil)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		rec := res.Record()
		raw, _ := rec.Values[1].(string)
		var c graphmodel.Country
		if err := json.Unmarshal([]byte(raw), &c); err != nil {
			return &graphmodel.FieldError{Record: fmt.Sprint(rec.Values[0]), Field: "record", Err: err}
		}
		d.Countries = append(d.Countries, c)
	}
	return res.Err()
}

func readSources(ctx context.Context, tx neo4j.ManagedTransaction, d *graphmodel.Dataset) error {
	res, err := tx.Run(ctx, "MATCH (s:Source) RETURN s ORDER BY s.seq, s.id", nil)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		n, ok := res.Record().Values[0].(neo4j.Node)
		if !ok {
			return errVanished
		}
		p := n.Props
		src := graphmodel.Source{Key: str(p, "id"), Publisher: str(p, "publisher"), Title: str(p, "title"),
			Kind: graphmodel.SourceKind(str(p, "kind")), URL: str(p, "url"), Note: str(p, "note"),
			Domain: str(p, "domain"), Republishes: str(p, "republishes"), Availability: str(p, "availability")}
		if list, ok := p["derived_from"].([]any); ok {
			for _, x := range list {
				if k, ok := x.(string); ok {
					src.DerivedFrom = append(src.DerivedFrom, k)
				}
			}
		}
		var err error
		if src.Published, err = graphmodel.ParseDate(str(p, "published")); err != nil {
			return &graphmodel.FieldError{Record: src.Key, Field: "published", Err: err}
		}
		d.Sources = append(d.Sources, src)
	}
	return res.Err()
}

func readRelationships(ctx context.Context, tx neo4j.ManagedTransaction, d *graphmodel.Dataset) error {
	var types []string
	for _, t := range graphmodel.RelTypes {
		types = append(types, relType(t))
	}
	q := "MATCH (a:Country)-[r:" + strings.Join(types, "|") + "]->(b:Country) RETURN a.code, type(r), b.code, properties(r) ORDER BY r.seq, r.id"
	res, err := tx.Run(ctx, q, nil)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		v := res.Record().Values
		p, ok := v[3].(map[string]any)
		from, ok1 := v[0].(string)
		typ, ok2 := v[1].(string)
		to, ok3 := v[2].(string)
		if !ok || !ok1 || !ok2 || !ok3 {
			return errVanished
		}
		r := graphmodel.Relationship{
			Key: str(p, "id"), Event: str(p, "event"), Type: graphmodel.RelType(strings.ToLower(typ)),
			FromCountry: graphmodel.Code(from), ToCountry: graphmodel.Code(to),
			Status: graphmodel.Status(str(p, "status")), Instrument: graphmodel.Instrument(str(p, "instrument")),
			Confidence: graphmodel.Confidence(str(p, "confidence")), Note: str(p, "note"),
		}
		if list, ok := p["sources"].([]any); ok {
			for _, x := range list {
				r.Sources = append(r.Sources, fmt.Sprint(x))
			}
		}
		var err error
		if r.Date, err = graphmodel.ParsePeriod(str(p, "date")); err != nil {
			return &graphmodel.FieldError{Record: r.Key, Field: "date", Err: err}
		}
		if r.Reported, err = graphmodel.ParsePeriod(str(p, "reported")); err != nil {
			return &graphmodel.FieldError{Record: r.Key, Field: "reported", Err: err}
		}
		r.StatedBy, r.PaymentTie = graphmodel.Speaker(str(p, "stated_by")), graphmodel.PaymentTie(str(p, "payment_tie"))
		r.PartOf = str(p, "part_of")
		if n, ok := p["count"].(int64); ok {
			r.Count = graphmodel.Count{Value: n, Qualifier: graphmodel.Qualifier(str(p, "count_qualifier"))}
		}
		if n, ok := p["amount"].(int64); ok {
			r.Money = graphmodel.Money{Amount: n, Currency: str(p, "currency"), Qualifier: graphmodel.Qualifier(str(p, "amount_qualifier"))}
		}
		d.Relationships = append(d.Relationships, r)
	}
	return res.Err()
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}
