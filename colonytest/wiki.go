package colonytest

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Wiki rules of the live API.
const (
	wikiMaxContent  = 200000
	wikiMaxCategory = 100
	wikiMaxSlug     = 200
	wikiDeletesHour = 5
)

type wikiPage struct {
	Colony    string // colony name; "" for the site-wide wiki
	Slug      string
	Title     string
	Content   string
	Category  string
	Locked    bool
	Deleted   bool
	CreatedBy string
	UpdatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
	revisions []*wikiRevision // oldest first
}

type wikiRevision struct {
	ID        string
	Title     string
	Content   string
	Summary   string
	AuthorID  string
	CreatedAt time.Time
}

func wikiKey(colony, slug string) string { return colony + "/" + slug }

func (s *Server) registerWiki() {
	s.route("GET /wiki", s.handleListWiki)
	s.route("POST /wiki", s.handleCreateWiki)
	s.route("GET /wiki/{slug}", s.handleGetWiki)
	s.route("PUT /wiki/{slug}", s.handleUpdateWiki)
	s.route("DELETE /wiki/{slug}", s.handleDeleteWiki)
	s.route("GET /wiki/{slug}/history", s.handleWikiHistory)
	s.route("GET /wiki/{slug}/revision/{revision_id}", s.handleWikiRevision)
}

// wikiColony reads the colony name of the query (or body): "" is the
// site-wide wiki, an unknown name (a UUID included: names only) is 404.
func (s *Server) wikiColony(w http.ResponseWriter, name string) (string, bool) {
	if name == "" {
		return "", true
	}
	if s.colonyByName(name) == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Colony not found")
		return "", false
	}
	return name, true
}

// livePage resolves {slug} and ?colony=, answering 404.
func (s *Server) livePage(w http.ResponseWriter, r *http.Request) (*wikiPage, bool) {
	colony, ok := s.wikiColony(w, r.URL.Query().Get("colony"))
	if !ok {
		return nil, false
	}
	return found(w, s.x.wiki, wikiKey(colony, r.PathValue("slug")), "Wiki page", func(pg *wikiPage) bool { return !pg.Deleted })
}

func (s *Server) personRef(id string) any {
	if u := s.users[id]; u != nil {
		return u.summary()
	}
	return nil
}

func (s *Server) wikiOut(pg *wikiPage, withContent bool) map[string]any {
	m := map[string]any{"slug": pg.Slug, "title": pg.Title, "category": nilIfEmpty(pg.Category),
		"colony_name": nilIfEmpty(pg.Colony), "colony": nilIfEmpty(pg.Colony),
		"created_by": s.personRef(pg.CreatedBy), "updated_by": s.personRef(pg.UpdatedBy), "is_locked": pg.Locked,
		"revision_count": len(pg.revisions), "created_at": ts(pg.CreatedAt), "updated_at": ts(pg.UpdatedAt)}
	if withContent {
		m["content"] = pg.Content
	}
	return m
}

func (s *Server) revisionOut(rev *wikiRevision, withContent bool) map[string]any {
	m := map[string]any{"id": rev.ID, "title": rev.Title, "summary": nilIfEmpty(rev.Summary),
		"author": s.personRef(rev.AuthorID), "created_at": ts(rev.CreatedAt)}
	if withContent {
		m["content"] = rev.Content
	}
	return m
}

func (s *Server) handleListWiki(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	q := r.URL.Query()
	colony, ok := s.wikiColony(w, q.Get("colony"))
	if !ok {
		return
	}
	search := q.Get("q")
	if q.Has("q") && (utf8.RuneCountInString(search) < 2 || utf8.RuneCountInString(search) > 200) {
		validationError(w, []string{"query", "q"}, "q must be 2 to 200 characters")
		return
	}
	var out []*wikiPage
	for _, pg := range s.x.wiki {
		switch {
		case pg.Deleted, pg.Colony != colony:
		case q.Get("category") != "" && pg.Category != q.Get("category"):
		case search != "" && !strings.Contains(strings.ToLower(pg.Title+"\n"+pg.Content), strings.ToLower(search)):
		default:
			out = append(out, pg)
		}
	}
	slices.SortFunc(out, func(a, b *wikiPage) int { return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.Slug, b.Slug)) })
	writeJSON(w, http.StatusOK, page(out, offset, limit, func(pg *wikiPage) any { return s.wikiOut(pg, false) }))
}

func (s *Server) handleCreateWiki(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Slug     string  `json:"slug"`
		Title    string  `json:"title"`
		Content  string  `json:"content"`
		Category *string `json:"category"`
		Summary  string  `json:"summary"`
		Colony   string  `json:"colony"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !s.validWikiFields(w, in.Slug, &in.Title, &in.Content, in.Category) {
		return
	}
	colony, ok := s.wikiColony(w, in.Colony)
	if !ok {
		return
	}
	key := wikiKey(colony, in.Slug)
	if s.x.wiki[key] != nil || (colony == "" && s.usersByName[strings.ToLower(in.Slug)] != nil) {
		writeError(w, http.StatusConflict, "SLUG_TAKEN", "That slug is taken")
		return
	}
	now := s.now()
	pg := &wikiPage{Colony: colony, Slug: in.Slug, Title: in.Title, Content: in.Content, CreatedBy: u.ID, UpdatedBy: u.ID, CreatedAt: now, UpdatedAt: now}
	patch(&pg.Category, in.Category)
	pg.revisions = []*wikiRevision{{ID: newID(), Title: pg.Title, Content: pg.Content, Summary: in.Summary, AuthorID: u.ID, CreatedAt: now}}
	s.x.wiki[key] = pg
	writeJSON(w, http.StatusOK, s.wikiOut(pg, true))
}

// validWikiFields checks what the server validates on create and update
// (slug "" when it is not part of the request).
func (s *Server) validWikiFields(w http.ResponseWriter, slug string, title, content, category *string) bool {
	switch {
	case slug != "" && (!slugShape.MatchString(slug) || len(slug) > wikiMaxSlug):
		validationError(w, []string{"body", "slug"}, "slug must be lowercase words joined by hyphens, at most 200 characters")
		return false
	case title != nil && !checkText(w, "title", *title, 300):
		return false
	}
	return checkLengths(w, atMost("body", "content", content, wikiMaxContent), atMost("body", "category", category, wikiMaxCategory))
}

func (s *Server) handleGetWiki(w http.ResponseWriter, r *http.Request, u *user) {
	if pg, ok := s.livePage(w, r); ok {
		writeJSON(w, http.StatusOK, s.wikiOut(pg, true))
	}
}

func (s *Server) handleUpdateWiki(w http.ResponseWriter, r *http.Request, u *user) {
	pg, ok := s.livePage(w, r)
	if !ok {
		return
	}
	var in struct {
		Title        *string `json:"title"`
		Content      *string `json:"content"`
		Category     *string `json:"category"`
		Summary      string  `json:"summary"`
		BaseRevision *int    `json:"base_revision"`
	}
	if !decodeBody(w, r, &in) || !s.validWikiFields(w, "", in.Title, in.Content, in.Category) {
		return
	}
	if pg.Locked {
		writeError(w, http.StatusForbidden, "PAGE_LOCKED", "This page is locked")
		return
	}
	if in.BaseRevision != nil && *in.BaseRevision != len(pg.revisions) {
		writeError(w, http.StatusConflict, "EDIT_CONFLICT",
			fmt.Sprintf("The page was edited since revision %d (it is at revision %d); re-read it and merge", *in.BaseRevision, len(pg.revisions)))
		return
	}
	patch(&pg.Title, in.Title)
	patch(&pg.Content, in.Content)
	patch(&pg.Category, in.Category)
	now := s.now()
	pg.UpdatedBy, pg.UpdatedAt = u.ID, now
	pg.revisions = append(pg.revisions, &wikiRevision{ID: newID(), Title: pg.Title, Content: pg.Content, Summary: in.Summary, AuthorID: u.ID, CreatedAt: now})
	writeJSON(w, http.StatusOK, s.wikiOut(pg, true))
}

func (s *Server) handleDeleteWiki(w http.ResponseWriter, r *http.Request, u *user) {
	pg, ok := s.livePage(w, r)
	if !ok {
		return
	}
	soleAuthor := true
	for _, rev := range pg.revisions {
		soleAuthor = soleAuthor && rev.AuthorID == pg.CreatedBy
	}
	if u.TeamRole != "admin" && !(pg.CreatedBy == u.ID && soleAuthor) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only an admin, a moderator, or the author of an unedited page can delete it")
		return
	}
	pg.Deleted = true // the slug stays taken
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleWikiHistory(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	pg, ok := s.livePage(w, r)
	if !ok {
		return
	}
	out := []any{}
	for i := len(pg.revisions) - 1 - offset; i >= 0 && len(out) < limit; i-- {
		out = append(out, s.revisionOut(pg.revisions[i], false))
	}
	writeJSON(w, http.StatusOK, out) // a bare array, newest first
}

func (s *Server) handleWikiRevision(w http.ResponseWriter, r *http.Request, u *user) {
	pg, ok := s.livePage(w, r)
	if !ok {
		return
	}
	for _, rev := range pg.revisions {
		if rev.ID == r.PathValue("revision_id") {
			writeJSON(w, http.StatusOK, s.revisionOut(rev, true))
			return
		}
	}
	writeError(w, http.StatusNotFound, "NOT_FOUND", "Revision not found")
}
