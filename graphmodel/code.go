package graphmodel

import (
	"fmt"
	"hash/fnv"
)

// Code identifies an actor. For countries it is the ISO 3166-1 alpha-2 code
// (Kosovo uses the user-assigned XK); datasets may define further actors with
// longer upper-case codes such as "GRP_TRAVEL_BAN_REVIEW".
//
// Code satisfies graph.Node so that a Relationship's endpoints can be returned
// without a lookup.
type Code string

// ID returns a stable node ID derived from the code alone, so the same
// country has the same ID in every dataset and every run. Two-letter codes map
// into 1..676; longer codes into 1000 + a 32-bit FNV-1a hash.
func (c Code) ID() int64 {
	if len(c) == 2 && isUpper(c[0]) && isUpper(c[1]) {
		return 1 + int64(c[0]-'A')*26 + int64(c[1]-'A')
	}
	h := fnv.New32a()
	h.Write([]byte(c))
	return 1000 + int64(h.Sum32())
}

// Valid reports whether c is syntactically a code: two upper-case letters,
// or 3 to 40 characters of upper-case letters, digits and underscores
// starting with a letter.
func (c Code) Valid() bool {
	if len(c) < 2 || len(c) > 40 || !isUpper(c[0]) {
		return false
	}
	if len(c) == 2 {
		return isUpper(c[1])
	}
	for i := 1; i < len(c); i++ {
		b := c[i]
		if !isUpper(b) && !(b >= '0' && b <= '9') && b != '_' {
			return false
		}
	}
	return true
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// CodeFromID is the inverse of Code.ID for two-letter codes. Longer codes are
// not recoverable from their hash; use a Registry for those.
func CodeFromID(id int64) (Code, error) {
	if id < 1 || id > 676 {
		return "", fmt.Errorf("graphmodel: node id %d is not a two-letter code", id)
	}
	id--
	return Code([]byte{byte('A' + id/26), byte('A' + id%26)}), nil
}
