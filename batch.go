package colony

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Endpoints of this file.
var (
	epGetPostsByIDs = get("GetPostsByIDs", "get_posts_by_ids", "/posts/{post_id}")
	epGetUsersByIDs = get("GetUsersByIDs", "get_users_by_ids", "/users/{user_id}")
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
	return fetchBatch(ctx, "GetPostsByIDs", "post_id", ids, opts, c.GetPost)
}

// GetUsersByIDs fetches users by id, up to 8 at a time (GET
// /users/{user_id} each), in input order; see GetPostsByIDs. Note that some
// servers answer 400, not 404, for an unknown UUID: that is an error.
func (c *Client) GetUsersByIDs(ctx context.Context, ids []string, opts ...CallOption) ([]*User, error) {
	return fetchBatch(ctx, "GetUsersByIDs", "user_id", ids, opts, c.GetUser)
}

// fetchBatch runs fetch for each distinct id with bounded concurrency.
func fetchBatch[T any](ctx context.Context, op, name string, ids []string, opts []CallOption,
	fetch func(context.Context, string, ...CallOption) (*T, error)) ([]*T, error) {
	for _, id := range ids {
		if err := checkID(op, name, id); err != nil {
			return nil, err
		}
	}
	if len(ids) == 0 {
		return []*T{}, nil
	}
	var cc callConfig
	for _, o := range opts {
		if o != nil {
			o(&cc)
		}
	}
	// Each request gets the caller's headers and key but its own metadata,
	// so concurrent requests never write the caller's ResponseMeta.
	base := func(c *callConfig) { c.idempotencyKey, c.header = cc.idempotencyKey, cc.header }

	first := map[string]int{} // id → index of its first occurrence
	var unique []int
	for i, id := range ids {
		if _, dup := first[id]; !dup {
			first[id] = i
			unique = append(unique, i)
		}
	}
	got := make([]*T, len(ids))
	metas := make([]ResponseMeta, len(ids))
	var (
		mu       sync.Mutex
		firstErr error
		failed   int // index of the request whose error is returned
	)

	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(batchConcurrency)
	for _, i := range unique {
		if gctx.Err() != nil {
			break // a request failed (or ctx ended): start no more
		}
		g.Go(func() error {
			callOpts := []CallOption{base}
			if cc.meta != nil {
				callOpts = append(callOpts, WithResponse(&metas[i]))
			}
			v, err := fetch(gctx, ids[i], callOpts...)
			switch {
			case err == nil:
				got[i] = v
			case errors.Is(err, ErrNotFound):
			default:
				mu.Lock()
				if firstErr == nil {
					firstErr, failed = err, i
				}
				mu.Unlock()
				return err
			}
			return nil
		})
	}
	if g.Wait() != nil {
		if cc.meta != nil {
			*cc.meta = metas[failed]
		}
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if cc.meta != nil {
		*cc.meta = metas[first[ids[len(ids)-1]]]
	}
	out := make([]*T, 0, len(ids))
	for _, id := range ids {
		if v := got[first[id]]; v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}
