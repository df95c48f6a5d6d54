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
	// text is every string the server put in the operator's arguments
	// (Details, the rendering of the whole plan, …), nested lists and
	// maps included. A procedure called inside an expression (a COLLECT
	// or COUNT subquery in a list comprehension, a CASE, reduce) gets no
	// ProcedureCall operator of its own: the server plans it inside the
	// expression and shows it only here, as ResolvedCall(name(…) …).
	text []string
}

func factsOf(sum neo4j.ResultSummary) planFacts {
	f := planFacts{statementType: sum.StatementType()}
	var walk func(p neo4j.Plan)
	walk = func(p neo4j.Plan) {
		name, _, _ := strings.Cut(p.Operator(), "@")
		details, _ := p.Arguments()["Details"].(string)
		var text []string
		for _, v := range p.Arguments() {
			text = appendStrings(text, v)
		}
		f.operators = append(f.operators, planOperator{name, details, text})
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

// appendStrings adds every string in v, however deeply it sits in lists
// and maps, to out.
func appendStrings(out []string, v any) []string {
	switch x := v.(type) {
	case string:
		out = append(out, x)
	case []any:
		for _, e := range x {
			out = appendStrings(out, e)
		}
	case map[string]any:
		for _, e := range x {
			out = appendStrings(out, e)
		}
	}
	return out
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
//   - every procedure the plan names anywhere — as a ProcedureCall
//     operator, or inside any argument of any operator, which is where a
//     call nested in an expression shows — has mode READ and is not one
//     of the READ procedures that change server state, or is an
//     allow-listed reporting DBMS procedure. Each is judged on its own:
//     an allowed one in the statement excuses nothing else in it;
//   - a nested call whose name the check cannot read is refused;
//   - SHOW operators only from the allow-list; no TERMINATE, no other
//     administration command, no operator that writes.
//
// The statement text is searched too, as an extra refusal only: any
// dotted name (quoted parts joined) that is a refused procedure, and LOAD
// followed by CSV, outside strings and comments.
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
	modes, err := s.procedureModes(ctx)
	if err != nil {
		return err
	}
	judge := func(name string) {
		reason, dbms := judgeProcedure(name, modes[name])
		switch {
		case reason != "":
			add("%s", reason)
		case dbms:
			explained = true
		}
	}
	for _, op := range f.operators {
		if op.name == "ProcedureCall" {
			judge(procedureName(op.details))
		}
		for _, t := range op.text {
			names, unreadable := procedureRefs(t, modes)
			for _, n := range names {
				judge(n)
			}
			if unreadable {
				add("the plan calls a procedure the check cannot name")
			}
		}
		switch {
		case op.name == "LoadCSV":
			add("LOAD CSV makes the server read files or URLs")
		case op.name == "ProcedureCall":
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
	for _, n := range head.dottedNames() {
		if mode, ok := modes[n]; ok {
			if reason, _ := judgeProcedure(n, mode); reason != "" {
				add("%s", reason)
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

// judgeProcedure says why a procedure of the given mode may not run
// without --write ("" if it may), and whether it is an allowed DBMS
// procedure, which makes the server class the statement as "s".
func judgeProcedure(name, mode string) (reason string, dbms bool) {
	switch {
	case mode == "READ" && !statefulReadProcedures[name]:
		return "", false
	case mode == "READ":
		return fmt.Sprintf("procedure %s changes server state", name), false
	case mode == "DBMS" && readOnlyDBMSProcedures[name]:
		return "", true
	case mode == "":
		return fmt.Sprintf("procedure %s has no known mode", name), false
	}
	return fmt.Sprintf("procedure %s runs in mode %s", name, mode), false
}

// procedureRefs finds the procedures named in one plan argument: every
// known name (backticks dropped) standing as a whole dotted name, followed
// by "(" as the server writes a call. unreadable reports a ResolvedCall
// or UnresolvedCall whose name is none of the known procedures.
func procedureRefs(text string, modes map[string]string) (names []string, unreadable bool) {
	text = strings.ReplaceAll(text, "`", "")
	isName := func(b byte) bool {
		return b == '.' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	called := func(at, end int) bool {
		if at > 0 && isName(text[at-1]) {
			return false
		}
		rest := strings.TrimLeft(text[end:], " ")
		return strings.HasPrefix(rest, "(")
	}
	for name := range modes {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			at, end := off+i, off+i+len(name)
			if called(at, end) {
				names = append(names, name)
				break
			}
			off = end
		}
	}
	for _, marker := range []string{"ResolvedCall(", "UnresolvedCall("} {
		for off := 0; ; {
			i := strings.Index(text[off:], marker)
			if i < 0 {
				break
			}
			off += i + len(marker)
			if _, ok := modes[procedureName(text[off:])]; !ok {
				unreadable = true
			}
		}
	}
	sort.Strings(names)
	return names, unreadable
}

// procedureName takes "db.labels() :: (label :: STRING)" to "db.labels".
func procedureName(details string) string {
	name, _, _ := strings.Cut(details, "(")
	return strings.Trim(strings.TrimSpace(name), "`")
}
