package neostore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ErrWriteRefused is returned for a query that would write without Write.
var ErrWriteRefused = errors.New("query refused: it would change the database or the server; rerun with --write if that is intended")

// RefusedError says why a read-only query was refused. It matches
// ErrWriteRefused with errors.Is.
type RefusedError struct {
	Reason string
}

func (e *RefusedError) Error() string {
	return "query refused without --write: " + e.Reason
}

// Is makes errors.Is(err, ErrWriteRefused) true.
func (e *RefusedError) Is(target error) bool { return target == ErrWriteRefused }

func refused(format string, a ...any) error {
	return &RefusedError{Reason: fmt.Sprintf(format, a...)}
}

// readOnlyDBMSProcedures are the procedures Neo4j 5 registers in DBMS mode
// that only report: the server gives DBMS mode to anything that acts on
// the whole server, harmless or not, so these are listed by hand. Every
// other DBMS procedure (dbms.killConnection, db.clearQueryCaches,
// tx.setMetaData, …) is refused.
var readOnlyDBMSProcedures = map[string]bool{
	"dbms.components":                      true,
	"dbms.info":                            true,
	"dbms.listCapabilities":                true,
	"dbms.listConfig":                      true,
	"dbms.listConnections":                 true,
	"dbms.queryJmx":                        true,
	"dbms.routing.getRoutingTable":         true,
	"dbms.cluster.routing.getRoutingTable": true,
	"dbms.showCurrentUser":                 true,
	"tx.getMetaData":                       true,
}

// statefulReadProcedures run in READ mode but change what the server does
// next (statistics collection, index sampling, plan caches), which a
// read-only session should not do on a shared server.
var statefulReadProcedures = map[string]bool{
	"db.stats.clear":             true,
	"db.stats.collect":           true,
	"db.stats.stop":              true,
	"db.resampleIndex":           true,
	"db.resampleOutdatedIndexes": true,
	"db.prepareForReplanning":    true,
}

// showOperators are the plan operators of SHOW commands that run on the
// database itself (SHOW DATABASES, USERS … plan as AdministrationCommand
// instead). Each only lists.
var showOperators = map[string]bool{
	"ShowIndexes": true, "ShowConstraints": true, "ShowProcedures": true,
	"ShowFunctions": true, "ShowTransactions": true, "ShowSettings": true,
}

// writeOperatorPrefixes name plan operators that change data or schema.
// The statement type already refuses them; matching the operators too
// means one of the two checks is enough.
var writeOperatorPrefixes = []string{
	"Create", "Merge", "LockingMerge", "Set", "Delete", "DetachDelete", "Remove",
	"Drop", "Alter", "Rename", "Grant", "Deny", "Revoke", "Start", "Stop",
	"Enable", "Deallocate", "Reallocate", "DoNothingIfExists",
	"TransactionForeach", "TransactionApply", "Foreach",
}

// adminWriteWords are the keywords of administration commands that change
// something; a SHOW command never contains them outside a string.
var adminWriteWords = []string{"CREATE", "DROP", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE",
	"START", "STOP", "TERMINATE", "ENABLE", "DEALLOCATE", "REALLOCATE", "SET", "REMOVE", "DELETE"}

// planFacts is what a plan says about a statement.
type planFacts struct {
	statementType neo4j.StatementType
	operators     []planOperator
	// inTransactions: CALL { … } IN TRANSACTIONS, which commits its own
	// batches and so only runs as an auto-commit query.
	inTransactions bool
	admin          bool // an administration command (runs on the system database)
}

type planOperator struct {
	name    string // without the @database suffix
	details string
}

func factsOf(sum neo4j.ResultSummary) planFacts {
	f := planFacts{statementType: sum.StatementType()}
	var walk func(p neo4j.Plan)
	walk = func(p neo4j.Plan) {
		name, _, _ := strings.Cut(p.Operator(), "@")
		details, _ := p.Arguments()["Details"].(string)
		f.operators = append(f.operators, planOperator{name, details})
		switch {
		case name == "TransactionForeach" || name == "TransactionApply":
			f.inTransactions = true
		case name == "AdministrationCommand" || strings.HasPrefix(name, "Terminate"):
			f.admin = true
		}
		for _, c := range p.Children() {
			walk(c)
		}
	}
	if p := sum.Plan(); p != nil {
		walk(p)
	}
	return f
}

// explain asks the server to plan the statement without running it. A
// statement with its own EXPLAIN or PROFILE cannot take a second one; the
// server says so, and then the user's PROFILE is blanked out (the text
// keeps its length, so error positions still point into what was typed)
// and the plan is asked for again.
func (s *Store) explain(ctx context.Context, cypher string, params map[string]any) (planFacts, statementHead, error) {
	head, err := headOf(cypher)
	if err != nil {
		return planFacts{}, head, fmt.Errorf("Cypher error: %v", err)
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	run := func(text string) (neo4j.ResultSummary, error) {
		res, err := sess.Run(ctx, "EXPLAIN "+text, params)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	}
	sum, err := run(cypher)
	var ne *neo4j.Neo4jError
	if err != nil && errors.As(err, &ne) && strings.Contains(ne.Msg, "execution mode") && head.mode != nil {
		blank := cypher[:head.mode.start] + strings.Repeat(" ", head.mode.end-head.mode.start) + cypher[head.mode.end:]
		sum, err = run(blank)
	}
	if err != nil {
		return planFacts{}, head, s.queryErr(err)
	}
	return factsOf(sum), head, nil
}

// procedureModes returns each procedure's mode (READ, WRITE, SCHEMA, DBMS)
// as the server reports it, asked once per Store.
func (s *Store) procedureModes(ctx context.Context) (map[string]string, error) {
	s.procMu.Lock()
	defer s.procMu.Unlock()
	if s.procModes != nil {
		return s.procModes, nil
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "SHOW PROCEDURES YIELD name, mode RETURN name, mode", nil)
	if err != nil {
		return nil, s.queryErr(err)
	}
	modes := map[string]string{}
	for res.Next(ctx) {
		v := res.Record().Values
		name, _ := v[0].(string)
		mode, _ := v[1].(string)
		modes[name] = mode
	}
	if err := res.Err(); err != nil {
		return nil, s.queryErr(err)
	}
	s.procModes = modes
	return modes, nil
}

// checkReadOnly decides from the server's plan whether a statement may run
// without --write. The rules, each from what the server reports:
//
//   - the statement type is read-only ("r"), or it is "s" only because of
//     an allowed DBMS procedure or a SHOW administration command;
//   - no LoadCSV operator (it reads files and URLs on the server);
//   - every procedure call has mode READ and is not one of the READ
//     procedures that change server state, or is an allow-listed
//     reporting DBMS procedure;
//   - SHOW operators only from the allow-list; no TERMINATE, no other
//     administration command, no operator that writes.
//
// Matching the text (LOAD followed by CSV outside strings and comments) is
// kept only as an extra refusal.
func (s *Store) checkReadOnly(ctx context.Context, f planFacts, head statementHead) error {
	explained := false // a reason the statement type may be "s"
	var reasons []string
	add := func(format string, a ...any) {
		r := fmt.Sprintf(format, a...)
		for _, x := range reasons {
			if x == r {
				return
			}
		}
		reasons = append(reasons, r)
	}
	for _, op := range f.operators {
		switch {
		case op.name == "LoadCSV":
			add("LOAD CSV makes the server read files or URLs")
		case op.name == "ProcedureCall":
			name := procedureName(op.details)
			modes, err := s.procedureModes(ctx)
			if err != nil {
				return err
			}
			mode := modes[name]
			switch {
			case mode == "READ" && !statefulReadProcedures[name]:
			case mode == "READ":
				add("procedure %s changes server state", name)
			case mode == "DBMS" && readOnlyDBMSProcedures[name]:
				explained = true
			case mode == "":
				add("procedure %s has no known mode", name)
			default:
				add("procedure %s runs in mode %s", name, mode)
			}
		case op.name == "AdministrationCommand":
			if head.firstWord == "SHOW" && !head.hasWord(adminWriteWords...) {
				explained = true
			} else {
				add("administration command %s", nonEmpty(head.firstWord, "(unrecognised)"))
			}
		case strings.HasPrefix(op.name, "Terminate"):
			add("TERMINATE TRANSACTIONS stops other sessions' work")
		case strings.HasPrefix(op.name, "Show"):
			if !showOperators[op.name] {
				add("%s is not on the list of read-only SHOW commands", op.name)
			}
		default:
			for _, p := range writeOperatorPrefixes {
				if strings.HasPrefix(op.name, p) {
					add("the plan has a %s operator", op.name)
				}
			}
		}
	}
	switch f.statementType {
	case neo4j.StatementTypeReadOnly:
	case neo4j.StatementTypeSchemaWrite:
		if !explained {
			add("the server classes it as a schema or system change")
		}
	case neo4j.StatementTypeWriteOnly, neo4j.StatementTypeReadWrite:
		add("the server classes it as a write")
	default:
		add("the server gave no statement type")
	}
	if head.hasSequence("LOAD", "CSV") {
		add("LOAD CSV makes the server read files or URLs")
	}
	if len(reasons) == 0 {
		return nil
	}
	sort.Strings(reasons)
	return refused("%s", strings.Join(reasons, "; "))
}

// procedureName takes "db.labels() :: (label :: STRING)" to "db.labels".
func procedureName(details string) string {
	name, _, _ := strings.Cut(details, "(")
	return strings.Trim(strings.TrimSpace(name), "`")
}
