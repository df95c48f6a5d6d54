package neostore

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Profile is what the server reports after running a statement under
// PROFILE: the total database hits, which measure the work a plan does
// independently of the machine, the rows returned, and the plan's operators.
type Profile struct {
	DBHits    int64
	Rows      int
	Operators []string // sorted, one entry per operator in the plan tree
	// Plan is the tree in pre-order, one "depth operator dbhits details"
	// line per operator, for a test to print when a budget is exceeded.
	Plan []string
}

// Has reports whether the plan used an operator whose name starts with op.
func (p Profile) Has(op string) bool {
	for _, o := range p.Operators {
		if len(o) >= len(op) && o[:len(op)] == op {
			return true
		}
	}
	return false
}

// ProfileRead runs cypher under PROFILE in a read transaction and returns
// its work. It is for tests and benchmarks that bound a query's cost.
func (s *Store) ProfileRead(ctx context.Context, cypher string, params map[string]any) (Profile, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.Background())
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "PROFILE "+cypher, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return nil, err
		}
		p := Profile{Rows: len(recs)}
		if plan := sum.Profile(); plan != nil {
			walkPlan(plan, &p, 0)
		}
		sort.Strings(p.Operators)
		return p, nil
	})
	if err != nil {
		return Profile{}, s.wrapCtx(ctx, err)
	}
	return out.(Profile), nil
}

func walkPlan(pl neo4j.ProfiledPlan, p *Profile, depth int) {
	p.DBHits += pl.DbHits()
	p.Operators = append(p.Operators, pl.Operator())
	p.Plan = append(p.Plan, fmt.Sprintf("%*s%s %d %v", 2*depth, "", pl.Operator(), pl.DbHits(), pl.Arguments()["Details"]))
	for _, c := range pl.Children() {
		walkPlan(c, p, depth+1)
	}
}
