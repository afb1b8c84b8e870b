package colony

import "github.com/thecolony/colony-go/internal/wire"

// The query-string pieces the list endpoints share.

// positiveOr returns v, or def when v is not positive: a page size the
// caller left zero.
func positiveOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// addLimitOffset adds limit (def when size is not positive) and offset to
// q, both always sent.
func addLimitOffset(q *wire.Query, size, offset, def int) {
	q.AddInt("limit", positiveOr(size, def))
	q.AddInt("offset", offset)
}

// limitOffset is a query of limit and offset alone (addLimitOffset).
func limitOffset(size, offset, def int) string {
	var q wire.Query
	addLimitOffset(&q, size, offset, def)
	return q.Encode()
}
