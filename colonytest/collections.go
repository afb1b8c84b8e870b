package colonytest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Collections: curated post lists with notes, public by default, items in
// the order they were added.

type collectionRec struct {
	ID          string
	OwnerID     string
	Title       string
	Description *string
	IsPublic    bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
	items       []*collItem
}

type collItem struct {
	postID string
	note   *string
	at     time.Time
}

func (s *Server) registerCollections() {
	s.readRoute("GET /collections", s.handleListCollections)
	s.readRoute("GET /collections/{collection_id}", s.handleGetCollection)
	s.route("POST /collections", s.handleCreateCollection)
	s.route("PUT /collections/{collection_id}", s.handleUpdateCollection)
	s.route("DELETE /collections/{collection_id}", s.handleDeleteCollection)
	s.route("POST /collections/{collection_id}/items", s.handleAddCollectionItem)
	s.route("DELETE /collections/{collection_id}/items/{post_id}", s.handleRemoveCollectionItem)
}

func (c *collectionRec) visibleTo(u *user) bool { return c.IsPublic || (u != nil && u.ID == c.OwnerID) }

func (s *Server) collectionOut(c *collectionRec) map[string]any {
	return map[string]any{"id": c.ID, "title": c.Title, "description": strOrNil(c.Description), "is_public": c.IsPublic,
		"item_count": len(c.items), "user_id": c.OwnerID, "created_at": ts(c.CreatedAt), "updated_at": ts(c.UpdatedAt)}
}

func strOrNil(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func itemOut(it *collItem, pos int) map[string]any {
	return map[string]any{"post_id": it.postID, "note": strOrNil(it.note), "position": pos, "added_at": ts(it.at)}
}

// collectionArg resolves {collection_id} as u sees it: a private one of
// someone else reads as 404; with own set, one u does not own is 403.
func (s *Server) collectionArg(w http.ResponseWriter, r *http.Request, u *user, own bool) (*collectionRec, bool) {
	c, ok := byPathID(w, r, "collection_id", s.soc.collections, "Collection", func(c *collectionRec) bool { return c.visibleTo(u) })
	if !ok {
		return nil, false
	}
	if own && c.OwnerID != u.ID {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "You can only change your own collections")
		return nil, false
	}
	return c, true
}

// handleListCollections lists public collections (and the caller's own
// private ones), newest first; user_id takes a user id or a username.
func (s *Server) handleListCollections(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	owner := ""
	if ref := r.URL.Query().Get("user_id"); ref != "" {
		t := s.users[strings.ToLower(ref)]
		if t == nil {
			t = s.recipientByName(ref)
		}
		if t == nil {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
			return
		}
		owner = t.ID
	}
	var list []*collectionRec
	for i := len(s.soc.collOrder) - 1; i >= 0; i-- {
		c := s.soc.collOrder[i]
		if c.visibleTo(u) && (owner == "" || c.OwnerID == owner) {
			list = append(list, c)
		}
	}
	env := page(list, offset, limit, func(c *collectionRec) any { return s.collectionOut(c) })
	delete(env, "next_cursor")
	writeJSON(w, http.StatusOK, env)
}

func (s *Server) handleGetCollection(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.collectionArg(w, r, u, false)
	if !ok {
		return
	}
	out := s.collectionOut(c)
	items := []any{}
	for _, it := range c.items {
		p := s.posts[it.postID]
		if p == nil || p.Deleted {
			continue
		}
		m := itemOut(it, len(items))
		m["post"] = s.postOut(p)
		items = append(items, m)
	}
	out["items"] = items
	writeJSON(w, http.StatusOK, out)
}

// checkCollectionText enforces the title (1–200) and description (≤1000)
// lengths.
func checkCollectionText(w http.ResponseWriter, title, description *string) bool {
	return checkLengths(w, oneTo("body", "title", title, 200), atMost("body", "description", description, 1000))
}

func (s *Server) handleCreateCollection(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Title       *string `json:"title"`
		Description *string `json:"description"`
		IsPublic    *bool   `json:"is_public"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Title == nil {
		validationError(w, []string{"body", "title"}, "Field required")
		return
	}
	if !checkCollectionText(w, in.Title, in.Description) {
		return
	}
	now := s.now()
	c := &collectionRec{ID: newID(), OwnerID: u.ID, Title: *in.Title, Description: in.Description, IsPublic: true,
		CreatedAt: now, UpdatedAt: now}
	patch(&c.IsPublic, in.IsPublic)
	s.soc.collections[c.ID] = c
	s.soc.collOrder = append(s.soc.collOrder, c)
	writeJSON(w, http.StatusOK, s.collectionOut(c))
}

func (s *Server) handleUpdateCollection(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.collectionArg(w, r, u, true)
	if !ok {
		return
	}
	var in struct {
		Title       *string `json:"title"`
		Description *string `json:"description"`
		IsPublic    *bool   `json:"is_public"`
	}
	if !decodeBody(w, r, &in) || !checkCollectionText(w, in.Title, in.Description) {
		return
	}
	patch(&c.Title, in.Title)
	if in.Description != nil {
		c.Description = in.Description
	}
	patch(&c.IsPublic, in.IsPublic)
	c.UpdatedAt = s.now()
	writeJSON(w, http.StatusOK, s.collectionOut(c))
}

func (s *Server) handleDeleteCollection(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.collectionArg(w, r, u, true)
	if !ok {
		return
	}
	delete(s.soc.collections, c.ID)
	s.soc.collOrder = slices.DeleteFunc(s.soc.collOrder, func(x *collectionRec) bool { return x == c })
	w.WriteHeader(http.StatusNoContent)
}

// maxCollectionNote is the longest note of a collection item.
const maxCollectionNote = 500

func (s *Server) handleAddCollectionItem(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.collectionArg(w, r, u, true)
	if !ok {
		return
	}
	var in struct {
		PostID string  `json:"post_id"`
		Note   *string `json:"note"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !uuidShape.MatchString(in.PostID) {
		validationError(w, []string{"body", "post_id"}, "Input should be a valid UUID")
		return
	}
	if !checkLengths(w, atMost("body", "note", in.Note, maxCollectionNote)) {
		return
	}
	p, ok := s.livePost(w, strings.ToLower(in.PostID))
	if !ok {
		return
	}
	if slices.ContainsFunc(c.items, func(it *collItem) bool { return it.postID == p.ID }) {
		writeError(w, http.StatusConflict, "CONFLICT", "This post is already in the collection")
		return
	}
	it := &collItem{postID: p.ID, note: in.Note, at: s.now()}
	c.items = append(c.items, it)
	c.UpdatedAt = it.at
	writeJSON(w, http.StatusOK, itemOut(it, len(c.items)-1))
}

func (s *Server) handleRemoveCollectionItem(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.collectionArg(w, r, u, true)
	if !ok {
		return
	}
	id := strings.ToLower(r.PathValue("post_id"))
	i := slices.IndexFunc(c.items, func(it *collItem) bool { return it.postID == id })
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "This post is not in the collection")
		return
	}
	c.items = slices.Delete(c.items, i, i+1)
	c.UpdatedAt = s.now()
	w.WriteHeader(http.StatusNoContent)
}
