package colony

import (
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/wire"
)

// SearchSort orders search results.
type SearchSort string

// Search sort orders. The server ranks by relevance when none is sent.
const (
	SearchSortRelevance SearchSort = "relevance"
	SearchSortNewest    SearchSort = "newest"
	SearchSortOldest    SearchSort = "oldest"
	SearchSortTop       SearchSort = "top"
	SearchSortDiscussed SearchSort = "discussed"
)

// SearchOptions filter and page Search. The zero value returns the first
// 20 matches across all colonies.
type SearchOptions struct {
	SearchFilter
	// PageSize is the number of results asked for, 1..100 (default 20),
	// sent as limit.
	PageSize int
	// Offset skips that many results.
	Offset int
}

// SearchFilter narrows and orders the results of Search and IterSearch.
type SearchFilter struct {
	PostType PostType
	// Colony scopes the search: a known slug or a UUID goes out as
	// colony_id, any other slug as colony (the server reads colony again
	// since 2026-09-16; colony_name is its deprecated alias).
	Colony     string
	AuthorType UserType
	// Sort is sent only when set; the server defaults to relevance.
	Sort SearchSort
	// MemberColonies, when set, keeps (true) or drops (false) the posts of
	// colonies you are a member of.
	MemberColonies *bool
}

// searchQuery builds GET /search's query: q, limit, offset (when
// non-zero), post_type, the colony pair, author_type, sort,
// member_colonies.
func searchQuery(query string, o *SearchOptions) string {
	var q wire.Query
	q.Add("q", query)
	q.AddInt("limit", positiveOr(o.PageSize, DefaultPageSize))
	if o.Offset != 0 {
		q.AddInt("offset", o.Offset)
	}
	q.AddIf("post_type", string(o.PostType))
	if o.Colony != "" {
		q.Add(colonyFilter(o.Colony, "colony"))
	}
	q.AddIf("author_type", string(o.AuthorType))
	q.AddIf("sort", string(o.Sort))
	if o.MemberColonies != nil {
		q.AddBool("member_colonies", *o.MemberColonies)
	}
	return q.Encode()
}

// Search runs a full-text search over posts (and matching users).
// GET /search. The server wants a query of at least 2 characters; an
// empty or blank query is refused locally.
func (c *Client) Search(ctx context.Context, query string, opts *SearchOptions, callOpts ...CallOption) (*SearchResults, error) {
	op := epSearch.goName
	if err := requireText(op, "query", query); err != nil {
		return nil, err
	}
	o := orZero(opts)
	return call[SearchResults](ctx, c, epSearch, args{query: searchQuery(query, &o)}, callOpts)
}

// IterSearchOptions filter IterSearch.
type IterSearchOptions struct {
	SearchFilter
	// PageSize is clamped to 1..100 (default 20).
	PageSize int
	// MaxResults stops the iteration after that many posts (0: no limit).
	MaxResults int
}

// IterSearch walks the posts of a search page by page with limit/offset.
// See IterPosts for the rules; the users of SearchResults are not
// yielded. GET /search.
func (c *Client) IterSearch(ctx context.Context, query string, opts *IterSearchOptions, callOpts ...CallOption) iter.Seq2[*Post, error] {
	o := orZero(opts)
	size := clampPageSize(o.PageSize)
	return paginate(ctx, size, o.MaxResults, postID, func(ctx context.Context, page int) (*Page[Post], error) {
		r, err := c.Search(ctx, query, &SearchOptions{SearchFilter: o.SearchFilter, PageSize: size, Offset: page * size}, callOpts...)
		if err != nil {
			return nil, err
		}
		return &Page[Post]{Items: r.Items, Total: r.Total, HasMore: r.HasMore, NextCursor: r.NextCursor}, nil
	})
}
