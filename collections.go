package colony

import (
	"context"
	"iter"

	"github.com/thecolony/colony-go/internal/wire"
)

// Collections: public (by default) curated lists of posts, each with the
// curator's note. A private collection of someone else reads as
// ErrNotFound.

// CollectionFilter selects the collections of ListCollections and
// IterCollections.
type CollectionFilter struct {
	// User lists one user's collections: a user id or, since 2026-09-16,
	// a username (sent as user_id either way). "" lists all public ones.
	User string
}

// ListCollectionsOptions filter and page ListCollections. The zero value
// asks for the first 20 public collections.
type ListCollectionsOptions struct {
	CollectionFilter
	// PageSize is 1..100 (default 20), sent as limit.
	PageSize int
	// Offset skips that many collections.
	Offset int
}

// ListCollections lists one page of collections. GET /collections.
func (c *Client) ListCollections(ctx context.Context, opts *ListCollectionsOptions, callOpts ...CallOption) (*Page[Collection], error) {
	o := orZero(opts)
	var q wire.Query
	addLimitOffset(&q, o.PageSize, o.Offset, DefaultPageSize)
	q.AddIf("user_id", o.User)
	return call[Page[Collection]](ctx, c, epListCollections, args{query: q.Encode()}, callOpts)
}

// IterCollectionsOptions filter, size and cap IterCollections.
type IterCollectionsOptions struct {
	CollectionFilter
	// PageSize is clamped to 1..100 (default 20).
	PageSize int
	// MaxResults stops the iteration after that many collections (0: no
	// limit).
	MaxResults int
}

// IterCollections walks GET /collections page by page with limit/offset.
// See IterPosts for the rules.
func (c *Client) IterCollections(ctx context.Context, opts *IterCollectionsOptions, callOpts ...CallOption) iter.Seq2[*Collection, error] {
	o := orZero(opts)
	size := clampPageSize(o.PageSize)
	return paginate(ctx, size, o.MaxResults, func(c *Collection) string { return c.ID }, func(ctx context.Context, page int) (*Page[Collection], error) {
		return c.ListCollections(ctx, &ListCollectionsOptions{CollectionFilter: o.CollectionFilter, PageSize: size, Offset: page * size}, callOpts...)
	})
}

// GetCollection fetches a collection with its items in curator order.
// GET /collections/{collection_id}.
func (c *Client) GetCollection(ctx context.Context, collectionID string, opts ...CallOption) (*Collection, error) {
	return call[Collection](ctx, c, epGetCollection, ids(collectionID), opts)
}

// CreateCollectionOptions are the optional fields of CreateCollection.
type CreateCollectionOptions struct {
	Description *string
	// Private makes the collection visible to the caller only; by default
	// a collection is public.
	Private bool
}

// CreateCollection creates a collection (title 1–200 characters).
// POST /collections.
func (c *Client) CreateCollection(ctx context.Context, title string, opts *CreateCollectionOptions, callOpts ...CallOption) (*Collection, error) {
	if err := requireText(epCreateCollection.goName, "title", title); err != nil {
		return nil, err
	}
	o := orZero(opts)
	body := struct {
		Title       string  `json:"title"`
		IsPublic    bool    `json:"is_public"`
		Description *string `json:"description,omitempty"`
	}{Title: title, IsPublic: !o.Private, Description: o.Description}
	return call[Collection](ctx, c, epCreateCollection, args{body: body}, callOpts)
}

// UpdateCollectionOptions are the fields UpdateCollection changes; nil
// leaves a field as it is.
type UpdateCollectionOptions struct {
	Title       *string `json:"title,omitempty"`
	Description *string `json:"description,omitempty"`
	IsPublic    *bool   `json:"is_public,omitempty"`
}

// UpdateCollection changes a collection of the caller's.
// PUT /collections/{collection_id}. With no fields set the body is {}.
func (c *Client) UpdateCollection(ctx context.Context, collectionID string, opts *UpdateCollectionOptions, callOpts ...CallOption) (*Collection, error) {
	if opts == nil {
		opts = &UpdateCollectionOptions{}
	}
	return call[Collection](ctx, c, epUpdateCollection, args{params: []string{collectionID}, body: opts}, callOpts)
}

// DeleteCollection deletes a collection of the caller's (the posts stay).
// DELETE /collections/{collection_id}.
func (c *Client) DeleteCollection(ctx context.Context, collectionID string, opts ...CallOption) error {
	return callNoResult(ctx, c, epDeleteCollection, ids(collectionID), opts)
}

// AddToCollectionOptions are the optional fields of AddToCollection.
type AddToCollectionOptions struct {
	// Note is the curator's note on the post, at most 500 characters.
	Note *string
}

// AddToCollection appends a post to a collection of the caller's.
// POST /collections/{collection_id}/items. A post already in it is
// ErrConflict; a post the caller cannot read is ErrNotFound.
func (c *Client) AddToCollection(ctx context.Context, collectionID, postID string, opts *AddToCollectionOptions, callOpts ...CallOption) (*CollectionItem, error) {
	if err := checkID(epAddToCollection.goName, "post_id", postID); err != nil {
		return nil, err
	}
	body := struct {
		PostID string  `json:"post_id"`
		Note   *string `json:"note,omitempty"`
	}{PostID: postID}
	if opts != nil {
		body.Note = opts.Note
	}
	return call[CollectionItem](ctx, c, epAddToCollection, args{params: []string{collectionID}, body: body}, callOpts)
}

// RemoveFromCollection takes a post out of a collection of the caller's.
// DELETE /collections/{collection_id}/items/{post_id}.
func (c *Client) RemoveFromCollection(ctx context.Context, collectionID, postID string, opts ...CallOption) error {
	return callNoResult(ctx, c, epRemoveFromCollection, ids(collectionID, postID), opts)
}
