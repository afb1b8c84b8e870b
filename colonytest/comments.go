package colonytest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Comments: list (20 a page), create, edit, delete, sentinel-scan, and the
// post's context and conversation views built from them.

// commentsPerPage is the server's fixed page size for comments.
const commentsPerPage = 20

// maxCommentBody is the live API's limit on a comment, in characters.
const maxCommentBody = 10000

type comment struct {
	ID        string
	PostID    string
	ParentID  string
	AuthorID  string
	Body      string
	Client    string
	Score     int
	Scanned   bool
	Deleted   bool
	CreatedAt time.Time
	UpdatedAt time.Time
	votes     map[string]int
	reactions map[string]map[string]bool
}

func (s *Server) registerComments() {
	s.readRoute("GET /posts/{post_id}/comments", s.handleListComments)
	s.route("POST /posts/{post_id}/comments", s.handleCreateComment)
	s.readRoute("GET /comments/{comment_id}", s.handleGetComment)
	s.route("PUT /comments/{comment_id}", s.handleUpdateComment)
	s.route("DELETE /comments/{comment_id}", s.handleDeleteComment)
	s.route("PUT /comments/{comment_id}/sentinel-scanned", s.handleScanComment)
	s.route("GET /posts/{post_id}/context", s.handlePostContext)
	s.route("GET /posts/{post_id}/conversation", s.handlePostConversation)
}

func (s *Server) commentOut(c *comment) map[string]any {
	return map[string]any{
		"id":               c.ID,
		"post_id":          c.PostID,
		"author":           s.users[c.AuthorID].out(),
		"parent_id":        nilIfEmpty(c.ParentID),
		"body":             c.Body,
		"safe_text":        nil,
		"content_warnings": []string{},
		"score":            c.Score,
		"source":           "api",
		"client":           nilIfEmpty(c.Client),
		"created_at":       ts(c.CreatedAt),
		"updated_at":       ts(c.UpdatedAt),
		"reactions":        reactionCounts(c.reactions),
	}
}

func (s *Server) liveComment(w http.ResponseWriter, id string) (*comment, bool) {
	return found(w, s.comments, id, "Comment", func(c *comment) bool { return !c.Deleted })
}

func (s *Server) handleScanComment(w http.ResponseWriter, r *http.Request, u *user) {
	s.setScanned(w, r, u, func() (string, *bool, bool) {
		c, ok := s.liveComment(w, r.PathValue("comment_id"))
		if !ok {
			return "", nil, false
		}
		return "comment_id", &c.Scanned, true
	}, r.PathValue("comment_id"))
}

// setScanned is the sentinel-scanned flag route of posts and comments:
func (s *Server) handlePostContext(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	comments := []any{}
	mine := 0
	for _, c := range p.commentList {
		if c.Deleted {
			continue
		}
		if c.AuthorID == u.ID {
			mine++
		}
		if len(comments) < 50 {
			comments = append(comments, s.commentOut(c))
		}
	}
	related := []any{}
	for o := range s.livePostsNewest() {
		if len(related) >= 3 {
			break
		}
		if o != p && o.ColonyID == p.ColonyID {
			related = append(related, s.postOut(o))
		}
	}
	var vote any
	if v, ok := p.votes[u.ID]; ok {
		vote = v
	}
	var col any
	if c := s.colonies[p.ColonyID]; c != nil {
		col = s.colonyOut(c)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"post": s.postOut(p), "comments": comments, "colony": col, "author": s.users[p.AuthorID].out(),
		"related_posts": related, "your_vote": vote, "your_comment_count": mine,
	})
}

func (s *Server) handlePostConversation(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	children := map[string][]*comment{}
	total := 0
	for _, c := range p.commentList {
		if c.Deleted {
			continue
		}
		total++
		children[c.ParentID] = append(children[c.ParentID], c)
	}
	var render func(c *comment) map[string]any
	render = func(c *comment) map[string]any {
		replies := []any{}
		for _, child := range children[c.ID] {
			replies = append(replies, render(child))
		}
		author := s.users[c.AuthorID]
		return map[string]any{"id": c.ID, "body": c.Body, "author": author.out(), "author_username": author.Username,
			"score": c.Score, "created_at": ts(c.CreatedAt), "parent_id": nilIfEmpty(c.ParentID), "replies": replies}
	}
	threads := []any{}
	for _, c := range children[""] {
		threads = append(threads, render(c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"post_id": p.ID, "thread_count": len(threads), "total_comments": total, "threads": threads})
}

func (s *Server) handleListComments(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	pg, ok := queryInt(w, r, "page", 1, 1, 1<<20)
	if !ok {
		return
	}
	live := slices.DeleteFunc(slices.Clone(p.commentList), func(c *comment) bool { return c.Deleted })
	env := page(live, (pg-1)*commentsPerPage, commentsPerPage, func(c *comment) any { return s.commentOut(c) })
	env["page"] = pg
	writeJSON(w, http.StatusOK, env)
}

func (s *Server) handleCreateComment(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		Body     string `json:"body"`
		Client   string `json:"client"`
		ParentID string `json:"parent_id"`
	}
	if !decodeBody(w, r, &in) || !checkText(w, "body", in.Body, maxCommentBody) {
		return
	}
	if s.refuseContent(w, p.ColonyID, u, "comment", in.Body) {
		return
	}
	var parent *comment
	if in.ParentID != "" {
		parent = s.comments[in.ParentID]
		if parent == nil || parent.Deleted || parent.PostID != p.ID {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "Parent comment not found on this post")
			return
		}
	}
	c := s.addCommentLocked(u, p, in.Body, in.Client, in.ParentID)
	s.autoModApply(p.ColonyID, "comment", c.ID, p.ID, c.Body)
	s.notify(p.AuthorID, u.ID, "comment", fmt.Sprintf("%s commented on your post %q", u.Username, p.Title), p.ID, c.ID)
	s.emit(r, Event{Name: "comment_created", Payload: map[string]any{"comment": s.commentOut(c), "post_id": p.ID}})
	if p.AuthorID != u.ID {
		s.emit(r, Event{Name: "comment_on_post", Recipients: []string{p.AuthorID}, Payload: map[string]any{"comment": s.commentOut(c), "post_id": p.ID}})
	}
	if parent != nil && parent.AuthorID != p.AuthorID {
		s.notify(parent.AuthorID, u.ID, "reply", fmt.Sprintf("%s replied to your comment", u.Username), p.ID, c.ID)
	}
	if parent != nil && parent.AuthorID != u.ID {
		s.emit(r, Event{Name: "reply_to_comment", Recipients: []string{parent.AuthorID}, Payload: map[string]any{"comment": s.commentOut(c), "post_id": p.ID}})
	}
	s.notifyMentions(r, u, c.Body, p.ID, c.ID)
	s.notifyWatchers(u, p, c.ID) // bookmarks.go
	writeJSON(w, http.StatusCreated, s.commentOut(c))
}

// addCommentLocked stores a new comment. Call with s.mu held.
func (s *Server) addCommentLocked(u *user, p *post, body, client, parentID string) *comment {
	now := s.now()
	c := &comment{ID: newID(), PostID: p.ID, ParentID: parentID, AuthorID: u.ID, Body: body, Client: client,
		CreatedAt: now, UpdatedAt: now, votes: map[string]int{}, reactions: map[string]map[string]bool{}}
	s.comments[c.ID] = c
	p.commentList = append(p.commentList, c)
	p.Comments++
	p.LastComment = now
	return c
}

// handleGetComment answers one comment: 404 when it, or its post, is gone.
func (s *Server) handleGetComment(w http.ResponseWriter, r *http.Request, _ *user) {
	c, ok := s.liveComment(w, r.PathValue("comment_id"))
	if !ok {
		return
	}
	if p := s.posts[c.PostID]; p == nil || p.Deleted {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Comment not found")
		return
	}
	writeJSON(w, http.StatusOK, s.commentOut(c))
}

func (s *Server) handleUpdateComment(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveComment(w, r.PathValue("comment_id"))
	if !ok || !s.canEdit(w, c.AuthorID, c.CreatedAt, u, "comment") || s.frozen(w, c.ID) {
		return
	}
	body, ok := bodyText(w, r, maxCommentBody)
	if !ok {
		return
	}
	c.Body, c.UpdatedAt = body, s.now()
	writeJSON(w, http.StatusOK, s.commentOut(c))
}

func (s *Server) handleDeleteComment(w http.ResponseWriter, r *http.Request, u *user) {
	c, ok := s.liveComment(w, r.PathValue("comment_id"))
	if !ok || !s.canEdit(w, c.AuthorID, c.CreatedAt, u, "comment") {
		return
	}
	c.Deleted = true
	if p := s.posts[c.PostID]; p != nil {
		p.Comments--
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "deleted", "comment_id": c.ID})
}
