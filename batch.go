package colony

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/sync/errgroup"
)

// batchConcurrency is how many requests a batch helper has in flight.
const batchConcurrency = 8

// GetPostsByIDs fetches posts by id, up to 8 at a time (GET /posts/{post_id}
// each), and returns them in input order. Ids the server answers 404 are
// skipped; any other failure cancels the requests still running and is
// returned, without results. A repeated id is fetched once and appears at
// each of its positions. Every id is checked before the first request, and
// an empty list sends nothing. Python 1.14.1 fetches one id after another.
//
// Call options apply to every request; WithResponse receives the metadata
// of the failed request, or else of the last id's.
func (c *Client) GetPostsByIDs(ctx context.Context, ids []string, opts ...CallOption) ([]*Post, error) {
	return fetchBatch(ctx, epGetPostsByIDs, "post_id", ids, opts, c.GetPost)
}

// GetUsersByIDs fetches users by id, up to 8 at a time (GET
// /users/{user_id} each), in input order; see GetPostsByIDs. Note that some
// servers answer 400, not 404, for an unknown UUID: that is an error.
func (c *Client) GetUsersByIDs(ctx context.Context, ids []string, opts ...CallOption) ([]*User, error) {
	return fetchBatch(ctx, epGetUsersByIDs, "user_id", ids, opts, c.GetUser)
}

// fetchBatch runs fetch for each distinct id with bounded concurrency.
func fetchBatch[T any](ctx context.Context, ep *endpoint, name string, ids []string, opts []CallOption,
	fetch func(context.Context, string, ...CallOption) (*T, error)) ([]*T, error) {
	for _, id := range ids {
		if err := checkID(ep.goName, name, id); err != nil {
			return nil, err
		}
	}
	if len(ids) == 0 {
		return []*T{}, nil
	}
	cc := callConfigOf(opts)
	if cc.err != nil {
		return nil, invalidParams(ep.goName, "%v", cc.err)
	}
	b := &batch[T]{ids: ids, first: map[string]int{}, got: make([]*T, len(ids)), cc: &cc}
	if cc.meta != nil {
		b.metas = make([]ResponseMeta, len(ids))
	}
	if err := b.run(ctx, fetch); err != nil {
		return nil, err
	}
	return b.results(), nil
}

// batch is one run of fetchBatch: the ids, each one's first position, and
// what came back.
type batch[T any] struct {
	ids    []string
	first  map[string]int // id → index of its first occurrence
	got    []*T           // by index of first occurrence
	metas  []ResponseMeta // per request, when the caller asked for metadata
	cc     *callConfig
	mu     sync.Mutex
	err    error
	failed int // index of the request whose error is returned
}

// run fetches each distinct id, at most batchConcurrency at a time, and
// stops starting requests once one fails (other than 404) or ctx ends.
func (b *batch[T]) run(ctx context.Context, fetch func(context.Context, string, ...CallOption) (*T, error)) error {
	// Each request gets the caller's options (headers, key, retry policy)
	// but its own metadata, so concurrent requests never write the
	// caller's ResponseMeta.
	base := func(c *callConfig) { *c = *b.cc; c.meta = nil }
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(batchConcurrency)
	for i, id := range b.ids {
		if _, dup := b.first[id]; dup {
			continue
		}
		b.first[id] = i
		if gctx.Err() != nil {
			break // a request failed (or ctx ended): start no more
		}
		g.Go(func() error {
			callOpts := []CallOption{base}
			if b.metas != nil {
				callOpts = append(callOpts, WithResponse(&b.metas[i]))
			}
			v, err := fetch(gctx, id, callOpts...)
			if err != nil && !errors.Is(err, ErrNotFound) {
				b.fail(i, err)
				return err
			}
			b.got[i] = v
			return nil
		})
	}
	if g.Wait() != nil {
		if b.metas != nil {
			*b.cc.meta = b.metas[b.failed]
		}
		return b.err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if b.metas != nil {
		*b.cc.meta = b.metas[b.first[b.ids[len(b.ids)-1]]]
	}
	return nil
}

// fail records the first error.
func (b *batch[T]) fail(i int, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err, b.failed = err, i
	}
}

// results lists what was found, in input order, repeats included.
func (b *batch[T]) results() []*T {
	out := make([]*T, 0, len(b.ids))
	for _, id := range b.ids {
		if v := b.got[b.first[id]]; v != nil {
			out = append(out, v)
		}
	}
	return out
}
