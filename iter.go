package colony

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/thecolony/colony-go/internal/jsonx"
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

// Page is one page of a list endpoint: the API's {"items": [...], "total":
// N, "has_more": bool} envelope. Legacy keys ("posts", "comments", ...) and
// bare JSON arrays decode into Items too.
//
// Every list and iterator decodes its pages here, in one pass over the
// body: the items array is read element by element, each item decoded by
// its model's readJSON straight from the page's bytes, and each item's
// RawJSON is the sub-slice of the page body it was read from (no copy:
// the client allocates each body and never reuses it, so the sub-slice
// stays valid; an item kept after its page keeps the page's body alive).
// A new list needs no decoding code of its own: Page[T] works for any
// model T with a readJSON method (and, slower, for any other T
// encoding/json can decode).
type Page[T any] struct {
	Items []T `json:"items"`
	// Total is the server's count of all matching items (0 when not sent).
	Total int `json:"total"`
	// HasMore is the server's has_more flag; nil when it did not send one.
	HasMore *bool `json:"has_more,omitempty"`
	// NextCursor is reserved by some endpoints; usually empty.
	NextCursor string `json:"next_cursor,omitempty"`
	rawJSON
}

// pageListKeys are the keys older servers used instead of "items", in the
// order they are preferred when a body has several.
var pageListKeys = []string{"posts", "comments", "results", "notifications", "messages", "users", "colonies", "conversations", "data"}

func (p *Page[T]) readJSON(r *jsonx.Reader) { readPage(r, p, pageListKeys, nil) }

// UnmarshalJSON implements json.Unmarshaler.
func (p *Page[T]) UnmarshalJSON(b []byte) error { return unmarshalModel(b, p) }

func (p *Page[T]) decodeJSON(b []byte) error { return decodeModel(b, p) }

// Format implements fmt.Formatter: the fields, without the raw JSON.
func (p Page[T]) Format(f fmt.State, verb rune) { formatModel(f, verb, p) }

// readPageMeta reads the {"total", "has_more"} block some endpoints nest
// under "pagination" (PageMeta).
func readPageMeta(r *jsonx.Reader, total **int, hasMore **bool) {
	r.Fields(func(k []byte) {
		switch string(k) {
		case "total":
			*total = r.IntPtr()
		case "has_more":
			*hasMore = r.BoolPtr()
		}
	})
}

// readPage reads a list envelope (or a bare array) into p. Items come from
// "items", or else from the first key of legacy holding an array; Total
// from "total", "pagination.total" or "count"; extra, when not nil, is
// offered every other key.
func readPage[T any](r *jsonx.Reader, p *Page[T], legacy []string, extra func(k []byte)) {
	if r.Peek() == '[' {
		p.Items = readList[T](r)
		p.Total = len(p.Items)
		return
	}
	// The counts and flags are read leniently: a list is not refused for
	// an odd total.
	var total, count, pagTotal *int
	var pagHasMore *bool
	var alt []byte
	altRank := len(legacy)
	r.Fields(func(k []byte) {
		switch string(k) {
		case "items":
			p.Items = readList[T](r)
		case "total":
			r.Loose(func() { total = r.IntPtr() })
		case "count":
			r.Loose(func() { count = r.IntPtr() })
		case "has_more":
			r.Loose(func() { p.HasMore = r.BoolPtr() })
		case "next_cursor":
			r.Loose(func() { p.NextCursor = r.Str() })
		case "pagination":
			r.Loose(func() { readPageMeta(r, &pagTotal, &pagHasMore) })
		default:
			for i := 0; i < altRank; i++ {
				if string(k) == legacy[i] && r.Peek() == '[' {
					alt, altRank = r.Raw(), i
					return
				}
			}
			if extra != nil {
				extra(k)
			}
		}
	})
	if p.Items == nil && alt != nil {
		r.Sub(alt, func(sub *jsonx.Reader) { p.Items = readList[T](sub) })
	}
	switch {
	case total != nil:
		p.Total = *total
	case pagTotal != nil:
		p.Total = *pagTotal
	case count != nil:
		p.Total = *count
	}
	fallback(&p.HasMore, pagHasMore)
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
			p, err := fetch(ctx, page)
			if err == nil && ctx.Err() != nil {
				// Served without I/O (the cache) after cancellation: report
				// it as the client reports a cancelled call.
				err = &APIError{Err: ctx.Err()}
			}
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
