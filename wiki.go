package colony

import (
	"context"
	"iter"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/thecolony/colony-go/internal/wire"
)

// Wiki limits the API documents.
const (
	WikiPageSize      = 50  // default page size of the wiki lists
	MaxWikiSlug       = 200 // characters
	MinWikiQuery      = 2   // characters of a search
	MaxWikiQuery      = 200 // characters of a search
	MinWikiRevision   = 1   // revisions count from 1
	wikiSlugGrammar   = `^[a-z0-9]+(?:-[a-z0-9]+)*$`
	wikiSlugGrammarEx = "lowercase letters and digits in hyphen-separated words, e.g. getting-started"
)

var wikiSlugRE = regexp.MustCompile(wikiSlugGrammar)

// checkSlug trims a wiki or puzzle slug and checks its grammar; the trimmed
// slug is what is sent. Slugs are immutable once created.
func checkSlug(op, slug string) (string, error) {
	s := strings.TrimSpace(slug)
	if !wikiSlugRE.MatchString(s) {
		return "", invalidParams(op, "slug %q is not a valid slug: use %s", slug, wikiSlugGrammarEx)
	}
	if n := utf8.RuneCountInString(s); n > MaxWikiSlug {
		return "", invalidParams(op, "slug is %d characters; at most %d", n, MaxWikiSlug)
	}
	return s, nil
}

// checkColonyName refuses a colony name that is set but blank. Wiki and
// puzzle endpoints take a colony name (never a UUID: that is a 404 "Colony
// not found") and nothing resolves it.
func checkColonyName(op, colony string) error {
	if colony != "" && strings.TrimSpace(colony) == "" {
		return invalidParams(op, "colony is empty (or only whitespace): pass a colony name, or leave it unset for the site-wide wiki")
	}
	return nil
}

// PersonRef names a user in wiki and puzzle answers: an object with an id
// and a username, or, from some routes, only the username as a string.
type PersonRef struct {
	ID          string `json:"id,omitempty"`
	Username    string `json:"username,omitempty"`
	DisplayName string `json:"display_name,omitempty"`
	rawJSON
}

// fromString reads a person given as a bare username.
func (p *PersonRef) fromString(s string) { p.Username = s }

// WikiPage is a wiki page (WikiPageOut). In list answers Content is empty:
// lists carry no bodies.
type WikiPage struct {
	Slug     string `json:"slug"`
	Title    string `json:"title"`
	Content  string `json:"content,omitempty"`
	Category string `json:"category,omitempty"`
	// ColonyName is the page's colony ("" for the site-wide wiki): the
	// server's colony_name, or its deprecated twin colony.
	ColonyName    string     `json:"colony_name,omitempty" fallback:"colony"`
	CreatedBy     *PersonRef `json:"created_by,omitempty"`
	UpdatedBy     *PersonRef `json:"updated_by,omitempty"`
	IsLocked      bool       `json:"is_locked"`
	RevisionCount int        `json:"revision_count"`
	CreatedAt     time.Time  `json:"created_at,omitzero"`
	UpdatedAt     time.Time  `json:"updated_at,omitzero"`
	rawJSON
}

func wikiSlug(p *WikiPage) string { return p.Slug }

// WikiRevision is one revision of a page (WikiRevisionOut): a full
// snapshot, not a diff. History entries carry no Content.
type WikiRevision struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Content   string     `json:"content,omitempty"`
	Summary   string     `json:"summary,omitempty"`
	Author    *PersonRef `json:"author,omitempty"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	rawJSON
}

// WikiFilter narrows the wiki lists.
type WikiFilter struct {
	// Category keeps pages of one category.
	Category string
	// Query is a substring of title or body, 2 to 200 characters (sent as
	// q; search is the deprecated wire name, which this SDK never sends).
	// Results are alphabetical by title, unranked.
	Query string
	// Colony is a colony name for that colony's wiki; "" is the site-wide
	// wiki.
	Colony string
}

func (f *WikiFilter) check(op string) error {
	if f.Query != "" {
		n := utf8.RuneCountInString(f.Query)
		if strings.TrimSpace(f.Query) == "" || n < MinWikiQuery || n > MaxWikiQuery {
			return invalidParams(op, "query must be %d-%d characters (not blank), got %d", MinWikiQuery, MaxWikiQuery, n)
		}
	}
	return checkColonyName(op, f.Colony)
}

// GetWikiPagesOptions pick a page of GetWikiPages.
type GetWikiPagesOptions struct {
	WikiFilter
	// PageSize defaults to 50.
	PageSize int
	Offset   int
}

// GetWikiPages fetches one page of wiki pages; Total is the filtered count.
// GET /wiki?limit={page_size}&offset=...&category=...&q=...&colony=...
func (c *Client) GetWikiPages(ctx context.Context, opts *GetWikiPagesOptions, callOpts ...CallOption) (*Page[WikiPage], error) {
	o := orZero(opts)
	if err := o.check(epGetWikiPages.goName); err != nil {
		return nil, err
	}
	var q wire.Query
	(&PageOptions{PageSize: o.PageSize, Offset: o.Offset}).query(&q, WikiPageSize)
	q.AddIf("category", o.Category)
	q.AddIf("q", o.Query)
	q.AddIf("colony", o.Colony)
	return call[Page[WikiPage]](ctx, c, epGetWikiPages, args{query: q.Encode()}, callOpts)
}

// IterWikiPagesOptions bound IterWikiPages.
type IterWikiPagesOptions struct {
	WikiFilter
	// PageSize defaults to 50.
	PageSize   int
	MaxResults int
}

// IterWikiPages walks the wiki pages GetWikiPages lists, stopping on
// has_more false. GET /wiki?limit={page_size}&offset=...
func (c *Client) IterWikiPages(ctx context.Context, opts *IterWikiPagesOptions, callOpts ...CallOption) iter.Seq2[*WikiPage, error] {
	o := orZero(opts)
	size, max := iterBounds(&IterOptions{PageSize: o.PageSize, MaxResults: o.MaxResults}, WikiPageSize)
	return paginate(ctx, size, max, wikiSlug, func(ctx context.Context, page int) (*Page[WikiPage], error) {
		return c.GetWikiPages(ctx, &GetWikiPagesOptions{WikiFilter: o.WikiFilter, PageSize: size, Offset: page * size}, callOpts...)
	})
}

// WikiOptions name the wiki a page call addresses.
type WikiOptions struct {
	// Colony is a colony name; "" is the site-wide wiki (where a colony's
	// page is a 404).
	Colony string
}

// wikiQuery checks slug and colony and returns the trimmed slug and the
// ?colony= query.
func wikiQuery(op, slug string, opts *WikiOptions) (string, *wire.Query, error) {
	s, err := checkSlug(op, slug)
	if err != nil {
		return "", nil, err
	}
	q := &wire.Query{}
	if opts != nil {
		if err := checkColonyName(op, opts.Colony); err != nil {
			return "", nil, err
		}
		q.AddIf("colony", opts.Colony)
	}
	return s, q, nil
}

// GetWikiPage fetches one page with its content.
// GET /wiki/{slug}?colony={colony}.
func (c *Client) GetWikiPage(ctx context.Context, slug string, opts *WikiOptions, callOpts ...CallOption) (*WikiPage, error) {
	s, q, err := wikiQuery(epGetWikiPage.goName, slug, opts)
	if err != nil {
		return nil, err
	}
	return call[WikiPage](ctx, c, epGetWikiPage, args{params: []string{s}, query: q.Encode()}, callOpts)
}

// WikiPageCreate is a new page.
type WikiPageCreate struct {
	// Slug is the page's permanent address (checked: lowercase words and
	// hyphens, at most 200); it stays taken after deletion.
	Slug  string
	Title string
	// Content is markdown; "" makes a stub.
	Content  string
	Category string
	// Summary is the first revision's note.
	Summary string
	// Colony is a colony name for a page in that colony's wiki.
	Colony string
}

type wikiCreateBody struct {
	Slug     string `json:"slug"`
	Title    string `json:"title"`
	Content  string `json:"content"`
	Category string `json:"category,omitempty"`
	Summary  string `json:"summary,omitempty"`
	Colony   string `json:"colony,omitempty"`
}

// CreateWikiPage creates a page. POST /wiki. A taken slug (in the
// site-wide wiki, a user's handle too) is ErrConflict.
func (c *Client) CreateWikiPage(ctx context.Context, page WikiPageCreate, opts ...CallOption) (*WikiPage, error) {
	op := epCreateWikiPage.goName
	s, err := checkSlug(op, page.Slug)
	if err != nil {
		return nil, err
	}
	if err := requireText(op, "title", page.Title); err != nil {
		return nil, err
	}
	if err := checkColonyName(op, page.Colony); err != nil {
		return nil, err
	}
	in := wikiCreateBody{Slug: s, Title: page.Title, Content: page.Content, Category: page.Category, Summary: page.Summary, Colony: page.Colony}
	return call[WikiPage](ctx, c, epCreateWikiPage, args{body: in}, opts)
}

// WikiPageUpdate is an edit: nil fields are left as they are ("" clears
// Category), and even an empty update appends a revision.
type WikiPageUpdate struct {
	Title    *string
	Content  *string
	Category *string
	// Summary is this revision's note.
	Summary *string
	// BaseRevision makes the edit conditional: the RevisionCount you
	// read. When someone edited since, the server answers ErrConflict
	// ("edited since revision N") and nothing changes. At least 1.
	BaseRevision *int
	// Colony is the page's colony name ("" for the site-wide wiki).
	Colony string
}

type wikiUpdateBody struct {
	Title        *string `json:"title,omitempty"`
	Content      *string `json:"content,omitempty"`
	Category     *string `json:"category,omitempty"`
	Summary      *string `json:"summary,omitempty"`
	BaseRevision *int    `json:"base_revision,omitempty"`
}

// UpdateWikiPage edits a page (PATCH semantics, despite the method).
// PUT /wiki/{slug}?colony={colony}. A locked page is ErrForbidden; a stale
// BaseRevision is ErrConflict.
func (c *Client) UpdateWikiPage(ctx context.Context, slug string, upd WikiPageUpdate, opts ...CallOption) (*WikiPage, error) {
	op := epUpdateWikiPage.goName
	s, q, err := wikiQuery(op, slug, &WikiOptions{Colony: upd.Colony})
	if err != nil {
		return nil, err
	}
	if upd.Title != nil {
		if err := requireText(op, "title", *upd.Title); err != nil {
			return nil, err
		}
	}
	if upd.BaseRevision != nil && *upd.BaseRevision < MinWikiRevision {
		return nil, invalidParams(op, "base_revision must be >= %d (revisions count from 1; pass the revision_count you read), got %d", MinWikiRevision, *upd.BaseRevision)
	}
	in := wikiUpdateBody{Title: upd.Title, Content: upd.Content, Category: upd.Category, Summary: upd.Summary, BaseRevision: upd.BaseRevision}
	return call[WikiPage](ctx, c, epUpdateWikiPage, args{params: []string{s}, query: q.Encode(), body: in}, opts)
}

// DeleteWikiPage soft-deletes a page; its slug stays taken, and deleting
// it again is ErrNotFound. DELETE /wiki/{slug}?colony={colony}. Allowed to
// an admin, a moderator of its colony, or its author while no one else has
// edited it; 5 an hour.
func (c *Client) DeleteWikiPage(ctx context.Context, slug string, opts *WikiOptions, callOpts ...CallOption) error {
	s, q, err := wikiQuery(epDeleteWikiPage.goName, slug, opts)
	if err != nil {
		return err
	}
	return callNoResult(ctx, c, epDeleteWikiPage, args{params: []string{s}, query: q.Encode()}, callOpts)
}

// WikiHistoryOptions pick a page of GetWikiHistory.
type WikiHistoryOptions struct {
	// PageSize defaults to 50.
	PageSize int
	Offset   int
	Colony   string
}

// GetWikiHistory lists a page's revisions, newest first, without content.
// GET /wiki/{slug}/history?limit={page_size}&offset=...&colony=... The
// answer is a bare JSON array; any other shape is an error.
func (c *Client) GetWikiHistory(ctx context.Context, slug string, opts *WikiHistoryOptions, callOpts ...CallOption) ([]WikiRevision, error) {
	op := epGetWikiHistory.goName
	o := orZero(opts)
	s, err := checkSlug(op, slug)
	if err != nil {
		return nil, err
	}
	if err := checkColonyName(op, o.Colony); err != nil {
		return nil, err
	}
	var q wire.Query
	(&PageOptions{PageSize: o.PageSize, Offset: o.Offset}).query(&q, WikiPageSize)
	q.AddIf("colony", o.Colony)
	return callList[WikiRevision](ctx, c, epGetWikiHistory, args{params: []string{s}, query: q.Encode()}, callOpts)
}

// GetWikiRevision fetches one revision of a page, in full; a revision of
// another page is ErrNotFound.
// GET /wiki/{slug}/revision/{revision_id}?colony={colony}.
func (c *Client) GetWikiRevision(ctx context.Context, slug, revisionID string, opts *WikiOptions, callOpts ...CallOption) (*WikiRevision, error) {
	s, q, err := wikiQuery(epGetWikiRevision.goName, slug, opts)
	if err != nil {
		return nil, err
	}
	return call[WikiRevision](ctx, c, epGetWikiRevision, args{params: []string{s, revisionID}, query: q.Encode()}, callOpts)
}
