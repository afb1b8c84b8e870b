package colony

import (
	"context"
	"errors"
	"iter"
)

// Endpoints of this file.
var (
	_ = function(local("Take", ""))
	_ = function(local("Collect", ""))
)

// Page sizes accepted by the API's list endpoints.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// ErrPaginationStalled is yielded when a list endpoint returns the same page
// again (the server ignored the offset): iterating further would loop.
var ErrPaginationStalled = errors.New("colony: pagination made no progress (server repeated a page)")

// clampPageSize maps n into 1..MaxPageSize, with DefaultPageSize for n <= 0.
// The short-page stop rule is only safe once the size is one the server
// honours.
func clampPageSize(n int) int {
	switch {
	case n <= 0:
		return DefaultPageSize
	case n > MaxPageSize:
		return MaxPageSize
	}
	return n
}

// fetchPage fetches page number page (from 0).
type fetchPage[T any] func(ctx context.Context, page int) (*Page[T], error)

// paginate walks a list endpoint page by page. It starts no goroutine, stops
// as soon as the caller breaks, yields a failed fetch (ctx cancellation
// included) once as an error and then ends. It stops on an empty page, on
// has_more false, or, when the server sends no has_more, on a page shorter
// than pageSize; it never fetches a page just to discard it once maxResults
// (0 = unlimited) items were yielded. With an id function it skips items
// repeated from the previous page (live inserts shift offset pages) and
// reports ErrPaginationStalled when a whole page repeats.
func paginate[T any](ctx context.Context, pageSize, maxResults int, id func(*T) string, fetch fetchPage[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		yielded := 0
		var prev map[string]struct{}
		for page := 0; ; page++ {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			p, err := fetch(ctx, page)
			if err != nil {
				yield(nil, err)
				return
			}
			if len(p.Items) == 0 {
				return
			}
			var seen map[string]struct{}
			if id != nil {
				seen = make(map[string]struct{}, len(p.Items))
			}
			fresh := 0
			for i := range p.Items {
				item := &p.Items[i]
				if seen != nil {
					k := id(item)
					seen[k] = struct{}{}
					if _, dup := prev[k]; dup && k != "" {
						continue
					}
				}
				fresh++
				if maxResults > 0 && yielded >= maxResults {
					return
				}
				if !yield(item, nil) {
					return
				}
				yielded++
			}
			if prev != nil && fresh == 0 {
				yield(nil, ErrPaginationStalled)
				return
			}
			prev = seen
			if maxResults > 0 && yielded >= maxResults {
				return
			}
			if p.HasMore != nil {
				if !*p.HasMore {
					return
				}
			} else if len(p.Items) < pageSize {
				return
			}
		}
	}
}

// Take yields at most n items of seq, then stops it; n <= 0 yields nothing.
// An error from seq is passed through and ends the sequence.
func Take[T any](seq iter.Seq2[T, error], n int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		if n <= 0 {
			return
		}
		count := 0
		for v, err := range seq {
			if !yield(v, err) || err != nil {
				return
			}
			count++
			if count >= n {
				return
			}
		}
	}
}

// Collect gathers the items of seq into a slice, returning what it has with
// the first error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}
