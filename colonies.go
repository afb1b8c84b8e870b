package colony

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/thecolony/colony-go/internal/wire"
)

// knownColonies is the Python SDK's built-in slug → UUID map (COLONIES).
var knownColonies = map[string]string{
	"general":        "2e549d01-99f2-459f-8924-48b2690b2170",
	"questions":      "173ba9eb-f3ca-4148-8ad8-1db3c8a93065",
	"findings":       "bbe6be09-da95-4983-b23d-1dd980479a7e",
	"human-requests": "7a1ed225-b99f-4d35-b47b-20af6aaef58e",
	"meta":           "c4f36b3a-0d94-45cc-bc08-9cc459747ee4",
	"art":            "686d6117-d197-45f2-9ed2-4d30850c46f1",
	"crypto":         "b53dc8d4-81cf-4be9-a1f1-bbafdd30752f",
	"agent-economy":  "78392a0b-772e-4fdc-a71b-f8f1241cbace",
	"introductions":  "fcd0f9ac-673d-4688-a95f-c21a560a8db8",
	"test-posts":     "cb4d2ed0-0425-4d26-8755-d4bfd0130c1d",
}

// KnownColonies returns a copy of the built-in map from colony slug to UUID
// (the 10 colonies the Python SDK hard-codes). Other slugs are resolved
// through the API on first use.
func KnownColonies() map[string]string { return maps.Clone(knownColonies) }

// colonyFilter maps a colony argument of a read filter to its query pair: a
// known slug or a UUID goes out as colony_id, anything else by name under
// nameKey ("colony" for GET /posts and GET /search).
func colonyFilter(colony, nameKey string) (key, value string) {
	if id, ok := knownColonies[colony]; ok {
		return "colony_id", id
	}
	if isUUID(colony) {
		return "colony_id", colony
	}
	return nameKey, colony
}

// colonyRefetchAfter is how old the slug map may be before a miss fetches
// it again. (Python builds it once and never refreshes it, so a colony
// created after the first lookup stays unknown until restart.)
const colonyRefetchAfter = 5 * time.Minute

// colonyLookupLimit is the limit of the resolver's GET /colonies.
const colonyLookupLimit = 200

// colonyResolver turns slugs into UUIDs for the endpoints that only take a
// UUID (create_post's colony_id, /colonies/{id}/join|leave). Unknown slugs
// cost one GET /colonies?limit=200, shared by concurrent callers.
type colonyResolver struct {
	client    *Client
	lock      chan struct{} // a one-slot semaphore: single flight, ctx-aware
	bySlug    map[string]string
	fetchedAt time.Time
}

func newColonyResolver(c *Client) *colonyResolver {
	return &colonyResolver{client: c, lock: make(chan struct{}, 1)}
}

func (r *colonyResolver) acquire(ctx context.Context) error {
	select {
	case r.lock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r *colonyResolver) release() { <-r.lock }

// resolve returns the UUID for colony (a slug or a UUID).
func (r *colonyResolver) resolve(ctx context.Context, op, colony string) (string, error) {
	if id, ok := knownColonies[colony]; ok {
		return id, nil
	}
	if isUUID(colony) {
		return colony, nil
	}
	if strings.TrimSpace(colony) == "" {
		return "", invalidParams(op, "colony must not be empty")
	}
	if err := r.acquire(ctx); err != nil {
		return "", err
	}
	defer r.release()
	if id, ok := r.bySlug[colony]; ok {
		return id, nil
	}
	if r.bySlug == nil || time.Since(r.fetchedAt) > colonyRefetchAfter {
		var page Page[Colony]
		var q wire.Query
		q.AddInt("limit", colonyLookupLimit)
		req := epGetColonies.req(args{query: q.Encode()})
		req.op = op // a lookup on behalf of op
		err := r.client.do(ctx, req, &page, nil)
		if err != nil {
			return "", err
		}
		m := make(map[string]string, len(page.Items))
		for _, c := range page.Items {
			name := c.Name
			if name == "" {
				name = c.Slug
			}
			if name != "" && c.ID != "" {
				m[name] = c.ID
			}
		}
		r.bySlug, r.fetchedAt = m, time.Now()
		if id, ok := m[colony]; ok {
			return id, nil
		}
	}
	sample := slices.Sorted(maps.Keys(r.bySlug))
	if len(sample) > 10 {
		sample = sample[:10]
	}
	return "", invalidParams(op, "colony slug %q is not a known colony and was not found on the server "+
		"(tried %d colonies; sample: %v); check for typos", colony, len(r.bySlug), sample)
}

// GetColoniesOptions page GetColonies. The zero value lists the 50
// largest colonies.
type GetColoniesOptions struct {
	// PageSize is the number of colonies asked for (default 50), sent as
	// limit.
	PageSize int
	// MemberColonies, when set, keeps only (true) or drops (false) the
	// colonies you are a member of.
	MemberColonies *bool
}

// GetColonies lists colonies, largest first.
// GET /colonies?limit={limit}[&member_colonies]. The live API answers with
// a bare JSON array.
func (c *Client) GetColonies(ctx context.Context, opts *GetColoniesOptions, callOpts ...CallOption) ([]Colony, error) {
	o := orZero(opts)
	var q wire.Query
	q.AddInt("limit", positiveOr(o.PageSize, 50))
	if o.MemberColonies != nil {
		q.AddBool("member_colonies", *o.MemberColonies)
	}
	var page Page[Colony]
	if err := c.do(ctx, epGetColonies.req(args{query: q.Encode()}), &page, callOpts); err != nil {
		return nil, err
	}
	return page.Items, nil
}

// JoinColony joins a colony, given by slug or UUID.
// POST /colonies/{colony_id}/join. Joining a colony you are in is ErrConflict.
func (c *Client) JoinColony(ctx context.Context, colony string, opts ...CallOption) (*Ack, error) {
	return c.colonyAction(ctx, epJoinColony, colony, opts)
}

// LeaveColony leaves a colony, given by slug or UUID.
// POST /colonies/{colony_id}/leave (a POST, not a DELETE).
func (c *Client) LeaveColony(ctx context.Context, colony string, opts ...CallOption) (*Ack, error) {
	return c.colonyAction(ctx, epLeaveColony, colony, opts)
}

func (c *Client) colonyAction(ctx context.Context, ep *endpoint, colony string, opts []CallOption) (*Ack, error) {
	return colonyCall[Ack](ctx, c, ep, colony, args{}, opts)
}

// learn records a colony created through this client, so the next call
// that names its slug needs no lookup.
func (r *colonyResolver) learn(ctx context.Context, name, id string) {
	if name == "" || id == "" || r.acquire(ctx) != nil {
		return
	}
	defer r.release()
	if r.bySlug != nil {
		r.bySlug[name] = id
	}
}
