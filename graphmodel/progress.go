package graphmodel

// Progress receives progress of long work. Libraries report through it and
// never print; the CLI renders it as a bar when stderr is a terminal.
// Implementations must be safe for concurrent use: Add in particular is
// called from several workers at once (a Neo4j load's batches), so it
// should be no more than an atomic add, with drawing done elsewhere.
type Progress interface {
	// Start begins a phase of total units (0 if unknown) described by label.
	Start(label string, total int64)
	// Add reports n more units done.
	Add(n int64)
	// Done ends the current phase.
	Done()
}

// NopProgress discards progress; it is the default everywhere.
type NopProgress struct{}

func (NopProgress) Start(string, int64) {}
func (NopProgress) Add(int64)           {}
func (NopProgress) Done()               {}

// OrNop returns p, or NopProgress if p is nil.
func OrNop(p Progress) Progress {
	if p == nil {
		return NopProgress{}
	}
	return p
}
